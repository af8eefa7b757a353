/**
 * The stale-bundle guard: the Action, hook and CLI tests run the bundles in dist/, so before the tests run,
 * dist/ is rebuilt when anything it is built from changed after it was built (file modification times only,
 * so a fresh dist/ costs a few dozen stat calls).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What `npm run build` reads: a directory counts with every file and folder in it. */
export const BUILD_INPUTS = ['src', 'scripts/build.mjs', 'package.json', 'package-lock.json'];

/** The bundles the tests run; the build writes them all at once. */
export const DIST_BUNDLES = ['dist/index.js', 'dist/cli/index.js', 'dist/lib/index.js', 'dist/remark/index.js'];

export interface FreshnessOptions {
  inputs?: readonly string[];
  bundles?: readonly string[];
}

/** Why dist/ under `root` is stale (a bundle missing, or an input changed after the oldest bundle), or null when fresh. */
export function distStaleness(root: string, { inputs = BUILD_INPUTS, bundles = DIST_BUNDLES }: FreshnessOptions = {}): string | null {
  let oldest: { bundle: string; mtime: number } | undefined;
  for (const bundle of bundles) {
    const mtime = statSync(join(root, bundle), { throwIfNoEntry: false })?.mtimeMs;
    if (mtime === undefined) return `${bundle} is missing`;
    if (oldest === undefined || mtime < oldest.mtime) oldest = { bundle, mtime };
  }
  if (oldest === undefined) return null;
  for (const input of inputs) {
    const newer = newerThan(root, input, oldest.mtime);
    if (newer !== null) return `${newer} changed after ${oldest.bundle} was built`;
  }
  return null;
}

/** The first path at or under `path` modified after `mtime`; a folder counts too, as a file in it was added, removed or renamed. */
function newerThan(root: string, path: string, mtime: number): string | null {
  const stat = statSync(join(root, path), { throwIfNoEntry: false });
  if (stat === undefined) return null;
  if (stat.mtimeMs > mtime) return stat.isDirectory() ? `${path}/` : path;
  if (!stat.isDirectory()) return null;
  for (const name of readdirSync(join(root, path)).sort()) {
    const newer = newerThan(root, `${path}/${name}`, mtime);
    if (newer !== null) return newer;
  }
  return null;
}

export interface EnsureOptions extends FreshnessOptions {
  /** Where the guard says what it does (the build's own output goes to the terminal). */
  log?: (line: string) => void;
  /** False in CI, where the build step has just written dist/: a stale dist/ there is an error, never rebuilt. */
  rebuild?: boolean;
}

/** Rebuilds dist/ under `root` with `npm run build` when it is stale; throws a one-line error naming the command when it cannot (or must not). */
export function ensureFreshDist(root: string, options: EnsureOptions = {}): 'fresh' | 'rebuilt' {
  const stale = distStaleness(root, options);
  if (stale === null) return 'fresh';
  if (options.rebuild === false) throw new Error(`dist/ is stale (${stale}); run npm run build before the tests`);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  log(`dist/ is stale (${stale}): running npm run build before the tests`);
  const started = Date.now();
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (build.error !== undefined) {
    throw new Error(`dist/ is stale (${stale}) and npm run build could not start (${build.error.message}); run npm run build, then the tests`);
  }
  if (build.status !== 0) {
    const how = build.status === null ? `was stopped by ${build.signal}` : `exited with code ${build.status}`;
    throw new Error(`dist/ is stale (${stale}) and npm run build ${how}; fix the build (its output is above), then run the tests`);
  }
  const still = distStaleness(root, options);
  if (still !== null)
    throw new Error(`dist/ is still stale after npm run build (${still}); check that file's modification time, then run npm run build`);
  log(`rebuilt dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 'rebuilt';
}
