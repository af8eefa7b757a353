import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction, webhookPayload } from './helpers/action.js';
import { runCliBundle } from './helpers/bundle.js';
import { examplePath, tempRepo } from './helpers/cli.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';

// Control characters (ESC starts terminal sequences: OSC 52 writes the clipboard, CSI 2J clears the screen) and
// bidi overrides/isolates that reorder what is displayed, in a learner's playbook and in text GitHub sends back:
// none reaches the comment, the annotations, the job summary, the terminal, the CSV, the table or the HTML.
const PATH = 'week-24/day1-dist-sys-qa.md';
// eslint-disable-next-line no-control-regex -- the test looks for exactly these characters
const HIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const example = readFileSync(examplePath, 'utf8');
/** Q1's first wrong answer loses its reason and gains an OSC 52 sequence and bidi characters; Q2's title clears the screen. */
const hostile = example
  .replace(/- ❌ "CA is a fine choice[^]*?link fails\.\n/, '- ❌ "CA is fine\u001b]52;c;ZXZpbA==\u0007 \u202Eevil\u2066 right"\n')
  .replace(/^## Q2: /m, '## Q2: \u001b[2J\u202Econsensus\u202C ');
const claim = 'CA is fine]52;c;ZXZpbA== evil right';
/** As Markdown shows it: `]` escaped so it cannot close a link. */
const claimMd = claim.replace(']', '\\]');

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

describe('hostile text', () => {
  it('the Action: comment, annotations and job summary carry the words without the hidden characters', async () => {
    const payload = webhookPayload('pull_request', 'opened');
    fake.setFile('Codertocat', 'Hello-World', payload.pull_request.head.sha, PATH, hostile);
    fake.setPullRequest('Codertocat', 'Hello-World', { number: 2, headSha: payload.pull_request.head.sha });
    const run = await runAction({ apiUrl: fake.url, eventName: 'pull_request', payload });
    expect(run.code).toBe(1);
    const comment = fake.comments('Codertocat', 'Hello-World', 2)[0]!.body;
    expect(run.stdout).toContain(`::error title=gotchas,file=${PATH},line=`);
    expect(run.stdout).toContain(`Q1's wrong answer "${claim}" does not say why it is wrong`);
    expect(run.summary).toContain(`Q1's wrong answer &quot;${claimMd}&quot; does not say why it is wrong`);
    expect(comment).toContain(`Q1's wrong answer &quot;${claimMd}&quot; does not say why it is wrong`);
    for (const [where, text] of [
      ['stdout', run.stdout],
      ['summary', run.summary],
      ['comment', comment],
    ] as const)
      expect([where, HIDDEN.test(text)]).toEqual([where, false]);
  });

  it('the CLI: the terminal report carries the words without the hidden characters', async () => {
    const dir = tempRepo({ [PATH]: hostile });
    const { code, stdout } = await runCliBundle(['check'], dir);
    expect(code).toBe(1);
    expect(stdout).toContain(`Q1's wrong answer "${claim}" does not say why it is wrong`);
    expect(HIDDEN.test(stdout)).toBe(false);
  });

  it('cohort mode: the issue, the table, the CSV and the HTML, and a reason GitHub sent with control characters', async () => {
    fake.addRepository({ owner: 'course-org', name: 'course', files: { 'README.md': '# course\n' } });
    fake.generateForks('course-org/course', 2, (i) => ({ owner: `learner-${i}`, hasIssues: true, files: { [PATH]: hostile } }));
    const names = (c: { body: unknown }) => Object.values((c.body as { variables?: Record<string, unknown> }).variables ?? {});
    fake.failWhen({
      match: (c) => c.path === '/graphql' && names(c).includes('learner-1'),
      status: 200,
      times: Infinity,
      body: { data: null, errors: [{ message: 'broken \u001b[31mred\u001b[0m \u202Etxt.exe' }] },
    });
    const dir = mkdtempSync(join(tmpdir(), 'playbook-proof-hostile-'));
    const result = await runCliBundle(
      ['cohort', '--template', 'course-org/course', '--csv', 'c.csv', '--json', 'c.json', '--html', 'c.html', '--issue', '--write-interval', '0'],
      dir,
      { GITHUB_TOKEN: 'ghs_x', GITHUB_API_URL: fake.url, GITHUB_SERVER_URL: 'https://github.com' },
    );
    expect(result.code).toBe(0);
    const files = Object.fromEntries(['c.csv', 'c.html'].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const issue = fake.issues('learner-0', 'course')[0]!.body!;
    expect(issue).toContain(`Q1's wrong answer &quot;${claimMd}&quot; does not say why it is wrong`);
    // the table cuts the reason at its column's width
    expect(result.stdout).toContain('GitHub did not answer the query for this fork: broken [31m');
    expect(files['c.csv']).toContain('GitHub did not answer the query for this fork: broken [31mred[0m txt.exe');
    expect(files['c.html']).toContain('GitHub did not answer the query for this fork: broken [31mred[0m txt.exe');
    // CSV lines end in CRLF (RFC 4180): those are the file's, not the learner's
    for (const [where, text] of [['issue', issue], ['table', result.stdout], ...Object.entries(files)])
      expect([where, HIDDEN.test(text!.replace(/\r\n/g, '\n'))]).toEqual([where, false]);
  }, 30_000);

  it('cohort mode in the Action: the job summary', async () => {
    fake.addRepository({ owner: 'course-org', name: 'course', files: { 'README.md': '# course\n' } });
    fake.generateForks('course-org/course', 1, () => ({ owner: 'learner-0' }));
    fake.fail({
      method: 'POST',
      path: /^\/graphql$/,
      status: 200,
      times: Infinity,
      body: { data: null, errors: [{ message: 'broken \u001b]0;title\u0007 \u2067x' }] },
    });
    const run = await runAction({
      apiUrl: fake.url,
      eventName: 'schedule',
      payload: {},
      repository: 'course-org/instructor',
      inputs: { mode: 'cohort', template: 'course-org/course' },
    });
    expect(run.code).toBe(0);
    expect(run.summary).toContain('GitHub did not answer the query for this fork: broken \\]0;title x');
    expect(HIDDEN.test(run.summary)).toBe(false);
    expect(HIDDEN.test(readFileSync(run.outputs['html-path']!, 'utf8'))).toBe(false);
  });
});
