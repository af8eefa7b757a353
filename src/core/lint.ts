/**
 * The pure core: text and options in, a result out. No file system, git, network or Actions here.
 */
import { DEFAULT_PATH, optionsFor, resolveConfig, type Config, type RuleId } from '../config.js';
import { rules as builtinRules } from '../rules/index.js';
import { parsePlaybook } from './parse.js';
import type { MessageData, Report, Rule, Unavailable } from './rule.js';
import type { Playbook, Severity } from './types.js';

export interface Finding {
  ruleId: RuleId;
  messageId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  /** The question's number, or null for a whole-document finding. */
  question: number | null;
  /** The line of the question's heading (two questions may share a number), or null. */
  questionLine: number | null;
  data: MessageData;
}

export interface CriterionResult {
  id: RuleId;
  title: string;
  severity: Severity;
  /** A warning rule always passes: warnings never fail a criterion. */
  passed: boolean;
  /** How many findings the rule reported. */
  findings: number;
  /** Numbers of the questions it failed, in order, without repeats. */
  questions: number[];
}

export interface QuestionResult {
  number: number;
  title: string;
  line: number;
  difficulty: string | null;
  passed: boolean;
}

export interface LintResult {
  file: string;
  passed: boolean;
  score: { passed: number; total: number };
  criteria: CriterionResult[];
  questions: QuestionResult[];
  findings: Finding[];
  playbook: Playbook;
}

export interface LintOptions {
  /** The playbook's path relative to the repository root (for the location criterion and output). */
  path?: string;
  config?: Config;
  /**
   * The rules to run, in checklist order: the built-in ones by default. A custom rule is added to the list
   * (`[...rules, myRule]`); its options and severity then come from the same configuration.
   */
  rules?: readonly Rule[];
  /** The playbook could not be read (the Action, reading it through the API): checks an empty document and says why. */
  unavailable?: Unavailable;
}

/** Parses a playbook and runs every enabled rule on it. */
export function lint(source: string, options: LintOptions = {}): LintResult {
  const rules: readonly Rule[] = options.rules ?? builtinRules;
  const config = options.config ?? resolveConfig({}, rules);
  const path = options.path ?? DEFAULT_PATH;
  const playbook = parsePlaybook(options.unavailable ? '' : source);
  const findings: Finding[] = [];
  const criteria: CriterionResult[] = [];
  // by heading line, since two questions may share a number
  const failingLines = new Set<number>();

  for (const rule of rules) {
    const setting = config.rules[rule.id] ?? rule.severity;
    if (setting === 'off') continue;
    const severity: Severity = setting;
    const before = findings.length;
    const report = (report: Report<string>): void => {
      findings.push(toFinding(rule, severity, report, playbook));
      if (severity === 'error' && report.question) failingLines.add(report.question.line);
    };
    const values = optionsFor(rule, config);
    rule.check({ doc: playbook, options: values, path, report, unavailable: options.unavailable ?? null });
    const own = findings.slice(before);
    criteria.push({
      id: rule.id,
      title: rule.title(values),
      severity,
      passed: severity === 'warning' || own.length === 0,
      findings: own.length,
      questions: uniqueQuestions(own),
    });
  }

  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  const counted = criteria.filter((criterion) => criterion.severity === 'error');
  const passedCount = counted.filter((criterion) => criterion.passed).length;
  return {
    file: path,
    passed: passedCount === counted.length,
    score: { passed: passedCount, total: counted.length },
    criteria,
    questions: playbook.questions.map((question) => ({
      number: question.number,
      title: question.title,
      line: question.line,
      difficulty: question.difficulty?.level ?? null,
      passed: !failingLines.has(question.line),
    })),
    findings,
    playbook,
  };
}

function toFinding(rule: Rule, severity: Severity, report: Report<string>, playbook: Playbook): Finding {
  const template = Object.hasOwn(rule.messages, report.messageId) ? rule.messages[report.messageId] : undefined;
  if (template === undefined) throw new Error(`Rule ${rule.id} reported unknown message id "${report.messageId}"`);
  const line = report.node?.line;
  if (!Number.isInteger(line) || line < 1 || line > Math.max(1, playbook.lineCount)) {
    throw new Error(`Rule ${rule.id} reported "${report.messageId}" at line ${String(line)}, outside the document`);
  }
  const data = report.data ?? {};
  const message = template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!Object.hasOwn(data, key)) throw new Error(`Rule ${rule.id} message "${report.messageId}" lacks data "${key}"`);
    return String(data[key]);
  });
  return {
    ruleId: rule.id,
    messageId: report.messageId,
    severity,
    message,
    line,
    column: report.node.column ?? 1,
    question: report.question ? report.question.number : null,
    questionLine: report.question ? report.question.line : null,
    data,
  };
}

function uniqueQuestions(findings: Finding[]): number[] {
  const seen = new Set<number>();
  for (const finding of findings) if (finding.question !== null) seen.add(finding.question);
  return [...seen];
}
