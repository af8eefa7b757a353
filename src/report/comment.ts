/** The pull-request checklist comment: pure Markdown from a lint result. */
import type { CriterionResult, Finding, LintResult, QuestionResult } from '../core/lint.js';
import { coverageRows, formatCoverageMarkdown } from './coverage.js';
import { codeSpan, fit, inert } from './escape.js';

/** Hidden marker the Action finds its comment by (together with the comment's author). */
export const COMMENT_MARKER = '<!-- playbook-proof:checklist -->';

/** GitHub refuses comment bodies longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface CommentContext {
  /** https://github.com, or a GitHub Enterprise Server URL. */
  serverUrl: string;
  /** The repository the pull request belongs to. */
  owner: string;
  repo: string;
  /** The commit checked: the pull request's head. */
  sha: string;
  /** The playbook's path in the repository. */
  path: string;
  /** The proof label's name. */
  label: string;
  version: string;
}

/** Link to a line of the playbook at the checked commit. */
export function lineUrl(ctx: CommentContext, line: number): string {
  const path = ctx.path.split('/').map(encodeURIComponent).join('/');
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${ctx.sha}/${path}#L${line}`;
}

/** Renders the checklist comment, kept under `limit` characters however many findings there are. */
export function formatComment(result: LintResult, ctx: CommentContext, limit = GITHUB_COMMENT_LIMIT): string {
  const short = ctx.sha.slice(0, 7);
  const { passed, total } = result.score;
  const fileLink = `[${codeSpan(ctx.path)}](${lineUrl(ctx, 1).replace(/#L1$/, '')})`;
  const commitLink = `[\`${short}\`](${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/commit/${ctx.sha})`;
  const head = [
    COMMENT_MARKER,
    `### ${result.passed ? '✅' : '❌'} Playbook proof: ${passed}/${total} criteria pass`,
    '',
    `Checked ${fileLink} at commit ${commitLink}.`,
    '',
  ];
  const rows = coverageRows(result);
  const tail = [
    ...(rows === null ? [] : ['', formatCoverageMarkdown(rows)]),
    '',
    result.passed
      ? `All criteria pass: the ${codeSpan(ctx.label, 50)} label is on. Keep it that way: this comment updates on every push.`
      : `**Next:** fix the items above and push. This comment updates itself, and the ${codeSpan(ctx.label, 50)} label turns on once every criterion passes.`,
    '',
    `<sub>playbook-proof ${inert(ctx.version, 20)} · commit ${short}</sub>`,
  ];
  const questions = new Map<number, QuestionResult[]>();
  for (const q of result.questions) questions.set(q.number, [...(questions.get(q.number) ?? []), q]);
  const byRule = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byRule.get(finding.ruleId) ?? [];
    list.push(finding);
    byRule.set(finding.ruleId, list);
  }

  // room left once the fixed parts and one "…and N more" line per criterion are counted
  const reserve = head.join('\n').length + tail.join('\n').length + result.criteria.length * 120 + 64;
  let budget = limit - reserve;
  const body: string[] = [];
  for (const criterion of result.criteria) {
    const findings = byRule.get(criterion.id) ?? [];
    body.push(criterionLine(criterion));
    let shown = 0;
    for (const finding of findings) {
      const line = `  - ${findingLine(finding, ctx, questions)}`;
      if (line.length + 1 > budget) break;
      body.push(line);
      budget -= line.length + 1;
      shown++;
    }
    if (shown < findings.length) body.push(`  - …and ${findings.length - shown} more`);
  }
  return fit([...head, ...body, ...tail].join('\n'), limit);
}

function criterionLine(criterion: CriterionResult): string {
  const title = inert(criterion.title, 160);
  if (criterion.severity === 'warning') {
    return criterion.findings > 0 ? `- ⚠️ ${title} _(warning, not counted)_` : `- ✅ ${title}`;
  }
  return `- ${criterion.passed ? '✅' : '❌'} ${title}`;
}

function findingLine(finding: Finding, ctx: CommentContext, questions: Map<number, QuestionResult[]>): string {
  const url = lineUrl(ctx, finding.line);
  const message = inert(finding.message, 300);
  if (finding.question === null) return `[line ${finding.line}](${url}): ${message}`;
  // the question the finding sits in: of those with its number (numbers can repeat), the last one above it
  const candidates = questions.get(finding.question) ?? [];
  const question = candidates.filter((q) => q.line <= finding.line).pop() ?? candidates[0];
  const label = question?.title ? `Q${finding.question} · ${question.title}` : `Q${finding.question}`;
  return `[${inert(label, 80)}](${url}): ${message}`;
}
