// Vitest global setup: the Action, hook and CLI tests run dist/, so dist/ is rebuilt first when src/ changed
// after it was built (and again before each rerun in watch mode). When it cannot be rebuilt, the run stops
// with one line naming the command, instead of testing the old bundles. In CI (CI=true) .ci/run has just
// built dist/ and compared it with the committed one, so there the guard only checks and never rewrites it.
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureFreshDist } from './helpers/dist-freshness.js';

const repoRoot = join(import.meta.dirname, '..');

function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

function freshDistOrExit(): void {
  try {
    ensureFreshDist(repoRoot, { rebuild: !inCi() });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

export default function setup(project: TestProject): void {
  freshDistOrExit();
  project.onTestsRerun(freshDistOrExit);
}
