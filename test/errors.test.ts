import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeHookRepo } from '../bench/hook-repo.mjs';
import { stackOf } from '../src/action/main.js';
import { exitCode } from '../src/cli/main.js';
import { ConfigError, ExitError, GitCommandError, InputError, UnmergedError, UsageError } from '../src/errors.js';
import { GitHubApiError, NetworkError } from '../src/github/errors.js';
import { repoRoot, runBundle } from './helpers/cli.js';

const PLAYBOOK = 'week-24/day1-dist-sys-qa.md';

describe('the CLI maps each error class to its exit code in one place', () => {
  it.each([
    [new UnmergedError('x has unresolved merge conflicts'), 1],
    [new UsageError('bad flag'), 2],
    [new ConfigError('bad option'), 2],
    [new InputError('binary file'), 2],
    [new GitCommandError('git could not read the staged x'), 2],
    [new ExitError('blocked', 1), 1],
    [new ExitError('cannot write', 2), 2],
    [new GitHubApiError('could not read', 500), null],
    [new TypeError('x is undefined'), null],
    ['a thrown string', null],
  ] as const)('%s → %s', (error, code) => {
    expect(exitCode(error)).toBe(code);
  });
});

describe('git failures through the real bundle, in real repositories', () => {
  const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });

  /** A repository whose playbook is left in conflict by a merge. */
  function conflicted(): string {
    const dir = makeHookRepo(repoRoot, { hook: 'none' });
    const file = join(dir, PLAYBOOK);
    git(dir, 'checkout', '-q', '-b', 'other');
    writeFileSync(file, '# theirs\n');
    git(dir, 'commit', '-q', '-am', 'Theirs');
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(file, '# ours\n');
    git(dir, 'commit', '-q', '-am', 'Ours');
    expect(() => git(dir, 'merge', '-q', 'other')).toThrow();
    return dir;
  }

  it('a playbook in conflict blocks the commit: exit 1, whether git is asked or a runner names the file', () => {
    const dir = conflicted();
    const message = `playbook-proof: ${PLAYBOOK} has unresolved merge conflicts; resolve them and git add it first\n`;
    expect(runBundle(['hook'], dir)).toEqual({ code: 1, stdout: '', stderr: message });
    expect(runBundle(['hook', PLAYBOOK], dir)).toEqual({ code: 1, stdout: '', stderr: message });
  });

  it('a damaged index is a git error: exit 2, one line naming what git could not do', () => {
    const dir = makeHookRepo(repoRoot, { hook: 'none' });
    writeFileSync(join(dir, '.git', 'index'), 'not an index');
    const result = runBundle(['hook'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^playbook-proof: git could not list the staged changes to ${PLAYBOOK}: .*index.*\\n$`));
    expect(result.stdout).toBe('');
  });
});

describe('stackOf: what the Action logs at debug level', () => {
  it('gives the stack of the error and of each cause under it', () => {
    const network = new NetworkError('127.0.0.1 did not answer GET /x within 1 s', 'timeout');
    const error = new GitHubApiError('could not read #2 to confirm its head commit: 127.0.0.1 did not answer', null, { cause: network });
    const lines = stackOf(error).split('\n');
    expect(lines[0]).toBe('GitHubApiError: could not read #2 to confirm its head commit: 127.0.0.1 did not answer');
    expect(lines[1]).toMatch(/^ {4}at .*errors\.test\.ts:\d+:\d+/);
    const cause = lines.indexOf('Caused by: NetworkError: 127.0.0.1 did not answer GET /x within 1 s');
    expect(cause).toBeGreaterThan(1);
    expect(lines[cause + 1]).toMatch(/^ {4}at .*errors\.test\.ts:\d+:\d+/);
  });

  it('ends at a cause that is not an error, and at a cycle', () => {
    expect(
      stackOf(new Error('outer', { cause: 'the socket closed' }))
        .split('\n')
        .filter((l) => !l.startsWith('    at ')),
    ).toEqual(['Error: outer', 'Caused by: the socket closed']);
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(
      stackOf(a)
        .split('\n')
        .filter((l) => !l.startsWith('    at ')),
    ).toEqual(['Error: a', 'Caused by: Error: b']);
    expect(stackOf('a thrown string')).toBe('a thrown string');
  });
});
