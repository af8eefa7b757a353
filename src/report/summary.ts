/** The job summary: the checklist as a Markdown table, then every finding with a link to its line. */
import type { LintResult } from '../core/lint.js';
import type { Unavailable } from '../core/rule.js';
import type { AnnotationPlan } from './annotations.js';
import { unavailableLine } from './comment.js';
import { codeSpan, inert } from './escape.js';
import { fileUrl, lineUrl, type FileAtCommit } from './links.js';
import { plural, questionList } from '../core/text.js';

/** Findings listed in the summary; the rest are counted (`npx playbook-proof check` prints them all). */
export const SUMMARY_FINDINGS = 200;

export interface SummaryContext {
  file: FileAtCommit;
  /** Set when the playbook is not there or not text: the summary is then one line saying so. */
  unavailable?: Unavailable;
}

/** Renders the job summary for one checked playbook. */
export function formatSummary(result: LintResult, ctx: SummaryContext, plan: AnnotationPlan): string {
  const { passed, total } = result.score;
  const { file } = ctx;
  const out = [`### ${result.passed ? '✅' : '❌'} Playbook proof: ${passed}/${total} criteria pass`, ''];
  if (ctx.unavailable) {
    out.push(unavailableLine(ctx.unavailable, file.path, file.sha));
    return `${out.join('\n')}\n`;
  }
  out.push(
    `[${codeSpan(file.path)}](${fileUrl(file)}) at ${codeSpan(file.sha.slice(0, 7))}`,
    '',
    '| Criterion | Result | Questions |',
    '|---|---|---|',
  );
  for (const c of result.criteria) {
    const mark = c.severity === 'warning' ? (c.findings > 0 ? '⚠️ warning' : '✅') : c.passed ? '✅' : '❌';
    const count = c.findings > 0 ? ` (${c.findings})` : '';
    out.push(`| ${inert(c.title, 160)} | ${mark}${count} | ${questionList(c.questions)} |`);
  }
  if (result.findings.length > 0) {
    out.push('', '#### Findings', '');
    for (const f of result.findings.slice(0, SUMMARY_FINDINGS)) {
      out.push(`- ${f.severity === 'error' ? '❌' : '⚠️'} [line ${f.line}](${lineUrl(file, f.line)}): ${inert(f.message, 300)} _(${f.ruleId})_`);
    }
    const more = result.findings.length - SUMMARY_FINDINGS;
    if (more > 0) out.push(`- …and ${more} more: run \`npx playbook-proof check\` to see them all`);
  }
  const hidden = plan.hidden.error + plan.hidden.warning;
  if (hidden > 0) {
    out.push(
      '',
      `${plural(hidden, 'more finding')} (${plan.hidden.error} errors, ${plan.hidden.warning} warnings) ` +
        `are not shown as annotations: GitHub displays 10 of each type per step. Run \`npx playbook-proof check\` for all of them.`,
    );
  }
  return `${out.join('\n')}\n`;
}
