/** The `--format json` object: stable, documented in the README, held by a test. */
import type { LintResult } from '../core/lint.js';
import { coverageRows, type CoverageRow } from './coverage.js';

export interface JsonReport {
  file: string;
  passed: boolean;
  score: { passed: number; total: number };
  criteria: Array<{ id: string; title: string; severity: 'error' | 'warning'; passed: boolean; findings: number; questions: number[] }>;
  questions: Array<{ number: number; title: string; line: number; difficulty: string | null; passed: boolean }>;
  findings: Array<{
    ruleId: string;
    messageId: string;
    severity: 'error' | 'warning';
    message: string;
    line: number;
    column: number;
    question: number | null;
  }>;
  /** Topic coverage of the lesson's map; null when the coverage rule is off or there are no questions. */
  coverage: CoverageRow[] | null;
}

/** Builds the JSON report object from a lint result. */
export function toJsonReport(result: LintResult): JsonReport {
  return {
    file: result.file,
    passed: result.passed,
    score: { ...result.score },
    criteria: result.criteria.map(({ id, title, severity, passed, findings, questions }) => ({ id, title, severity, passed, findings, questions })),
    questions: result.questions.map(({ number, title, line, difficulty, passed }) => ({ number, title, line, difficulty, passed })),
    findings: result.findings.map(({ ruleId, messageId, severity, message, line, column, question }) => ({
      ruleId,
      messageId,
      severity,
      message,
      line,
      column,
      question,
    })),
    coverage: coverageRows(result),
  };
}

/** Serialises the JSON report, one object, two-space indented, ending in a newline. */
export function formatJson(result: LintResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}
