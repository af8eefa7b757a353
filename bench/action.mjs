// The Action end to end: `node dist/index.js` against the fake GitHub API (test/helpers/fake-github.ts,
// transpiled on the fly) with 50 ms of latency on every request, as a runner would start it.
//   1. a first run on a passing pull request (creates the comment, adds and colours the label)
//   2. a rerun on the unchanged, passing pull request (API requests counted)
//   3. bundle cold start: `node dist/index.js` exiting at input validation, against `node -e ''`
// Usage: node bench/action.mjs [runs]     (build first: npm run build)
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionEnv, loadFakeGitHub, runBundledAction } from './fake-github.mjs';
import { alternate, median, verdict } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 9);
const require = createRequire(import.meta.url);
const tmp = mkdtempSync(join(tmpdir(), 'playbook-proof-action-bench-'));

// the same fake server the tests use
const { startFakeGitHub } = await loadFakeGitHub();

const examples = require('@octokit/webhooks-examples');
const payload = structuredClone(examples.find((e) => e.name === 'pull_request').examples.find((e) => e.action === 'opened'));
const [owner, repo, sha, path] = ['Codertocat', 'Hello-World', payload.pull_request.head.sha, 'week-24/day1-dist-sys-qa.md'];
writeFileSync(join(tmp, 'event.json'), JSON.stringify(payload));

async function runAction(apiUrl) {
  const { code, ms } = await runBundledAction(actionEnv({ apiUrl, tmp, repository: `${owner}/${repo}`, sha, path }));
  if (code !== 0) throw new Error(`exit ${code}`);
  return ms;
}

const first = [];
const rerun = [];
let rerunRequests = 0;
for (let i = 0; i < runs; i++) {
  const fake = await startFakeGitHub();
  fake.setFile(owner, repo, sha, path, readFileSync(join(root, path)));
  // the Action reads the pull request to confirm its head before writing
  fake.setPullRequest(owner, repo, { number: payload.pull_request.number, headSha: sha });
  fake.latency(50);
  first.push(await runAction(fake.url));
  // the label is on now, as the next event's payload would say
  payload.pull_request.labels = [{ id: 1, name: 'proof: passed', color: '2da44e', default: false }];
  writeFileSync(join(tmp, 'event.json'), JSON.stringify(payload));
  const before = fake.calls.length;
  rerun.push(await runAction(fake.url));
  rerunRequests = fake.calls.length - before;
  payload.pull_request.labels = [];
  writeFileSync(join(tmp, 'event.json'), JSON.stringify(payload));
  await fake.close();
}

const coldCommands = [
  { name: 'node dist/index.js (exits at input validation)', argv: [process.execPath, join(root, 'dist/index.js')], expectCode: 1 },
  { name: "node -e ''", argv: [process.execPath, '-e', ''], expectCode: 0 },
];
// this machine's environment (as the other benchmarks), then PATH only: NODE_EXTRA_CA_CERTS is set here and
// costs every node process ~45 ms, which flatters ratios against `node -e ''`
const [cold, bare] = alternate(coldCommands, runs * 2, { env: { ...process.env, GITHUB_OUTPUT: join(tmp, 'output') } });
const [coldClean, bareClean] = alternate(coldCommands, runs * 2, { env: { PATH: process.env.PATH, GITHUB_OUTPUT: join(tmp, 'output') } });

console.log(`the Action end to end against the fake GitHub API with 50 ms per request, median of ${runs} runs`);
console.log(
  `  first run on a passing PR (comment created, label added)  ${median(first).toFixed(0)} ms  (target <= 1000 ms: ${verdict(median(first) <= 1000)})`,
);
console.log(
  `  rerun on the unchanged passing PR                         ${median(rerun).toFixed(0)} ms, ${rerunRequests} API requests  (target <= 5 requests: ${verdict(rerunRequests <= 5)})`,
);
console.log(
  `  bundle cold start ${cold.toFixed(1)} ms vs node -e '' ${bare.toFixed(1)} ms: ${(cold / bare).toFixed(2)}x  (target <= 2.5x: ${verdict(cold / bare <= 2.5)})`,
);
console.log(`  in a clean environment (PATH only): ${coldClean.toFixed(1)} ms vs ${bareClean.toFixed(1)} ms: ${(coldClean / bareClean).toFixed(2)}x`);
