import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint.js';
import { COMMENT_MARKER } from '../src/report/comment.js';
import { runAction, webhookPayload } from './helpers/action.js';
import { examplePath } from './helpers/cli.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';

// The Action under faults: the real bundle (dist/index.js), the real Octokit client, real HTTP against the
// fake GitHub on 127.0.0.1 with injected status codes, hangs, GraphQL errors and concurrent runs.
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PATH = 'week-24/day1-dist-sys-qa.md';
const LABEL = 'proof: passed';
const OLD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const NEW = 'b0bb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b';
const example = readFileSync(examplePath, 'utf8');
const failingText = (() => {
  const start = example.indexOf('## Q3:');
  return example.slice(0, example.indexOf('**Gotcha', start)) + example.slice(example.indexOf('## Q4:'));
})();

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

/** A pull_request payload for head `sha`; the fake's #2 has that head unless `moveHead` is false. */
function pullRequest(sha = OLD, moveHead = true) {
  const payload = webhookPayload('pull_request', 'synchronize');
  payload.pull_request.head.sha = sha;
  if (moveHead) fake.setPullRequest(OWNER, REPO, { number: 2, headSha: sha });
  return payload;
}
const run = (payload: Record<string, unknown>, inputs: Record<string, string> = {}) =>
  runAction({ apiUrl: fake.url, eventName: 'pull_request', payload, inputs });
const requests = () => fake.calls.map((c) => `${c.method} ${c.path} ${c.status}`);
const writes = () => fake.calls.filter((c) => c.method !== 'GET' && c.path !== '/graphql').map((c) => `${c.method} ${c.path}`);
const repoPath = `/repos/${OWNER}/${REPO}`;

/** A first, passing run at OLD: the label is on and the comment says 7/7. */
async function passedAtOld(): Promise<number> {
  fake.setFile(OWNER, REPO, OLD, PATH, example);
  const first = await run(pullRequest(OLD));
  expect(first.code).toBe(0);
  expect(fake.issueLabels(OWNER, REPO, 2)).toEqual([LABEL]);
  const [comment] = fake.comments(OWNER, REPO, 2);
  expect(comment!.body).toContain('### ✅ Playbook proof: 7/7 criteria pass');
  fake.calls.length = 0;
  return comment!.id;
}

describe('the label and the comment follow the current head only', () => {
  it('a re-run of an old passing run, after a failing push, writes nothing', async () => {
    await passedAtOld();
    fake.setFile(OWNER, REPO, NEW, PATH, failingText);
    const pushed = await run(pullRequest(NEW));
    expect(pushed.code).toBe(1);
    expect(fake.issueLabels(OWNER, REPO, 2)).toEqual([]);

    fake.calls.length = 0;
    const rerun = await run(pullRequest(OLD, false));
    expect(rerun.code).toBe(0);
    expect(requests()).toEqual([`GET ${repoPath}/contents/${PATH} 200`, `GET ${repoPath}/pulls/2 200`]);
    expect(rerun.stdout).toContain(
      "#2's head is now b0bb0b0, not ec26c3e which this run checked: the label and the comment are left to the run for the new head",
    );
    expect(fake.issueLabels(OWNER, REPO, 2)).toEqual([]);
    const comments = fake.comments(OWNER, REPO, 2);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('### ❌ Playbook proof: 6/7 criteria pass');
    expect(comments[0]!.body).toContain('commit b0bb0b0');
  });

  it('two runs finishing in either order leave the verdict of the current head', async () => {
    await passedAtOld();
    fake.setFile(OWNER, REPO, NEW, PATH, failingText);
    const old = pullRequest(OLD, false);
    const current = pullRequest(NEW);
    fake.latency(30);
    const [a, b] = await Promise.all([run(old), run(current)]);
    expect([a.code, b.code]).toEqual([0, 1]);
    expect(fake.issueLabels(OWNER, REPO, 2)).toEqual([]);
    const comments = fake.comments(OWNER, REPO, 2);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('### ❌ Playbook proof: 6/7 criteria pass');
    // the old run read the pull request, saw the new head, and wrote nothing
    expect(a.stdout).toContain("#2's head is now b0bb0b0");
  }, 30_000);
});

describe('fail safe when the playbook cannot be read', () => {
  const resetAt = Math.floor(Date.now() / 1000) + 3600;
  const hhmm = new Date(resetAt * 1000).toISOString().slice(11, 16);
  const contents = new RegExp(`/contents/`);

  it.each([
    {
      fault: 'a request that never answers',
      inject: (f: FakeGitHub) => f.hang({ path: contents, times: Infinity }),
      reason: (url: string) => `${url.replace('http://', '')} did not answer GET ${repoPath}/contents/${PATH} within 1 s`,
      log: null,
    },
    {
      fault: 'an exhausted rate limit resetting in an hour',
      inject: (f: FakeGitHub) =>
        f.fail({
          path: contents,
          status: 403,
          times: Infinity,
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetAt) },
          body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest' },
        }),
      reason: () =>
        `403 API rate limit exceeded for installation ID 1. - https://docs.github.com/rest (GitHub's rate limit resets at ${hhmm} UTC; playbook-proof waits at most a minute)`,
      log: `rate limit on GET /repos/{owner}/{repo}/contents/{path}: GitHub asks to wait 60 min, longer than the 60 s playbook-proof waits; giving up`,
    },
    {
      fault: 'a secondary rate limit asking for an hour',
      inject: (f: FakeGitHub) =>
        f.fail({
          path: contents,
          status: 403,
          times: Infinity,
          headers: { 'retry-after': '3600' },
          body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
        }),
      reason: () =>
        `403 You have exceeded a secondary rate limit. Please wait a few minutes before you try again. (GitHub's rate limit resets at HH:MM UTC; playbook-proof waits at most a minute)`,
      log: 'secondary rate limit on GET /repos/{owner}/{repo}/contents/{path}: GitHub asks to wait 60 min, longer than the 60 s playbook-proof waits; giving up',
    },
  ])(
    '$fault: the label comes off and the comment says it is not current, in seconds',
    async ({ inject, reason, log }) => {
      const id = await passedAtOld();
      inject(fake);
      const result = await run(pullRequest(OLD), { 'request-timeout': '1' });
      const why = `could not read ${PATH} at ec26c3e in ${OWNER}/${REPO}: ${reason(fake.url)}`;
      expect(result.code).toBe(1);
      // the secondary limit's reset is a minute after now, which the test cannot know to the minute
      const escaped = `::error::playbook-proof could not check ${PATH} at ec26c3e: ${why}\n`
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace('HH:MM', '\\d\\d:\\d\\d');
      expect(result.stdout).toMatch(new RegExp(escaped));
      if (log) expect(result.stdout).toContain(log);
      // one attempt at the contents, then the withdrawal, nothing retried
      expect(requests().slice(1)).toEqual([
        `GET ${repoPath}/pulls/2 200`,
        `DELETE ${repoPath}/issues/2/labels/${LABEL} 200`,
        `GET ${repoPath}/issues/2/comments 200`,
        'POST /graphql 200',
        `PATCH ${repoPath}/issues/comments/${id} 200`,
      ]);
      expect(fake.issueLabels(OWNER, REPO, 2)).toEqual([]);
      const [comment] = fake.comments(OWNER, REPO, 2);
      expect(comment!.body.split('\n').slice(0, 3)).toEqual([
        COMMENT_MARKER,
        `### ⚠️ Playbook proof: not checked at [\`ec26c3e\`](https://github.com/${OWNER}/${REPO}/commit/${OLD})`,
        '',
      ]);
      expect(comment!.body).not.toContain('✅');
      expect(comment!.body).toContain('the `proof: passed` label is off until a run checks this commit');
      expect(result.outputs.passed).toBe('false');
      expect(result.summary).toMatch(/^### ⚠️ Playbook proof: not checked at `ec26c3e`\n\n/);
    },
    30_000,
  );

  it('a 5xx that persists through the retries: the same withdrawal, after four attempts', async () => {
    await passedAtOld();
    fake.fail({ path: contents, status: 502, times: Infinity });
    const result = await run(pullRequest(OLD));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `::error::playbook-proof could not check ${PATH} at ec26c3e: could not read ${PATH} at ec26c3e in ${OWNER}/${REPO}: 502 Bad Gateway - https://docs.github.com/rest\n`,
    );
    expect(requests().filter((r) => r.includes('/contents/'))).toEqual(Array(4).fill(`GET ${repoPath}/contents/${PATH} 502`));
    expect(fake.issueLabels(OWNER, REPO, 2)).toEqual([]);
    expect(fake.comments(OWNER, REPO, 2)[0]!.body).toContain('### ⚠️ Playbook proof: not checked at');
  }, 60_000);

  it('fails with the one-line message, its stack and cause logged at debug level for step debug logging', async () => {
    await passedAtOld();
    fake.hang({ path: /\/pulls\/2$/, times: Infinity });
    const result = await run(pullRequest(OLD), { 'request-timeout': '1' });
    expect(result.code).toBe(1);
    const network = `${fake.url.replace('http://', '')} did not answer GET ${repoPath}/pulls/2 within 1 s`;
    const why = `could not read #2 to confirm its head commit: ${network}`;
    const lines = result.stdout.split('\n');
    const failure = lines.indexOf(`::error::${why}`);
    expect(failure).toBeGreaterThan(0);
    expect(lines.filter((l) => l.startsWith('::error'))).toEqual([`::error::${why}`]);
    // @actions/core writes a multi-line message as one command, its line breaks escaped as %0A
    const stack = lines[failure - 1]!.split('%0A');
    expect(stack[0]).toBe(`::debug::GitHubApiError: ${why}`);
    expect(stack[1]).toMatch(/^ {4}at .*dist\/index\.js:\d+:\d+\)?$/);
    const cause = stack.indexOf(`Caused by: NetworkError: ${network}`);
    expect(cause).toBeGreaterThan(1);
    expect(stack[cause + 1]).toMatch(/^ {4}at /);
    // the warning that the pull request could not be read (a second attempt, in the withdrawal) keeps its stack too
    const warning = lines.indexOf(`::warning::${why}; removing the label anyway`);
    expect(lines[warning - 1]!.split('%0A')).toEqual(
      expect.arrayContaining([`::debug::GitHubApiError: ${why}`, `Caused by: NetworkError: ${network}`]),
    );
    expect(lines[warning - 1]).toMatch(/%0A {4}at async withdrawVerdict /);
  });

  it('a pull request that cannot be read to confirm the head: the label comes off anyway', async () => {
    await passedAtOld();
    fake.hang({ path: /\/pulls\/2$/, times: Infinity });
    const result = await run(pullRequest(OLD), { 'request-timeout': '1' });
    expect(result.code).toBe(1);
    const why = `could not read #2 to confirm its head commit: ${fake.url.replace('http://', '')} did not answer GET ${repoPath}/pulls/2 within 1 s`;
    expect(result.stdout).toContain(`::warning::${why}; removing the label anyway\n`);
    expect(result.stdout).toContain(`::error::${why}\n`);
    expect(writes()).toEqual([
      `DELETE ${repoPath}/issues/2/labels/${LABEL}`,
      `PATCH ${repoPath}/issues/comments/${fake.comments(OWNER, REPO, 2)[0]!.id}`,
    ]);
    expect(fake.issueLabels(OWNER, REPO, 2)).toEqual([]);
    expect(fake.comments(OWNER, REPO, 2)[0]!.body).toContain(
      `playbook-proof could not check \`${PATH}\` at this commit: ${why.replace(/#/g, '#\u200B')}`,
    );
  }, 30_000);
});

describe('a token that may not read the pull request', () => {
  it('is one warning with the fix, writes nothing, and the criteria decide the job', async () => {
    fake.setFile(OWNER, REPO, OLD, PATH, example);
    fake.fail({ method: 'GET', path: /\/pulls\/2$/, status: 403, body: { message: 'Resource not accessible by integration' } });
    const result = await run(pullRequest(OLD));
    expect(result.code).toBe(0);
    const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
    expect(warnings).toEqual([
      `::warning::playbook-proof could not comment on, review or label #2: the token is read-only (could not read #2 to confirm its head commit: 403 Resource not accessible by integration). Give the workflow \`permissions: pull-requests: write\` and \`issues: write\`, or pass a token with pull-requests: write. Annotations, the summary and the outputs are still written.`,
    ]);
    expect(writes()).toEqual([]);
  });
});

describe('own comments only', () => {
  const graphqlDown = (f: FakeGitHub) =>
    f.fail({
      method: 'POST',
      path: /^\/graphql$/,
      status: 200,
      times: Infinity,
      body: { data: null, errors: [{ type: 'SERVICE_UNAVAILABLE', message: 'Service unavailable' }] },
    });

  it('without its identity (GraphQL down) it edits only a bot’s marked comment and deletes nothing', async () => {
    fake.setFile(OWNER, REPO, OLD, PATH, example);
    const mallory = fake.addComment(OWNER, REPO, 2, `${COMMENT_MARKER}\n### ✅ Playbook proof: 7/7 (fake)`, 'mallory');
    const ours = fake.addComment(OWNER, REPO, 2, `${COMMENT_MARKER}\nolder result`, 'github-actions[bot]');
    graphqlDown(fake);
    const result = await run(pullRequest(OLD));
    expect(result.code).toBe(0);
    expect(writes()).toEqual([
      `PATCH ${repoPath}/issues/comments/${ours.id}`,
      `POST ${repoPath}/issues/2/labels`,
      `PATCH ${repoPath}/labels/${LABEL}`,
    ]);
    const comments = fake.comments(OWNER, REPO, 2);
    expect(comments.map((c) => c.id)).toEqual([mallory.id, ours.id]);
    expect(comments[0]!.body).toBe(mallory.body);
    expect(comments[1]!.body).toContain('### ✅ Playbook proof: 7/7 criteria pass');
  });

  it('with only a person’s marked comment and GraphQL hanging, it posts its own and leaves theirs', async () => {
    fake.setFile(OWNER, REPO, OLD, PATH, example);
    const mallory = fake.addComment(OWNER, REPO, 2, `${COMMENT_MARKER}\nfake`, 'mallory');
    fake.hang({ method: 'POST', path: /^\/graphql$/, times: Infinity });
    const result = await run(pullRequest(OLD), { 'request-timeout': '1' });
    expect(result.code).toBe(0);
    expect(writes().filter((w) => w.includes('comments'))).toEqual([`POST ${repoPath}/issues/2/comments`]);
    const comments = fake.comments(OWNER, REPO, 2);
    expect(comments.map((c) => c.user.login)).toEqual(['mallory', 'github-actions[bot]']);
    expect(comments[0]!.body).toBe(mallory.body);
  }, 30_000);
});

describe('what the Action writes', () => {
  it('a missing playbook is one line saying where it was expected, with no link to a file that is not there', async () => {
    const result = await run(pullRequest(OLD));
    expect(result.code).toBe(1);
    expect(fake.comments(OWNER, REPO, 2)[0]!.body).toBe(
      [
        COMMENT_MARKER,
        `### ❌ Playbook proof: no playbook at \`${PATH}\``,
        '',
        `No playbook at \`${PATH}\` in commit \`ec26c3e\`: the lesson asks for it at that path. Add it there (or move it) and push.`,
        '',
        'This comment updates itself, and the `proof: passed` label turns on once every criterion passes.',
        '',
        '<sub>playbook-proof 0.1.0 · commit ec26c3e</sub>',
      ].join('\n'),
    );
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([
      `::error title=location::No playbook at ${PATH}: the lesson asks for it at that path`,
      `::error::No playbook at ${PATH} in commit ec26c3e: the lesson asks for it at that path`,
    ]);
    expect(result.summary).toBe(
      `### ❌ Playbook proof: 0/7 criteria pass\n\nNo playbook at \`${PATH}\` in commit \`ec26c3e\`: the lesson asks for it at that path. Add it there (or move it) and push.\n`,
    );
  });

  it('the job summary lists each failing finding with a link that opens its line', async () => {
    fake.setFile(OWNER, REPO, OLD, PATH, failingText);
    const q3 = failingText.slice(0, failingText.indexOf('## Q3:')).split('\n').length;
    const result = await run(pullRequest(OLD));
    const url = `https://github.com/${OWNER}/${REPO}/blob/${OLD}/${PATH}`;
    expect(result.summary).toContain(`[\`${PATH}\`](${url}) at \`ec26c3e\``);
    expect(result.summary).toContain(
      `#### Findings\n\n- ❌ [line ${q3}](${url}?plain=1#L${q3}): Q3 has no gotcha list of common wrong answers _(gotchas)_\n`,
    );
    expect(fake.comments(OWNER, REPO, 2)[0]!.body).toContain(`](${url}?plain=1#L${q3}): Q3 has no gotcha list`);
  });

  it('keeps the result output under 1 MB, counting the findings it left out', async () => {
    const doc = Array.from({ length: 3000 }, (_, i) => `## Q${i + 1}: Question ${i + 1}\n`).join('\n');
    fake.setFile(OWNER, REPO, OLD, PATH, doc);
    const all = lint(doc, { path: PATH }).findings.length;
    const result = await run(pullRequest(OLD), { 'fail-on-criteria': 'false' });
    expect(result.code).toBe(0);
    const output = result.outputs.result!;
    expect(Buffer.byteLength(output)).toBeLessThanOrEqual(1_000_000);
    expect(Buffer.byteLength(output)).toBeGreaterThan(900_000);
    const report = JSON.parse(output) as { findings: unknown[]; questions: unknown[]; truncated: { findings: number; questions: number } };
    expect(report.questions).toHaveLength(3000);
    expect(report.truncated.questions).toBe(0);
    expect(report.findings.length + report.truncated.findings).toBe(all);
    expect(report.truncated.findings).toBeGreaterThan(0);
    expect(result.summary).toContain(`- …and ${all - 200} more: run \`npx playbook-proof check\` to see them all`);
  }, 60_000);

  it('names a bad request-timeout input', async () => {
    const result = await run(pullRequest(OLD), { 'request-timeout': 'soon' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::Input "request-timeout" must be a number of seconds from 0.1 to 600, got "soon"');
    expect(fake.calls).toHaveLength(0);
  });
});
