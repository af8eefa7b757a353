/** The pull-request checklist comment: pure Markdown from a lint result. */
import type { CriterionResult, Finding, LintResult, QuestionResult } from '../core/lint.js';
import type { Unavailable } from '../core/rule.js';
import { coverageRows, formatCoverageMarkdown } from './coverage.js';
import { codeSpan, fit, inert } from './escape.js';
import { questionList } from '../core/text.js';
import { commitUrl, fileUrl, lineUrl as fileLineUrl, repoUrl, type FileAtCommit } from './links.js';

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
  /** What the review comments on the failing lines cover, when the Action posts them. */
  review?: ReviewNotice;
  /** Set when the playbook is not there or not text: the comment is then one line saying so. */
  unavailable?: Unavailable;
}

/** Which failing questions have a review comment on their line, and why the others have none. */
export interface ReviewNotice {
  inline: number[];
  notInDiff: number[];
  overCap: number[];
  cap: number;
  /** Why no line of the playbook can carry a comment, when that is the reason for `notInDiff`. */
  placement: 'not-changed' | 'no-patch' | null;
}

/** The checked file, for links. */
export function checkedFile(ctx: CommentContext): FileAtCommit {
  return { repoUrl: repoUrl(ctx.serverUrl, ctx.owner, ctx.repo), sha: ctx.sha, path: ctx.path };
}

/** Link to a line of the playbook at the checked commit, in its plain-text view so the line is shown. */
export function lineUrl(ctx: CommentContext, line: number): string {
  return fileLineUrl(checkedFile(ctx), line);
}

/**
 * Renders the checklist comment, kept under `limit` characters however many findings there are. A playbook
 * that is not there, or not text, gets one line saying so instead of a checklist of an empty document.
 */
export function formatComment(result: LintResult, ctx: CommentContext, limit = GITHUB_COMMENT_LIMIT): string {
  if (ctx.unavailable) return formatUnavailable(ctx.unavailable, ctx);
  const short = ctx.sha.slice(0, 7);
  const { passed, total } = result.score;
  const fileLink = `[${codeSpan(ctx.path)}](${fileUrl(checkedFile(ctx))})`;
  const commitLink = `[\`${short}\`](${commitUrl(checkedFile(ctx))})`;
  const head = [
    COMMENT_MARKER,
    `### ${result.passed ? '✅' : '❌'} Playbook proof: ${passed}/${total} criteria pass`,
    '',
    `Checked ${fileLink} at commit ${commitLink}.`,
    '',
    ...(ctx.review ? reviewLines(ctx.review) : []),
  ];
  const rows = coverageRows(result);
  const tail = [
    ...(rows === null ? [] : ['', formatCoverageMarkdown(rows)]),
    '',
    result.passed
      ? `All criteria pass: the ${codeSpan(ctx.label, 50)} label is on. Keep it that way: this comment updates on every push.`
      : `**Next:** fix the items above and push. This comment updates itself, and the ${codeSpan(ctx.label, 50)} label turns on once every criterion passes.`,
    '',
    footer(ctx),
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

function reviewLines(notice: ReviewNotice): string[] {
  const verb = (list: number[], one: string, many: string) => `${questionList(list)} ${list.length === 1 ? one : many}`;
  const lines: string[] = [];
  if (notice.inline.length > 0)
    lines.push(
      `💬 ${verb(notice.inline, 'has a review comment on its line, with the fix', 'have review comments on their lines, each with the fix')}.`,
    );
  if (notice.notInDiff.length > 0) {
    const why =
      notice.placement === 'not-changed'
        ? 'this pull request does not change the playbook, and GitHub takes review comments only on changed lines'
        : notice.placement === 'no-patch'
          ? 'GitHub shows no diff of the playbook (too large), so its lines take no review comment'
          : `${notice.notInDiff.length === 1 ? 'its lines are' : 'their lines are'} not in this pull request's diff`;
    lines.push(`${verb(notice.notInDiff, 'is', 'are')} listed here only: ${why}.`);
  }
  if (notice.overCap.length > 0)
    lines.push(`${verb(notice.overCap, 'is', 'are')} listed here only: at most ${notice.cap} review comments are open at a time.`);
  return lines.length > 0 ? [...lines, ''] : [];
}

/** One line for a playbook that could not be checked: what is wrong, where, and what to do. */
export function unavailableLine(unavailable: Unavailable, path: string, sha: string): string {
  return unavailable.kind === 'missing'
    ? `No playbook at ${codeSpan(path)} in commit ${codeSpan(sha.slice(0, 7))}: the lesson asks for it at that path. Add it there (or move it) and push.`
    : `The playbook ${codeSpan(path)} in commit ${codeSpan(sha.slice(0, 7))} ${inert(unavailable.reason, 300)}.`;
}

function formatUnavailable(unavailable: Unavailable, ctx: CommentContext): string {
  const title = unavailable.kind === 'missing' ? `no playbook at ${codeSpan(ctx.path)}` : `${codeSpan(ctx.path)} cannot be checked`;
  const where = unavailable.kind === 'missing' ? '' : ` ([file](${fileUrl(checkedFile(ctx))}))`;
  return [
    COMMENT_MARKER,
    `### ❌ Playbook proof: ${title}`,
    '',
    `${unavailableLine(unavailable, ctx.path, ctx.sha)}${where}`,
    '',
    `This comment updates itself, and the ${codeSpan(ctx.label, 50)} label turns on once every criterion passes.`,
    '',
    footer(ctx),
  ].join('\n');
}

/**
 * The comment for a commit that could not be checked at all (the API failed, timed out or rate-limited):
 * it replaces any earlier verdict, so no "✅" stands for a head that was not checked.
 */
export function formatUncheckedComment(reason: string, ctx: CommentContext): string {
  const short = ctx.sha.slice(0, 7);
  return [
    COMMENT_MARKER,
    `### ⚠️ Playbook proof: not checked at [\`${short}\`](${commitUrl(checkedFile(ctx))})`,
    '',
    `playbook-proof could not check ${codeSpan(ctx.path)} at this commit: ${inert(reason, 500)}`,
    '',
    `Any earlier result is out of date: the ${codeSpan(ctx.label, 50)} label is off until a run checks this commit. Re-run the job to try again.`,
    '',
    footer(ctx),
  ].join('\n');
}

function footer(ctx: CommentContext): string {
  return `<sub>playbook-proof ${inert(ctx.version, 20)} · commit ${ctx.sha.slice(0, 7)}</sub>`;
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
