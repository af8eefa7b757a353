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
    expect(fake.calls.at(-1)).toMatchObject({ method: 'GET', path: `/repos/${O}/${R}/contents/week-24/day1 qa.md`, query: { ref: 'main' }, status: 200 });
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
    expect(fake.calls.map((c) => [c.query.page ?? '1', c.status])).toEqual([['1', 200], ['2', 200]]);

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
    const error = await failure(octokit.graphql('query { repository(owner: "a", name: "b") { id } }'));
    expect(error.status).toBe(400);
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
    expect(fake.calls).toEqual([
      { method: 'GET', path: `/repos/${O}/${R}/pulls`, query: {}, body: undefined, status: 404, at: expect.any(Number) },
    ]);
  });
});
