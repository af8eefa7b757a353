// The fake GitHub API of the tests (test/helpers/fake-github.ts) for the benchmarks: transpiled on the fly into
// node_modules/.cache, inside the repository, so the packages it imports (jsdiff) resolve.
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
