// A temporary repository set up as `playbook-proof init` leaves a learner's: husky's core.hooksPath,
// .husky/pre-commit running lint-staged, lint-staged running `playbook-proof hook` on the playbook.
// node_modules is this checkout's (linked), and its .bin gains a `playbook-proof` pointing at dist/cli.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PRE_COMMIT = 'lint-staged --diff-filter=ACMRD --verbose\n';

/** Creates the repository with one commit holding the shipped example playbook and a README. */
export function makeHookRepo(root, { name = 'repo' } = {}) {
  const dir = join(mkdtempSync(join(tmpdir(), 'playbook-proof-hook-')), name);
  mkdirSync(join(dir, 'week-24'), { recursive: true });
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'learner@example.com');
  git('config', 'user.name', 'Learner');
  git('config', 'commit.gpgsign', 'false');
  // node_modules: a real folder whose entries link to this checkout's, plus our own bin
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  for (const pkg of ['husky', 'lint-staged']) symlinkSync(join(root, 'node_modules', pkg), join(modules, pkg), 'dir');
  symlinkSync(join(root, 'node_modules', 'lint-staged', 'bin', 'lint-staged.js'), join(modules, '.bin', 'lint-staged'));
  symlinkSync(join(root, 'node_modules', 'husky', 'bin.js'), join(modules, '.bin', 'husky'));
  symlinkSync(join(root, 'dist', 'cli', 'index.js'), join(modules, '.bin', 'playbook-proof'));
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'learner', private: true, 'lint-staged': { 'week-24/day1-dist-sys-qa.md': 'playbook-proof hook' } }, null, 2)}\n`,
  );
  writeFileSync(join(dir, 'README.md'), '# My course work\n');
  copyFileSync(join(root, 'week-24', 'day1-dist-sys-qa.md'), join(dir, 'week-24', 'day1-dist-sys-qa.md'));
  mkdirSync(join(dir, '.husky'));
  writeFileSync(join(dir, '.husky', 'pre-commit'), PRE_COMMIT);
  execFileSync(process.execPath, [join(modules, 'husky', 'bin.js')], { cwd: dir, stdio: 'pipe' });
  git('add', '-A');
  git('commit', '-q', '-m', 'Start', '--no-verify');
  return dir;
}
