/**
 * The terminal report: the checklist, each failing criterion followed by its first findings as
 * `path:line:col  message`, the warnings apart (they are not counted), and a verdict.
 */
import pc from 'picocolors';
import type { CriterionResult, Finding, LintResult } from '../core/lint.js';
import { plural, questionList } from '../core/text.js';
import { stripControls } from './sanitize.js';
import { coverageRows, formatCoverageTerminal } from './coverage.js';

export interface TerminalOptions {
  /** Use ANSI colours (the CLI decides: a TTY without NO_COLOR). */
  color: boolean;
  /** Path to print in front of each finding (as the user typed it). */
  displayPath?: string;
  /** Replaces "then check again" after a failing verdict (the hook says how to commit). */
  nextStep?: string;
  /** List every finding; by default each criterion shows its first `perCriterion`. */
  all?: boolean;
  /** Findings shown under each criterion without `all` (default 3). */
  perCriterion?: number;
  /** How to see the rest, after "… and N more" (default: "--all lists every one"). */
  moreHint?: string;
  /** Print the topic coverage table before the verdict (the `check` command does). */
  coverage?: boolean;
}

/** Renders a lint result for a terminal; learner text in it has control characters and bidi overrides removed. */
export function formatTerminal(result: LintResult, options: TerminalOptions): string {
  const c = pc.createColors(options.color);
  const path = stripControls(options.displayPath ?? result.file);
  const limit = options.all ? Infinity : (options.perCriterion ?? 3);
  const hint = options.moreHint ?? '--all lists every one';
  const byRule = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }

  const findingLines = (criterion: CriterionResult): string[] => {
    const findings = byRule.get(criterion.id) ?? [];
    const lines = findings.slice(0, limit).map((f) => `      ${c.dim(`${path}:${f.line}:${f.column}`)}  ${stripControls(f.message)}`);
    const more = findings.length - Math.min(findings.length, limit);
    if (more > 0) lines.push(`      ${c.dim(`… and ${more} more (${hint})`)}`);
    return lines;
  };

  const out: string[] = [c.bold(`Playbook checklist for ${path}`)];
  const errors = result.criteria.filter((criterion) => criterion.severity === 'error');
  const warnings = result.criteria.filter((criterion) => criterion.severity === 'warning');
  for (const criterion of errors) {
    const title = stripControls(criterion.title);
    if (criterion.passed) {
      out.push(`  ${c.green('✔')} ${title}`);
      continue;
    }
    const which = criterion.questions.length > 0 ? questionList(criterion.questions) : plural(criterion.findings, 'problem');
    out.push(`  ${c.red('✖')} ${title} ${c.dim(`(${which})`)}`, ...findingLines(criterion));
  }
  if (warnings.length > 0) {
    out.push(c.bold('Advice (warnings, not counted in the score)'));
    for (const criterion of warnings) {
      const title = stripControls(criterion.title);
      if (criterion.findings === 0) {
        out.push(`  ${c.green('✔')} ${title}`);
        continue;
      }
      // whole-document warnings (a topic no question covers) name no question
      const which = criterion.questions.length > 0 ? `: ${questionList(criterion.questions)}` : '';
      out.push(`  ${c.yellow('⚠')} ${title} ${c.dim(`(${plural(criterion.findings, 'warning')}${which})`)}`, ...findingLines(criterion));
    }
  }
  out.push('');
  const rows = options.coverage ? coverageRows(result) : null;
  if (rows !== null) out.push(formatCoverageTerminal(rows, options.color));
  const { passed, total } = result.score;
  if (result.passed) {
    out.push(c.green(c.bold(`✔ ${passed}/${total} criteria pass: the playbook is complete.`)));
  } else {
    const count = result.findings.filter((f) => f.severity === 'error').length;
    out.push(
      c.red(c.bold(`✖ ${passed}/${total} criteria pass.`)) +
        ` Fix the ${plural(count, 'error')}, starting at line ${firstError(result)?.line ?? 1}, ${options.nextStep ?? 'then check again.'}`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** The error on the lowest line: where "starting at line N" and the hook's "Next: fix …" point. */
export function firstError(result: LintResult): Finding | undefined {
  let first: Finding | undefined;
  for (const f of result.findings) if (f.severity === 'error' && (first === undefined || f.line < first.line)) first = f;
  return first;
}
