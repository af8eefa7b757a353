/** The terminal report: findings as `path:line:col  severity  message  rule`, the checklist, a verdict. */
import pc from 'picocolors';
import type { LintResult } from '../core/lint.js';
import { plural } from '../core/text.js';
import { coverageRows, formatCoverageTerminal } from './coverage.js';

export interface TerminalOptions {
  /** Use ANSI colours (the CLI decides: a TTY without NO_COLOR). */
  color: boolean;
  /** Path to print in front of each finding (as the user typed it). */
  displayPath?: string;
  /** Replaces "then check again" after a failing verdict (the hook says how to commit). */
  nextStep?: string;
  /** Print the topic coverage table before the verdict (the `check` command does). */
  coverage?: boolean;
}

/** Lists question numbers as "Q3, Q7 and 4 more". */
export function questionList(numbers: readonly number[], max = 8): string {
  const shown = numbers.slice(0, max).map((n) => `Q${n}`);
  const more = numbers.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** Renders a lint result for a terminal. */
export function formatTerminal(result: LintResult, options: TerminalOptions): string {
  const c = pc.createColors(options.color);
  const path = options.displayPath ?? result.file;
  const out: string[] = [];
  for (const f of result.findings) {
    const severity = f.severity === 'error' ? c.red('error  ') : c.yellow('warning');
    out.push(`${c.dim(`${path}:${f.line}:${f.column}`)}  ${severity}  ${f.message}  ${c.dim(f.ruleId)}`);
  }
  if (out.length > 0) out.push('');
  out.push(c.bold(`Playbook checklist for ${path}`));
  for (const criterion of result.criteria) {
    if (criterion.severity === 'warning') {
      const note = criterion.findings > 0 ? ` ${c.dim(`(${plural(criterion.findings, 'warning')}: ${questionList(criterion.questions)})`)}` : '';
      out.push(`  ${criterion.findings > 0 ? c.yellow('⚠') : c.green('✔')} ${criterion.title}${note}`);
    } else if (criterion.passed) {
      out.push(`  ${c.green('✔')} ${criterion.title}`);
    } else {
      const which = criterion.questions.length > 0 ? questionList(criterion.questions) : plural(criterion.findings, 'problem');
      out.push(`  ${c.red('✖')} ${criterion.title} ${c.dim(`(${which})`)}`);
    }
  }
  out.push('');
  const rows = options.coverage ? coverageRows(result) : null;
  if (rows !== null) out.push(formatCoverageTerminal(rows, options.color));
  const { passed, total } = result.score;
  if (result.passed) {
    out.push(c.green(c.bold(`✔ ${passed}/${total} criteria pass: the playbook is complete.`)));
  } else {
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    out.push(
      c.red(c.bold(`✖ ${passed}/${total} criteria pass.`)) +
        ` Fix the ${plural(errors, 'error')} above, starting at line ${firstErrorLine(result)}, ${options.nextStep ?? 'then check again.'}`,
    );
  }
  return `${out.join('\n')}\n`;
}

function firstErrorLine(result: LintResult): number {
  return result.findings.find((f) => f.severity === 'error')?.line ?? 1;
}
