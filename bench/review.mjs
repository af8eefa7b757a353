// The review on the failing lines, end to end: `node dist/index.js` on a pull request against the fake GitHub
// API (50 ms per request), through four pushes of one pull request, with `review: false` as the comparison:
//   1. first failing push (Q3 and Q5 fail: a review with two comments)
//   2. rerun on the unchanged head (target: no writes)
//   3. partial fix (Q3 passes: its thread resolved, Q5's comment kept)
//   4. full pass (Q5's thread resolved)
// It prints each step's API requests (reads, writes, and the requests the review adds) and the median wall time.
// Usage: node bench/review.mjs [runs]     (build first: npm run build)
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionEnv, loadFakeGitHub, runBundledAction } from './fake-github.mjs';
import { median, verdict } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 5);
const require = createRequire(import.meta.url);
const tmp = mkdtempSync(join(tmpdir(), 'playbook-proof-review-bench-'));
const { startFakeGitHub } = await loadFakeGitHub();

const [owner, repo, path] = ['Codertocat', 'Hello-World', 'week-24/day1-dist-sys-qa.md'];
const example = readFileSync(join(root, path), 'utf8');
const withoutDifficulty = (text, q) => text.replace(new RegExp(`(## Q${q}:.*\\n)\\*\\*Difficulty:\\*\\* .*\\n`), '$1');
const withoutGotchas = (text, q) => {
  const start = text.indexOf(`## Q${q}:`);
  return text.slice(0, text.indexOf('**Gotcha', start)) + text.slice(text.indexOf(`## Q${q + 1}:`));
};
const steps = [
  { name: 'first failing push (Q3, Q5 fail)', sha: 'a'.repeat(40), text: withoutGotchas(withoutDifficulty(example, 3), 5), code: 1 },
  { name: 'rerun on the unchanged head', sha: 'a'.repeat(40), text: null, code: 1 },
  { name: 'partial fix (Q3 passes)', sha: 'b'.repeat(40), text: withoutGotchas(example, 5), code: 1 },
  { name: 'full pass', sha: 'c'.repeat(40), text: example, code: 0, labels: [] },
];

const examples = require('@octokit/webhooks-examples');
const basePayload = examples.find((e) => e.name === 'pull_request').examples.find((e) => e.action === 'synchronize');

function runAction(apiUrl, sha, review) {
  const payload = structuredClone(basePayload);
  payload.pull_request.head.sha = sha;
  payload.pull_request.labels = [];
  writeFileSync(join(tmp, 'event.json'), JSON.stringify(payload));
  return runBundledAction(actionEnv({ apiUrl, tmp, repository: `${owner}/${repo}`, sha, path, inputs: { review: String(review) } }));
}

const isMutation = (c) => c.path === '/graphql' && /^\s*mutation/.test(String(c.body?.query));
const isWrite = (c) => (c.method !== 'GET' && c.path !== '/graphql') || isMutation(c);
const describeCall = (c) =>
  c.path === '/graphql' ? (isMutation(c) ? 'POST /graphql (mutation)' : 'POST /graphql (query)') : `${c.method} ${c.path.replace(/\/\d+$/, '/:id')}`;

/** Runs the four steps on a fresh pull request; returns per step: time, requests, writes, the review's own requests. */
async function sequence(review) {
  const fake = await startFakeGitHub();
  fake.addRepository({ owner, name: repo });
  fake.latency(50);
  const results = [];
  for (const step of steps) {
    if (step.text !== null) {
      fake.setFile(owner, repo, step.sha, path, step.text);
      fake.pulls.push(owner, repo, 2, step.sha, { [path]: { base: null, head: step.text } });
    }
    const before = fake.calls.length;
    const { code, ms } = await runAction(fake.url, step.sha, review);
    if (code !== step.code) throw new Error(`${step.name}: exit ${code}, expected ${step.code}`);
    const calls = fake.calls.slice(before);
    results.push({ ms, calls: calls.map(describeCall), writes: calls.filter(isWrite).map(describeCall) });
  }
  await fake.close();
  return results;
}

const on = [];
const off = [];
for (let i = 0; i < runs; i++) {
  on.push(await sequence(true));
  off.push(await sequence(false));
}

console.log(`the review on the failing lines: node dist/index.js against the fake GitHub API with 50 ms per request, median of ${runs} runs`);
console.log('comparison: the same pushes with review: false (checklist comment and label only)\n');
steps.forEach((step, i) => {
  const [withReview, without] = [on[0][i], off[0][i]];
  const [msOn, msOff] = [median(on.map((r) => r[i].ms)), median(off.map((r) => r[i].ms))];
  console.log(`${step.name}`);
  console.log(
    `  requests ${withReview.calls.length} (${withReview.writes.length} writes) vs ${without.calls.length} (${without.writes.length} writes) without the review`,
  );
  console.log(`  wall time ${msOn.toFixed(0)} ms vs ${msOff.toFixed(0)} ms: ${(msOn / msOff).toFixed(2)}x`);
  const added = [...withReview.calls];
  for (const call of without.calls) added.splice(added.indexOf(call), 1);
  console.log(`  the review's requests: ${added.join(', ') || 'none'}`);
  if (i === 1)
    console.log(
      `  review writes on the rerun: ${withReview.writes.filter((w) => !without.writes.includes(w)).length}  (target 0: ${verdict(withReview.writes.length === without.writes.length)})`,
    );
});
