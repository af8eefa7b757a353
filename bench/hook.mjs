// The pre-commit hook's cost, in a real temporary repository with husky 9 + lint-staged 16 installed.
//   1. `playbook-proof hook` with the playbook staged, against `node -e ''` (alternating runs).
//   2. `git commit` through husky + lint-staged with the playbook staged, against the same commit with HUSKY=0.
//   3. the same with only README.md staged (the playbook untouched).
// Usage: node bench/hook.mjs [runs]     (build first: npm run build)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternate, verdict } from './measure.mjs';
import { makeHookRepo } from './hook-repo.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 15);
const node = process.execPath;
const git = (repo, ...args) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });

// 1. the hook command alone
const repo = makeHookRepo(root);
git(repo, 'add', '-A');
const [hook, bareHook, bare] = alternate(
  [
    // as lint-staged runs it: with the staged playbook's absolute path
    { name: 'playbook-proof hook PATH', argv: [node, join(root, 'dist/cli/index.js'), 'hook', join(repo, 'week-24/day1-dist-sys-qa.md')], expectCode: 0 },
    // as a plain .husky/pre-commit line would: it asks git whether the playbook is staged first
    { name: 'playbook-proof hook', argv: [node, join(root, 'dist/cli/index.js'), 'hook'], expectCode: 0 },
    { name: "node -e ''", argv: [node, '-e', ''], expectCode: 0 },
  ],
  runs,
  { cwd: repo },
);

// 2 and 3: a real commit, undone (soft reset) after each run, so every run makes the same commit
function commitCost(stage) {
  const dir = makeHookRepo(root);
  stage(dir);
  const env = { ...process.env };
  delete env.HUSKY;
  const withHooks = [];
  const withoutHooks = [];
  for (let i = 0; i < runs; i++) {
    for (const [skip, times] of [[false, withHooks], [true, withoutHooks]]) {
      const start = process.hrtime.bigint();
      execFileSync('git', ['commit', '-q', '-m', `run ${i}`], { cwd: dir, stdio: 'pipe', env: skip ? { ...env, HUSKY: '0' } : env });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      git(dir, 'reset', '-q', '--soft', 'HEAD~1');
    }
  }
  const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
  return [median(withHooks), median(withoutHooks)];
}
/** Stages an edit that keeps the file as it was in kind (the playbook still passes). */
const edit = (file, from, to) => (dir) => {
  const path = join(dir, file);
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
  git(dir, 'add', file);
};
const [stagedWith, stagedWithout] = commitCost(edit('week-24/day1-dist-sys-qa.md', 'Drill the', 'Practise the'));
const [otherWith, otherWithout] = commitCost(edit('README.md', 'course work', 'coursework'));

console.log(`pre-commit hook cost, median of ${runs} alternating runs`);
console.log(`  playbook-proof hook PATH (as lint-staged runs it, playbook staged)  ${hook.toFixed(1)} ms vs node -e '' ${bare.toFixed(1)} ms: ${(hook / bare).toFixed(2)}x  (target <= 2x: ${verdict(hook / bare <= 2)})`);
console.log(`  playbook-proof hook (no path: asks git what is staged first)       ${bareHook.toFixed(1)} ms: ${(bareHook / bare).toFixed(2)}x`);
console.log(`  git commit, playbook staged      ${stagedWith.toFixed(0)} ms vs HUSKY=0 ${stagedWithout.toFixed(0)} ms: +${(stagedWith - stagedWithout).toFixed(0)} ms  (target <= 400 ms: ${verdict(stagedWith - stagedWithout <= 400)})`);
console.log(`  git commit, playbook not staged  ${otherWith.toFixed(0)} ms vs HUSKY=0 ${otherWithout.toFixed(0)} ms: +${(otherWith - otherWithout).toFixed(0)} ms  (target <= 250 ms: ${verdict(otherWith - otherWithout <= 250)})`);
