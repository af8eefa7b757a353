/** Runs the bundled Action (`node dist/index.js`) as the runner does: INPUT_* env, event file, output files. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './cli.js';

const require = createRequire(import.meta.url);

interface WebhookExample {
  name: string;
  examples: Array<Record<string, unknown> & { action?: string }>;
}

/** A real payload from @octokit/webhooks-examples (the first of its kind and action), deep-copied. */
export function webhookPayload(event: string, action?: string): Record<string, any> {
  const all = require('@octokit/webhooks-examples') as WebhookExample[];
  const kind = all.find((e) => e.name === event);
  const example = kind?.examples.find((e) => action === undefined || e.action === action);
  if (!example) throw new Error(`no ${event}${action ? `.${action}` : ''} example`);
  return structuredClone(example);
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  ms: number;
}

export interface RunOptions {
  apiUrl: string;
  eventName: string;
  payload: Record<string, unknown>;
  inputs?: Record<string, string>;
  repository?: string;
  sha?: string;
}

/** Parses a GITHUB_OUTPUT file (`name<<DELIMITER` blocks, as @actions/core writes them). */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'playbook-proof-action-'));
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output.txt');
  const summaryPath = join(dir, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(options.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs = {
    'github-token': 'ghs_faketoken',
    path: 'week-24/day1-dist-sys-qa.md',
    label: 'proof: passed',
    comment: 'true',
    'fail-on-criteria': 'true',
    config: '',
    ...options.inputs,
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: options.repository ?? 'Codertocat/Hello-World',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: options.sha ?? 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
    GITHUB_REF: 'refs/pull/2/merge',
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: dir,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const start = performance.now();
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'index.js')], { env, cwd: dir });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? -1)));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    ms: performance.now() - start,
  };
}
