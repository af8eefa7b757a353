/** The job summary: the checklist as a Markdown table, plus what the annotations could not show. */
import type { LintResult } from '../core/lint.js';
import type { AnnotationPlan } from './annotations.js';
import { codeSpan, inert } from './escape.js';
import { questionList } from './terminal.js';

/** Renders the job summary for one checked playbook. */
export function formatSummary(result: LintResult, path: string, sha: string, plan: AnnotationPlan): string {
  const { passed, total } = result.score;
  const out = [
    `### ${result.passed ? '✅' : '❌'} Playbook proof: ${passed}/${total} criteria pass`,
    '',
    `${codeSpan(path)} at ${codeSpan(sha.slice(0, 7))}`,
    '',
    '| Criterion | Result | Questions |',
    '|---|---|---|',
  ];
  for (const c of result.criteria) {
    const mark = c.severity === 'warning' ? (c.findings > 0 ? '⚠️ warning' : '✅') : c.passed ? '✅' : '❌';
    const count = c.findings > 0 ? ` (${c.findings})` : '';
    out.push(`| ${inert(c.title, 160)} | ${mark}${count} | ${questionList(c.questions)} |`);
  }
  const hidden = plan.hidden.error + plan.hidden.warning;
  if (hidden > 0) {
    out.push(
      '',
      `${hidden} more finding${hidden === 1 ? '' : 's'} (${plan.hidden.error} errors, ${plan.hidden.warning} warnings) ` +
        `are not shown as annotations: GitHub displays 10 of each type per step. Run \`npx playbook-proof check\` for all of them.`,
    );
  }
  return `${out.join('\n')}\n`;
}
