import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMarker } from '../src/report/review.js';
import { runAction, webhookPayload } from './helpers/action.js';
import { examplePath } from './helpers/cli.js';
import { startFakeGitHub, type Call, type FakeGitHub } from './helpers/fake-github.js';

// The review on the failing lines, end to end: the real bundle, real Octokit, real HTTP against the fake
// GitHub, whose pull requests carry real diffs of the playbook.
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PATH = 'week-24/day1-dist-sys-qa.md';
const example = readFileSync(examplePath, 'utf8');
const SHA2 = '5ca1ab1e00000000000000000000000000000000';

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
  // GraphQL answers only for repositories with metadata
  fake.addRepository({ owner: OWNER, name: REPO });
});
afterEach(async () => {
  await fake.close();
});

function pullRequest(sha?: string, labels: string[] = []) {
  const payload = webhookPayload('pull_request', 'synchronize');
  if (sha) payload.pull_request.head.sha = sha;
  payload.pull_request.labels = labels.map((name, i) => ({ id: i + 1, name, color: 'ededed', default: false }));
  return payload;
}
const SHA1: string = pullRequest().pull_request.head.sha;

/** The head commit's playbook, readable through contents, and the pull request's diff of it against `base`. */
function push(sha: string, text: string, base: string | null = null): void {
  fake.setFile(OWNER, REPO, sha, PATH, text);
  fake.pulls.push(OWNER, REPO, 2, sha, { [PATH]: { base, head: text } });
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const removeDifficulty = (text: string, q: number) => text.replace(new RegExp(`(## Q${q}:.*\\n)\\*\\*Difficulty:\\*\\* .*\\n`), '$1');
function removeGotchas(text: string, q: number): string {
  const start = text.indexOf(`## Q${q}:`);
  return text.slice(0, text.indexOf('**Gotcha', start)) + text.slice(text.indexOf(`## Q${q + 1}:`));
}
/** Q5's gotcha list cut to its first wrong answer. */
function oneGotcha(text: string): string {
  const start = text.indexOf('**Gotcha', text.indexOf('## Q5:'));
  const first = text.indexOf('\n- ', start);
  const second = text.indexOf('\n- ', first + 1);
  return text.slice(0, second + 1) + text.slice(text.indexOf('## Q6:'));
}

const isMutation = (c: Call) => c.path === '/graphql' && /^\s*mutation/.test(String((c.body as { query?: string }).query));
/** The review's writes: REST writes under /pulls/ and GraphQL mutations. */
const reviewWrites = () =>
  fake.calls
    .filter((c) => (c.method !== 'GET' && c.path.includes('/pulls/')) || isMutation(c))
    .map((c) => `${c.method} ${c.path.replace(/\/\d+$/, '/:id')} ${c.status}`);
const allWrites = () => fake.calls.filter((c) => (c.method !== 'GET' && c.path !== '/graphql') || isMutation(c));
const open = () => fake.pulls.threads(OWNER, REPO, 2).filter((t) => !t.isResolved);
const questionOf = (body: string) => readMarker(body)?.question;
const checklist = () => fake.comments(OWNER, REPO, 2)[0]!.body;

/** Q3 without its difficulty, Q5 without its gotcha list. */
const failing = removeGotchas(removeDifficulty(example, 3), 5);

describe('the review on the failing lines', () => {
  it('on a first failing push: one COMMENT review, one comment per failing question on its first finding’s line', async () => {
    push(SHA1, failing);
    const run = await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(reviewWrites()).toEqual([`POST /repos/${OWNER}/${REPO}/pulls/2/reviews 200`]);
    const [review] = fake.pulls.reviews(OWNER, REPO, 2);
    expect(review).toMatchObject({ state: 'COMMENTED', commitId: SHA1, login: 'github-actions[bot]' });
    expect(review!.body).toBe(
      `**playbook-proof** at commit \`${SHA1.slice(0, 7)}\`: Q3, Q5 fail the playbook's criteria; each comment below says what to fix and resolves itself once its question passes.`,
    );
    const comments = fake.pulls.reviewComments(OWNER, REPO, 2);
    expect(comments.map((c) => [questionOf(c.body), c.path, c.line, c.side])).toEqual([
      [3, PATH, lineOf(failing, '## Q3:'), 'RIGHT'],
      [5, PATH, lineOf(failing, '## Q5:'), 'RIGHT'],
    ]);
    expect(comments[0]!.body).toContain('- ❌ Q3 has no difficulty rating, expected a line such as \\*\\*Difficulty:\\*\\* L2 under its heading');
    expect(comments[0]!.body).toContain('\n  **Fix:** Add `**Difficulty:** L1`');
    expect(comments[1]!.body).toContain(
      '- ❌ Q5 has no gotcha list of common wrong answers\n  **Fix:** Add a `**Gotcha — Common wrong answers:**` list of at least 2 wrong answers',
    );
    expect(checklist()).toContain('\n💬 Q3, Q5 have review comments on their lines, each with the fix.\n');
    expect(run.stdout).toContain('review: 2 new, 0 updated, 0 resolved, 0 duplicates removed, 0 unchanged');
  });

  it('makes no writes on a rerun of the unchanged head, and reads no diff', async () => {
    push(SHA1, failing);
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest() });
    fake.calls.length = 0;
    const rerun = await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest() });
    expect(rerun.code).toBe(1);
    expect(allWrites()).toEqual([]);
    // the pull request's head (is this run still current?) and the bot's review comments: nothing else
    expect(fake.calls.filter((c) => c.path.includes('/pulls/')).map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /repos/${OWNER}/${REPO}/pulls/2`,
      `GET /repos/${OWNER}/${REPO}/pulls/2/comments`,
    ]);
    expect(rerun.stdout).toContain('review: 0 new, 0 updated, 0 resolved, 0 duplicates removed, 2 unchanged');
  });

  it('on a partial fix: resolves the fixed question’s thread with a note, keeps the other comment as it was', async () => {
    push(SHA1, failing);
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest() });
    const [q3, q5] = fake.pulls.reviewComments(OWNER, REPO, 2);
    fake.calls.length = 0;

    const fixed = removeGotchas(example, 5);
    push(SHA2, fixed);
    const run = await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest(SHA2) });
    expect(run.code).toBe(1);
    expect(reviewWrites()).toEqual([`PATCH /repos/${OWNER}/${REPO}/pulls/comments/:id 200`, 'POST /graphql 200']);
    const after = fake.pulls.reviewComments(OWNER, REPO, 2);
    expect(after.map((c) => c.id)).toEqual([q3!.id, q5!.id]);
    expect(after[0]!.body).toMatch(
      /^<!-- playbook-proof:review q=3 fixed=5ca1ab1 -->\n✅ \*\*Q3 passes\*\* as of commit `5ca1ab1`\.\n\n<details><summary>What this comment said<\/summary>\n\n\*\*Q3 · /,
    );
    // Q5's comment is untouched; GitHub moved it with its line (Q3's difficulty line came back above it)
    expect(after[1]).toEqual({ ...q5, line: lineOf(fixed, '## Q5:'), commitId: SHA2 });
    expect(lineOf(fixed, '## Q5:')).toBe(q5!.line! + 1);
    expect(open().map((t) => questionOf(t.comments[0]!.body))).toEqual([5]);
    expect(fake.pulls.threads(OWNER, REPO, 2)[0]).toMatchObject({ isResolved: true, resolvedBy: 'github-actions[bot]' });
    expect(checklist()).toContain('\n💬 Q5 has a review comment on its line, with the fix.\n');
  });

  it('updates a comment in place when its question’s findings change', async () => {
    push(SHA1, failing);
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest() });
    const [, q5] = fake.pulls.reviewComments(OWNER, REPO, 2);
    fake.calls.length = 0;

    push(SHA2, oneGotcha(removeDifficulty(example, 3)));
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest(SHA2) });
    expect(reviewWrites()).toEqual([`PATCH /repos/${OWNER}/${REPO}/pulls/comments/:id 200`]);
    const updated = fake.pulls.reviewComments(OWNER, REPO, 2)[1]!;
    expect(updated.id).toBe(q5!.id);
    expect(updated.body).toContain(
      '- ❌ Q5 has 1 wrong answer in its gotcha list, expected at least 2\n  **Fix:** Add wrong answers until the list has at least 2',
    );
    expect(open()).toHaveLength(2);
  });

  it('on a full pass: resolves every thread, and the label goes on', async () => {
    push(SHA1, failing);
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest() });
    fake.calls.length = 0;

    push(SHA2, example);
    const run = await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest(SHA2) });
    expect(run.code).toBe(0);
    expect(reviewWrites()).toEqual([
      `PATCH /repos/${OWNER}/${REPO}/pulls/comments/:id 200`,
      'POST /graphql 200',
      `PATCH /repos/${OWNER}/${REPO}/pulls/comments/:id 200`,
      'POST /graphql 200',
    ]);
    expect(open()).toEqual([]);
    expect(fake.pulls.reviewComments(OWNER, REPO, 2).map((c) => readMarker(c.body))).toEqual([
      { question: 3, state: 'fixed', value: '5ca1ab1' },
      { question: 5, state: 'fixed', value: '5ca1ab1' },
    ]);
    expect(fake.issueLabels(OWNER, REPO, 2)).toEqual(['proof: passed']);
    expect(checklist()).not.toContain('💬');

    // and a rerun of the passing head writes nothing
    fake.calls.length = 0;
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest(SHA2, ['proof: passed']) });
    expect(allWrites().map((c) => `${c.method} ${c.path}`)).toEqual([]);
  });

  it('keeps questions whose lines are not in the diff in the checklist', async () => {
    const base = removeDifficulty(example, 3);
    const head = removeDifficulty(base, 9);
    push(SHA1, head, base);
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest() });
    expect(fake.pulls.reviewComments(OWNER, REPO, 2).map((c) => [questionOf(c.body), c.line])).toEqual([[9, lineOf(head, '## Q9:')]]);
    expect(checklist()).toContain(
      "\n💬 Q9 has a review comment on its line, with the fix.\nQ3 is listed here only: its lines are not in this pull request's diff.\n",
    );
  });

  it('says so when the pull request does not change the playbook', async () => {
    fake.setFile(OWNER, REPO, SHA1, PATH, failing);
    fake.pulls.push(OWNER, REPO, 2, SHA1, { 'README.md': { base: 'a\n', head: 'b\n' } });
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest() });
    expect(reviewWrites()).toEqual([]);
    expect(checklist()).toContain(
      '\nQ3, Q5 are listed here only: this pull request does not change the playbook, and GitHub takes review comments only on changed lines.\n',
    );
  });

  it('caps open comments at 15 and counts the rest in the checklist', async () => {
    // 18 questions, none rated: every one fails (Q16–Q18 reword Q1, so they are questions of their own, not copies)
    const q1 = example.slice(example.indexOf('## Q1:'), example.indexOf('## Q2:'));
    const reworded = (n: number) => q1.replace('## Q1:', `## Q${n}:`).replace(/\b([a-z]{5,})\b/g, `$1${'xyz'[n - 16]}`);
    const extra = [16, 17, 18].map(reworded).join('');
    const cheat = example.indexOf('## Cheat');
    const text = (example.slice(0, cheat) + extra + example.slice(cheat)).replace(/^\*\*Difficulty:\*\* .*\n/gm, '');
    push(SHA1, text);
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest() });
    expect(fake.pulls.reviewComments(OWNER, REPO, 2).map((c) => questionOf(c.body))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(checklist()).toContain('\nQ16, Q17, Q18 are listed here only: at most 15 review comments are open at a time.\n');
  });

  it('touches only its own comments: a marker pasted by someone else is neither adopted nor resolved', async () => {
    push(SHA1, failing);
    const pasted = '<!-- playbook-proof:review q=5 digest=000000000000 -->\nfake';
    fake.pulls.addReviewComment(OWNER, REPO, 2, { path: PATH, line: lineOf(failing, '## Q5:'), body: pasted, login: 'mallory' });
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest() });
    expect(fake.pulls.reviewComments(OWNER, REPO, 2).map((c) => [c.login, questionOf(c.body)])).toEqual([
      ['mallory', 5],
      ['github-actions[bot]', 3],
      ['github-actions[bot]', 5],
    ]);
    push(SHA2, example);
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest(SHA2) });
    const [mallory] = fake.pulls.threads(OWNER, REPO, 2);
    expect(mallory).toMatchObject({ isResolved: false, comments: [{ login: 'mallory', body: pasted }] });
    expect(open()).toHaveLength(1);
  });

  it('moves a comment whose line changed to the question’s current line', async () => {
    push(SHA1, failing);
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest() });
    // Q5's heading is reworded: its comment is outdated, and Q5 still fails
    const reworded = failing.replace(/^## Q5: .*$/m, '## Q5: How does Raft elect a leader?');
    push(SHA2, reworded);
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest(SHA2) });
    const threads = fake.pulls.threads(OWNER, REPO, 2);
    expect(threads.map((t) => [readMarker(t.comments[0]!.body)!.state, questionOf(t.comments[0]!.body), t.isResolved, t.comments[0]!.line])).toEqual([
      ['open', 3, false, lineOf(reworded, '## Q3:')],
      ['moved', 5, true, null],
      ['open', 5, false, lineOf(reworded, '## Q5:')],
    ]);
  });

  it('leaves its comments alone when the playbook goes missing: none of their questions passes', async () => {
    push(SHA1, failing);
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest() });
    fake.calls.length = 0;
    fake.pulls.push(OWNER, REPO, 2, SHA2, { [PATH]: { base: null, head: null } });
    const run = await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest(SHA2) });
    expect(run.code).toBe(1);
    expect(checklist()).toContain('No playbook at `week-24/day1-dist-sys-qa.md` in commit');
    expect(reviewWrites()).toEqual([]);
    // only the pull request's head is read; the review is not touched
    expect(fake.calls.filter((c) => c.path.includes('/pulls/')).map((c) => `${c.method} ${c.path}`)).toEqual([`GET /repos/${OWNER}/${REPO}/pulls/2`]);
    expect(open()).toHaveLength(2);
  });

  it('posts nothing with review: false', async () => {
    push(SHA1, failing);
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest(), inputs: { review: 'false' } });
    // the head is read to tie the verdict to it; nothing of the review is read or written
    expect(fake.calls.filter((c) => c.path.includes('/pulls/')).map((c) => `${c.method} ${c.path}`)).toEqual([`GET /repos/${OWNER}/${REPO}/pulls/2`]);
    expect(checklist()).not.toContain('listed here only');
  });
});

describe('the review with a read-only token', () => {
  function forkPullRequest() {
    const payload = pullRequest();
    payload.pull_request.head.repo = {
      ...payload.pull_request.head.repo,
      full_name: 'learner/Hello-World',
      owner: { ...payload.pull_request.head.repo.owner, login: 'learner' },
    };
    return payload;
  }

  it.each([
    ['with the checklist comment', {}],
    ['without it', { comment: 'false' }],
  ])('degrades %s: one warning, the annotations kept, nothing written', async (_, inputs) => {
    fake.setFile('learner', REPO, SHA1, PATH, failing);
    fake.pulls.push(OWNER, REPO, 2, SHA1, { [PATH]: { base: null, head: failing } });
    fake.readOnly(OWNER, REPO);
    const run = await runAction({
      apiUrl: fake.url,
      eventName: 'pull_request',
      payload: forkPullRequest(),
      inputs: { 'fail-on-criteria': 'false', ...inputs },
    });
    expect(run.code).toBe(0);
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^::warning::playbook-proof could not comment on, review or label #2: the token is read-only \(could not (comment on|post review comments on) #2: 403 Resource not accessible by integration/,
    );
    expect(run.stdout).toContain(`::error title=difficulty,file=${PATH},line=${lineOf(failing, '## Q3:')},col=1::Q3 has no difficulty rating`);
    expect(fake.pulls.reviews(OWNER, REPO, 2)).toEqual([]);
    expect(fake.comments(OWNER, REPO, 2)).toEqual([]);
  });

  it('degrades the same when the only write is resolving a fixed thread', async () => {
    push(SHA1, failing);
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: pullRequest() });
    fake.readOnly(OWNER, REPO);
    push(SHA2, removeGotchas(example, 5));
    const run = await runAction({
      apiUrl: fake.url,
      eventName: 'pull_request',
      payload: pullRequest(SHA2),
      inputs: { comment: 'false', 'fail-on-criteria': 'false' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::warning::'))).toEqual([
      expect.stringMatching(
        /^::warning::playbook-proof could not comment on, review or label #2: the token is read-only \(could not update review comment \d+ on #2: 403 /,
      ),
    ]);
    expect(open()).toHaveLength(2);
  });
});
