import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CohortReport, ForkState } from '../src/cohort/types.js';
import { cli, examplePath } from './helpers/cli.js';
import { startFakeGitHub, type FakeGitHub, type ForkSpec } from './helpers/fake-github.js';

// The cohort scan through the CLI, with the real Octokit client over real HTTP against the fake GitHub API.
const TEMPLATE = 'course-org/dist-sys-course';
const PATH = 'week-24/day1-dist-sys-qa.md';
const example = readFileSync(examplePath, 'utf8');
const withoutQ3Gotchas = (() => {
  const start = example.indexOf('## Q3:');
  return example.slice(0, example.indexOf('**Gotcha', start)) + example.slice(example.indexOf('## Q4:'));
})();

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.addRepository({ owner: 'course-org', name: 'dist-sys-course', files: { 'README.md': '# Distributed systems course\n' } });
});
afterEach(async () => {
  await fake.close();
});

/** Fork i's kind, and the state its row must have. */
const KINDS: Array<{ kind: string; state: ForkState; spec: () => ForkSpec }> = [
  { kind: 'passing', state: 'passed', spec: () => ({ files: { [PATH]: example } }) },
  { kind: 'failing', state: 'failing', spec: () => ({ files: { [PATH]: withoutQ3Gotchas } }) },
  { kind: 'fresh fork, no playbook', state: 'missing', spec: () => ({}) },
  { kind: 'empty', state: 'empty', spec: () => ({ empty: true }) },
  { kind: 'binary', state: 'unreadable', spec: () => ({ files: { [PATH]: new Uint8Array([35, 32, 0, 1, 2, 3]) } }) },
  { kind: 'archived, passing', state: 'passed', spec: () => ({ archived: true, files: { [PATH]: example } }) },
  { kind: 'forbidden', state: 'unreadable', spec: () => ({ forbidden: true }) },
  { kind: 'a directory at the path', state: 'unreadable', spec: () => ({ files: { [`${PATH}/notes.md`]: 'x' } }) },
  // a learner lowering the bar in their own fork: the instructor's config is what counts
  {
    kind: 'own config lowering the bar',
    state: 'failing',
    spec: () => ({ files: { [PATH]: withoutQ3Gotchas, '.playbook-proof.json': '{"gotchas": 0, "rules": {"gotchas": "off"}}' } }),
  },
  { kind: 'playbook elsewhere', state: 'missing', spec: () => ({ files: { 'week24/qa.md': example } }) },
];

function generate(count: number): void {
  fake.generateForks(TEMPLATE, count, (i) => ({ owner: `learner-${String(i).padStart(4, '0')}`, ...KINDS[i % KINDS.length]!.spec() }));
}

async function scan(extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'playbook-proof-cohort-'));
  const json = join(dir, 'cohort.json');
  const result = await cli(['cohort', '--template', TEMPLATE, '--json', json, '--write-interval', '0', ...extra], dir, {
    GITHUB_TOKEN: 'ghs_instructor',
    GITHUB_API_URL: fake.url,
    ...env,
  });
  const report = result.code === 0 ? (JSON.parse(readFileSync(json, 'utf8')) as CohortReport) : null;
  return { ...result, report, dir };
}

describe('cohort scan', () => {
  it('gives each of 1,000 forks its row, in at most 40 requests', async () => {
    generate(1000);
    // two forks whose playbook is over GraphQL's text limit: read through the contents API
    fake.addRepository({
      owner: 'big-1',
      name: 'dist-sys-course',
      parent: TEMPLATE,
      files: { [PATH]: example.replace('\n## Q1:', `\n\`\`\`text\n${'padding line\n'.repeat(50_000)}\`\`\`\n\n## Q1:`) },
    });
    fake.addRepository({ owner: 'big-2', name: 'dist-sys-course', parent: TEMPLATE, files: { [PATH]: 'x'.repeat(6 * 1024 * 1024) } });
    const { code, report, stdout, stderr } = await scan();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(report!.rows).toHaveLength(1002);
    const byFork = new Map(report!.rows.map((r) => [r.fork, r]));
    for (let i = 0; i < 1000; i++) {
      const row = byFork.get(`learner-${String(i).padStart(4, '0')}/dist-sys-course`)!;
      expect([i, KINDS[i % KINDS.length]!.kind, row.state]).toEqual([i, KINDS[i % KINDS.length]!.kind, KINDS[i % KINDS.length]!.state]);
    }
    const failing = byFork.get('learner-0001/dist-sys-course')!;
    expect(failing).toMatchObject({ passed: 6, total: 7, failing: [{ id: 'gotchas', questions: [3] }], reason: null });
    expect(byFork.get('learner-0008/dist-sys-course')!.failing.map((c) => c.id)).toEqual(['gotchas']);
    expect(byFork.get('learner-0002/dist-sys-course')!.reason).toBe(`no playbook at ${PATH} on the default branch`);
    expect(byFork.get('learner-0003/dist-sys-course')!).toMatchObject({ state: 'empty', headSha: null, reason: 'the fork has no commits' });
    expect(byFork.get('learner-0004/dist-sys-course')!.reason).toBe('the playbook is a binary file, not Markdown text');
    // the lesson map's topics each checked playbook has a question on; none for a fork that could not be checked
    expect(byFork.get('learner-0000/dist-sys-course')!.topics).toEqual([
      'cap',
      'consensus',
      'replication',
      'partitions',
      'leader-election',
      'linearizability',
      'vector-clocks',
      'crdts',
      'exactly-once',
      'idempotency',
      'back-pressure',
      'bft',
      'jepsen',
      'formal-verification',
      'calm',
    ]);
    expect(byFork.get('learner-0001/dist-sys-course')!.topics).toHaveLength(15);
    expect(['learner-0002', 'learner-0003', 'learner-0004'].map((o) => byFork.get(`${o}/dist-sys-course`)!.topics)).toEqual([null, null, null]);
    expect(byFork.get('learner-0006/dist-sys-course')!.reason).toBe('the token is not allowed to read this fork (403 Forbidden)');
    expect(byFork.get('big-1/dist-sys-course')!.state).toBe('passed');
    expect(byFork.get('big-2/dist-sys-course')!.reason).toBe('the playbook is 6 MiB, more than the 5 MiB a playbook may be');
    expect(fake.calls.length).toBeLessThanOrEqual(40);
    expect(stdout).toContain(`1002 forks of ${TEMPLATE}: 201 passed, 200 failing, 200 missing, 301 unreadable, 100 empty`);
  }, 60_000);

  it('survives a fork deleted after the listing, giving it an unreadable row', async () => {
    generate(120);
    fake.latency(20);
    const pending = scan();
    // once every page of forks has been served, delete one fork before its playbook is read
    while (!fake.calls.some((c) => c.path.endsWith('/forks') && c.query.page === '2' && c.status !== 0)) await new Promise((r) => setTimeout(r, 2));
    fake.deleteRepository('learner-0110', 'dist-sys-course');
    const { report } = await pending;
    const row = report!.rows.find((r) => r.fork === 'learner-0110/dist-sys-course')!;
    expect(row).toMatchObject({ state: 'unreadable', reason: 'the fork no longer exists, or the token cannot see it' });
    expect(report!.rows).toHaveLength(120);
  }, 30_000);

  it('reads a symbolic link at the path as GitHub, the Action and the hook do: not the playbook', async () => {
    fake.addRepository({
      owner: 'linked',
      name: 'dist-sys-course',
      parent: TEMPLATE,
      files: { 'notes/playbook.md': example, [PATH]: { symlink: '../notes/playbook.md' } },
    });
    fake.addRepository({ owner: 'dangling', name: 'dist-sys-course', parent: TEMPLATE, files: { [PATH]: { symlink: '../../elsewhere.md' } } });
    fake.addRepository({ owner: 'copied', name: 'dist-sys-course', parent: TEMPLATE, files: { 'notes/playbook.md': example, [PATH]: example } });
    const { code, report } = await scan();
    expect(code).toBe(0);
    const state = (owner: string) => report!.rows.find((r) => r.owner === owner)!;
    const reason =
      'the playbook is a symbolic link; GitHub and the pull-request check read the link, not the file it points to: put the playbook file itself at that path';
    expect(state('linked')).toMatchObject({ state: 'unreadable', reason });
    expect(state('dangling')).toMatchObject({ state: 'unreadable', reason });
    expect(state('copied')).toMatchObject({ state: 'passed', reason: null });
  });

  it('writes CSV and self-contained HTML', async () => {
    generate(10);
    const { dir, code } = await scan(['--csv', 'cohort.csv', '--html', 'cohort.html']);
    expect(code).toBe(0);
    const csv = readFileSync(join(dir, 'cohort.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('fork,owner,state,passed,total,failing,last_commit,reason,url,archived');
    expect(csv).toContain(
      `learner-0001/dist-sys-course,learner-0001,failing,6,7,gotchas (Q3),${fake.repository('learner-0001', 'dist-sys-course')!.committedDate},,https://github.com/learner-0001/dist-sys-course,false`,
    );
    const html = readFileSync(join(dir, 'cohort.html'), 'utf8');
    expect(html).toContain('data-fork="learner-0001/dist-sys-course"');
    expect(html).not.toMatch(/<link|src="http|@import/);
  });
});

describe('cohort enforcement', () => {
  const writes = () => fake.calls.filter((c) => c.method !== 'GET' && !(c.method === 'POST' && c.path === '/graphql'));

  it('on 1,000 forks: dry-run writes nothing, statuses and issues are set once, a second run changes nothing', async () => {
    fake.generateForks(TEMPLATE, 1000, (i) => ({
      owner: `learner-${String(i).padStart(4, '0')}`,
      hasIssues: true,
      ...KINDS[i % KINDS.length]!.spec(),
    }));
    const headOf = (owner: string) => fake.repository(owner, 'dist-sys-course')!.headSha!;

    const dry = await scan(['--status', '--issue', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(writes().map((c) => `${c.method} ${c.path}`)).toEqual([]);
    expect(dry.stdout).toContain('would set status success (7/7 criteria pass)  learner-0000/dist-sys-course');
    expect(dry.stdout).toContain('would open issue  learner-0001/dist-sys-course');
    expect(dry.stdout).toContain('skipped: the fork is archived (read-only)  learner-0005/dist-sys-course');

    fake.calls.length = 0;
    const first = await scan(['--status', '--issue']);
    // statuses on passed, failing and missing forks that are not archived; issues on failing and missing ones
    expect(first.stdout).toMatch(/\n900 changes made\n$/);
    expect(fake.statuses('learner-0000', 'dist-sys-course', headOf('learner-0000'))[0]).toMatchObject({
      state: 'success',
      context: 'playbook-proof',
      description: '7/7 criteria pass',
    });
    expect(fake.statuses('learner-0001', 'dist-sys-course', headOf('learner-0001'))[0]).toMatchObject({
      state: 'failure',
      description: '6/7 criteria pass; failing: gotchas',
    });
    expect(fake.statuses('learner-0002', 'dist-sys-course', headOf('learner-0002'))[0]).toMatchObject({
      state: 'failure',
      description: `no playbook at ${PATH} on the default branch`,
    });
    const issues = fake.issues('learner-0001', 'dist-sys-course');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.body).toContain('- ❌ Gotcha section lists ≥2 wrong answers per question: Q3');
    expect(fake.issues('learner-0000', 'dist-sys-course')).toEqual([]);
    expect(fake.issues('learner-0005', 'dist-sys-course')).toEqual([]);

    fake.calls.length = 0;
    const second = await scan(['--status', '--issue']);
    expect(second.stdout).toMatch(/\n0 changes made\n$/);
    expect(writes()).toEqual([]);
  }, 120_000);

  it('closes the issue once the fork passes', async () => {
    fake.generateForks(TEMPLATE, 2, (i) => ({ owner: `learner-${i}`, hasIssues: true, ...KINDS[i]!.spec() }));
    await scan(['--issue']);
    expect(fake.issues('learner-1', 'dist-sys-course')[0]!.state).toBe('open');
    fake.commitFiles('learner-1', 'dist-sys-course', 'main', { [PATH]: example });
    const { stdout } = await scan(['--issue']);
    expect(stdout).toContain('close issue #1  learner-1/dist-sys-course');
    expect(fake.issues('learner-1', 'dist-sys-course')[0]!.state).toBe('closed');
  }, 30_000);
});

describe('cohort bad input', () => {
  it.each([
    [['--template', 'not a repo'], {}, 'playbook-proof: --template must be OWNER/REPO, got "not a repo"\n'],
    [
      ['--template', TEMPLATE],
      { GITHUB_TOKEN: '' },
      'playbook-proof: no token: pass --token or set GITHUB_TOKEN (or GH_TOKEN); it needs read access to the forks\n',
    ],
    [['--template', 'course-org/nope'], {}, 'playbook-proof: the template course-org/nope was not found, or the token cannot see it\n'],
  ])('%j exits 2 with one line', async (args, env, message) => {
    const { code, stderr } = await cli(['cohort', ...args], tmpdir(), { GITHUB_TOKEN: 'ghs_x', GITHUB_API_URL: fake.url, ...env });
    expect(code).toBe(2);
    expect(stderr).toBe(message);
  });

  it('names a refused token', async () => {
    fake.fail({ path: /\/forks$/, status: 401, body: { message: 'Bad credentials' } });
    const { code, stderr } = await cli(['cohort', '--template', TEMPLATE], tmpdir(), { GITHUB_TOKEN: 'ghs_bad', GITHUB_API_URL: fake.url });
    expect(code).toBe(2);
    expect(stderr).toBe('playbook-proof: GitHub refused the token (401 Bad credentials): check --token, GITHUB_TOKEN or GH_TOKEN\n');
  });
});
