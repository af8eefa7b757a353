/**
 * Review comments on the failing lines: one comment per failing question, rendered from the lint result, and
 * the plan that brings the pull request's own review threads in line with it (pure: no API calls here).
 */
import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import type { Finding, LintResult } from '../core/lint.js';
import { GITHUB_COMMENT_LIMIT } from './comment.js';
import { fit, inert } from './escape.js';
import { fixFor, fixUrl } from './fixes.js';

/** At most this many open review comments per pull request; the other failing questions stay in the checklist. */
export const REVIEW_COMMENT_CAP = 15;

const MARKER = /<!-- playbook-proof:review q=(\d+) (digest|fixed|moved|gone)=([0-9a-f]{7,64}) -->/;

/** The comment a failing question gets, and where it may go. */
export interface QuestionComment {
  question: number;
  /** Lines of the question's findings, ascending: the comment goes on the first one in the diff. */
  lines: number[];
  /** Hash of the comment's text: an unchanged digest means an unchanged comment. */
  digest: string;
  body: string;
}

/** A review thread of the pull request whose first comment this token wrote with the marker. */
export interface OwnThread {
  /** GraphQL node id, for resolveReviewThread. */
  id: string;
  /** REST id of the thread's first comment. */
  commentId: number;
  body: string;
  isResolved: boolean;
  /** GitHub can no longer place it on the diff: its line changed since. */
  isOutdated: boolean;
}

/** What the marker of a comment says: the question, and its digest while open. */
export interface ReviewMarker {
  question: number;
  state: 'open' | 'fixed' | 'moved' | 'gone';
  /** The digest of an open comment, the commit of a fixed or moved one. */
  value: string;
}

/** Where new comments can go: the right-side lines of the playbook's diff, or why there are none. */
export type Placement = { kind: 'lines'; lines: ReadonlySet<number> } | { kind: 'none'; why: 'not-changed' | 'no-patch' };

export interface ReviewPlan {
  create: Array<{ question: number; line: number; body: string }>;
  update: Array<{ question: number; commentId: number; body: string }>;
  /** Rewritten with a note, then resolved. */
  resolve: Array<{ question: number; threadId: string; commentId: number; body: string }>;
  /** Duplicates (concurrent runs): deleted. */
  remove: Array<{ question: number; commentId: number }>;
  /** Failing questions with a comment on their line after the plan, ascending. */
  inline: number[];
  /** Failing questions whose lines are not in the diff. */
  notInDiff: number[];
  /** Failing questions left out by the cap. */
  overCap: number[];
  /** Why the failing questions have no place in the diff, when none has. */
  placement: Placement | null;
}

/** Reads a comment's marker, or null when it has none. */
export function readMarker(body: string): ReviewMarker | null {
  const match = MARKER.exec(body);
  if (!match) return null;
  const state = match[2] === 'digest' ? 'open' : (match[2] as ReviewMarker['state']);
  return { question: Number(match[1]), state, value: match[3]! };
}

/** True when the text carries a review marker (anybody's: the author is checked separately). */
export function hasMarker(body: string): boolean {
  return MARKER.test(body);
}

/** One comment per question with an error finding, in the order of the question's first finding. */
export function questionComments(result: LintResult, config: Config): QuestionComment[] {
  const byQuestion = new Map<number, Finding[]>();
  for (const finding of result.findings) {
    if (finding.question === null) continue;
    byQuestion.set(finding.question, [...(byQuestion.get(finding.question) ?? []), finding]);
  }
  const comments: QuestionComment[] = [];
  for (const [question, findings] of byQuestion) {
    if (!findings.some((f) => f.severity === 'error')) continue;
    const title = result.questions.find((q) => q.number === question)?.title ?? '';
    const text = commentText(question, title, findings, config);
    const digest = createHash('sha256').update(text).digest('hex').slice(0, 12);
    const lines = [...new Set(findings.map((f) => f.line))].sort((a, b) => a - b);
    comments.push({
      question,
      lines,
      digest,
      body: fit(`<!-- playbook-proof:review q=${question} digest=${digest} -->\n${text}`, GITHUB_COMMENT_LIMIT),
    });
  }
  return comments.sort((a, b) => a.lines[0]! - b.lines[0]! || a.question - b.question);
}

function commentText(question: number, title: string, findings: Finding[], config: Config): string {
  const heading = title ? `Q${question} · ${title}` : `Q${question}`;
  const items = findings.map((finding) => {
    const mark = finding.severity === 'error' ? '❌' : '⚠️';
    const warning = finding.severity === 'warning' ? ' _(warning)_' : '';
    const fix = fixFor(finding, config, (value) => inert(value, 80));
    const how = `[${finding.ruleId}](${fixUrl(finding.ruleId)})`;
    return `- ${mark} ${inert(finding.message, 300)}${warning}\n  **Fix:** ${fix ?? 'see the rule page'} ${how}`;
  });
  return [
    `**${inert(heading, 120)}** fails the playbook's criteria:`,
    '',
    ...items,
    '',
    `<sub>playbook-proof updates this comment when these findings change and resolves it once Q${question} passes.</sub>`,
  ].join('\n');
}

/** The failing questions that have no open comment to keep: only for these does the diff need reading. */
export function needsPlacement(comments: readonly QuestionComment[], threads: readonly OwnThread[]): boolean {
  const sorted = sortThreads(threads);
  return comments.some((c) => current(sorted, c.question) === undefined && !dismissed(sorted, c));
}

/**
 * Brings the threads in line with the comments: a question whose comment is unchanged keeps it, a changed
 * one is updated in place, a new one is created on the first of its lines in the diff (up to `cap` open
 * comments), a fixed one is resolved with a note naming `sha` (a question no longer in the playbook, `present`,
 * with a note saying so). A thread the learner resolved while its text was current stays resolved.
 * `placement` may be null only when `needsPlacement` is false.
 */
export function planReview(
  comments: readonly QuestionComment[],
  threads: readonly OwnThread[],
  placement: Placement | null,
  sha: string,
  present: ReadonlySet<number>,
  cap = REVIEW_COMMENT_CAP,
): ReviewPlan {
  const plan: ReviewPlan = { create: [], update: [], resolve: [], remove: [], inline: [], notInDiff: [], overCap: [], placement: null };
  const sorted = sortThreads(threads);
  const failing = new Set(comments.map((c) => c.question));
  const short = sha.slice(0, 7);
  const handled = new Set<number>();
  let open = 0;

  // open comments first, so the cap never displaces a comment the learner already has
  const pending: QuestionComment[] = [];
  for (const comment of comments) {
    const keep = current(sorted, comment.question);
    if (keep) {
      if (readMarker(keep.body)!.value !== comment.digest)
        plan.update.push({ question: comment.question, commentId: keep.commentId, body: comment.body });
      handled.add(keep.commentId);
      plan.inline.push(comment.question);
      open++;
    } else if (dismissed(sorted, comment)) {
      plan.inline.push(comment.question);
    } else {
      pending.push(comment);
    }
  }
  for (const comment of pending) {
    const stale = outdated(sorted, comment.question);
    const line = placement?.kind === 'lines' ? comment.lines.find((l) => placement.lines.has(l)) : undefined;
    if (line !== undefined && open < cap) {
      plan.create.push({ question: comment.question, line, body: comment.body });
      plan.inline.push(comment.question);
      open++;
    } else if (stale) {
      // no better place for it: the outdated comment stays, with the current text
      if (readMarker(stale.body)!.value !== comment.digest)
        plan.update.push({ question: comment.question, commentId: stale.commentId, body: comment.body });
      handled.add(stale.commentId);
      plan.inline.push(comment.question);
      open++;
    } else if (line !== undefined) {
      plan.overCap.push(comment.question);
    } else {
      plan.notInDiff.push(comment.question);
    }
  }

  retire(
    plan,
    sorted.filter((t) => !handled.has(t.commentId)),
    failing,
    present,
    short,
  );
  plan.inline.sort((a, b) => a - b);
  if (plan.notInDiff.length > 0 && placement?.kind === 'none') plan.placement = placement;
  return plan;
}

/** The open threads no question keeps: duplicates are deleted, the others resolved with a note saying why. */
function retire(plan: ReviewPlan, threads: OwnThread[], failing: ReadonlySet<number>, present: ReadonlySet<number>, short: string): void {
  for (const thread of threads) {
    const marker = readMarker(thread.body)!;
    if (marker.state !== 'open' || thread.isResolved) continue;
    const { question } = marker;
    if (isCurrent(thread) && failing.has(question)) {
      // its question kept an older comment: this one is a concurrent run's duplicate
      plan.remove.push({ question, commentId: thread.commentId });
      continue;
    }
    const body = failing.has(question)
      ? movedBody(thread.body, question, short)
      : present.has(question)
        ? fixedBody(thread.body, question, short)
        : goneBody(thread.body, question, short);
    plan.resolve.push({ question, threadId: thread.id, commentId: thread.commentId, body });
  }
}

/** The comment of a question that passes now: a line saying since when, the old text folded below. */
export function fixedBody(previous: string, question: number, short: string): string {
  return noted(previous, `<!-- playbook-proof:review q=${question} fixed=${short} -->\n✅ **Q${question} passes** as of commit \`${short}\`.`);
}

/** The comment of a question whose line changed: its text continues in a new comment. */
export function movedBody(previous: string, question: number, short: string): string {
  return noted(
    previous,
    `<!-- playbook-proof:review q=${question} moved=${short} -->\n↪️ **Q${question}** still fails; its line changed in \`${short}\`, so a new comment on the current line takes over.`,
  );
}

/** The comment of a question that is not in the playbook any more (renumbered or deleted). */
export function goneBody(previous: string, question: number, short: string): string {
  return noted(
    previous,
    `<!-- playbook-proof:review q=${question} gone=${short} -->\n➖ **Q${question}** is not in the playbook as of commit \`${short}\`.`,
  );
}

function noted(previous: string, head: string): string {
  const old = previous.replace(MARKER, '').trim();
  return fit(`${head}\n\n<details><summary>What this comment said</summary>\n\n${old}\n\n</details>`, GITHUB_COMMENT_LIMIT);
}

// Threads oldest first (REST ids grow), so "the first" of several is the one to keep.
function sortThreads(threads: readonly OwnThread[]): OwnThread[] {
  return [...threads].filter((t) => readMarker(t.body) !== null).sort((a, b) => a.commentId - b.commentId);
}

function isCurrent(thread: OwnThread): boolean {
  return !thread.isResolved && !thread.isOutdated && readMarker(thread.body)!.state === 'open';
}

function current(threads: OwnThread[], question: number): OwnThread | undefined {
  return threads.find((t) => isCurrent(t) && readMarker(t.body)!.question === question);
}

function outdated(threads: OwnThread[], question: number): OwnThread | undefined {
  return threads.find((t) => !t.isResolved && t.isOutdated && readMarker(t.body)!.state === 'open' && readMarker(t.body)!.question === question);
}

/** The learner resolved this very comment while it was current: it stays resolved until its text changes. */
function dismissed(threads: OwnThread[], comment: QuestionComment): boolean {
  return threads.some((t) => {
    const marker = readMarker(t.body)!;
    return t.isResolved && marker.state === 'open' && marker.question === comment.question && marker.value === comment.digest;
  });
}
