import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';

// The fake's pull requests and its fault injection beyond fail(): hangs, and faults chosen by a predicate.
const log = { debug() {}, info() {}, warn() {}, error() {} };
const SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

let fake: FakeGitHub;
let octokit: Octokit;
beforeEach(async () => {
  fake = await startFakeGitHub();
  octokit = new Octokit({ auth: 'test-token', baseUrl: fake.url, log });
});
afterEach(async () => {
  await fake.close();
});

describe('pull requests', () => {
  it('answers a seeded pull request with its head and its issue labels, and moves the head', async () => {
    fake.setPullRequest('acme', 'repo', { number: 7, headSha: SHA, headRepo: 'learner/fork' });
    fake.setIssueLabels('acme', 'repo', 7, ['proof: passed']);
    const { data } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'repo', pull_number: 7 });
    expect(data).toMatchObject({
      number: 7,
      state: 'open',
      head: { sha: SHA, repo: { full_name: 'learner/fork' } },
      base: { repo: { full_name: 'acme/repo' } },
    });
    expect(data.labels.map((l) => l.name)).toEqual(['proof: passed']);
    fake.setPullRequest('acme', 'repo', { number: 7, headSha: 'b'.repeat(40) });
    expect((await octokit.rest.pulls.get({ owner: 'acme', repo: 'repo', pull_number: 7 })).data.head.sha).toBe('b'.repeat(40));
  });

  it('answers 404 for a pull request that was not seeded, and refuses a head that is not a SHA', async () => {
    await expect(octokit.rest.pulls.get({ owner: 'acme', repo: 'repo', pull_number: 8 })).rejects.toMatchObject({ status: 404 });
    expect(() => fake.setPullRequest('acme', 'repo', { number: 1, headSha: 'main' })).toThrow(
      'setPullRequest: headSha "main" is not 40 lower-case hex digits',
    );
  });
});

describe('hang and failWhen', () => {
  it('hangs the matching requests, `times` of them, and close() still returns', async () => {
    fake.setFile('acme', 'repo', 'main', 'a.md', 'a');
    fake.hang({ method: 'GET', path: /\/contents\//, times: 1 });
    const controller = new AbortController();
    const hung = octokit.rest.repos.getContent({ owner: 'acme', repo: 'repo', path: 'a.md', request: { signal: controller.signal } });
    while (fake.calls.length === 0) await new Promise((r) => setTimeout(r, 5));
    const next = await octokit.rest.repos.getContent({ owner: 'acme', repo: 'repo', path: 'a.md' });
    expect(next.status).toBe(200);
    expect(fake.calls.map((c) => c.status)).toEqual([0, 200]);
    controller.abort();
    await expect(hung).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('answers the requests a predicate picks, verbatim, and the others normally', async () => {
    fake.failWhen({ match: (c) => c.query.ref === 'bad', status: 502, times: 2 });
    fake.setFile('acme', 'repo', 'bad', 'a.md', 'a');
    fake.setFile('acme', 'repo', 'good', 'a.md', 'a');
    const ask = (ref: string) =>
      octokit.rest.repos.getContent({ owner: 'acme', repo: 'repo', path: 'a.md', ref }).then(
        (r) => r.status,
        (e: { status: number }) => e.status,
      );
    expect([await ask('bad'), await ask('good'), await ask('bad'), await ask('bad')]).toEqual([502, 200, 502, 200]);
  });
});
