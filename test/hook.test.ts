import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeHookRepo } from '../bench/hook-repo.mjs';
import { bundle, examplePath, repoRoot } from './helpers/cli.js';

// Real repositories, real husky (core.hooksPath) + lint-staged, real `git commit`. Nothing about git is mocked.
const PLAYBOOK = 'week-24/day1-dist-sys-qa.md';
const example = readFileSync(examplePath, 'utf8');

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
}

function commit(dir: string, message: string, env: NodeJS.ProcessEnv = {}, extra: string[] = []) {
  const childEnv = { ...process.env, ...env };
  if (env.HUSKY === undefined) delete childEnv.HUSKY;
  // as in a learner's terminal: lint-staged switches to a JSON renderer under NODE_ENV=test
  delete childEnv.NODE_ENV;
  delete childEnv.VITEST;
  const result = spawnSync('git', ['commit', '-m', message, ...extra], { cwd: dir, encoding: 'utf8', env: childEnv });
  // lint-staged passes colour on to tasks; compare the text
  return { code: result.status, output: stripVTControlCharacters(`${result.stdout}${result.stderr}`) };
}

const head = (dir: string) => git(dir, 'rev-parse', 'HEAD').trim();

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

beforeAll(() => {
  // the hook runs the built bundle: fail clearly if it is missing
  readFileSync(bundle);
});

describe('pre-commit hook through husky and lint-staged', () => {
  it('lets a passing playbook commit', () => {
    const dir = makeHookRepo(repoRoot);
    writeFileSync(join(dir, PLAYBOOK), example.replace('Drill the', 'Practise the'));
    git(dir, 'add', PLAYBOOK);
    const before = head(dir);
    const { code, output } = commit(dir, 'Reword the intro');
    expect(code).toBe(0);
    expect(head(dir)).not.toBe(before);
    expect(output).not.toContain('error');
  });

  it('blocks a playbook lacking gotchas on two questions, naming both with their lines', () => {
    const dir = makeHookRepo(repoRoot);
    const { text, lines } = withoutGotchas([4, 9]);
    writeFileSync(join(dir, PLAYBOOK), text);
    git(dir, 'add', PLAYBOOK);
    const before = head(dir);
    const { code, output } = commit(dir, 'Drop two gotcha lists');
    expect(code).not.toBe(0);
    expect(head(dir)).toBe(before);
    expect(output).toContain(`${PLAYBOOK}:${lines[4]}:1  error    Q4 has no gotcha list of common wrong answers  gotchas`);
    expect(output).toContain(`${PLAYBOOK}:${lines[9]}:1  error    Q9 has no gotcha list of common wrong answers  gotchas`);
    expect(output).toContain('git commit --no-verify skips this hook, but the pull-request check fails all the same');
    expect(output).toContain(`Next: fix Q4 at ${PLAYBOOK}:${lines[4]}, then run: git add ${PLAYBOOK} && git commit`);
    // the learner's staged change is still staged, nothing was lost
    expect(git(dir, 'status', '--porcelain')).toBe(`M  ${PLAYBOOK}\n`);
  });

  it('judges a partially staged playbook by what is staged: failing staged, passing working tree is blocked', () => {
    const dir = makeHookRepo(repoRoot);
    const failing = withoutGotchas([3]).text;
    const passing = example.replace('Drill the', 'Practise the');
    writeFileSync(join(dir, PLAYBOOK), failing);
    git(dir, 'add', PLAYBOOK);
    writeFileSync(join(dir, PLAYBOOK), passing);
    const before = head(dir);
    const { code, output } = commit(dir, 'Partial');
    expect(code).not.toBe(0);
    expect(output).toContain('Q3 has no gotcha list');
    expect(head(dir)).toBe(before);
    // both versions survive: the failing one staged, the passing one in the working tree
    expect(git(dir, 'status', '--porcelain')).toBe(`MM ${PLAYBOOK}\n`);
    expect(git(dir, 'show', `:${PLAYBOOK}`)).toBe(failing);
    expect(readFileSync(join(dir, PLAYBOOK), 'utf8')).toBe(passing);
  });

  it('and the reverse commits the staged, passing version and leaves the working tree alone', () => {
    const dir = makeHookRepo(repoRoot);
    const failing = withoutGotchas([3]).text;
    const passing = example.replace('Drill the', 'Practise the');
    writeFileSync(join(dir, PLAYBOOK), passing);
    git(dir, 'add', PLAYBOOK);
    writeFileSync(join(dir, PLAYBOOK), failing);
    const { code } = commit(dir, 'Partial, passing');
    expect(code).toBe(0);
    expect(git(dir, 'show', `HEAD:${PLAYBOOK}`)).toBe(passing);
    expect(readFileSync(join(dir, PLAYBOOK), 'utf8')).toBe(failing);
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
    expect(output).toContain('lint-staged could not find any staged files matching configured tasks');
    expect(output).not.toContain('playbook-proof');
  });

  it('lets --no-verify through, and HUSKY=0 skips the hook', () => {
    const dir = makeHookRepo(repoRoot);
    writeFileSync(join(dir, PLAYBOOK), withoutGotchas([1]).text);
    git(dir, 'add', PLAYBOOK);
    expect(commit(dir, 'Skip', {}, ['--no-verify']).code).toBe(0);
    writeFileSync(join(dir, PLAYBOOK), withoutGotchas([1, 2]).text);
    git(dir, 'add', PLAYBOOK);
    expect(commit(dir, 'Skip again', { HUSKY: '0' }).code).toBe(0);
  });

  it('allows deleting the playbook, with a warning', () => {
    const dir = makeHookRepo(repoRoot);
    git(dir, 'rm', '-q', PLAYBOOK);
    const { code, output } = commit(dir, 'Remove');
    expect(code).toBe(0);
    expect(output).toContain(`playbook-proof: warning: this commit removes ${PLAYBOOK} (deleted or renamed away)`);
  });

  it('checks a playbook renamed into the required path', () => {
    const dir = makeHookRepo(repoRoot);
    git(dir, 'mv', PLAYBOOK, 'draft.md');
    expect(commit(dir, 'Move away', { HUSKY: '0' }).code).toBe(0);
    writeFileSync(join(dir, 'draft.md'), withoutGotchas([2]).text);
    git(dir, 'add', 'draft.md');
    git(dir, 'mv', 'draft.md', PLAYBOOK);
    const { code, output } = commit(dir, 'Move back');
    expect(code).not.toBe(0);
    expect(output).toContain('Q2 has no gotcha list');
  });

  it('reads a CRLF checkout the same as LF', () => {
    const dir = makeHookRepo(repoRoot);
    const { text, lines } = withoutGotchas([5]);
    writeFileSync(join(dir, PLAYBOOK), text.replace(/\n/g, '\r\n'));
    git(dir, 'add', PLAYBOOK);
    const { code, output } = commit(dir, 'CRLF');
    expect(code).not.toBe(0);
    expect(output).toContain(`${PLAYBOOK}:${lines[5]}:1  error    Q5 has no gotcha list`);
  });

  it('works with a non-ASCII playbook path set in the configuration', () => {
    const dir = makeHookRepo(repoRoot);
    const path = 'semana-24/día 1 — preguntas.md';
    mkdirSync(join(dir, 'semana-24'));
    renameSync(join(dir, PLAYBOOK), join(dir, path));
    rmSync(join(dir, 'week-24'), { recursive: true, force: true });
    writeFileSync(join(dir, '.playbook-proof.json'), JSON.stringify({ path }));
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    pkg['lint-staged'] = { [path]: 'playbook-proof hook' };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
    git(dir, 'add', '-A');
    expect(commit(dir, 'Move to a Spanish path', { HUSKY: '0' }).code).toBe(0);
    writeFileSync(join(dir, path), withoutGotchas([6]).text);
    git(dir, 'add', path);
    const { code, output } = commit(dir, 'Break it');
    expect(code).not.toBe(0);
    expect(output).toContain(`${path}:`);
    expect(output).toContain('Q6 has no gotcha list');
  });
});
