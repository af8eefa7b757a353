/**
 * The review on the failing lines: reads what the pull request has (its review threads, and its diff when a
 * new comment needs a place), plans with the pure planner, and writes only what differs.
 */
import type { Config } from '../config.js';
import type { LintResult } from '../core/lint.js';
import type { Client } from '../github/client.js';
import type { PullRef } from '../github/comments.js';
import { GitHubApiError } from '../github/errors.js';
import {
  createReview,
  deleteReviewComment,
  isViewer,
  listReviewComments,
  listReviewThreads,
  playbookDiff,
  resolveReviewThread,
  updateReviewComment,
} from '../github/reviews.js';
import type { ReviewNotice } from '../report/comment.js';
import {
  hasMarker,
  needsPlacement,
  planReview,
  questionComments,
  REVIEW_COMMENT_CAP,
  type OwnThread,
  type Placement,
  type ReviewPlan,
} from '../report/review.js';
import { questionList } from '../core/text.js';

export interface ReviewTarget {
  pr: PullRef;
  /** The head commit checked: new comments are made on its diff. */
  sha: string;
  /** The playbook's path in the repository. */
  path: string;
  config: Config;
}

export interface PreparedReview {
  /** What the checklist comment says about the inline comments. */
  notice: ReviewNotice;
  plan: ReviewPlan;
  /** Makes the plan's writes; a 422 on the new comments (the diff moved on meanwhile) is a warning, not a failure. */
  apply(warn: (message: string) => void): Promise<string>;
}

/** Reads the pull request's review state and plans the review for `result`. */
export async function prepareReview(client: Client, target: ReviewTarget, result: LintResult): Promise<PreparedReview | null> {
  // a playbook that is missing, unreadable or has no questions has nothing to comment on, and its open
  // comments stay as they are: none of their questions passes
  if (result.playbook.questions.length === 0) return null;
  const comments = questionComments(result, target.config);
  const threads = await ownThreads(client, target.pr);
  const placement = needsPlacement(comments, threads) ? await placementOf(client, target.pr, target.path) : null;
  const plan = planReview(comments, threads, placement, target.sha, new Set(result.playbook.questions.map((q) => q.number)));
  return {
    plan,
    notice: {
      inline: plan.inline,
      notInDiff: plan.notInDiff,
      overCap: plan.overCap,
      cap: REVIEW_COMMENT_CAP,
      placement: plan.placement?.kind === 'none' ? plan.placement.why : null,
    },
    apply: (warn) => applyPlan(client, target, plan, warn),
  };
}

/** This token's marked threads. The REST listing is one request; GraphQL (thread ids, resolution) only when one carries the marker. */
async function ownThreads(client: Client, pr: PullRef): Promise<OwnThread[]> {
  const marked = (await listReviewComments(client, pr)).filter((c) => hasMarker(c.body));
  if (marked.length === 0) return [];
  const { viewer, threads } = await listReviewThreads(client, pr);
  const own: OwnThread[] = [];
  for (const thread of threads) {
    const first = thread.first;
    // somebody could paste the marker: only threads this token's identity started count
    if (!first || !hasMarker(first.body) || !isViewer(viewer, first)) continue;
    own.push({ id: thread.id, commentId: first.commentId, body: first.body, isResolved: thread.isResolved, isOutdated: thread.isOutdated });
  }
  return own;
}

async function placementOf(client: Client, pr: PullRef, path: string): Promise<Placement> {
  const diff = await playbookDiff(client, pr, path);
  if (diff.kind !== 'patch') return { kind: 'none', why: diff.kind };
  // jsdiff is loaded only when a new comment needs a place
  const { rightSideLines } = await import('../report/patch.js');
  try {
    return { kind: 'lines', lines: rightSideLines(diff.patch) };
  } catch {
    // a patch jsdiff cannot read is one GitHub would not place a comment on either
    return { kind: 'none', why: 'no-patch' };
  }
}

async function applyPlan(client: Client, target: ReviewTarget, plan: ReviewPlan, warn: (message: string) => void): Promise<string> {
  const { pr } = target;
  for (const { commentId } of plan.remove) await deleteReviewComment(client, pr, commentId);
  for (const { commentId, body } of plan.update) await updateReviewComment(client, pr, commentId, body);
  for (const { threadId, commentId, body } of plan.resolve) {
    await updateReviewComment(client, pr, commentId, body);
    await resolveReviewThread(client, threadId);
  }
  if (plan.create.length > 0) {
    const questions = questionList(
      plan.create.map((c) => c.question),
      plan.create.length,
    );
    const body = `**playbook-proof** at commit \`${target.sha.slice(0, 7)}\`: ${questions} ${plan.create.length === 1 ? 'fails' : 'fail'} the playbook's criteria; each comment below says what to fix and resolves itself once its question passes.`;
    try {
      await createReview(client, pr, {
        commitId: target.sha,
        body,
        comments: plan.create.map((c) => ({ path: target.path, line: c.line, body: c.body })),
      });
    } catch (error) {
      if (!(error instanceof GitHubApiError) || error.status !== 422) throw error;
      warn(`playbook-proof could not place its review comments on #${pr.number} (${error.message}); the checklist comment lists every finding.`);
    }
  }
  return `review: ${plan.create.length} new, ${plan.update.length} updated, ${plan.resolve.length} resolved, ${plan.remove.length} duplicates removed, ${plan.inline.length - plan.create.length - plan.update.length} unchanged`;
}
