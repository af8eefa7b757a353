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
  /** Only in the Action's `result` output, when it had to be cut under GitHub's 1 MB: how many were left out. */
  truncated?: { findings: number; questions: number };
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

/** GitHub refuses a step output over 1 MB; the `result` output stays under this many bytes of UTF-8. */
export const OUTPUT_LIMIT_BYTES = 1_000_000;

/**
 * The largest `keep` in 0..max whose JSON fits `limit` bytes, and that JSON; null when even 0 does not fit.
 * `build(keep)` must grow with `keep`.
 */
export function fitJson(build: (keep: number) => unknown, max: number, limit: number): { keep: number; json: string } | null {
  const fits = (keep: number): string | null => {
    const json = JSON.stringify(build(keep));
    return Buffer.byteLength(json, 'utf8') <= limit ? json : null;
  };
  const all = fits(max);
  if (all !== null) return { keep: max, json: all };
  let low = 0;
  let best = fits(0);
  if (best === null) return null;
  let high = max - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const json = fits(mid);
    if (json === null) high = mid - 1;
    else {
      low = mid;
      best = json;
    }
  }
  return { keep: low, json: best };
}

/**
 * The JSON report as one line for the Action's `result` output, under `limit` bytes: findings are dropped
 * from the end first, then questions, and `truncated` counts what was left out.
 */
export function jsonReportOutput(result: LintResult, limit = OUTPUT_LIMIT_BYTES): string {
  const report = toJsonReport(result);
  const { findings, questions } = report;
  const withFindings = (keep: number) => ({
    ...report,
    findings: findings.slice(0, keep),
    ...(keep < findings.length && { truncated: { findings: findings.length - keep, questions: 0 } }),
  });
  const fitted = fitJson(withFindings, findings.length, limit);
  if (fitted) return fitted.json;
  const withQuestions = (keep: number) => ({
    ...report,
    findings: [],
    questions: questions.slice(0, keep),
    truncated: { findings: findings.length, questions: questions.length - keep },
  });
  return fitJson(withQuestions, questions.length, limit)?.json ?? JSON.stringify({ ...withQuestions(0), criteria: [] });
}
