// The fake GitHub API of the tests (test/helpers/fake-github.ts) for the benchmarks: transpiled on the fly into
// node_modules/.cache, inside the repository, so the packages it imports (jsdiff) resolve.
// With it, what the Action benchmarks share: the environment a runner gives the bundle, and one timed run.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Imports the fake; returns its module (startFakeGitHub). */
export async function loadFakeGitHub() {
  const source = readFileSync(join(root, 'test/helpers/fake-github.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const dir = join(root, 'node_modules', '.cache', 'playbook-proof-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `fake-github-${process.pid}.mjs`);
  writeFileSync(file, outputText);
  return import(pathToFileURL(file).href);
}

/**
 * The environment a runner gives `node dist/index.js` for a pull_request event: the event, output and summary
 * files in `tmp` (event.json is the caller's to write), and the inputs as INPUT_* variables; `inputs` adds to
 * or overrides the token, path, label, comment and fail-on-criteria set here.
 */
export function actionEnv({ apiUrl, tmp, repository, sha, path, inputs = {} }) {
  const env = {
    PATH: process.env.PATH,
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: repository,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(tmp, 'event.json'),
    GITHUB_SHA: sha,
    GITHUB_OUTPUT: join(tmp, 'output'),
    GITHUB_STEP_SUMMARY: join(tmp, 'summary'),
    'INPUT_GITHUB-TOKEN': 'ghs_bench',
    INPUT_PATH: path,
    INPUT_LABEL: 'proof: passed',
    INPUT_COMMENT: 'true',
    'INPUT_FAIL-ON-CRITERIA': 'true',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

/** Runs the bundled Action once in `env`, its output and summary files emptied first; resolves with its exit code and wall time (ms). */
export function runBundledAction(env) {
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [join(root, 'dist/index.js')], { env, stdio: 'ignore' });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, ms: Number(process.hrtime.bigint() - start) / 1e6 })));
}
