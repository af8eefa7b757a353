// The pre-commit hook's cost, in real temporary repositories with husky 9 (and lint-staged 16 for the floor).
//   1. `git commit` through the hook init installs (husky running `playbook-proof hook`), with the playbook
//      staged and with only README.md staged, interleaved run by run with the same commit in the same kind
//      of repository without hooks, and with husky + lint-staged running a no-op task (`node -e ""` on *.md):
//      the floor a JavaScript pre-commit hook costs. playbook-proof's share is its median over each of them.
//   2. `playbook-proof hook` as a process, playbook staged and not, against `node -e ''` (alternating runs).
// Wall time is what a learner waits. On a machine shared with other work it swings with the load, so each
// commit also runs under /usr/bin/time (when there is one) for the CPU time of git and every process it
// started (user + system), which the load does not inflate as much.
// Usage: node bench/hook.mjs [runs]     (build first: npm run build)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeHookRepo } from './hook-repo.mjs';
import { alternate, median, verdict } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 15);
const node = process.execPath;
const PLAYBOOK = 'week-24/day1-dist-sys-qa.md';
const git = (repo, ...args) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
const env = { ...process.env };
delete env.HUSKY;

/** Stages an edit that keeps the file as it was in kind (the playbook still passes). */
const edit = (file, from, to) => (dir) => {
  const path = join(dir, file);
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
  git(dir, 'add', file);
};
const scenarios = [
  { name: 'playbook staged', stage: edit(PLAYBOOK, 'Drill the', 'Practise the') },
  { name: 'playbook not staged (README.md)', stage: edit('README.md', 'course work', 'coursework') },
];
const setups = ['none', 'lint-staged no-op', 'playbook-proof'];

// 1. one repository per (scenario, hook); each round commits in all of them in turn, then undoes the commit
// (soft reset) so every run makes the same commit
const repos = scenarios.map((scenario) =>
  setups.map((hook) => {
    const dir = makeHookRepo(root, { hook });
    scenario.stage(dir);
    return { dir, times: [], cpu: [] };
  }),
);
const TIME = '/usr/bin/time';
const timed = existsSync(TIME);
for (let i = 0; i < runs; i++) {
  for (const row of repos) {
    for (const repo of row) {
      const argv = ['git', 'commit', '-q', '-m', `run ${i}`];
      const start = process.hrtime.bigint();
      const result = timed
        ? spawnSync(TIME, ['-f', 'cpu %U %S', ...argv], { cwd: repo.dir, env, encoding: 'utf8' })
        : spawnSync(argv[0], argv.slice(1), { cwd: repo.dir, env, encoding: 'utf8' });
      repo.times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (result.status !== 0) throw new Error(`git commit failed in ${repo.dir}: ${result.stderr}`);
      const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(result.stderr ?? '');
      if (cpu) repo.cpu.push((Number(cpu[1]) + Number(cpu[2])) * 1000);
      git(repo.dir, 'reset', '-q', '--soft', 'HEAD~1');
    }
  }
}

// 2. the hook command alone, in the repository of the first scenario (playbook staged) and the second
const [stagedRepo, otherRepo] = [repos[0][2].dir, repos[1][2].dir];
const hookArgv = [node, join(root, 'dist/cli/index.js'), 'hook'];
const [hookStaged, hookOther, bare] = alternate(
  [
    { name: 'playbook-proof hook, playbook staged', argv: hookArgv, options: { cwd: stagedRepo }, expectCode: 0 },
    { name: 'playbook-proof hook, not staged', argv: hookArgv, options: { cwd: otherRepo }, expectCode: 0 },
    { name: "node -e ''", argv: [node, '-e', ''], expectCode: 0 },
  ],
  runs,
);

const ms = (value) => `${value.toFixed(0)} ms`;
const signed = (value) => `${value >= 0 ? '+' : ''}${ms(value)}`;
console.log(`git commit through the pre-commit hook, median of ${runs} interleaved runs per column (load average ${readLoad()})`);
console.log(`  ${'commit'.padEnd(34)}${'no hooks'.padStart(10)}${'husky + lint-staged no-op'.padStart(28)}${'husky + playbook-proof'.padStart(25)}`);
for (const [metric, key] of [
  ['wall', 'times'],
  ['CPU', 'cpu'],
]) {
  if (repos[0][0][key].length === 0) continue;
  scenarios.forEach((scenario, s) => {
    const [none, floor, ours] = repos[s].map((repo) => median(repo[key]));
    console.log(`  ${`${scenario.name}, ${metric}`.padEnd(34)}${ms(none).padStart(10)}${ms(floor).padStart(28)}${ms(ours).padStart(25)}`);
    console.log(
      `    playbook-proof's share: ${signed(ours - none)} over no hooks, ${signed(ours - floor)} over the lint-staged floor` +
        `${metric === 'wall' ? ` (target <= +150 ms: ${verdict(ours - floor <= 150)})` : ''}; lint-staged's floor: ${signed(floor - none)} over no hooks`,
    );
  });
}
console.log(`the hook command alone, median of ${runs} alternating runs`);
console.log(
  `  playbook-proof hook, playbook staged      ${ms(hookStaged)} vs node -e '' ${ms(bare)}: ${(hookStaged / bare).toFixed(2)}x  (+${ms(hookStaged - bare)})`,
);
console.log(`  playbook-proof hook, playbook not staged  ${ms(hookOther)}: ${(hookOther / bare).toFixed(2)}x  (+${ms(hookOther - bare)})`);

function readLoad() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  } catch {
    return 'unknown';
  }
}
