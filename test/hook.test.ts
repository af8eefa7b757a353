import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { installHusky, linkModules, makeHookRepo } from '../bench/hook-repo.mjs';
import { skeleton } from '../src/cli/init-templates.js';
import { bundle, examplePath, repoRoot, runBundle } from './helpers/cli.js';

// Real repositories, real husky (core.hooksPath) running the hook init installs, real `git commit`.
// Nothing about git is mocked.
const PLAYBOOK = 'week-24/day1-dist-sys-qa.md';
const example = readFileSync(examplePath, 'utf8');
const passing = example.replace('Drill the', 'Practise the');

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
}

/** `git commit -m message …extra` run in `dir` as a learner's terminal would. */
function commit(dir: string, message: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const childEnv = { ...process.env, ...env };
  if (env.HUSKY === undefined) delete childEnv.HUSKY;
  delete childEnv.NODE_ENV;
  delete childEnv.VITEST;
  const result = spawnSync('git', ['commit', '-m', message, ...extra], { cwd: dir, encoding: 'utf8', env: childEnv });
  return { code: result.status, output: stripVTControlCharacters(`${result.stdout}${result.stderr}`) };
}

const head = (dir: string) => git(dir, 'rev-parse', 'HEAD').trim();
const staged = (dir: string, path = PLAYBOOK) => git(dir, 'show', `:${path}`);
const working = (dir: string, path = PLAYBOOK) => readFileSync(join(dir, path), 'utf8');

/** The example without the gotcha lists of the given questions; returns the text and each question's heading line. */
function withoutGotchas(numbers: number[]): { text: string; lines: Record<number, number> } {
  let text = example;
  for (const n of numbers) {
    const start = text.indexOf(`## Q${n}:`);
    const gotcha = text.indexOf('**Gotcha', start);
    const next = text.indexOf(`## Q${n + 1}:`, start);
    text = text.slice(0, gotcha) + text.slice(next);
  }
  const lines: Record<number, number> = {};
  text.split('\n').forEach((line, i) => {
    const m = /^## Q(\d+):/.exec(line);
    if (m) lines[Number(m[1])] = i + 1;
  });
  return { text, lines };
}

const failing = withoutGotchas([3]);

beforeAll(() => {
  // the hook runs the built bundle: fail clearly if it is missing
  readFileSync(bundle);
});

describe('the pre-commit hook init installs, through husky', () => {
  it('lets a passing playbook commit, saying so', () => {
    const dir = makeHookRepo(repoRoot);
    writeFileSync(join(dir, PLAYBOOK), passing);
    git(dir, 'add', PLAYBOOK);
    const before = head(dir);
    const { code, output } = commit(dir, 'Reword the intro');
    expect(code).toBe(0);
    expect(head(dir)).not.toBe(before);
    expect(output).toContain(`✔ playbook-proof: ${PLAYBOOK} passes 7/7 criteria.\n`);
  });

  it('blocks a playbook lacking gotchas on two questions, listing them under their criterion with their lines', () => {
    const dir = makeHookRepo(repoRoot);
    const { text, lines } = withoutGotchas([4, 9]);
    writeFileSync(join(dir, PLAYBOOK), text);
    git(dir, 'add', PLAYBOOK);
    const before = head(dir);
    const { code, output } = commit(dir, 'Drop two gotcha lists');
    expect(code).toBe(1);
    expect(head(dir)).toBe(before);
    expect(output).toContain(
      '  ✖ Gotcha section lists ≥2 wrong answers per question (Q4, Q9)\n' +
        `      ${PLAYBOOK}:${lines[4]}:1  Q4 has no gotcha list of common wrong answers\n` +
        `      ${PLAYBOOK}:${lines[9]}:1  Q9 has no gotcha list of common wrong answers\n` +
        '  ✔ Difficulty ratings cover L1, L2, and L3\n',
    );
    expect(output).toContain(`✖ 6/7 criteria pass. Fix the 2 errors, starting at line ${lines[4]}, then stage the fix and commit again.\n`);
    expect(output).toContain('git commit --no-verify skips this hook, but the pull-request check fails all the same');
    expect(output).toContain(`Next: fix Q4 at ${PLAYBOOK}:${lines[4]}, then run: git add ${PLAYBOOK} && git commit\n`);
    // the learner's staged change is still staged, nothing was lost
    expect(git(dir, 'status', '--porcelain')).toBe(`M  ${PLAYBOOK}\n`);
  });

  it('judges a partially staged playbook by what is staged, and says the working copy would pass', () => {
    const dir = makeHookRepo(repoRoot);
    writeFileSync(join(dir, PLAYBOOK), failing.text);
    git(dir, 'add', PLAYBOOK);
    writeFileSync(join(dir, PLAYBOOK), passing);
    const before = head(dir);
    const { code, output } = commit(dir, 'Partial');
    expect(code).toBe(1);
    expect(output).toContain('Q3 has no gotcha list');
    expect(output).toContain(
      `Your working copy of ${PLAYBOOK} passes, but the commit holds the staged copy, which differs from it.\n` +
        `Next: stage your working copy: git add ${PLAYBOOK} && git commit\n`,
    );
    expect(head(dir)).toBe(before);
    // both versions survive: the failing one staged, the passing one in the working tree
    expect(git(dir, 'status', '--porcelain')).toBe(`MM ${PLAYBOOK}\n`);
    expect(staged(dir)).toBe(failing.text);
    expect(working(dir)).toBe(passing);
  });

  it('and the reverse commits the staged, passing version and leaves the working tree alone', () => {
    const dir = makeHookRepo(repoRoot);
    writeFileSync(join(dir, PLAYBOOK), passing);
    git(dir, 'add', PLAYBOOK);
    writeFileSync(join(dir, PLAYBOOK), failing.text);
    const { code } = commit(dir, 'Partial, passing');
    expect(code).toBe(0);
    expect(git(dir, 'show', `HEAD:${PLAYBOOK}`)).toBe(passing);
    expect(working(dir)).toBe(failing.text);
    expect(git(dir, 'status', '--porcelain')).toBe(` M ${PLAYBOOK}\n`);
  });

  it('runs no check for a commit that does not touch the playbook', () => {
    const dir = makeHookRepo(repoRoot);
    // even a broken playbook in the working tree does not matter when it is not staged
    writeFileSync(join(dir, PLAYBOOK), 'broken');
    writeFileSync(join(dir, 'README.md'), '# Notes\n');
    git(dir, 'add', 'README.md');
    const { code, output } = commit(dir, 'Notes');
    expect(code).toBe(0);
    expect(output).not.toContain('playbook-proof');
  });

  it('lets --no-verify through, and HUSKY=0 skips the hook', () => {
    const dir = makeHookRepo(repoRoot);
    writeFileSync(join(dir, PLAYBOOK), withoutGotchas([1]).text);
    git(dir, 'add', PLAYBOOK);
    expect(commit(dir, 'Skip', ['--no-verify']).code).toBe(0);
    writeFileSync(join(dir, PLAYBOOK), withoutGotchas([1, 2]).text);
    git(dir, 'add', PLAYBOOK);
    expect(commit(dir, 'Skip again', [], { HUSKY: '0' }).code).toBe(0);
  });

  it('allows deleting or renaming the playbook away, with a warning', () => {
    const dir = makeHookRepo(repoRoot);
    git(dir, 'mv', PLAYBOOK, 'draft.md');
    const renamed = commit(dir, 'Move away');
    expect(renamed.code).toBe(0);
    expect(renamed.output).toContain(`playbook-proof: warning: this commit removes ${PLAYBOOK} (deleted or renamed away)`);
    git(dir, 'mv', 'draft.md', PLAYBOOK);
    expect(commit(dir, 'Move back').code).toBe(0);
    git(dir, 'rm', '-q', PLAYBOOK);
    const removed = commit(dir, 'Remove');
    expect(removed.code).toBe(0);
    expect(removed.output).toContain(`playbook-proof: warning: this commit removes ${PLAYBOOK} (deleted or renamed away)`);
  });

  it('checks a playbook renamed into the required path', () => {
    const dir = makeHookRepo(repoRoot);
    git(dir, 'mv', PLAYBOOK, 'draft.md');
    expect(commit(dir, 'Move away', [], { HUSKY: '0' }).code).toBe(0);
    writeFileSync(join(dir, 'draft.md'), withoutGotchas([2]).text);
    git(dir, 'add', 'draft.md');
    git(dir, 'mv', 'draft.md', PLAYBOOK);
    const { code, output } = commit(dir, 'Move back');
    expect(code).toBe(1);
    expect(output).toContain('Q2 has no gotcha list');
  });

  it('reads a CRLF checkout the same as LF', () => {
    const dir = makeHookRepo(repoRoot);
    const { text, lines } = withoutGotchas([5]);
    writeFileSync(join(dir, PLAYBOOK), text.replace(/\n/g, '\r\n'));
    git(dir, 'add', PLAYBOOK);
    const { code, output } = commit(dir, 'CRLF');
    expect(code).toBe(1);
    expect(output).toContain(`      ${PLAYBOOK}:${lines[5]}:1  Q5 has no gotcha list`);
  });

  it('works with a non-ASCII playbook path set in the configuration', () => {
    const dir = makeHookRepo(repoRoot);
    const path = 'semana-24/día 1 — preguntas.md';
    mkdirSync(join(dir, 'semana-24'));
    renameSync(join(dir, PLAYBOOK), join(dir, path));
    rmSync(join(dir, 'week-24'), { recursive: true, force: true });
    writeFileSync(join(dir, '.playbook-proof.json'), JSON.stringify({ path }));
    git(dir, 'add', '-A');
    expect(commit(dir, 'Move to a Spanish path', [], { HUSKY: '0' }).code).toBe(0);
    writeFileSync(join(dir, path), withoutGotchas([6]).text);
    git(dir, 'add', path);
    const { code, output } = commit(dir, 'Break it');
    expect(code).toBe(1);
    expect(output).toContain(`      ${path}:`);
    expect(output).toContain('Q6 has no gotcha list');
    expect(output).toContain(`then run: git add '${path}' && git commit`);
  });

  it('gives paths relative to the folder git commit runs in, so the advice works as printed there', () => {
    const dir = makeHookRepo(repoRoot);
    const sub = join(dir, 'week-24');
    writeFileSync(join(dir, PLAYBOOK), failing.text);
    git(dir, 'add', PLAYBOOK);
    const { code, output } = commit(sub, 'From the folder');
    expect(code).toBe(1);
    expect(output).toContain(`      day1-dist-sys-qa.md:${failing.lines[3]}:1  Q3 has no gotcha list of common wrong answers\n`);
    expect(output).toContain(`Next: fix Q3 at day1-dist-sys-qa.md:${failing.lines[3]}, then run: git add day1-dist-sys-qa.md && git commit\n`);
    // the advice, run verbatim in that folder after the fix, commits
    writeFileSync(join(dir, PLAYBOOK), passing);
    const advice = spawnSync('sh', ['-c', 'git add day1-dist-sys-qa.md && git commit -q -m Fixed'], {
      cwd: sub,
      encoding: 'utf8',
      env: { ...process.env, HUSKY: '' },
    });
    expect(advice.status).toBe(0);
    expect(git(dir, 'show', `HEAD:${PLAYBOOK}`)).toBe(passing);
  });

  it('groups the untouched skeleton’s findings by criterion, three each, with the rest behind --all', () => {
    const dir = makeHookRepo(repoRoot);
    writeFileSync(join(dir, PLAYBOOK), skeleton());
    git(dir, 'add', PLAYBOOK);
    const { code, output } = commit(dir, 'Skeleton');
    expect(code).toBe(1);
    const listed = output.split('\n').filter((line) => line.startsWith(`      ${PLAYBOOK}:`));
    const more = output.split('\n').filter((line) => line.startsWith('      … and '));
    // five failing criteria (15 + 30 + 45 + 15 + 15 findings), three shown under each, and a count of the rest
    expect(listed).toHaveLength(15);
    expect(more).toEqual([
      '      … and 12 more (npx playbook-proof hook --all lists every one)',
      '      … and 27 more (npx playbook-proof hook --all lists every one)',
      '      … and 42 more (npx playbook-proof hook --all lists every one)',
      '      … and 12 more (npx playbook-proof hook --all lists every one)',
      '      … and 12 more (npx playbook-proof hook --all lists every one)',
    ]);
    expect(output).toContain('✖ 2/7 criteria pass. Fix the 120 errors, starting at line 11');
    // and the full list, as the hint says, from the same staged state
    const all = runBundle(['hook', '--all'], dir);
    expect(all.code).toBe(1);
    expect(all.stdout.split('\n').filter((line) => line.startsWith(`      ${PLAYBOOK}:`))).toHaveLength(120);
  });

  it('removes control characters and bidi overrides from learner text it prints', () => {
    const dir = makeHookRepo(repoRoot);
    const start = example.indexOf('## Q3:');
    const item = example.indexOf('- ❌', start);
    const end = example.indexOf('\n', item);
    // a wrong answer with no reason, hiding an OSC 52 "write the clipboard" sequence and a right-to-left override
    const hostile = `${example.slice(0, item)}- ❌ Paste\u001b]52;c;ZWNobyBoaQ==\u0007 this\u202e now${example.slice(end)}`;
    writeFileSync(join(dir, PLAYBOOK), hostile);
    git(dir, 'add', PLAYBOOK);
    const result = spawnSync('git', ['commit', '-m', 'Hostile'], { cwd: dir, encoding: 'utf8', env: { ...process.env, HUSKY: '' } });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status).toBe(1);
    const line = example.slice(0, item).split('\n').length;
    expect(output).toContain(`      ${PLAYBOOK}:${line}:1  Q3's wrong answer "Paste]52;c;ZWNobyBoaQ== this now`);
    // eslint-disable-next-line no-control-regex -- the test looks for exactly these characters
    expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('playbook-proof hook run by another runner, with the staged files it matched', () => {
  it('checks the staged playbook when it is among them, and nothing otherwise', () => {
    const dir = makeHookRepo(repoRoot, { hook: 'none' });
    writeFileSync(join(dir, PLAYBOOK), failing.text);
    git(dir, 'add', PLAYBOOK);
    writeFileSync(join(dir, PLAYBOOK), passing);
    const listed = runBundle(['hook', PLAYBOOK], dir);
    expect(listed.code).toBe(1);
    expect(listed.stdout).toContain(`      ${PLAYBOOK}:${failing.lines[3]}:1  Q3 has no gotcha list of common wrong answers\n`);
    const absolute = runBundle(['hook', join(dir, PLAYBOOK)], join(dir, 'week-24'));
    expect(absolute.code).toBe(1);
    const other = runBundle(['hook', 'README.md'], dir);
    expect(other).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('each way of committing is judged on what it commits', () => {
  // [form, what to do before committing]: the staged copy fails, the working copy passes, or the reverse
  const forms: Array<[string, string[]]> = [
    ['git commit -a', ['-a']],
    ['git commit PATH', [PLAYBOOK]],
    ['git commit -i PATH', ['-i', PLAYBOOK]],
  ];

  it.each(forms)('%s with a failing working copy is blocked, though the index holds a passing one', (_, args) => {
    const dir = makeHookRepo(repoRoot);
    writeFileSync(join(dir, PLAYBOOK), passing);
    git(dir, 'add', PLAYBOOK);
    writeFileSync(join(dir, PLAYBOOK), failing.text);
    const before = head(dir);
    const { code, output } = commit(dir, 'Commit the working copy', args);
    expect(code).toBe(1);
    expect(output).toContain(`      ${PLAYBOOK}:${failing.lines[3]}:1  Q3 has no gotcha list of common wrong answers`);
    expect(output).not.toContain('passes 7/7');
    expect(head(dir)).toBe(before);
    // git rolls its own index back: both versions are where they were
    expect(staged(dir)).toBe(passing);
    expect(working(dir)).toBe(failing.text);
  });

  it.each(forms)('%s with a fixed working copy commits it, though the index holds a failing one', (_, args) => {
    const dir = makeHookRepo(repoRoot);
    writeFileSync(join(dir, PLAYBOOK), failing.text);
    git(dir, 'add', PLAYBOOK);
    writeFileSync(join(dir, PLAYBOOK), passing);
    const { code, output } = commit(dir, 'Commit the fix', args);
    expect(code).toBe(0);
    expect(output).toContain(`✔ playbook-proof: ${PLAYBOOK} passes 7/7 criteria.`);
    expect(git(dir, 'show', `HEAD:${PLAYBOOK}`)).toBe(passing);
  });

  it('git commit OTHER-PATH ignores a failing playbook that is staged but not part of this commit', () => {
    const dir = makeHookRepo(repoRoot);
    writeFileSync(join(dir, PLAYBOOK), failing.text);
    git(dir, 'add', PLAYBOOK);
    writeFileSync(join(dir, 'README.md'), '# Notes\n');
    const { code, output } = commit(dir, 'Only the README', ['README.md']);
    expect(code).toBe(0);
    expect(output).not.toContain('playbook-proof');
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toBe('README.md\n');
    expect(staged(dir)).toBe(failing.text);
  });

  it('git commit --amend is judged on the amended commit: a failing playbook is blocked, its fix goes through', () => {
    const dir = makeHookRepo(repoRoot);
    const original = head(dir);
    writeFileSync(join(dir, PLAYBOOK), failing.text);
    git(dir, 'add', PLAYBOOK);
    const blocked = commit(dir, 'Amended', ['--amend']);
    expect(blocked.code).toBe(1);
    expect(blocked.output).toContain('Q3 has no gotcha list');
    expect(head(dir)).toBe(original);
    writeFileSync(join(dir, PLAYBOOK), passing);
    const fixed = commit(dir, 'Amended', ['--amend', '-a']);
    expect(fixed.code).toBe(0);
    expect(head(dir)).not.toBe(original);
    expect(git(dir, 'rev-list', '--count', 'HEAD')).toBe('1\n');
    expect(git(dir, 'show', `HEAD:${PLAYBOOK}`)).toBe(passing);
  });
});

describe('the first commit of a new repository', () => {
  it('blocked, it keeps the staged and the unstaged version of the playbook exactly as they were', () => {
    const dir = makeHookRepo(repoRoot, { commit: false });
    writeFileSync(join(dir, PLAYBOOK), failing.text);
    git(dir, 'add', '-A');
    const edit = `${failing.text}\nAn unstaged note the learner is still writing.\n`;
    writeFileSync(join(dir, PLAYBOOK), edit);
    const { code, output } = commit(dir, 'First');
    expect(code).toBe(1);
    expect(output).toContain('Q3 has no gotcha list');
    expect(spawnSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: dir }).status).not.toBe(0);
    expect(staged(dir)).toBe(failing.text);
    expect(working(dir)).toBe(edit);
    expect(git(dir, 'status', '--porcelain', '--', PLAYBOOK)).toBe(`AM ${PLAYBOOK}\n`);
    expect(existsSync(join(dir, '.git', 'lint-staged_unstaged.patch'))).toBe(false);
  });

  it('passing, it commits only what was staged', () => {
    const dir = makeHookRepo(repoRoot, { commit: false });
    writeFileSync(join(dir, PLAYBOOK), passing);
    git(dir, 'add', '-A');
    writeFileSync(join(dir, PLAYBOOK), failing.text);
    const { code } = commit(dir, 'First');
    expect(code).toBe(0);
    expect(git(dir, 'show', `HEAD:${PLAYBOOK}`)).toBe(passing);
    expect(working(dir)).toBe(failing.text);
  });
});

describe('what is at the playbook path', () => {
  it('a symbolic link is not the playbook: the hook blocks it and check refuses it, with the same reason', () => {
    const dir = makeHookRepo(repoRoot);
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'playbook.md'), passing);
    rmSync(join(dir, PLAYBOOK));
    symlinkSync('../notes/playbook.md', join(dir, PLAYBOOK));
    git(dir, 'add', '-A');
    const { code, output } = commit(dir, 'Link it');
    expect(code).toBe(1);
    expect(output).toContain(
      `playbook-proof: ${PLAYBOOK} is a symbolic link; GitHub and the pull-request check read the link, not the file it points to: put the playbook file itself at that path, then git add it\n`,
    );
    expect(git(dir, 'status', '--porcelain')).toBe(`A  notes/playbook.md\nT  ${PLAYBOOK}\n`);
    const check = runBundle(['check'], dir);
    expect(check.code).toBe(2);
    expect(check.stderr).toBe(
      `playbook-proof: ${PLAYBOOK} is a symbolic link; GitHub and the pull-request check read the link, not the file it points to: put the playbook file itself at that path\n`,
    );
  });

  it('a submodule is blocked with its own message', () => {
    const dir = makeHookRepo(repoRoot);
    git(dir, 'rm', '-q', '--cached', PLAYBOOK);
    git(dir, 'update-index', '--add', '--cacheinfo', `160000,${head(dir)},${PLAYBOOK}`);
    const { code, output } = commit(dir, 'Submodule');
    expect(code).toBe(1);
    expect(output).toContain(`playbook-proof: ${PLAYBOOK} is a submodule, not a file: the playbook must be a Markdown file committed at that path\n`);
  });

  it('a folder with files staged in it is blocked with its own message', () => {
    const dir = makeHookRepo(repoRoot);
    rmSync(join(dir, PLAYBOOK));
    mkdirSync(join(dir, PLAYBOOK));
    writeFileSync(join(dir, PLAYBOOK, 'part-1.md'), passing);
    git(dir, 'add', '-A');
    const { code, output } = commit(dir, 'Folder');
    expect(code).toBe(1);
    expect(output).toContain(
      `playbook-proof: ${PLAYBOOK} is a folder with files staged inside it, not a file: the playbook must be a Markdown file at that path\n`,
    );
  });
});

describe('a linked git worktree', () => {
  it('runs no hook until npm install runs in it, which check points out; then blocks and commits as usual', () => {
    const dir = makeHookRepo(repoRoot);
    const tree = `${dir}-worktree`;
    git(dir, 'worktree', 'add', '-q', '-b', 'draft', tree);
    // git looks for husky's generated .husky/_ in this checkout, which has none yet: no hook runs at all
    const silent = runBundle(['check'], tree);
    expect(silent.code).toBe(0);
    expect(silent.stderr).toBe(
      'playbook-proof: note: the pre-commit hook is not turned on in this checkout (a fresh clone or git worktree has no .husky/_ until npm install runs in it): run npm install here\n',
    );

    // what npm install does there: node_modules and husky's prepare script
    linkModules(repoRoot, tree);
    installHusky(tree);
    expect(runBundle(['check'], tree).stderr).toBe('');
    writeFileSync(join(tree, PLAYBOOK), failing.text);
    git(tree, 'add', PLAYBOOK);
    const blocked = commit(tree, 'In the worktree');
    expect(blocked.code).toBe(1);
    expect(blocked.output).toContain(`      ${PLAYBOOK}:${failing.lines[3]}:1  Q3 has no gotcha list of common wrong answers`);
    writeFileSync(join(tree, PLAYBOOK), passing);
    const passed = commit(tree, 'In the worktree', ['-a']);
    expect(passed.code).toBe(0);
    expect(git(dir, 'show', `draft:${PLAYBOOK}`)).toBe(passing);
  });
});
