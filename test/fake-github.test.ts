import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { throttling } from '@octokit/plugin-throttling';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';

// The fake is driven by the real @octokit/rest client over real HTTP, so what passes here is what the
// Action's GitHub layer will see.
const O = 'acme';
const R = 'playbooks';

/** @octokit/plugin-request-log prints every failed request; the failures here are on purpose. */
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

/** The RequestError an API call rejects with. */
async function failure(promise: Promise<unknown>): Promise<{ status: number; message: string; data: any; headers: Record<string, string> }> {
  const error: any = await promise.then(
    () => expect.fail('expected the request to fail'),
    (e: unknown) => e,
  );
  return { status: error.status, message: error.message, data: error.response?.data, headers: error.response?.headers ?? {} };
}

describe('contents', () => {
  const text = 'line one\n'.repeat(20);

  it('answers a file in JSON format: base64 wrapped at 60 characters, name, path, size, git blob sha', async () => {
    fake.setFile(O, R, 'main', 'week-24/day1 qa.md', text);
    const { data } = await octokit.rest.repos.getContent({ owner: O, repo: R, path: 'week-24/day1 qa.md', ref: 'main' });
    expect(Array.isArray(data)).toBe(false);
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file');
    expect(data).toMatchObject({ type: 'file', encoding: 'base64', name: 'day1 qa.md', path: 'week-24/day1 qa.md', size: text.length });
    expect(data.sha).toMatch(/^[0-9a-f]{40}$/);
    const lines = data.content.split('\n');
    expect(lines.slice(0, -2).every((line) => line.length === 60)).toBe(true);
    expect(lines.at(-1)).toBe('');
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe(text);
    expect(fake.calls.at(-1)).toMatchObject({
      method: 'GET',
      path: `/repos/${O}/${R}/contents/week-24/day1 qa.md`,
      query: { ref: 'main' },
      status: 200,
    });
  });

  it('reads ref main when no ref is given, and keeps refs apart', async () => {
    fake.setFile(O, R, 'main', 'a.md', 'on main');
    fake.setFile(O, R, 'feature', 'a.md', 'on feature');
    const decode = (data: unknown) => Buffer.from((data as { content: string }).content, 'base64').toString('utf8');
    expect(decode((await octokit.rest.repos.getContent({ owner: O, repo: R, path: 'a.md' })).data)).toBe('on main');
    expect(decode((await octokit.rest.repos.getContent({ owner: O, repo: R, path: 'a.md', ref: 'refs/heads/feature' })).data)).toBe('on feature');
  });

  it('answers raw bytes as a string with mediaType raw', async () => {
    fake.setFile(O, R, 'main', 'notes/é.md', 'héllo\n');
    const response = await octokit.rest.repos.getContent({ owner: O, repo: R, path: 'notes/é.md', mediaType: { format: 'raw' } });
    expect(response.data).toBe('héllo\n');
    expect(response.headers['content-type']).toBe('application/vnd.github.v3.raw; charset=utf-8');
  });

  it('answers raw bytes for the Accept header GitHub documents', async () => {
    fake.setFile(O, R, 'main', 'a.md', '# A\n');
    const response = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      owner: O,
      repo: R,
      path: 'a.md',
      headers: { accept: 'application/vnd.github.raw+json' },
    });
    expect(response.data).toBe('# A\n');
    expect(response.headers['content-type']).toBe('application/vnd.github.raw; charset=utf-8');
  });

  it('answers a directory, explicit or implied by its files, as an array of entries', async () => {
    fake.setFile(O, R, 'main', 'docs/b.md', 'b');
    fake.setFile(O, R, 'main', 'docs/a.md', 'a');
    fake.setFile(O, R, 'main', 'docs/rules/gotchas.md', 'g');
    fake.setDirectory(O, R, 'main', 'docs/empty');
    const { data } = await octokit.rest.repos.getContent({ owner: O, repo: R, path: 'docs' });
    if (!Array.isArray(data)) throw new Error('expected a directory listing');
    expect(data.map((e) => [e.type, e.name, e.path])).toEqual([
      ['file', 'a.md', 'docs/a.md'],
      ['file', 'b.md', 'docs/b.md'],
      ['dir', 'empty', 'docs/empty'],
      ['dir', 'rules', 'docs/rules'],
    ]);
    expect(data[0]).not.toHaveProperty('content');
    const empty = await octokit.rest.repos.getContent({ owner: O, repo: R, path: 'docs/empty' });
    expect(empty.data).toEqual([]);
    const root = await octokit.rest.repos.getContent({ owner: O, repo: R, path: '' });
    expect((root.data as { name: string }[]).map((e) => e.name)).toEqual(['docs']);
  });

  it('answers a file over 1 MB with empty content and encoding none, and its bytes in raw format', async () => {
    const size = 1024 * 1024 + 10;
    fake.setHugeFile(O, R, 'main', 'big.md', size);
    const { data } = await octokit.rest.repos.getContent({ owner: O, repo: R, path: 'big.md' });
    expect(data).toMatchObject({ type: 'file', size, content: '', encoding: 'none' });
    const raw = await octokit.rest.repos.getContent({ owner: O, repo: R, path: 'big.md', mediaType: { format: 'raw' } });
    expect(raw.data).toBe('x'.repeat(size));
    expect(() => fake.setHugeFile(O, R, 'main', 'small.md', 1000)).toThrow(RangeError);
  });

  it('answers a link to a file with that file under its own path, any other link as type symlink, a submodule as type submodule', async () => {
    fake.setFile(O, R, 'main', 'notes/playbook.md', text);
    fake.setSymlink(O, R, 'main', 'week-24/qa.md', '../notes/playbook.md');
    fake.setSymlink(O, R, 'main', 'week-24/gone.md', '../missing.md');
    fake.setSubmodule(O, R, 'main', 'vendor/lib', 'c'.repeat(40));
    const followed = await octokit.rest.repos.getContent({ owner: O, repo: R, path: 'week-24/qa.md' });
    expect(followed.data).toMatchObject({ type: 'file', path: 'notes/playbook.md', name: 'playbook.md', size: text.length });
    expect(Buffer.from((followed.data as { content: string }).content, 'base64').toString('utf8')).toBe(text);
    const dangling = await octokit.rest.repos.getContent({ owner: O, repo: R, path: 'week-24/gone.md' });
    expect(dangling.data).toMatchObject({ type: 'symlink', target: '../missing.md', path: 'week-24/gone.md', size: 13 });
    const submodule = await octokit.rest.repos.getContent({ owner: O, repo: R, path: 'vendor/lib' });
    expect(submodule.data).toMatchObject({ type: 'submodule', path: 'vendor/lib', sha: 'c'.repeat(40) });
    const listing = await octokit.rest.repos.getContent({ owner: O, repo: R, path: 'week-24' });
    expect((listing.data as Array<{ type: string; name: string }>).map((e) => [e.type, e.name])).toEqual([
      ['symlink', 'gone.md'],
      ['symlink', 'qa.md'],
    ]);
  });

  it('stores a symbolic link of a repository spec as git does: a 120000 entry whose blob is the target', async () => {
    fake.addRepository({ owner: O, name: 'linked', files: { 'notes/a.md': text, 'week-24/qa.md': { symlink: '../notes/a.md' } } });
    const { data } = await octokit.rest.repos.getContent({ owner: O, repo: 'linked', path: 'week-24/qa.md' });
    expect(data).toMatchObject({ type: 'file', path: 'notes/a.md' });
    const response = (await octokit.graphql(
      `query { repository(owner: "${O}", name: "linked") { object(expression: "HEAD:week-24") { ... on Tree { entries { name mode object { ... on Blob { text } } } } } } }`,
    )) as { repository: { object: { entries: Array<{ name: string; mode: number; object: { text: string } }> } } };
    expect(response.repository.object.entries).toEqual([{ name: 'qa.md', mode: 0o120000, object: { text: '../notes/a.md' } }]);
  });

  it.each([
    ['a missing path', 'missing.md', 'main'],
    ['a missing ref', 'a.md', 'nope'],
  ])('answers 404 Not Found for %s', async (_case, path, ref) => {
    fake.setFile(O, R, 'main', 'a.md', 'a');
    const error = await failure(octokit.rest.repos.getContent({ owner: O, repo: R, path, ref }));
    expect(error.status).toBe(404);
    expect(error.data.message).toBe('Not Found');
  });
});

describe('issue comments', () => {
  it('creates a comment as the viewer and lists it', async () => {
    const created = await octokit.rest.issues.createComment({ owner: O, repo: R, issue_number: 7, body: 'report' });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ body: 'report', user: { login: 'github-actions[bot]', type: 'Bot' } });
    expect(created.data.html_url).toBe(`https://github.com/${O}/${R}/issues/7#issuecomment-${created.data.id}`);
    const listed = await octokit.rest.issues.listComments({ owner: O, repo: R, issue_number: 7 });
    expect(listed.data.map((c) => c.id)).toEqual([created.data.id]);
    expect(fake.comments(O, R, 7)).toEqual([expect.objectContaining({ id: created.data.id, body: 'report' })]);
    expect(fake.comments(O, R, 8)).toEqual([]);
  });

  it('pages 120 comments, oldest first, with Link headers; per_page defaults to 30 and stops at 100', async () => {
    const seeded = Array.from({ length: 120 }, (_, i) => fake.addComment(O, R, 1, `comment ${i}`, i % 2 ? 'learner' : undefined));
    expect(seeded[1]!.user).toEqual({ login: 'learner', type: 'User' });
    expect(seeded.map((c) => c.id)).toEqual([...seeded.map((c) => c.id)].sort((a, b) => a - b));

    const all = await octokit.paginate(octokit.rest.issues.listComments, { owner: O, repo: R, issue_number: 1, per_page: 100 });
    expect(all.map((c) => c.body)).toEqual(seeded.map((c) => c.body));
    expect(fake.calls.map((c) => [c.query.page ?? '1', c.status])).toEqual([
      ['1', 200],
      ['2', 200],
    ]);

    const first = await octokit.rest.issues.listComments({ owner: O, repo: R, issue_number: 1 });
    expect(first.data).toHaveLength(30);
    expect(first.headers.link).toBe(
      `<${fake.url}/repos/${O}/${R}/issues/1/comments?per_page=30&page=2>; rel="next", ` +
        `<${fake.url}/repos/${O}/${R}/issues/1/comments?per_page=30&page=4>; rel="last"`,
    );
    const capped = await octokit.rest.issues.listComments({ owner: O, repo: R, issue_number: 1, per_page: 500, page: 2 });
    expect(capped.data.map((c) => c.body)).toEqual(seeded.slice(100).map((c) => c.body));
    expect(capped.headers.link).toContain('page=1>; rel="prev"');
    expect(capped.headers.link).not.toContain('rel="next"');
    const single = await octokit.rest.issues.listComments({ owner: O, repo: R, issue_number: 2 });
    expect(single.headers.link).toBeUndefined();
  });

  it('updates and deletes a comment, then answers 404 for it', async () => {
    const { id } = fake.addComment(O, R, 3, 'old');
    const updated = await octokit.rest.issues.updateComment({ owner: O, repo: R, comment_id: id, body: 'new' });
    expect(updated.status).toBe(200);
    expect(updated.data).toMatchObject({ id, body: 'new' });
    expect(fake.comments(O, R, 3).map((c) => c.body)).toEqual(['new']);

    const deleted = await octokit.rest.issues.deleteComment({ owner: O, repo: R, comment_id: id });
    expect(deleted.status).toBe(204);
    expect(fake.comments(O, R, 3)).toEqual([]);

    expect((await failure(octokit.rest.issues.deleteComment({ owner: O, repo: R, comment_id: id }))).status).toBe(404);
    expect((await failure(octokit.rest.issues.updateComment({ owner: O, repo: R, comment_id: id, body: 'x' }))).status).toBe(404);
  });
});

describe('labels', () => {
  it('adds labels to an issue, creating unknown repository labels with color ededed', async () => {
    fake.addRepoLabel(O, R, 'playbook: pass', '0e8a16', 'All criteria met');
    const { data } = await octokit.rest.issues.addLabels({ owner: O, repo: R, issue_number: 4, labels: ['Playbook: Pass', 'needs work'] });
    expect(data.map((l) => [l.name, l.color, l.description])).toEqual([
      ['playbook: pass', '0e8a16', 'All criteria met'],
      ['needs work', 'ededed', null],
    ]);
    expect(fake.issueLabels(O, R, 4)).toEqual(['playbook: pass', 'needs work']);
    expect(fake.repoLabels(O, R).map((l) => l.name)).toEqual(['playbook: pass', 'needs work']);
    const listed = await octokit.rest.issues.listLabelsOnIssue({ owner: O, repo: R, issue_number: 4 });
    expect(listed.data.map((l) => l.name)).toEqual(['playbook: pass', 'needs work']);
  });

  it('removes a label from an issue, answering the rest; 404 Label does not exist when it is not there', async () => {
    fake.setIssueLabels(O, R, 5, ['area/ci', 'keep']);
    const { data } = await octokit.rest.issues.removeLabel({ owner: O, repo: R, issue_number: 5, name: 'area/ci' });
    expect(data.map((l) => l.name)).toEqual(['keep']);
    expect(fake.issueLabels(O, R, 5)).toEqual(['keep']);
    expect(fake.calls.at(-1)).toMatchObject({ method: 'DELETE', path: `/repos/${O}/${R}/issues/5/labels/area/ci`, status: 200 });

    const error = await failure(octokit.rest.issues.removeLabel({ owner: O, repo: R, issue_number: 5, name: 'area/ci' }));
    expect(error.status).toBe(404);
    expect(error.data.message).toBe('Label does not exist');
  });

  it('creates, reads and updates a repository label; 422 already_exists on a second create', async () => {
    const created = await octokit.rest.issues.createLabel({ owner: O, repo: R, name: 'playbook', color: 'FF0000' });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ name: 'playbook', color: 'ff0000', description: null, default: false });

    const error = await failure(octokit.rest.issues.createLabel({ owner: O, repo: R, name: 'Playbook', color: '00ff00' }));
    expect(error.status).toBe(422);
    expect(error.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
    });

    const updated = await octokit.rest.issues.updateLabel({ owner: O, repo: R, name: 'playbook', new_name: 'playbook-proof', description: 'x' });
    expect(updated.data).toMatchObject({ id: created.data.id, name: 'playbook-proof', description: 'x' });
    const read = await octokit.rest.issues.getLabel({ owner: O, repo: R, name: 'playbook-proof' });
    expect(read.data.id).toBe(created.data.id);
    expect((await failure(octokit.rest.issues.getLabel({ owner: O, repo: R, name: 'playbook' }))).status).toBe(404);
  });
});

describe('identity', () => {
  it('answers the viewer to GraphQL and GET /user, and 400 to other GraphQL queries', async () => {
    expect(await octokit.graphql('query { viewer { login } }')).toEqual({ viewer: { login: 'github-actions[bot]' } });
    fake.viewer = 'octocat';
    expect((await octokit.rest.users.getAuthenticated()).data).toMatchObject({ login: 'octocat', type: 'User' });
    expect(fake.calls.map((c) => [c.method, c.path, c.status])).toEqual([
      ['POST', '/graphql', 200],
      ['GET', '/user', 200],
    ]);
    const error = await failure(octokit.graphql('query { organization(login: "a") { id } }'));
    expect(error.status).toBe(400);
    expect(error.data.message).toBe('The fake GitHub answers only these GraphQL root fields: viewer, repository, rateLimit');
  });

  it('answers 401 Bad credentials without an Authorization header', async () => {
    const anonymous = new Octokit({ baseUrl: fake.url, log });
    const error = await failure(anonymous.rest.users.getAuthenticated());
    expect(error.status).toBe(401);
    expect(error.data.message).toBe('Bad credentials');
  });
});

describe('faults', () => {
  it('answers 403 Resource not accessible by integration to writes on a read-only repository, and serves reads', async () => {
    fake.readOnly(O, R);
    for (const call of [
      octokit.rest.issues.createComment({ owner: O, repo: R, issue_number: 1, body: 'x' }),
      octokit.rest.issues.addLabels({ owner: O, repo: R, issue_number: 1, labels: ['x'] }),
      octokit.rest.issues.createLabel({ owner: O, repo: R, name: 'x', color: 'ededed' }),
    ]) {
      const error = await failure(call);
      expect(error.status).toBe(403);
      expect(error.data.message).toBe('Resource not accessible by integration');
    }
    expect((await octokit.rest.issues.listComments({ owner: O, repo: R, issue_number: 1 })).status).toBe(200);
    expect((await octokit.rest.issues.createComment({ owner: O, repo: 'other', issue_number: 1, body: 'x' })).status).toBe(201);
  });

  it('answers a fail() rule once, then serves normally', async () => {
    fake.fail({ method: 'post', path: /\/issues\/\d+\/comments$/, status: 500 });
    const error = await failure(octokit.rest.issues.createComment({ owner: O, repo: R, issue_number: 1, body: 'x' }));
    expect(error.status).toBe(500);
    expect(error.data.message).toBe('Internal Server Error');
    await octokit.rest.issues.createComment({ owner: O, repo: R, issue_number: 1, body: 'x' });
    expect(fake.calls.map((c) => c.status)).toEqual([500, 201]);
    expect(fake.comments(O, R, 1)).toHaveLength(1);
  });

  it.each([
    [403, 'Forbidden'],
    [404, 'Not Found'],
    [500, 'Internal Server Error'],
  ])('injects %i with a default message, as many times as asked', async (status, message) => {
    fake.fail({ path: /^\/user$/, status, times: 2 });
    for (let i = 0; i < 2; i++) {
      const error = await failure(octokit.rest.users.getAuthenticated());
      expect([error.status, error.data.message]).toEqual([status, message]);
    }
    expect((await octokit.rest.users.getAuthenticated()).status).toBe(200);
  });

  it('injects 429 with retry-after, which the throttling plugin reads as a secondary rate limit', async () => {
    fake.fail({ path: /^\/user$/, status: 429, headers: { 'retry-after': '1' }, times: Infinity });
    const error = await failure(octokit.rest.users.getAuthenticated());
    expect(error.status).toBe(429);
    expect(error.headers['retry-after']).toBe('1');

    const limited: number[] = [];
    fake.fail({ path: /^\/repos\//, status: 429, headers: { 'retry-after': '1' } });
    const Throttled = Octokit.plugin(throttling);
    const throttled = new Throttled({
      auth: 'test-token',
      baseUrl: fake.url,
      log,
      throttle: {
        retryAfterBaseValue: 1, // retry-after 1 → 1 ms, to keep the suite fast
        onRateLimit: () => false,
        onSecondaryRateLimit: (retryAfter) => {
          limited.push(retryAfter);
          return true;
        },
      },
    });
    const { status } = await throttled.rest.issues.listComments({ owner: O, repo: R, issue_number: 1 });
    expect(status).toBe(200);
    expect(limited).toEqual([1]);
    expect(fake.calls.slice(-2).map((c) => c.status)).toEqual([429, 200]);
  });

  it('delays every response by the set latency', async () => {
    fake.latency(40);
    await octokit.rest.users.getAuthenticated();
    await octokit.rest.users.getAuthenticated();
    const [first, second] = fake.calls;
    // The second request is sent only after the first was answered, at least 40 ms after it arrived.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(40);
  });

  it('records unknown endpoints as 404', async () => {
    const error = await failure(octokit.request('GET /repos/{owner}/{repo}/pulls', { owner: O, repo: R }));
    expect(error.status).toBe(404);
    expect(fake.calls).toEqual([{ method: 'GET', path: `/repos/${O}/${R}/pulls`, query: {}, body: undefined, status: 404, at: expect.any(Number) }]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Cohort scan: repositories, forks, GraphQL batches, statuses, issues

const TEMPLATE = 'course/distributed-systems';
const PLAYBOOK = 'week-24/day1-dist-sys-qa.md';
const TEMPLATE_SHA = 'a'.repeat(40);
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
/** What `git hash-object` prints for these bytes. */
const gitBlobSha = (bytes: Buffer) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

function addTemplate(files: Record<string, string> = { [PLAYBOOK]: '# Playbook template\n', 'README.md': '# Course\n' }) {
  const [owner, name] = TEMPLATE.split('/') as [string, string];
  return fake.addRepository({ owner, name, files, head: { sha: TEMPLATE_SHA, committedDate: '2025-08-01T09:00:00Z' } });
}

describe('repositories and forks', () => {
  it('answers GET /repos for a fork with parent, source and default branch; 404 deleted or never added, 403 forbidden', async () => {
    addTemplate();
    fake.addRepository({ owner: 'ada', name: 'distributed-systems', parent: TEMPLATE, defaultBranch: 'trunk', archived: true });
    fake.addRepository({ owner: 'bob', name: 'distributed-systems', parent: TEMPLATE, deleted: true });
    fake.addRepository({ owner: 'cy', name: 'distributed-systems', parent: TEMPLATE, forbidden: true });

    const { data } = await octokit.rest.repos.get({ owner: 'Ada', repo: 'Distributed-Systems' });
    expect(data).toMatchObject({
      full_name: 'ada/distributed-systems',
      owner: { login: 'ada' },
      fork: true,
      archived: true,
      default_branch: 'trunk',
      html_url: 'https://github.com/ada/distributed-systems',
      parent: { full_name: TEMPLATE },
      source: { full_name: TEMPLATE },
      permissions: { push: false, pull: true },
    });
    expect(data.size).toBeGreaterThan(0);
    const template = await octokit.rest.repos.get({ owner: 'course', repo: 'distributed-systems' });
    expect(template.data).toMatchObject({ fork: false, forks_count: 2 });
    expect(template.data).not.toHaveProperty('parent');

    for (const [owner, status, message] of [
      ['bob', 404, 'Not Found'],
      ['nobody', 404, 'Not Found'],
      ['cy', 403, 'Resource not accessible by integration'],
    ] as const) {
      const error = await failure(octokit.rest.repos.get({ owner, repo: 'distributed-systems' }));
      expect([error.status, error.data.message]).toEqual([status, message]);
    }
    expect((await failure(octokit.rest.repos.getContent({ owner: 'cy', repo: 'distributed-systems', path: PLAYBOOK }))).status).toBe(403);
  });

  it('pages 250 forks newest first with Link headers, each with the fields a scan reads', async () => {
    addTemplate();
    const forks = fake.generateForks(TEMPLATE, 250, (i) => ({
      owner: `learner-${i + 1}`,
      ...(i === 7 && { empty: true }),
      ...(i === 8 && { archived: true }),
    }));
    expect(forks).toHaveLength(250);
    expect(forks[0]).toMatchObject({ fullName: 'learner-1/distributed-systems', parent: TEMPLATE, headSha: TEMPLATE_SHA, empty: false });
    expect(forks[7]).toMatchObject({ empty: true, headSha: null, committedDate: null });

    const all = await octokit.paginate(octokit.rest.repos.listForks, { owner: 'course', repo: 'distributed-systems', per_page: 100 });
    expect(all.map((f) => f.owner.login)).toEqual(forks.map((f) => f.owner).reverse());
    expect(fake.calls.map((c) => [c.path, c.query.page ?? '1', c.status])).toEqual([
      ['/repos/course/distributed-systems/forks', '1', 200],
      ['/repos/course/distributed-systems/forks', '2', 200],
      ['/repos/course/distributed-systems/forks', '3', 200],
    ]);
    const byOwner = new Map(all.map((f) => [f.owner.login, f]));
    expect(byOwner.get('learner-1')).toMatchObject({
      full_name: 'learner-1/distributed-systems',
      name: 'distributed-systems',
      html_url: 'https://github.com/learner-1/distributed-systems',
      default_branch: 'main',
      archived: false,
      pushed_at: '2025-08-01T09:00:00Z',
      size: 1,
    });
    expect(byOwner.get('learner-8')).toMatchObject({ size: 0, pushed_at: forks[7]!.createdAt });
    expect(byOwner.get('learner-9')!.archived).toBe(true);

    const first = await octokit.rest.repos.listForks({ owner: 'course', repo: 'distributed-systems', per_page: 100 });
    expect(first.headers.link).toBe(
      `<${fake.url}/repos/course/distributed-systems/forks?per_page=100&page=2>; rel="next", ` +
        `<${fake.url}/repos/course/distributed-systems/forks?per_page=100&page=3>; rel="last"`,
    );
    const oldest = await octokit.rest.repos.listForks({ owner: 'course', repo: 'distributed-systems', sort: 'oldest', per_page: 2 });
    expect(oldest.data.map((f) => f.owner.login)).toEqual(['learner-1', 'learner-2']);
  });

  it('drops a fork deleted mid-scan from later pages, which shift by one as on GitHub', async () => {
    addTemplate();
    fake.generateForks(TEMPLATE, 250);
    const page = (n: number) => octokit.rest.repos.listForks({ owner: 'course', repo: 'distributed-systems', per_page: 100, page: n });
    const seen = (await page(1)).data.map((f) => f.owner.login); // learner-250 … learner-151
    fake.deleteRepository('learner-200', 'distributed-systems');
    for (const n of [2, 3]) seen.push(...(await page(n)).data.map((f) => f.owner.login));
    expect(seen).toHaveLength(249);
    expect(seen).toContain('learner-200'); // read before it went
    expect(seen).not.toContain('learner-150'); // moved up to page 1 after it was read
    expect((await failure(octokit.rest.repos.get({ owner: 'learner-200', repo: 'distributed-systems' }))).status).toBe(404);
    expect(fake.repository('learner-200', 'distributed-systems')).toMatchObject({ deleted: true });
  });

  it('serves a fork’s files through the contents API at its default branch or head SHA; 404 This repository is empty.', async () => {
    addTemplate();
    const [edited, empty] = fake.generateForks(TEMPLATE, 2, (i) =>
      i === 0 ? { owner: 'ada', files: { [PLAYBOOK]: '# Ada\n', 'notes.md': 'n' } } : { owner: 'bob', empty: true },
    );
    const read = async (owner: string, ref?: string) => {
      const { data } = await octokit.rest.repos.getContent({ owner, repo: 'distributed-systems', path: PLAYBOOK, ...(ref && { ref }) });
      return Buffer.from((data as { content: string }).content, 'base64').toString('utf8');
    };
    expect(await read('ada')).toBe('# Ada\n');
    expect(await read('ada', edited!.headSha!)).toBe('# Ada\n');
    expect(await read('ada', TEMPLATE_SHA)).toBe('# Playbook template\n'); // the parent commit, shared by the network
    const root = await octokit.rest.repos.getContent({ owner: 'ada', repo: 'distributed-systems', path: '' });
    expect((root.data as { name: string }[]).map((e) => e.name)).toEqual(['README.md', 'notes.md', 'week-24']);
    const error = await failure(octokit.rest.repos.getContent({ owner: empty!.owner, repo: 'distributed-systems', path: PLAYBOOK }));
    expect([error.status, error.data.message]).toEqual([404, 'This repository is empty.']);
  });
});

describe('GraphQL repository batches', () => {
  const FIELDS = `{ isEmpty isArchived defaultBranchRef { name target { ... on Commit { oid committedDate } } } object(expression: "HEAD:${PLAYBOOK}") { ... on Blob { text isBinary byteSize } } }`;

  it('answers 50 aliases in one request: data for each, null plus NOT_FOUND / FORBIDDEN errors for the others', async () => {
    addTemplate();
    const huge = 'x'.repeat(512_001);
    const binary = Buffer.from([35, 32, 0, 1, 2, 3]);
    const specials = [
      { owner: 'empty', empty: true },
      { owner: 'archived', archived: true },
      { owner: 'missing', files: { [PLAYBOOK]: null } },
      { owner: 'binary', files: { [PLAYBOOK]: binary } },
      { owner: 'huge', files: { [PLAYBOOK]: huge } },
      { owner: 'deleted', deleted: true },
      { owner: 'forbidden', forbidden: true },
    ];
    const normal = (i: number) =>
      i % 2 === 0
        ? { owner: `learner-${i}` } // a fresh fork: the template's head commit
        : {
            owner: `learner-${i}`,
            files: { [PLAYBOOK]: `# Playbook of learner ${i}\n` },
            head: { sha: sha1(`learner ${i}`), committedDate: `2025-10-${String((i % 28) + 1).padStart(2, '0')}T12:00:00Z` },
          };
    fake.generateForks(TEMPLATE, 42 + specials.length, (i) => (i < 42 ? normal(i) : specials[i - 42]!));
    const owners = [...Array.from({ length: 42 }, (_, i) => `learner-${i}`), ...specials.map((s) => s.owner), 'never-added'];
    expect(owners).toHaveLength(50);

    // One alias per line, so alias k sits at line k + 2, column 3. Even aliases use literals, odd ones variables.
    const variables: Record<string, string> = {};
    const lines = owners.map((owner, k) => {
      if (k % 2 === 0) return `  r${k}: repository(owner: "${owner}", name: "distributed-systems") ${FIELDS}`;
      variables[`o${k}`] = owner;
      variables[`n${k}`] = 'distributed-systems';
      return `  r${k}: repository(owner: $o${k}, name: $n${k}) ${FIELDS}`;
    });
    const declarations = Object.keys(variables)
      .map((v) => `$${v}: String!`)
      .join(', ');
    const query = `query Cohort(${declarations}) {\n${lines.join('\n')}\n}`;

    const error: any = await octokit.graphql(query, variables).then(
      () => expect.fail('expected errors'),
      (e: unknown) => e,
    );
    expect(error.name).toBe('GraphqlResponseError');
    const playbook = (text: string) => ({ text, isBinary: false, byteSize: Buffer.byteLength(text) });
    const head = (oid: string, committedDate: string) => ({ name: 'main', target: { oid, committedDate } });
    const expected: Record<string, unknown> = {};
    for (let i = 0; i < 42; i++) {
      expected[`r${i}`] =
        i % 2 === 0
          ? {
              isEmpty: false,
              isArchived: false,
              defaultBranchRef: head(TEMPLATE_SHA, '2025-08-01T09:00:00Z'),
              object: playbook('# Playbook template\n'),
            }
          : {
              isEmpty: false,
              isArchived: false,
              defaultBranchRef: head(sha1(`learner ${i}`), `2025-10-${String((i % 28) + 1).padStart(2, '0')}T12:00:00Z`),
              object: playbook(`# Playbook of learner ${i}\n`),
            };
    }
    // These forks' own commits: their SHA and date as the fake recorded them.
    const forkHead = (owner: string) => {
      const info = fake.repository(owner, 'distributed-systems')!;
      return head(info.headSha!, info.committedDate!);
    };
    Object.assign(expected, {
      r42: { isEmpty: true, isArchived: false, defaultBranchRef: null, object: null },
      r43: {
        isEmpty: false,
        isArchived: true,
        defaultBranchRef: head(TEMPLATE_SHA, '2025-08-01T09:00:00Z'),
        object: playbook('# Playbook template\n'),
      },
      r44: { isEmpty: false, isArchived: false, defaultBranchRef: forkHead('missing'), object: null },
      r45: { isEmpty: false, isArchived: false, defaultBranchRef: forkHead('binary'), object: { text: null, isBinary: true, byteSize: 6 } },
      r46: { isEmpty: false, isArchived: false, defaultBranchRef: forkHead('huge'), object: { text: null, isBinary: false, byteSize: 512_001 } },
      r47: null,
      r48: null,
      r49: null,
    });
    expect(error.data).toEqual(expected);
    expect(Object.keys(error.data)).toEqual(owners.map((_, k) => `r${k}`));
    expect(error.errors).toEqual([
      {
        type: 'NOT_FOUND',
        path: ['r47'],
        locations: [{ line: 49, column: 3 }],
        message: "Could not resolve to a Repository with the name 'deleted/distributed-systems'.",
      },
      {
        type: 'FORBIDDEN',
        path: ['r48'],
        extensions: { saml_failure: false },
        locations: [{ line: 50, column: 3 }],
        message: 'Resource not accessible by integration',
      },
      {
        type: 'NOT_FOUND',
        path: ['r49'],
        locations: [{ line: 51, column: 3 }],
        message: "Could not resolve to a Repository with the name 'never-added/distributed-systems'.",
      },
    ]);
    expect(fake.calls).toEqual([expect.objectContaining({ method: 'POST', path: '/graphql', status: 200, graphqlAliases: 50 })]);
  });

  it('reads named fragments, __typename, trees, comments and defaults; answers only data when nothing failed', async () => {
    addTemplate();
    fake.generateForks(TEMPLATE, 1, () => ({ owner: 'ada' }));
    const query = `
      # the scan's fragment
      query Scan($owner: String = "ada", $path: String!) {
        one: repository(owner: $owner, name: "distributed-systems") { ...Fork }
        two: repository(owner: "course", name: "distributed-systems") { isFork parent { nameWithOwner } }
        viewer { login }
      }
      fragment Fork on Repository {
        __typename nameWithOwner isFork parent { nameWithOwner }
        dir: object(expression: $path) { __typename ... on Tree { entries { name path type } } }
        head: object(expression: "HEAD") { ... on Commit { message } }
      }`;
    const data = await octokit.graphql(query, { path: 'HEAD:week-24' });
    expect(data).toEqual({
      one: {
        __typename: 'Repository',
        nameWithOwner: 'ada/distributed-systems',
        isFork: true,
        parent: { nameWithOwner: TEMPLATE },
        dir: { __typename: 'Tree', entries: [{ name: 'day1-dist-sys-qa.md', path: PLAYBOOK, type: 'blob' }] },
        head: { message: 'Initial commit' },
      },
      two: { isFork: false, parent: null },
      viewer: { login: 'github-actions[bot]' },
    });
    expect(fake.calls.at(-1)!.graphqlAliases).toBe(3);
  });

  it.each([
    ['a syntax error', 200, 'query { repository(owner: "a", name: "b") { isEmpty }', 'Parse error on end of file at [1, 54]'],
    [
      'an undeclared variable',
      200,
      'query { repository(owner: $o, name: "b") { isEmpty } }',
      'Variable $o is used by anonymous query but not declared',
    ],
    [
      'a missing variable',
      200,
      'query Q($o: String!) { repository(owner: $o, name: "b") { isEmpty } }',
      'Variable $o of type String! was provided invalid value',
    ],
    ['a missing argument', 200, 'query { repository(owner: "a") { isEmpty } }', "Field 'repository' is missing required arguments: name"],
    [
      'a field the fake does not model',
      400,
      'query { repository(owner: "course", name: "distributed-systems") { stargazerCount } }',
      'The fake GitHub does not answer the GraphQL field Repository.stargazerCount; it answers',
    ],
    [
      'a mutation the fake does not model',
      400,
      'mutation { addStar(input: {starrableId: "x"}) { clientMutationId } }',
      'The fake GitHub answers only these GraphQL root fields: resolveReviewThread, unresolveReviewThread',
    ],
    ['a subscription', 400, 'subscription { x }', 'The fake GitHub answers only GraphQL queries and mutations, not a subscription'],
  ])('answers %s with HTTP %i', async (_case, status, query, message) => {
    addTemplate();
    const response = await fetch(`${fake.url}/graphql`, {
      method: 'POST',
      headers: { authorization: 'bearer test-token', 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { message?: string; errors?: { message: string }[]; data?: unknown };
    expect(response.status).toBe(status);
    if (status === 200) {
      expect(body).not.toHaveProperty('data');
      expect(body.errors![0]!.message).toBe(message);
    } else {
      expect(body.message).toContain(message);
    }
  });
});

describe('commit statuses', () => {
  it('creates statuses, lists them newest first and combines the latest per context', async () => {
    addTemplate();
    const [fork] = fake.generateForks(TEMPLATE, 1, () => ({ owner: 'ada', files: { [PLAYBOOK]: '# Ada\n' } }));
    const sha = fork!.headSha!;
    const post = (state: 'pending' | 'success' | 'failure', context: string) =>
      octokit.rest.repos.createCommitStatus({
        owner: 'ada',
        repo: 'distributed-systems',
        sha,
        state,
        context,
        description: `${context} ${state}`,
        target_url: 'https://example.com/run',
      });

    const created = await post('pending', 'playbook-proof');
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      state: 'pending',
      context: 'playbook-proof',
      description: 'playbook-proof pending',
      target_url: 'https://example.com/run',
      creator: { login: 'github-actions[bot]' },
    });
    await post('failure', 'lint');
    await post('success', 'playbook-proof');

    const listed = await octokit.rest.repos.listCommitStatusesForRef({ owner: 'ada', repo: 'distributed-systems', ref: sha });
    expect(listed.data.map((s) => [s.context, s.state])).toEqual([
      ['playbook-proof', 'success'],
      ['lint', 'failure'],
      ['playbook-proof', 'pending'],
    ]);
    const combined = await octokit.rest.repos.getCombinedStatusForRef({ owner: 'ada', repo: 'distributed-systems', ref: 'main' });
    expect(combined.data).toMatchObject({ state: 'failure', sha, total_count: 2, repository: { full_name: 'ada/distributed-systems' } });
    expect(combined.data.statuses.map((s) => [s.context, s.state])).toEqual([
      ['playbook-proof', 'success'],
      ['lint', 'failure'],
    ]);

    await post('success', 'lint');
    expect((await octokit.rest.repos.getCombinedStatusForRef({ owner: 'ada', repo: 'distributed-systems', ref: sha })).data.state).toBe('success');
    expect(fake.statuses('ada', 'distributed-systems', 'main').map((s) => s.state)).toEqual(['success', 'success', 'failure', 'pending']);
    const none = await octokit.rest.repos.getCombinedStatusForRef({ owner: 'course', repo: 'distributed-systems', ref: TEMPLATE_SHA });
    expect(none.data).toMatchObject({ state: 'pending', total_count: 0, statuses: [] });
  });

  it('refuses an unknown commit with 422, a bad state with 422, and writes to a read-only fork with 403', async () => {
    addTemplate();
    fake.generateForks(TEMPLATE, 1, () => ({ owner: 'ada', readOnly: true }));
    const unknown = await failure(
      octokit.rest.repos.createCommitStatus({ owner: 'course', repo: 'distributed-systems', sha: 'b'.repeat(40), state: 'success' }),
    );
    expect([unknown.status, unknown.data.message]).toEqual([422, `No commit found for SHA: ${'b'.repeat(40)}`]);
    const bad = await failure(
      octokit.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
        owner: 'course',
        repo: 'distributed-systems',
        sha: TEMPLATE_SHA,
        state: 'done' as never,
      }),
    );
    expect([bad.status, bad.data.message]).toEqual([422, 'Validation Failed']);
    const readOnly = await failure(
      octokit.rest.repos.createCommitStatus({ owner: 'ada', repo: 'distributed-systems', sha: TEMPLATE_SHA, state: 'success' }),
    );
    expect([readOnly.status, readOnly.data.message]).toEqual([403, 'Resource not accessible by integration']);
    // An implicit repository takes any SHA, as the Action's tests seed files under a PR's head SHA.
    expect((await octokit.rest.repos.createCommitStatus({ owner: O, repo: R, sha: 'c'.repeat(40), state: 'success' })).status).toBe(201);
  });
});

describe('issues', () => {
  it('creates, lists by creator, state and labels, updates and closes issues', async () => {
    addTemplate();
    const seeded = fake.addIssue('course', 'distributed-systems', { title: 'Welcome', login: 'instructor', labels: ['info'] });
    fake.addIssue('course', 'distributed-systems', { title: 'A pull request', pullRequest: true });
    const created = await octokit.rest.issues.create({
      owner: 'course',
      repo: 'distributed-systems',
      title: 'Cohort report',
      body: 'v1',
      labels: ['cohort-report'],
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      number: 3,
      title: 'Cohort report',
      body: 'v1',
      state: 'open',
      user: { login: 'github-actions[bot]', type: 'Bot' },
      labels: [{ name: 'cohort-report', color: 'ededed' }],
      html_url: 'https://github.com/course/distributed-systems/issues/3',
    });
    expect(seeded.number).toBe(1);

    const mine = await octokit.rest.issues.listForRepo({
      owner: 'course',
      repo: 'distributed-systems',
      creator: 'github-actions[bot]',
      state: 'open',
    });
    expect(mine.data.map((i) => [i.number, i.title, Boolean(i.pull_request)])).toEqual([
      [3, 'Cohort report', false],
      [2, 'A pull request', true],
    ]);
    const labelled = await octokit.rest.issues.listForRepo({ owner: 'course', repo: 'distributed-systems', labels: 'Cohort-Report' });
    expect(labelled.data.map((i) => i.number)).toEqual([3]);

    const updated = await octokit.rest.issues.update({
      owner: 'course',
      repo: 'distributed-systems',
      issue_number: 3,
      title: 'Cohort report (week 24)',
      body: 'v2',
    });
    expect(updated.data).toMatchObject({ number: 3, title: 'Cohort report (week 24)', body: 'v2', state: 'open', closed_at: null });
    const closed = await octokit.rest.issues.update({ owner: 'course', repo: 'distributed-systems', issue_number: 3, state: 'closed' });
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'completed', closed_at: expect.any(String) });
    expect((await octokit.rest.issues.get({ owner: 'course', repo: 'distributed-systems', issue_number: 3 })).data.state).toBe('closed');

    const open = await octokit.rest.issues.listForRepo({ owner: 'course', repo: 'distributed-systems' });
    expect(open.data.map((i) => i.number)).toEqual([2, 1]);
    const closedList = await octokit.rest.issues.listForRepo({
      owner: 'course',
      repo: 'distributed-systems',
      state: 'closed',
      creator: 'github-actions[bot]',
    });
    expect(closedList.data.map((i) => i.number)).toEqual([3]);
    expect(fake.issues('course', 'distributed-systems').map((i) => [i.number, i.state, i.user.login, i.labels])).toEqual([
      [1, 'open', 'instructor', ['info']],
      [2, 'open', 'github-actions[bot]', []],
      [3, 'closed', 'github-actions[bot]', ['cohort-report']],
    ]);

    const invalid = await failure(
      octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        owner: 'course',
        repo: 'distributed-systems',
        issue_number: 3,
        state: 'merged' as never,
      }),
    );
    expect(invalid.status).toBe(422);
    expect((await failure(octokit.rest.issues.get({ owner: 'course', repo: 'distributed-systems', issue_number: 99 }))).status).toBe(404);
  });

  it('pages issues, answers 410 when issues are disabled and 403 to writes on a forbidden or read-only fork', async () => {
    addTemplate();
    for (let i = 0; i < 45; i++) fake.addIssue('course', 'distributed-systems', { title: `issue ${i}` });
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: 'course', repo: 'distributed-systems', per_page: 20 });
    expect(all).toHaveLength(45);
    expect(fake.calls.map((c) => c.query.page ?? '1')).toEqual(['1', '2', '3']);

    fake.generateForks(
      TEMPLATE,
      3,
      (i) =>
        [
          { owner: 'no-issues', hasIssues: false },
          { owner: 'locked', readOnly: true },
          { owner: 'blocked', forbidden: true },
        ][i]!,
    );
    const create = (owner: string) => failure(octokit.rest.issues.create({ owner, repo: 'distributed-systems', title: 'x' }));
    expect(await create('no-issues')).toMatchObject({ status: 410, data: { message: 'Issues are disabled for this repo' } });
    expect(await create('locked')).toMatchObject({ status: 403, data: { message: 'Resource not accessible by integration' } });
    expect(await create('blocked')).toMatchObject({ status: 403 });
    expect((await octokit.rest.issues.listForRepo({ owner: 'locked', repo: 'distributed-systems' })).data).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Badge branch: the Git Data API

describe('git data', () => {
  const repo = { owner: O, repo: R };

  it('creates an orphan badges branch, then moves it to a child commit; blob SHAs are git hash-object’s', async () => {
    expect((await failure(octokit.rest.git.getRef({ ...repo, ref: 'heads/badges' }))).status).toBe(404);
    expect(fake.branchFiles(O, R, 'badges')).toBeNull();

    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>8/8</text></svg>\n';
    const json = '{"schemaVersion":1,"label":"playbook","message":"8/8"}\n';
    const svgBlob = await octokit.rest.git.createBlob({ ...repo, content: svg, encoding: 'utf-8' });
    const jsonBlob = await octokit.rest.git.createBlob({ ...repo, content: Buffer.from(json).toString('base64'), encoding: 'base64' });
    expect(svgBlob.status).toBe(201);
    expect(svgBlob.data.sha).toBe(gitBlobSha(Buffer.from(svg)));
    expect(jsonBlob.data.sha).toBe(gitBlobSha(Buffer.from(json)));
    expect(gitBlobSha(Buffer.from('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a'); // `echo hello | git hash-object --stdin`

    const tree = await octokit.rest.git.createTree({
      ...repo,
      tree: [
        { path: 'playbook.svg', mode: '100644', type: 'blob', sha: svgBlob.data.sha },
        { path: 'playbook.json', mode: '100644', type: 'blob', sha: jsonBlob.data.sha },
      ],
    });
    expect(tree.status).toBe(201);
    expect(tree.data.tree.map((e) => [e.path, e.type, e.sha])).toEqual([
      ['playbook.json', 'blob', jsonBlob.data.sha],
      ['playbook.svg', 'blob', svgBlob.data.sha],
    ]);
    const orphan = await octokit.rest.git.createCommit({ ...repo, message: 'Badges for 8/8', tree: tree.data.sha, parents: [] });
    expect(orphan.status).toBe(201);
    expect(orphan.data).toMatchObject({
      tree: { sha: tree.data.sha },
      parents: [],
      message: 'Badges for 8/8',
      author: { name: 'github-actions[bot]' },
    });
    const ref = await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/badges', sha: orphan.data.sha });
    expect(ref.status).toBe(201);
    expect(ref.data).toMatchObject({ ref: 'refs/heads/badges', object: { sha: orphan.data.sha, type: 'commit' } });
    const again = await failure(octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/badges', sha: orphan.data.sha }));
    expect([again.status, again.data.message]).toEqual([422, 'Reference already exists']);
    expect(fake.branchFiles(O, R, 'badges')).toEqual({ 'playbook.json': json, 'playbook.svg': svg });

    // The update: read the tip, write a tree on top of its tree, commit with the tip as parent, move the ref.
    const tip = (await octokit.rest.git.getRef({ ...repo, ref: 'heads/badges' })).data.object.sha;
    const tipCommit = (await octokit.rest.git.getCommit({ ...repo, commit_sha: tip })).data;
    expect(tipCommit).toMatchObject({ sha: orphan.data.sha, tree: { sha: tree.data.sha }, parents: [] });
    const svg2 = svg.replace('8/8', '7/8');
    const tree2 = await octokit.rest.git.createTree({
      ...repo,
      base_tree: tipCommit.tree.sha,
      tree: [{ path: 'playbook.svg', mode: '100644', type: 'blob', content: svg2 }],
    });
    const child = await octokit.rest.git.createCommit({ ...repo, message: 'Badges for 7/8', tree: tree2.data.sha, parents: [tip] });
    const moved = await octokit.rest.git.updateRef({ ...repo, ref: 'heads/badges', sha: child.data.sha, force: false });
    expect(moved.data.object.sha).toBe(child.data.sha);
    expect(fake.branchFiles(O, R, 'badges')).toEqual({ 'playbook.json': json, 'playbook.svg': svg2 });
    expect(fake.branchLog(O, R, 'badges').map((c) => [c.sha, c.message, c.parents])).toEqual([
      [child.data.sha, 'Badges for 7/8', [orphan.data.sha]],
      [orphan.data.sha, 'Badges for 8/8', []],
    ]);
    const read = await octokit.rest.git.getTree({ ...repo, tree_sha: tree2.data.sha });
    expect(read.data.tree.find((e) => e.path === 'playbook.svg')).toMatchObject({
      sha: gitBlobSha(Buffer.from(svg2)),
      mode: '100644',
      size: Buffer.byteLength(svg2),
    });
    const raw = await octokit.rest.repos.getContent({ ...repo, path: 'playbook.svg', ref: 'badges', mediaType: { format: 'raw' } });
    expect(raw.data).toBe(svg2);
  });

  it('computes the tree and commit SHAs real git computes for the same content', async () => {
    const blob = await octokit.rest.git.createBlob({ ...repo, content: 'hello\n' });
    const tree = await octokit.rest.git.createTree({
      ...repo,
      tree: [
        { path: 'dir/hello.txt', mode: '100644', type: 'blob', sha: blob.data.sha },
        { path: 'dir.txt', mode: '100755', type: 'blob', content: 'x' }, // git sorts "dir.txt" before "dir/"
      ],
    });
    const who = { name: 'A', email: 'a@example.com', date: '2025-01-01T00:00:00Z' };
    const commit = await octokit.rest.git.createCommit({ ...repo, message: 'm\n', tree: tree.data.sha, author: who, committer: who });

    const dir = mkdtempSync(join(tmpdir(), 'fake-github-git-'));
    try {
      const git = (args: string[], input?: string) =>
        execFileSync('git', args, {
          cwd: dir,
          input,
          encoding: 'utf8',
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: 'A',
            GIT_AUTHOR_EMAIL: 'a@example.com',
            GIT_AUTHOR_DATE: '1735689600 +0000',
            GIT_COMMITTER_NAME: 'A',
            GIT_COMMITTER_EMAIL: 'a@example.com',
            GIT_COMMITTER_DATE: '1735689600 +0000',
          },
        }).trim();
      git(['init', '-q']);
      const hello = git(['hash-object', '-w', '--stdin'], 'hello\n');
      const x = git(['hash-object', '-w', '--stdin'], 'x');
      const inner = git(['mktree'], `100644 blob ${hello}\thello.txt\n`);
      const outer = git(['mktree'], `040000 tree ${inner}\tdir\n100755 blob ${x}\tdir.txt\n`);
      expect(blob.data.sha).toBe(hello);
      expect(tree.data.sha).toBe(outer);
      expect(commit.data.sha).toBe(git(['commit-tree', outer, '-m', 'm']));
      const recursive = await octokit.rest.git.getTree({ ...repo, tree_sha: tree.data.sha, recursive: 'true' });
      expect(recursive.data.tree.map((e) => [e.path, e.type, e.sha])).toEqual([
        ['dir.txt', 'blob', x],
        ['dir', 'tree', inner],
        ['dir/hello.txt', 'blob', hello],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a non-fast-forward update without force, unknown objects, empty and read-only repositories', async () => {
    const tip = fake.commitFiles(O, R, 'badges', { 'a.svg': 'a' });
    const unrelated = fake.commitFiles(O, R, 'other', { 'b.svg': 'b' });
    const ff = await failure(octokit.rest.git.updateRef({ ...repo, ref: 'heads/badges', sha: unrelated }));
    expect([ff.status, ff.data.message]).toEqual([422, 'Update is not a fast forward']);
    expect(fake.branchLog(O, R, 'badges').map((c) => c.sha)).toEqual([tip]);
    expect((await octokit.rest.git.updateRef({ ...repo, ref: 'heads/badges', sha: unrelated, force: true })).data.object.sha).toBe(unrelated);
    expect(fake.branchLog(O, R, 'badges').map((c) => c.sha)).toEqual([unrelated]);

    const missing = await failure(octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/x', sha: 'd'.repeat(40) }));
    expect([missing.status, missing.data.message]).toEqual([422, 'Object does not exist']);
    const noRef = await failure(octokit.rest.git.updateRef({ ...repo, ref: 'heads/nope', sha: unrelated }));
    expect([noRef.status, noRef.data.message]).toEqual([422, 'Reference does not exist']);
    const badParent = await failure(
      octokit.rest.git.createCommit({ ...repo, message: 'x', tree: '4b825dc642cb6eb9a060e54bf8d69288fbee4904', parents: ['e'.repeat(40)] }),
    );
    expect(badParent.status).toBe(422);

    fake.addRepository({ owner: 'acme', name: 'empty', empty: true });
    const empty = await failure(octokit.rest.git.createBlob({ owner: 'acme', repo: 'empty', content: 'x' }));
    expect([empty.status, empty.data.message]).toEqual([409, 'Git Repository is empty.']);
    fake.readOnly(O, R);
    expect((await failure(octokit.rest.git.createBlob({ ...repo, content: 'x' }))).status).toBe(403);
    expect((await octokit.rest.git.getRef({ ...repo, ref: 'heads/badges' })).status).toBe(200);
  });
});
