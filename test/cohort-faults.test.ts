import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CohortReport } from '../src/cohort/types.js';
import { ISSUE_MARKER } from '../src/report/cohort-issue.js';
import { cohortOutput } from '../src/report/cohort-text.js';
import { runCliBundle } from './helpers/bundle.js';
import { examplePath } from './helpers/cli.js';
import { startFakeGitHub, type Call, type FakeGitHub } from './helpers/fake-github.js';

// Cohort mode under faults: the CLI bundle (dist/cli/index.js) in a child process, the real Octokit client over
// real HTTP against the fake GitHub with injected status codes, hangs, GraphQL errors and concurrent runs.
const TEMPLATE = 'course-org/dist-sys-course';
const NAME = 'dist-sys-course';
const PATH = 'week-24/day1-dist-sys-qa.md';
const example = readFileSync(examplePath, 'utf8');
const failingText = (() => {
  const start = example.indexOf('## Q3:');
  return example.slice(0, example.indexOf('**Gotcha', start)) + example.slice(example.indexOf('## Q4:'));
})();
const q3Line = failingText.slice(0, failingText.indexOf('## Q3:')).split('\n').length;

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.addRepository({ owner: 'course-org', name: NAME, files: { 'README.md': '# Distributed systems course\n' } });
});
afterEach(async () => {
  await fake.close();
});

/** Ten forks learner-0..9: even ones pass, odd ones fail Q3's gotchas. */
function tenForks(extra: (i: number) => object = () => ({})): void {
  fake.generateForks(TEMPLATE, 10, (i) => ({
    owner: `learner-${i}`,
    hasIssues: true,
    files: { [PATH]: i % 2 === 0 ? example : failingText },
    ...extra(i),
  }));
}

async function cohort(args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'playbook-proof-cohort-faults-'));
  const result = await runCliBundle(
    ['cohort', '--template', TEMPLATE, '--json', 'cohort.json', '--csv', 'cohort.csv', '--html', 'cohort.html', '--write-interval', '0', ...args],
    dir,
    {
      GITHUB_TOKEN: 'ghs_instructor',
      GITHUB_API_URL: fake.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ...env,
    },
  );
  const file = (name: string) => readFileSync(join(dir, name), 'utf8');
  const report = result.code === 0 ? (JSON.parse(file('cohort.json')) as CohortReport) : null;
  return { ...result, report, file };
}

const graphqlCalls = () => fake.calls.filter((c) => c.path === '/graphql');
const names = (call: Call): unknown[] => Object.values((call.body as { variables?: Record<string, unknown> }).variables ?? {});
const byFork = (report: CohortReport) => new Map(report.rows.map((r) => [r.fork, r]));

describe('a GraphQL batch that keeps failing costs only its forks', () => {
  it('RESOURCE_LIMITS_EXCEEDED once: the batch is read again in two halves, every fork gets its row', async () => {
    tenForks();
    fake.fail({
      method: 'POST',
      path: /^\/graphql$/,
      status: 200,
      body: { data: null, errors: [{ type: 'RESOURCE_LIMITS_EXCEEDED', message: 'Resource limits for this query exceeded.' }] },
    });
    const { code, report, stderr } = await cohort();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(graphqlCalls().map((c) => [c.status, c.graphqlAliases ?? 0])).toEqual([
      [200, 0],
      [200, 5],
      [200, 5],
    ]);
    expect(report!.rows.map((r) => r.state).sort()).toEqual([...Array(5).fill('failing'), ...Array(5).fill('passed')]);
  });

  it('data: null whenever a batch names one fork: halves narrow it down to that fork alone', async () => {
    tenForks();
    fake.failWhen({
      match: (c) => c.path === '/graphql' && names(c).includes('learner-3'),
      status: 200,
      times: Infinity,
      body: { data: null, errors: [{ message: 'Something broke for this repository' }] },
    });
    const { code, report, file } = await cohort();
    expect(code).toBe(0);
    // 10 → 5 + 5 → (3 + 2) → (1 + 1)
    // two variables a fork (owner, name) and two for the batch (the playbook path and its folder)
    expect(graphqlCalls().map((c) => names(c).length / 2 - 1)).toEqual([10, 5, 5, 3, 2, 1, 1]);
    const rows = byFork(report!);
    expect(rows.get(`learner-3/${NAME}`)).toMatchObject({
      state: 'unreadable',
      headSha: null,
      reason: 'GitHub did not answer the query for this fork: Something broke for this repository',
    });
    expect(report!.rows.filter((r) => r.state === 'unreadable')).toHaveLength(1);
    expect(rows.get(`learner-4/${NAME}`)!.state).toBe('passed');
    expect(file('cohort.csv')).toContain(
      `learner-3/${NAME},learner-3,unreadable,0,7,,,GitHub did not answer the query for this fork: Something broke for this repository,https://github.com/learner-3/${NAME},false`,
    );
    expect(file('cohort.html')).toContain(`data-fork="learner-3/${NAME}"`);
  });

  it('every batch failing: three queries, every fork unreadable with the reason, the files still written', async () => {
    tenForks();
    fake.fail({
      method: 'POST',
      path: /^\/graphql$/,
      status: 200,
      times: Infinity,
      body: { data: null, errors: [{ type: 'RESOURCE_LIMITS_EXCEEDED', message: 'Resource limits for this query exceeded.' }] },
    });
    const { code, report, stdout } = await cohort();
    expect(code).toBe(0);
    expect(graphqlCalls()).toHaveLength(3);
    expect(new Set(report!.rows.map((r) => `${r.state}: ${r.reason}`))).toEqual(
      new Set(['unreadable: GitHub did not answer the query for this fork: RESOURCE_LIMITS_EXCEEDED: Resource limits for this query exceeded.']),
    );
    expect(stdout).toContain(`10 forks of ${TEMPLATE}: 0 passed, 0 failing, 0 missing, 10 unreadable, 0 empty`);
  });

  it('a 502 through all four attempts of a query: its halves are read', async () => {
    tenForks();
    fake.fail({ method: 'POST', path: /^\/graphql$/, status: 502, times: 4 });
    const { code, report } = await cohort();
    expect(code).toBe(0);
    expect(graphqlCalls().map((c) => c.status)).toEqual([502, 502, 502, 502, 200, 200]);
    expect(report!.rows.filter((r) => r.state === 'unreadable')).toEqual([]);
  }, 60_000);

  it('a query that never answers: after the timeout, its halves are read', async () => {
    tenForks();
    fake.hang({ method: 'POST', path: /^\/graphql$/ });
    const { code, report } = await cohort(['--request-timeout', '1']);
    expect(code).toBe(0);
    expect(graphqlCalls().map((c) => c.status)).toEqual([0, 200, 200]);
    expect(report!.rows).toHaveLength(10);
    expect(report!.rows.filter((r) => r.state === 'unreadable')).toEqual([]);
  }, 30_000);
});

describe('the network fails fast, with a clear line', () => {
  it('a refused connection names the host and exits 2 without retrying', async () => {
    const closed = await startFakeGitHub();
    const url = closed.url;
    await closed.close();
    const { code, stderr, ms } = await cohort([], { GITHUB_API_URL: url });
    expect(code).toBe(2);
    expect(stderr).toBe(
      `playbook-proof: cannot connect to ${url.slice(7)}: the connection was refused; check --api-url or GITHUB_API_URL (now ${url})\n`,
    );
    // the retry plugin would wait 1 + 4 + 9 s
    expect(ms).toBeLessThan(10_000);
  });

  it('a fork listing that never answers ends at the timeout', async () => {
    tenForks();
    fake.hang({ path: /\/forks$/ });
    const { code, stderr } = await cohort(['--request-timeout', '1']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `playbook-proof: could not list the forks of ${TEMPLATE}: ${fake.url.slice(7)} did not answer GET /repos/${TEMPLATE}/forks within 1 s\n`,
    );
    expect(fake.calls).toHaveLength(1);
  }, 30_000);

  it('a rate limit resetting in an hour is not waited for', async () => {
    tenForks();
    const reset = Math.floor(Date.now() / 1000) + 3600;
    fake.fail({
      path: /\/forks$/,
      status: 403,
      times: Infinity,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: { message: 'API rate limit exceeded for user ID 1.' },
    });
    const { code, stderr } = await cohort();
    expect(code).toBe(2);
    expect(stderr).toBe(
      `playbook-proof: rate limit on GET /repos/${TEMPLATE}/forks: GitHub asks to wait 60 min, longer than the 60 s playbook-proof waits; giving up\n` +
        `playbook-proof: could not list the forks of ${TEMPLATE}: 403 API rate limit exceeded for user ID 1. (GitHub's rate limit resets at ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC; playbook-proof waits at most a minute)\n`,
    );
    expect(fake.calls).toHaveLength(1);
  });

  it('an exhausted rate limit on a GraphQL batch ends the scan instead of splitting it', async () => {
    tenForks();
    fake.fail({
      method: 'POST',
      path: /^\/graphql$/,
      status: 403,
      times: Infinity,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) },
      body: { message: 'API rate limit exceeded for user ID 1.' },
    });
    const { code, stderr } = await cohort();
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /\nplaybook-proof: could not read the forks' playbooks: 403 API rate limit exceeded for user ID 1\. \(GitHub's rate limit resets at \d\d:\d\d UTC; playbook-proof waits at most a minute\)\n$/,
    );
    expect(graphqlCalls()).toHaveLength(1);
  });
});

describe('GraphQL’s own rate limit', () => {
  it('RATE_LIMITED ends the scan in one line instead of splitting the batch', async () => {
    tenForks();
    const reset = Math.floor(Date.now() / 1000) + 3600;
    fake.fail({
      method: 'POST',
      path: /^\/graphql$/,
      status: 200,
      times: Infinity,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: { data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] },
    });
    const { code, stderr } = await cohort();
    expect(code).toBe(2);
    expect(stderr).toBe(
      'playbook-proof: rate limit on POST /graphql: GitHub asks to wait 60 min, longer than the 60 s playbook-proof waits; giving up\n' +
        `playbook-proof: could not read the forks' playbooks: GitHub's GraphQL rate limit is exhausted until ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC\n`,
    );
    expect(graphqlCalls()).toHaveLength(1);
  });
});

describe('two enforcement runs at once', () => {
  it('leave one open issue per fork, the oldest; a later run changes nothing', async () => {
    tenForks();
    fake.latency(25);
    const runs = await Promise.all([cohort(['--issue']), cohort(['--issue'])]);
    expect(runs.map((r) => [r.code, r.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    for (let i = 1; i < 10; i += 2) {
      const issues = fake.issues(`learner-${i}`, NAME).filter((issue) => issue.body?.includes(ISSUE_MARKER));
      const open = issues.filter((issue) => issue.state === 'open');
      expect([i, open.map((issue) => issue.number)]).toEqual([i, [1]]);
      for (const extra of issues.filter((issue) => issue.state === 'closed'))
        expect([i, extra.number, extra.state_reason]).toEqual([i, extra.number, 'not_planned']);
    }
    for (let i = 0; i < 10; i += 2) expect(fake.issues(`learner-${i}`, NAME)).toEqual([]);
    fake.latency(0);
    const again = await cohort(['--issue']);
    expect(again.stdout).toMatch(/\n0 changes made\n$/);
  }, 60_000);

  it('duplicates left by earlier runs are closed, keeping the oldest', async () => {
    tenForks();
    await cohort(['--issue']);
    const second = fake.addIssue(`learner-1`, NAME, { title: 'Playbook proof: 6/7 criteria pass', body: `${ISSUE_MARKER}\nsame` });
    const foreign = fake.addIssue(`learner-1`, NAME, { title: 'not ours', body: `${ISSUE_MARKER}\ncopied`, login: 'learner-1' });
    const { stdout } = await cohort(['--issue']);
    expect(stdout).toContain(`close duplicate issue #${second.number}  learner-1/${NAME}`);
    expect(fake.issues('learner-1', NAME).map((i) => [i.number, i.state])).toEqual([
      [1, 'open'],
      [second.number, 'closed'],
      [foreign.number, 'open'],
    ]);
  }, 30_000);
});

describe('cohort output', () => {
  it('the issue body lists each failing finding with a link that opens its line, and the commit checked', async () => {
    tenForks();
    await cohort(['--issue']);
    const sha = fake.repository('learner-1', NAME)!.headSha!;
    const base = `https://github.com/learner-1/${NAME}`;
    expect(fake.issues('learner-1', NAME)[0]!.body).toBe(
      [
        ISSUE_MARKER,
        `Your playbook \`${PATH}\` passes 6/7 of the course's criteria, checked at commit [\`${sha.slice(0, 7)}\`](${base}/commit/${sha}).`,
        '',
        '- ❌ Gotcha section lists ≥2 wrong answers per question: Q3',
        `  - [line ${q3Line}](${base}/blob/${sha}/${PATH}?plain=1#L${q3Line}): Q3 has no gotcha list of common wrong answers`,
        '',
        'Run `npx playbook-proof check` in your repository to see every finding. This issue is updated by the course and closed once every criterion passes.',
      ].join('\n'),
    );
  });

  it('a missing playbook is one line in the issue, not a list of criteria', async () => {
    fake.generateForks(TEMPLATE, 1, () => ({ owner: 'learner-0', hasIssues: true }));
    await cohort(['--issue']);
    const body = fake.issues('learner-0', NAME)[0]!.body!;
    expect(body).toContain(`No playbook at \`${PATH}\` on your default branch (checked at commit [`);
    expect(body).not.toContain('❌');
  });

  it('the HTML links each failing criterion to its line at the commit checked', async () => {
    tenForks();
    const { file } = await cohort();
    const sha = fake.repository('learner-1', NAME)!.headSha!;
    expect(file('cohort.html')).toContain(
      `<a class="crit" href="https://github.com/learner-1/${NAME}/blob/${sha}/week-24/day1-dist-sys-qa.md?plain=1#L${q3Line}" title="Gotcha section lists ≥2 wrong answers per question (line ${q3Line})" rel="noopener noreferrer" target="_blank">gotchas (Q3)</a>`,
    );
  });

  it('a forbidden fork’s reason is a sentence, an archived fork is marked everywhere', async () => {
    tenForks((i) => (i === 2 ? { forbidden: true } : i === 4 ? { archived: true } : {}));
    const { report, file, stdout } = await cohort();
    const rows = byFork(report!);
    expect(rows.get(`learner-2/${NAME}`)!.reason).toBe('the token is not allowed to read this fork (403 Forbidden)');
    expect(rows.get(`learner-4/${NAME}`)).toMatchObject({ state: 'passed', archived: true });
    expect(rows.get(`learner-0/${NAME}`)!.archived).toBe(false);
    expect(stdout).toMatch(new RegExp(`\\nlearner-4/${NAME} \\(archived\\) +passed`));
    expect(file('cohort.csv')).toContain(`learner-4/${NAME},learner-4,passed,7,7,,`);
    expect(
      file('cohort.csv')
        .split('\r\n')
        .find((l) => l.startsWith('learner-4'))!
        .endsWith(',true'),
    ).toBe(true);
    expect(file('cohort.html')).toContain(
      `>learner-4/${NAME}</a> <span class="tag" title="archived: read-only, no status or issue is set">archived</span></td>`,
    );
  });

  it('a fork the API lists without html_url still gets its page from the server URL', async () => {
    tenForks();
    fake.fail({
      method: 'GET',
      path: /\/forks$/,
      status: 200,
      body: [{ owner: { login: 'learner-1' }, name: NAME, full_name: `learner-1/${NAME}`, archived: false }],
    });
    const { report, file } = await cohort([], { GITHUB_SERVER_URL: 'https://ghe.example.com' });
    expect(report!.rows.map((r) => r.url)).toEqual([`https://ghe.example.com/learner-1/${NAME}`]);
    expect(file('cohort.csv')).not.toContain('undefined');
    expect(file('cohort.json')).not.toContain('undefined');
  });
});

describe('the cohort result output', () => {
  it('stays under 1 MB: findings dropped first, then rows from the end of the reading order, both counted', () => {
    const finding = { ruleId: 'gotchas', line: 97, message: 'Q3 has no gotcha list of common wrong answers', question: 3 };
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      fork: `learner-${String(i).padStart(4, '0')}/${NAME}`,
      owner: `learner-${String(i).padStart(4, '0')}`,
      url: `https://github.com/learner-${i}/${NAME}`,
      state: 'failing' as const,
      passed: 6,
      total: 7,
      failing: [{ id: 'gotchas', title: 'Gotcha section lists ≥2 wrong answers per question', questions: [3] }],
      findings: Array(3).fill(finding),
      lastCommit: '2025-09-01T00:00:00Z',
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      reason: null,
      archived: false,
    }));
    const report: CohortReport = { template: TEMPLATE, path: PATH, generatedAt: '2025-09-02T00:00:00Z', criteria: [], rows };
    const small = JSON.parse(cohortOutput({ ...report, rows: rows.slice(0, 10) })) as CohortReport;
    expect(small.truncated).toBeUndefined();
    expect(small.rows[0]!.findings).toHaveLength(3);
    const output = cohortOutput(report);
    expect(Buffer.byteLength(output)).toBeLessThanOrEqual(1_000_000);
    const parsed = JSON.parse(output) as CohortReport;
    expect(parsed.rows.every((r) => r.findings.length === 0)).toBe(true);
    expect(parsed.rows.length + parsed.truncated!.rows).toBe(3000);
    expect(parsed.truncated!.findings).toBe(9000);
    expect(parsed.rows.at(-1)!.fork).toBe(`learner-${String(parsed.rows.length - 1).padStart(4, '0')}/${NAME}`);
  });
});
