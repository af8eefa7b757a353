// A temporary repository set up as `playbook-proof init` leaves a learner's: husky's core.hooksPath and
// .husky/pre-commit running `playbook-proof hook`. node_modules is a real folder whose entries link to this
// checkout's, and its .bin gains a `playbook-proof` pointing at dist/cli, as `npm install` would make it.
// The benchmark's comparison runs use the same repository with other hooks: none, or lint-staged with a no-op task.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The pre-commit hook init writes. */
export const PRE_COMMIT = 'playbook-proof hook\n';

/** The hook scripts a repository can get: init's, lint-staged running a task that does nothing, or none. */
export const HOOKS = {
  'playbook-proof': { preCommit: PRE_COMMIT, lintStaged: undefined },
  'lint-staged no-op': { preCommit: 'lint-staged\n', lintStaged: { '*.md': 'node -e ""' } },
  none: { preCommit: null, lintStaged: undefined },
};

/**
 * Creates the repository holding the shipped example playbook and a README, with the hook `hook` (a key of
 * HOOKS). With `commit` (the default) they are committed (without running the hook); without, the
 * repository has no commit yet and nothing is staged.
 */
export function makeHookRepo(root, { name = 'repo', hook = 'playbook-proof', commit = true, dir: at } = {}) {
  const dir = at ?? join(mkdtempSync(join(tmpdir(), 'playbook-proof-hook-')), name);
  mkdirSync(join(dir, 'week-24'), { recursive: true });
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'learner@example.com');
  git('config', 'user.name', 'Learner');
  git('config', 'commit.gpgsign', 'false');
  linkModules(root, dir);
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
  const { preCommit, lintStaged } = HOOKS[hook];
  const pkg = { name: 'learner', private: true, ...(lintStaged ? { 'lint-staged': lintStaged } : {}) };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(join(dir, 'README.md'), '# My course work\n');
  copyFileSync(join(root, 'week-24', 'day1-dist-sys-qa.md'), join(dir, 'week-24', 'day1-dist-sys-qa.md'));
  if (preCommit !== null) {
    mkdirSync(join(dir, '.husky'));
    writeFileSync(join(dir, '.husky', 'pre-commit'), preCommit);
    installHusky(dir);
  }
  if (commit) {
    git('add', '-A');
    git('commit', '-q', '-m', 'Start', '--no-verify');
  }
  return dir;
}

/** node_modules as `npm install` leaves it: husky, lint-staged and their bins, and our own bin. */
export function linkModules(root, dir) {
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  for (const pkg of ['husky', 'lint-staged']) symlinkSync(join(root, 'node_modules', pkg), join(modules, pkg), 'dir');
  symlinkSync(join(root, 'node_modules', 'lint-staged', 'bin', 'lint-staged.js'), join(modules, '.bin', 'lint-staged'));
  symlinkSync(join(root, 'node_modules', 'husky', 'bin.js'), join(modules, '.bin', 'husky'));
  symlinkSync(join(root, 'dist', 'cli', 'index.js'), join(modules, '.bin', 'playbook-proof'));
}

/** What husky's prepare script does on `npm install`: core.hooksPath and the generated .husky/_ folder. */
export function installHusky(dir) {
  execFileSync(process.execPath, [join(dir, 'node_modules', 'husky', 'bin.js')], { cwd: dir, stdio: 'pipe' });
}
