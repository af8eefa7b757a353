import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../src/report/comment.js';
import { runAction, webhookPayload } from './helpers/action.js';
import { parseAnki } from './helpers/cards.js';
import { examplePath } from './helpers/cli.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';

import { LINK_REASON, SUBMODULE_REASON } from '../src/core/decode.js';

// The real bundle, the real Octokit client, real HTTP against a fake GitHub on 127.0.0.1, real webhook payloads.
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PATH = 'week-24/day1-dist-sys-qa.md';
const example = readFileSync(examplePath, 'utf8');
const LABEL = 'proof: passed';

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

/** A real pull_request payload; the fake's pull request #2 gets its head (as GitHub would have it). */
function pullRequest(action: 'opened' | 'synchronize' = 'opened', labels: string[] = []) {
  const payload = webhookPayload('pull_request', action);
  payload.pull_request.labels = labels.map((name, i) => ({ id: i + 1, name, color: 'ededed', default: false }));
  fake.setPullRequest(OWNER, REPO, { number: 2, headSha: payload.pull_request.head.sha });
  return payload;
}
/** A push to the pull request: the payload's head and the fake's move to `sha`. */
function pushTo(payload: Record<string, any>, sha: string): void {
  payload.pull_request.head.sha = sha;
  fake.setPullRequest(OWNER, REPO, { number: 2, headSha: sha });
}
const headSha = (payload: Record<string, any>): string => payload.pull_request.head.sha;

/** The example with Q3's gotcha list removed; the line of Q3's heading. */
function failing(): { text: string; q3: number } {
  const start = example.indexOf('## Q3:');
  const text = example.slice(0, example.indexOf('**Gotcha', start)) + example.slice(example.indexOf('## Q4:'));
  return { text, q3: text.slice(0, text.indexOf('## Q3:')).split('\n').length };
}

const requests = () => fake.calls.map((c) => `${c.method} ${c.path} ${c.status}`);

describe('the Action on pull requests', () => {
  it('passes the example: one checklist comment, the label created and added, outputs and summary', async () => {
    const payload = pullRequest();
    fake.setFile(OWNER, REPO, headSha(payload), PATH, example);
    const run = await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const comments = fake.comments(OWNER, REPO, 2);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.user.login).toBe('github-actions[bot]');
    await expect(comments[0]!.body).toMatchFileSnapshot('__snapshots__/comment-pass.md');
    expect(fake.issueLabels(OWNER, REPO, 2)).toEqual([LABEL]);
    expect(fake.repoLabels(OWNER, REPO).find((l) => l.name === LABEL)).toMatchObject({
      color: '2da44e',
      description: 'playbook-proof: every criterion of the playbook passes',
    });
    expect(run.outputs.passed).toBe('true');
    expect(run.outputs.score).toBe('7/7');
    expect(run.outputs['failing-criteria']).toBe('');
    expect(JSON.parse(run.outputs.result!)).toMatchObject({ file: PATH, passed: true, score: { passed: 7, total: 7 } });
    expect(run.summary).toContain('### ✅ Playbook proof: 7/7 criteria pass');
    expect(run.summary).toContain('| Gotcha section lists ≥2 wrong answers per question | ✅ |  |');
    // the deck of a passing playbook, for upload-artifact: 15 question cards and 43 gotcha cards
    expect(run.outputs['deck-path']).toMatch(/playbook-proof-cards\.txt$/);
    expect(parseAnki(readFileSync(run.outputs['deck-path']!, 'utf8')).records).toHaveLength(58);
  });

  it('fails on a regression: links the failing question to its line at the head SHA, annotates, removes only the proof label', async () => {
    const payload = pullRequest('synchronize', ['documentation', LABEL]);
    fake.setIssueLabels(OWNER, REPO, 2, ['documentation', LABEL]);
    const { text, q3 } = failing();
    fake.setFile(OWNER, REPO, headSha(payload), PATH, text);
    const run = await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload });
    expect(run.code).toBe(1);
    const body = fake.comments(OWNER, REPO, 2)[0]!.body;
    expect(body).toContain(
      `- ❌ Gotcha section lists ≥2 wrong answers per question\n  - [Q3 · How do you replicate data, and what do sync and async replication trade?](https://github.com/${OWNER}/${REPO}/blob/${headSha(payload)}/${PATH}?plain=1#L${q3}): Q3 has no gotcha list of common wrong answers`,
    );
    await expect(body).toMatchFileSnapshot('__snapshots__/comment-fail.md');
    expect(fake.issueLabels(OWNER, REPO, 2)).toEqual(['documentation']);
    expect(run.stdout).toContain(`::error title=gotchas,file=${PATH},line=${q3},col=1::Q3 has no gotcha list of common wrong answers`);
    expect(run.stdout).toContain('::error::The playbook passes 6/7 criteria; failing: gotchas');
    expect(run.outputs).toMatchObject({ passed: 'false', score: '6/7', 'failing-criteria': 'gotchas', 'deck-path': '' });
  });

  it('updates its comment in place on the next push, and a rerun with nothing changed makes at most 5 requests', async () => {
    const first = pullRequest();
    const { text } = failing();
    fake.setFile(OWNER, REPO, headSha(first), PATH, text);
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: first });
    const [comment] = fake.comments(OWNER, REPO, 2);
    expect(comment!.body).toContain('❌ Playbook proof: 6/7');

    const second = pullRequest('synchronize');
    pushTo(second, '5ca1ab1e00000000000000000000000000000000');
    fake.setFile(OWNER, REPO, headSha(second), PATH, example);
    expect((await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: second })).code).toBe(0);
    const after = fake.comments(OWNER, REPO, 2);
    expect(after.map((c) => c.id)).toEqual([comment!.id]);
    expect(after[0]!.body).toContain('✅ Playbook proof: 7/7');
    expect(after[0]!.body).toContain('commit 5ca1ab1');

    // rerun of the same, passing event: the label is already on
    fake.calls.length = 0;
    const rerun = pullRequest('synchronize', [LABEL]);
    pushTo(rerun, headSha(second));
    expect((await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload: rerun })).code).toBe(0);
    expect(requests()).toEqual([
      `GET /repos/${OWNER}/${REPO}/contents/${PATH} 200`,
      `GET /repos/${OWNER}/${REPO}/pulls/2 200`,
      `GET /repos/${OWNER}/${REPO}/pulls/2/comments 200`,
      `GET /repos/${OWNER}/${REPO}/issues/2/comments 200`,
      'POST /graphql 200',
    ]);
    expect(fake.calls.length).toBeLessThanOrEqual(5);
  });

  it('leaves exactly one comment after ten concurrent runs', async () => {
    const payload = pullRequest();
    fake.setFile(OWNER, REPO, headSha(payload), PATH, example);
    fake.latency(20);
    const runs = await Promise.all(Array.from({ length: 10 }, () => runAction({ apiUrl: fake.url, eventName: 'pull_request', payload })));
    expect(runs.map((r) => r.code)).toEqual(Array(10).fill(0));
    expect(fake.comments(OWNER, REPO, 2)).toHaveLength(1);
  }, 60_000);

  it('does not adopt a comment somebody else wrote with the marker', async () => {
    const payload = pullRequest();
    fake.setFile(OWNER, REPO, headSha(payload), PATH, example);
    fake.addComment(OWNER, REPO, 2, `${COMMENT_MARKER}\nfake pass`, 'mallory');
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload });
    const comments = fake.comments(OWNER, REPO, 2);
    expect(comments.map((c) => [c.user.login, c.body.startsWith(COMMENT_MARKER)])).toEqual([
      ['mallory', true],
      ['github-actions[bot]', true],
    ]);
    expect(comments[0]!.body).toBe(`${COMMENT_MARKER}\nfake pass`);
  });

  it('degrades on a fork PR with a read-only token: one warning with the fix, annotations, summary and outputs still written', async () => {
    const payload = pullRequest();
    payload.pull_request.head.repo = {
      ...payload.pull_request.head.repo,
      name: 'Hello-World',
      full_name: 'learner/Hello-World',
      owner: { ...payload.pull_request.head.repo.owner, login: 'learner' },
    };
    fake.setFile('learner', REPO, headSha(payload), PATH, failing().text);
    fake.readOnly(OWNER, REPO);
    const run = await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload, inputs: { 'fail-on-criteria': 'false' } });
    expect(run.code).toBe(0);
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning::playbook-proof could not comment'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('pull_request_target');
    expect(run.stdout).toContain('::error title=gotchas,file=week-24/day1-dist-sys-qa.md');
    expect(run.summary).toContain('❌ Playbook proof: 6/7');
    expect(run.outputs.score).toBe('6/7');
    expect(fake.comments(OWNER, REPO, 2)).toHaveLength(0);
    // the head commit was read from the fork
    expect(requests()[0]).toBe(`GET /repos/learner/${REPO}/contents/${PATH} 200`);
  });

  it('comments on a fork PR under pull_request_target, reading only the fork’s playbook text', async () => {
    const payload = pullRequest();
    payload.pull_request.head.repo = {
      ...payload.pull_request.head.repo,
      name: 'fork',
      full_name: 'learner/fork',
      owner: { ...payload.pull_request.head.repo.owner, login: 'learner' },
    };
    fake.setFile('learner', 'fork', headSha(payload), PATH, example);
    const run = await runAction({ apiUrl: fake.url, eventName: 'pull_request_target', payload });
    expect(run.code).toBe(0);
    expect(fake.comments(OWNER, REPO, 2)).toHaveLength(1);
    expect(fake.issueLabels(OWNER, REPO, 2)).toEqual([LABEL]);
  });

  it('retries a 500 and a 429 with retry-after', async () => {
    const payload = pullRequest();
    fake.setFile(OWNER, REPO, headSha(payload), PATH, example);
    fake.fail({ method: 'GET', path: /\/contents\//, status: 500 });
    fake.fail({ method: 'GET', path: /\/issues\/2\/comments$/, status: 429, headers: { 'retry-after': '1' } });
    const run = await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload });
    expect(run.code).toBe(0);
    expect(requests().slice(0, 6)).toEqual([
      `GET /repos/${OWNER}/${REPO}/contents/${PATH} 500`,
      `GET /repos/${OWNER}/${REPO}/contents/${PATH} 200`,
      `GET /repos/${OWNER}/${REPO}/pulls/2 200`,
      `GET /repos/${OWNER}/${REPO}/pulls/2/comments 200`,
      `GET /repos/${OWNER}/${REPO}/issues/2/comments 429`,
      `GET /repos/${OWNER}/${REPO}/issues/2/comments 200`,
    ]);
    const [, , , , limited, retried] = fake.calls;
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(1000);
    expect(fake.comments(OWNER, REPO, 2)).toHaveLength(1);
  }, 20_000);

  it.each([
    [
      'binary',
      (f: FakeGitHub, sha: string) => f.setFile(OWNER, REPO, sha, PATH, new Uint8Array([35, 0, 1, 2])),
      'is a binary file (it contains NUL bytes), not Markdown text',
    ],
    [
      'huge',
      (f: FakeGitHub, sha: string) => f.setHugeFile(OWNER, REPO, sha, PATH, 6 * 1024 * 1024),
      'is 6 MiB, more than the 5 MiB a playbook may be',
    ],
    ['a directory', (f: FakeGitHub, sha: string) => f.setDirectory(OWNER, REPO, sha, PATH), 'is a directory, not a file'],
    // GitHub answers a link to a file with that file (under its own path): the link is still not the playbook
    [
      'symbolic link to a passing file',
      (f: FakeGitHub, sha: string) => {
        f.setFile(OWNER, REPO, sha, 'notes/playbook.md', example);
        f.setSymlink(OWNER, REPO, sha, PATH, '../notes/playbook.md');
      },
      LINK_REASON,
    ],
    ['symbolic link to nothing', (f: FakeGitHub, sha: string) => f.setSymlink(OWNER, REPO, sha, PATH, '../../elsewhere.md'), LINK_REASON],
    ['submodule', (f: FakeGitHub, sha: string) => f.setSubmodule(OWNER, REPO, sha, PATH, 'a'.repeat(40)), SUBMODULE_REASON],
  ])('turns a %s playbook into one failing line with a clear message, never a crash', async (_, arrange, reason) => {
    const payload = pullRequest();
    arrange(fake, headSha(payload));
    const run = await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const body = fake.comments(OWNER, REPO, 2)[0]!.body;
    expect(body).toContain(
      `\nThe playbook \`${PATH}\` in commit \`ec26c3e\` ${reason}. ([file](https://github.com/${OWNER}/${REPO}/blob/${headSha(payload)}/${PATH}))\n`,
    );
    expect(body).not.toContain('- ❌');
    expect(run.stdout).toContain(`::error title=question-count,file=${PATH},line=1,col=1::The playbook ${reason}\n`);
    expect(run.stdout).toContain(`::error::The playbook ${PATH} in commit ec26c3e ${reason}\n`);
    expect(run.outputs.passed).toBe('false');
  });

  it('makes a learner title inert in the comment', async () => {
    const payload = pullRequest();
    const hostile = example
      .replace(/^## Q1: .*$/m, '## Q1: Ping @org/team `<img src=x onerror=alert(1)>` [x](javascript:alert(1))')
      .replace(/^\*\*Project Example:\*\*$/m, '');
    fake.setFile(OWNER, REPO, headSha(payload), PATH, hostile);
    await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload });
    const body = fake.comments(OWNER, REPO, 2)[0]!.body;
    expect(body).toContain('[Q1 · Ping @\u200Borg/team &lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1))](');
    expect(body).not.toMatch(/<img|[^\\]\]\(javascript:|@org\//);
  });

  it('names a bad input in the failure', async () => {
    const payload = pullRequest();
    const run = await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload, inputs: { comment: 'maybe' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::Input "comment" must be true or false, got "maybe"');
    expect(fake.calls).toHaveLength(0);
  });

  it('takes thresholds from the config input, with the CLI schema', async () => {
    const payload = pullRequest();
    fake.setFile(OWNER, REPO, headSha(payload), PATH, example);
    const strict = await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload, inputs: { config: 'questions: 16\n' } });
    expect(strict.outputs['failing-criteria']).toBe('question-count');
    const bad = await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload, inputs: { config: 'questoins: 16\n' } });
    expect(bad.stdout).toContain('::error::Input "config": unknown option "questoins"');
  });
});

describe('the Action on push', () => {
  it('checks, annotates, summarises and sets outputs, with no comment', async () => {
    const payload = webhookPayload('push');
    fake.setFile(OWNER, REPO, payload.after, PATH, failing().text);
    const run = await runAction({ apiUrl: fake.url, eventName: 'push', payload, sha: payload.after, inputs: { 'fail-on-criteria': 'false' } });
    expect(run.code).toBe(0);
    expect(run.outputs.score).toBe('6/7');
    expect(run.stdout).toContain('::error title=gotchas,file=week-24/day1-dist-sys-qa.md');
    expect(requests()).toEqual([`GET /repos/${OWNER}/${REPO}/contents/${PATH} 200`]);
  });
});

describe('the Action publishing the badge', () => {
  function pushToMain() {
    const payload = webhookPayload('push');
    payload.ref = 'refs/heads/main';
    payload.repository.default_branch = 'main';
    return payload;
  }

  it('commits playbook.svg and playbook.json to an orphan badges branch, and again only when they change', async () => {
    const payload = pushToMain();
    fake.setFile(OWNER, REPO, payload.after, PATH, example);
    const first = await runAction({ apiUrl: fake.url, eventName: 'push', payload, sha: payload.after, inputs: { badge: 'true' } });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('badge created on the badges branch (passed)');
    const files = fake.branchFiles(OWNER, REPO, 'badges')!;
    expect(Object.keys(files).sort()).toEqual(['playbook.json', 'playbook.svg']);
    expect(JSON.parse(files['playbook.json']!)).toEqual({ schemaVersion: 1, label: 'playbook', message: 'passed', color: 'brightgreen' });
    expect(files['playbook.svg']).toContain('<title>playbook: passed</title>');
    expect(fake.branchLog(OWNER, REPO, 'badges').map((c) => c.parents.length)).toEqual([0]);

    const again = await runAction({ apiUrl: fake.url, eventName: 'push', payload, sha: payload.after, inputs: { badge: 'true' } });
    expect(again.stdout).toContain('badge unchanged on the badges branch (passed)');
    expect(fake.branchLog(OWNER, REPO, 'badges')).toHaveLength(1);

    payload.after = 'badbadbadbadbadbadbadbadbadbadbadbadbadb';
    fake.setFile(OWNER, REPO, payload.after, PATH, failing().text);
    const worse = await runAction({
      apiUrl: fake.url,
      eventName: 'push',
      payload,
      sha: payload.after,
      inputs: { badge: 'true', 'fail-on-criteria': 'false' },
    });
    expect(worse.stdout).toContain('badge updated on the badges branch (6/7 criteria)');
    expect(fake.branchLog(OWNER, REPO, 'badges')).toHaveLength(2);
    expect(JSON.parse(fake.branchFiles(OWNER, REPO, 'badges')!['playbook.json']!).color).toBe('green');
  });

  it('does not publish from a pull request or another branch', async () => {
    const payload = pushToMain();
    payload.ref = 'refs/heads/feature';
    fake.setFile(OWNER, REPO, payload.after, PATH, example);
    const run = await runAction({ apiUrl: fake.url, eventName: 'push', payload, sha: payload.after, inputs: { badge: 'true' } });
    expect(run.stdout).toContain('badge: published only on pushes to the default branch');
    expect(fake.branchFiles(OWNER, REPO, 'badges')).toBeNull();
  });
});

describe('the Action in cohort mode', () => {
  it('scans the forks, writes the HTML report for an artifact and the table to the summary', async () => {
    fake.addRepository({ owner: 'course-org', name: 'course', files: { 'README.md': '# course\n' } });
    fake.generateForks('course-org/course', 3, (i) => ({
      owner: `learner-${i}`,
      ...(i === 0 ? { files: { [PATH]: example } } : i === 1 ? { files: { [PATH]: failing().text } } : {}),
    }));
    const run = await runAction({
      apiUrl: fake.url,
      eventName: 'schedule',
      payload: {},
      repository: 'course-org/instructor',
      inputs: { mode: 'cohort', template: 'course-org/course' },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.score).toBe('1/3');
    expect(readFileSync(run.outputs['html-path']!, 'utf8')).toContain('data-fork="learner-1/course"');
    expect(run.summary).toContain('### Cohort: 3 forks of `course-org/course`');
    expect(run.summary).toContain('| learner-1/course | failing | 6/7 | gotchas (Q3) |');
    expect(JSON.parse(run.outputs.result!).rows).toHaveLength(3);
  });

  it('names a missing template input', async () => {
    const run = await runAction({ apiUrl: fake.url, eventName: 'schedule', payload: {}, inputs: { mode: 'cohort' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::Input "template" must be OWNER/REPO of the course template for mode cohort, got ""');
  });
});
