/** Pull-request review endpoints, one function each: review comments, the changed files, threads and their resolution. */
import type { Client } from './client.js';
import type { PullRef } from './comments.js';
import { apiError, GitHubApiError } from './errors.js';

/** A review comment as REST lists it. */
export interface ReviewComment {
  id: number;
  body: string;
  login: string;
}

/** A review thread with its first comment, as GraphQL lists it. */
export interface ReviewThread {
  id: string;
  isResolved: boolean;
  isOutdated: boolean;
  /** The thread's first comment: its REST id, text and author; null when it was deleted. */
  first: { commentId: number; body: string; login: string; bot: boolean } | null;
}

/** The playbook's diff in the pull request: its patch, or why there is none to comment on. */
export type PlaybookDiff = { kind: 'patch'; patch: string } | { kind: 'not-changed' } | { kind: 'no-patch' };

export interface NewReviewComment {
  path: string;
  line: number;
  body: string;
}

/** Every review comment on the pull request's diff, oldest first. */
export async function listReviewComments(client: Client, pr: PullRef): Promise<ReviewComment[]> {
  try {
    const all = await client.paginate(client.rest.pulls.listReviewComments, {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      per_page: 100,
    });
    return all.map((c) => ({ id: c.id, body: c.body, login: c.user?.login ?? '' }));
  } catch (error) {
    throw apiError(`list the review comments of #${pr.number}`, error);
  }
}

const THREADS_QUERY = `query($owner: String!, $name: String!, $number: Int!, $after: String) {
  viewer { login }
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          isResolved
          isOutdated
          comments(first: 1) { nodes { databaseId body author { __typename login } } }
        }
      }
    }
  }
}`;

interface ThreadsPage {
  viewer: { login: string };
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<{
          id: string;
          isResolved: boolean;
          isOutdated: boolean;
          comments: { nodes: Array<{ databaseId: number; body: string; author: { __typename: string; login: string } | null }> };
        }>;
      };
    } | null;
  } | null;
}

/** The token's login and every review thread of the pull request (GraphQL: REST has no threads). */
export async function listReviewThreads(client: Client, pr: PullRef): Promise<{ viewer: string; threads: ReviewThread[] }> {
  const threads: ReviewThread[] = [];
  let viewer = '';
  let after: string | null = null;
  try {
    do {
      const page: ThreadsPage = await client.graphql<ThreadsPage>(THREADS_QUERY, { owner: pr.owner, name: pr.repo, number: pr.number, after });
      viewer = page.viewer.login;
      const connection = page.repository?.pullRequest?.reviewThreads;
      if (!connection) throw new Error(`pull request #${pr.number} not found`);
      for (const node of connection.nodes) {
        const first = node.comments.nodes[0];
        threads.push({
          id: node.id,
          isResolved: node.isResolved,
          isOutdated: node.isOutdated,
          first: first
            ? { commentId: first.databaseId, body: first.body, login: first.author?.login ?? '', bot: first.author?.__typename === 'Bot' }
            : null,
        });
      }
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after !== null);
  } catch (error) {
    throw graphqlError(`list the review threads of #${pr.number}`, error);
  }
  return { viewer, threads };
}

/**
 * Whether a GraphQL author is the token's identity. GraphQL names a bot without the `[bot]` that REST and
 * `viewer` give it (`github-actions` for `github-actions[bot]`), so the suffix and the actor type are compared apart.
 */
export function isViewer(viewer: string, author: { login: string; bot: boolean }): boolean {
  const viewerIsBot = viewer.endsWith('[bot]');
  return viewerIsBot === author.bot && viewer.replace(/\[bot\]$/, '') === author.login.replace(/\[bot\]$/, '');
}

/** The playbook's patch in the pull request's diff; stops listing files once it is found. */
export async function playbookDiff(client: Client, pr: PullRef, path: string): Promise<PlaybookDiff> {
  let found: { patch?: string } | undefined;
  try {
    await client.paginate(
      client.rest.pulls.listFiles,
      { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 },
      (response, done) => {
        found = response.data.find((file) => file.filename === path);
        if (found) done();
        return [];
      },
    );
  } catch (error) {
    throw apiError(`list the files of #${pr.number}`, error);
  }
  if (!found) return { kind: 'not-changed' };
  // GitHub leaves the patch out of a diff too large to show, and of a binary file
  return typeof found.patch === 'string' && found.patch !== '' ? { kind: 'patch', patch: found.patch } : { kind: 'no-patch' };
}

/** Posts one review (event COMMENT) with its inline comments on the right side of the diff at `commitId`. */
export async function createReview(
  client: Client,
  pr: PullRef,
  review: { commitId: string; body: string; comments: NewReviewComment[] },
): Promise<number> {
  try {
    const { data } = await client.rest.pulls.createReview({
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      commit_id: review.commitId,
      event: 'COMMENT',
      body: review.body,
      comments: review.comments.map((c) => ({ path: c.path, line: c.line, side: 'RIGHT', body: c.body })),
    });
    return data.id;
  } catch (error) {
    throw apiError(`post review comments on #${pr.number}`, error);
  }
}

/** Replaces a review comment's text. */
export async function updateReviewComment(client: Client, pr: PullRef, id: number, body: string): Promise<void> {
  try {
    await client.rest.pulls.updateReviewComment({ owner: pr.owner, repo: pr.repo, comment_id: id, body });
  } catch (error) {
    throw apiError(`update review comment ${id} on #${pr.number}`, error);
  }
}

/** Deletes a review comment; one already gone (a concurrent run deleted it) is fine. */
export async function deleteReviewComment(client: Client, pr: PullRef, id: number): Promise<void> {
  try {
    await client.rest.pulls.deleteReviewComment({ owner: pr.owner, repo: pr.repo, comment_id: id });
  } catch (error) {
    if ((error as { status?: number }).status === 404) return;
    throw apiError(`delete duplicate review comment ${id} on #${pr.number}`, error);
  }
}

/** Resolves a review thread (GraphQL `resolveReviewThread`). */
export async function resolveReviewThread(client: Client, threadId: string): Promise<void> {
  try {
    await client.graphql('mutation($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id isResolved } } }', { id: threadId });
  } catch (error) {
    throw graphqlError(`resolve review thread ${threadId}`, error);
  }
}

/** Wraps a GraphQL failure; a FORBIDDEN error is the read-only token's 403, so it gets the same hint as REST's. */
function graphqlError(doing: string, error: unknown): GitHubApiError {
  const errors = (error as { errors?: Array<{ type?: string; message?: string }> } | null)?.errors;
  const forbidden = errors?.find((e) => e.type === 'FORBIDDEN');
  if (forbidden) return new GitHubApiError(`could not ${doing}: 403 ${forbidden.message ?? 'Forbidden'}`, 403, { cause: error });
  return apiError(doing, error);
}
