// Cohort mode: `playbook-proof cohort` over 1,000 forks in every state, against the fake GitHub API
// (test/helpers/fake-github.ts, transpiled on the fly) with 50 ms of latency on every request.
// Usage: node bench/cohort.mjs [forks]     (build first: npm run build)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFakeGitHub } from './fake-github.mjs';
import { verdict } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.argv[2] ?? 1000);
const tmp = mkdtempSync(join(tmpdir(), 'playbook-proof-cohort-bench-'));
// the same fake server the tests use
const { startFakeGitHub } = await loadFakeGitHub();

const path = 'week-24/day1-dist-sys-qa.md';
const example = readFileSync(join(root, path), 'utf8');
const failing = example.replace(/^\*\*Gotcha — Common wrong answers:\*\*$/m, '');
const kinds = [
  () => ({ files: { [path]: example } }),
  () => ({ files: { [path]: failing } }),
  () => ({}),
  () => ({ empty: true }),
  () => ({ files: { [path]: new Uint8Array([35, 0, 1]) } }),
  () => ({ forbidden: true }),
];
const fake = await startFakeGitHub();
fake.addRepository({ owner: 'course-org', name: 'dist-sys-course', files: { 'README.md': '# course\n' } });
fake.generateForks('course-org/dist-sys-course', count, (i) => ({ owner: `learner-${i}`, ...kinds[i % kinds.length]() }));
fake.latency(Number(process.env.LATENCY ?? 50));

const start = process.hrtime.bigint();
const child = spawn(
  process.execPath,
  [
    ...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof7'] : []),
    join(root, 'dist/cli/index.js'),
    'cohort',
    '--template',
    'course-org/dist-sys-course',
    '--json',
    join(tmp, 'cohort.json'),
  ],
  {
    env: { PATH: process.env.PATH, GITHUB_TOKEN: 'ghs_bench', GITHUB_API_URL: fake.url },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const code = await new Promise((resolve) => child.on('close', resolve));
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const rows = JSON.parse(readFileSync(join(tmp, 'cohort.json'), 'utf8')).rows.length;
await fake.close();
if (code !== 0 || rows !== count) throw new Error(`cohort exited ${code} with ${rows} rows`);
console.log(`cohort scan of ${count} forks against the fake GitHub API with 50 ms per request (one run)`);
console.log(`  wall time    ${(ms / 1000).toFixed(1)} s  (target <= 20 s: ${verdict(ms <= 20_000)})`);
console.log(`  API requests ${fake.calls.length}  (target <= 40: ${verdict(fake.calls.length <= 40)})`);
