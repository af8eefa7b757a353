import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { exitCode, main } from '../../src/cli/main.js';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const bundle = join(repoRoot, 'dist', 'cli', 'index.js');
export const examplePath = join(repoRoot, 'week-24', 'day1-dist-sys-qa.md');

/** A temporary directory with a `.git` folder, so it counts as a repository root, and the given files. */
export function tempRepo(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'playbook-proof-'));
  mkdirSync(join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as `run()` does: an expected error becomes its exit code and a one-line message. */
export async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
    env,
  };
  try {
    const code = await main(args, io);
    return { code, stdout, stderr };
  } catch (error) {
    const code = exitCode(error);
    if (code === null) throw error;
    return { code, stdout, stderr: `playbook-proof: ${(error as Error).message}\n` };
  }
}

/** Runs the built bundle as a child process. */
export function runBundle(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [bundle, ...args], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 10_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
