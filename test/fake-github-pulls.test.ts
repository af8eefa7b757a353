import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';

// The fake's pull requests, reviews and review threads, driven by the real @octokit/rest client over HTTP.
const O = 'acme';
const R = 'playbooks';
const HEAD1 = 'a'.repeat(40);
const HEAD2 = 'b'.repeat(40);
const log = { debug() {}, info() {}, warn() {}, error() {} };

let fake: FakeGitHub;
let octokit: Octokit;

beforeEach(async () => {
  fake = await startFakeGitHub();
  octokit = new Octokit({ auth: 'test-token', baseUrl: fake.url, log });
});

afterEach(async () => {
  await fake.close();
});

const numbered = (n: number, change: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => change[i + 1] ?? `line ${i + 1}`).join('\n') + '\n';

async function status(promise: Promise<unknown>): Promise<{ status: number; data: any }> {
  const error: any = await promise.then(
    () => expect.fail('expected the request to fail'),
    (e: unknown) => e,
  );
  return { status: error.status, data: error.response?.data };
}

const THREADS = `query($owner: String!, $name: String!, $number: Int!) {
  viewer { login }
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewThreads(first: 10) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved isOutdated line comments(first: 5) { nodes { databaseId body author { __typename login } } } }
      }
    }
  }
}`;

describe('pull request files', () => {
  it('lists each changed file with the patch GitHub shows: 3 lines of context, an added file from @@ -0,0', async () => {
    fake.pulls.push(O, R, 1, HEAD1, {
      'qa.md': { base: numbered(20), head: numbered(20, { 10: 'changed ten' }) },
      'new.md': { base: null, head: 'one\ntwo\n' },
    });
    const { data } = await octokit.rest.pulls.listFiles({ owner: O, repo: R, pull_number: 1 });
    expect(data.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual([
      ['qa.md', 'modified', 1, 1],
      ['new.md', 'added', 2, 0],
    ]);
    expect(data[0]!.patch).toBe('@@ -7,7 +7,7 @@\n line 7\n line 8\n line 9\n-line 10\n+changed ten\n line 11\n line 12\n line 13');
    expect(data[1]!.patch).toBe('@@ -0,0 +1,2 @@\n+one\n+two');
  });

  it('answers a pull request never pushed as one with no files, comments or reviews', async () => {
    expect((await octokit.rest.pulls.listFiles({ owner: O, repo: R, pull_number: 7 })).data).toEqual([]);
    expect((await octokit.rest.pulls.listReviewComments({ owner: O, repo: R, pull_number: 7 })).data).toEqual([]);
    expect((await octokit.rest.pulls.listReviews({ owner: O, repo: R, pull_number: 7 })).data).toEqual([]);
  });
});

describe('reviews', () => {
  beforeEach(() => {
    fake.pulls.push(O, R, 1, HEAD1, { 'qa.md': { base: numbered(20), head: numbered(20, { 10: 'changed ten' }) } });
  });

  it('creates a COMMENT review with inline comments on right-side lines of the diff, as the token’s identity', async () => {
    const { data } = await octokit.rest.pulls.createReview({
      owner: O,
      repo: R,
      pull_number: 1,
      commit_id: HEAD1,
      event: 'COMMENT',
      body: 'summary',
      comments: [
        { path: 'qa.md', line: 10, side: 'RIGHT', body: 'on the change' },
        { path: 'qa.md', line: 13, side: 'RIGHT', body: 'on context' },
      ],
    });
    expect(data).toMatchObject({ state: 'COMMENTED', body: 'summary', commit_id: HEAD1, user: { login: 'github-actions[bot]', type: 'Bot' } });
    const comments = (await octokit.rest.pulls.listReviewComments({ owner: O, repo: R, pull_number: 1 })).data;
    expect(comments.map((c) => [c.path, c.line, c.side, c.body, c.pull_request_review_id, c.user.login])).toEqual([
      ['qa.md', 10, 'RIGHT', 'on the change', data.id, 'github-actions[bot]'],
      ['qa.md', 13, 'RIGHT', 'on context', data.id, 'github-actions[bot]'],
    ]);
    expect(fake.pulls.threads(O, R, 1).map((t) => [t.isResolved, t.comments.length])).toEqual([
      [false, 1],
      [false, 1],
    ]);
  });

  it.each([
    ['a line outside the diff', { path: 'qa.md', line: 2, body: 'x' }, 'Pull request review thread line must be part of the diff'],
    ['a line past the hunk', { path: 'qa.md', line: 14, body: 'x' }, 'Pull request review thread line must be part of the diff'],
    ['a file not in the pull request', { path: 'other.md', line: 1, body: 'x' }, 'Path could not be resolved'],
  ])('refuses a comment on %s with 422 and creates nothing', async (_, comment, message) => {
    const refused = await status(
      octokit.rest.pulls.createReview({
        owner: O,
        repo: R,
        pull_number: 1,
        commit_id: HEAD1,
        event: 'COMMENT',
        body: 'b',
        comments: [{ ...comment, side: 'RIGHT' }],
      }),
    );
    expect(refused).toMatchObject({ status: 422, data: { message: 'Unprocessable Entity', errors: [message] } });
    expect(fake.pulls.reviews(O, R, 1)).toEqual([]);
    expect(fake.pulls.reviewComments(O, R, 1)).toEqual([]);
  });

  it('needs a body for a COMMENT review and a commit of the pull request', async () => {
    expect((await status(octokit.rest.pulls.createReview({ owner: O, repo: R, pull_number: 1, event: 'COMMENT' }))).status).toBe(422);
    expect(
      (await status(octokit.rest.pulls.createReview({ owner: O, repo: R, pull_number: 1, commit_id: HEAD2, event: 'COMMENT', body: 'b' }))).data
        .errors,
    ).toEqual(['Commit id is not part of the pull request']);
  });

  it('updates and deletes a review comment by id; a deleted one is 404', async () => {
    await octokit.rest.pulls.createReview({
      owner: O,
      repo: R,
      pull_number: 1,
      commit_id: HEAD1,
      event: 'COMMENT',
      body: 'b',
      comments: [{ path: 'qa.md', line: 10, body: 'first' }],
    });
    const [comment] = fake.pulls.reviewComments(O, R, 1);
    await octokit.rest.pulls.updateReviewComment({ owner: O, repo: R, comment_id: comment!.id, body: 'second' });
    expect(fake.pulls.reviewComments(O, R, 1).map((c) => c.body)).toEqual(['second']);
    await octokit.rest.pulls.deleteReviewComment({ owner: O, repo: R, comment_id: comment!.id });
    expect(fake.pulls.reviewComments(O, R, 1)).toEqual([]);
    expect(fake.pulls.threads(O, R, 1)).toEqual([]);
    expect((await status(octokit.rest.pulls.deleteReviewComment({ owner: O, repo: R, comment_id: comment!.id }))).status).toBe(404);
  });

  it('refuses writes with a read-only token', async () => {
    fake.readOnly(O, R);
    const refused = await status(
      octokit.rest.pulls.createReview({ owner: O, repo: R, pull_number: 1, commit_id: HEAD1, event: 'COMMENT', body: 'b' }),
    );
    expect(refused).toMatchObject({ status: 403, data: { message: 'Resource not accessible by integration' } });
  });
});

describe('review threads over GraphQL', () => {
  beforeEach(() => {
    fake.addRepository({ owner: O, name: R });
    fake.pulls.push(O, R, 1, HEAD1, { 'qa.md': { base: null, head: numbered(20) } });
    fake.pulls.addReviewComment(O, R, 1, { path: 'qa.md', line: 5, body: 'by mallory', login: 'mallory' });
    fake.pulls.addReviewComment(O, R, 1, { path: 'qa.md', line: 10, body: 'by the bot', login: 'github-actions[bot]' });
  });

  it('lists threads with their first comment; a bot author is named without [bot], the viewer with it', async () => {
    const data: any = await octokit.graphql(THREADS, { owner: O, name: R, number: 1 });
    const [mallory, bot] = fake.pulls.reviewComments(O, R, 1);
    expect(data.viewer.login).toBe('github-actions[bot]');
    expect(data.repository.pullRequest.reviewThreads.totalCount).toBe(2);
    expect(data.repository.pullRequest.reviewThreads.nodes.map((t: any) => [t.isResolved, t.isOutdated, t.line, t.comments.nodes[0]])).toEqual([
      [false, false, 5, { databaseId: mallory!.id, body: 'by mallory', author: { __typename: 'User', login: 'mallory' } }],
      [false, false, 10, { databaseId: bot!.id, body: 'by the bot', author: { __typename: 'Bot', login: 'github-actions' } }],
    ]);
  });

  it('pages threads with first/after, and refuses a connection without first', async () => {
    const query = `query($after: String) { repository(owner: "${O}", name: "${R}") { pullRequest(number: 1) { reviewThreads(first: 1, after: $after) { pageInfo { hasNextPage endCursor } nodes { line } } } } }`;
    const one: any = await octokit.graphql(query, {});
    expect(one.repository.pullRequest.reviewThreads.nodes).toEqual([{ line: 5 }]);
    expect(one.repository.pullRequest.reviewThreads.pageInfo.hasNextPage).toBe(true);
    const two: any = await octokit.graphql(query, { after: one.repository.pullRequest.reviewThreads.pageInfo.endCursor });
    expect(two.repository.pullRequest.reviewThreads).toMatchObject({ nodes: [{ line: 10 }], pageInfo: { hasNextPage: false } });
    const refused: any = await octokit
      .graphql(`{ repository(owner: "${O}", name: "${R}") { pullRequest(number: 1) { reviewThreads { totalCount } } } }`)
      .catch((e: unknown) => e);
    expect(refused.errors[0].message).toBe('You must provide a `first` value to properly paginate the `reviewThreads` connection.');
  });

  it('resolves and unresolves a thread by its id; an unknown id is NOT_FOUND; a read-only token is FORBIDDEN', async () => {
    const [, thread] = fake.pulls.threads(O, R, 1);
    const resolve = 'mutation($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id isResolved resolvedBy { login } } } }';
    expect(await octokit.graphql(resolve, { id: thread!.id })).toEqual({
      resolveReviewThread: { thread: { id: thread!.id, isResolved: true, resolvedBy: { login: 'github-actions' } } },
    });
    expect(fake.pulls.threads(O, R, 1).map((t) => t.isResolved)).toEqual([false, true]);
    await octokit.graphql('mutation($id: ID!) { unresolveReviewThread(input: { threadId: $id }) { thread { isResolved } } }', { id: thread!.id });
    expect(fake.pulls.threads(O, R, 1)[1]!.isResolved).toBe(false);

    const unknown: any = await octokit.graphql(resolve, { id: 'PRRT_nope' }).catch((e: unknown) => e);
    expect(unknown.errors).toEqual([expect.objectContaining({ type: 'NOT_FOUND', path: ['resolveReviewThread'] })]);
    fake.readOnly(O, R);
    const forbidden: any = await octokit.graphql(resolve, { id: thread!.id }).catch((e: unknown) => e);
    expect(forbidden.errors).toEqual([expect.objectContaining({ type: 'FORBIDDEN', message: 'Resource not accessible by integration' })]);
    expect(fake.pulls.threads(O, R, 1)[1]!.isResolved).toBe(false);
  });

  it('moves a thread with its line on a new head, and outdates it when its line changed', async () => {
    // two lines inserted at the top: line 5 becomes 7; line 10 is rewritten
    const head = `new a\nnew b\n${numbered(20, { 10: 'rewritten ten' })}`;
    fake.pulls.push(O, R, 1, HEAD2, { 'qa.md': { base: null, head } });
    expect(fake.pulls.threads(O, R, 1).map((t) => [t.comments[0]!.line, t.isOutdated])).toEqual([
      [7, false],
      [null, true],
    ]);
    const comments = (await octokit.rest.pulls.listReviewComments({ owner: O, repo: R, pull_number: 1 })).data;
    expect(comments.map((c) => [c.line, c.original_line, c.commit_id, c.original_commit_id])).toEqual([
      [7, 5, HEAD2, HEAD1],
      [null, 10, HEAD1, HEAD1],
    ]);
  });
});
