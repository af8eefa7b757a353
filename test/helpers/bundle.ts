/** Runs the CLI bundle (`node dist/cli/index.js`) as a child process without blocking the event loop, so a fake GitHub in this process can answer it. */
import { spawn } from 'node:child_process';
import type { CliResult } from './cli.js';
import { bundle } from './cli.js';

export interface BundleRun extends CliResult {
  ms: number;
}

/** Spawns the CLI bundle with `args` in `cwd`; the environment is PATH plus `env`. */
export async function runCliBundle(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<BundleRun> {
  const start = performance.now();
  const child = spawn(process.execPath, [bundle, ...args], { cwd, env: { PATH: process.env.PATH, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? -1)));
  return { code, stdout, stderr, ms: performance.now() - start };
}
