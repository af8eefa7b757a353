import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILD_INPUTS, DIST_BUNDLES, distStaleness, ensureFreshDist } from './helpers/dist-freshness.js';

const BUILT = new Date('2025-06-01T12:00:00Z');
const BEFORE = new Date('2025-06-01T11:00:00Z');
const AFTER = new Date('2025-06-01T12:00:01Z');

/** A project root whose inputs are older than its bundles; `files` maps paths to [content, modification time]. */
function project(files: Record<string, [string, Date]> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'playbook-proof-fresh-'));
  const all: Record<string, [string, Date]> = {
    'src/index.ts': ['export {};\n', BEFORE],
    'src/core/lint.ts': ['export {};\n', BEFORE],
    'scripts/build.mjs': ['', BEFORE],
    'package.json': ['{}\n', BEFORE],
    ...Object.fromEntries(DIST_BUNDLES.map((bundle) => [bundle, ['// bundle\n', BUILT] as [string, Date]])),
    ...files,
  };
  for (const [path, [content]] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  for (const dir of ['src/core', 'src', 'scripts']) utimesSync(join(root, dir), BEFORE, BEFORE);
  for (const [path, [, time]] of Object.entries(all)) utimesSync(join(root, path), time, time);
  return root;
}

/** A package.json whose build script is `script` (run by `npm run build`). */
function packageJson(script: string): [string, Date] {
  return [`${JSON.stringify({ name: 'fixture', private: true, scripts: { build: script } })}\n`, BEFORE];
}

/** A build that writes every bundle and counts its runs in build.log. */
const WRITE_BUNDLES = `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
for (const bundle of ${JSON.stringify(DIST_BUNDLES)}) {
  mkdirSync(bundle.slice(0, bundle.lastIndexOf('/')), { recursive: true });
  writeFileSync(bundle, '// rebuilt\\n');
}
appendFileSync('build.log', 'built\\n');
`;

describe('distStaleness', () => {
  it('the defaults name the build inputs and the four bundles the tests run', () => {
    expect(BUILD_INPUTS).toEqual(['src', 'scripts/build.mjs', 'package.json', 'package-lock.json']);
    expect(DIST_BUNDLES).toEqual(['dist/index.js', 'dist/cli/index.js', 'dist/lib/index.js', 'dist/remark/index.js']);
  });

  it('is null when every input is older than every bundle (a missing package-lock.json is no input)', () => {
    expect(distStaleness(project())).toBeNull();
  });

  it('names a source file edited after the build', () => {
    const root = project({ 'src/core/lint.ts': ['export const x = 1;\n', AFTER] });
    expect(distStaleness(root)).toBe('src/core/lint.ts changed after dist/index.js was built');
  });

  it('compares with the oldest bundle', () => {
    const root = project({ 'dist/remark/index.js': ['// bundle\n', BEFORE], 'src/index.ts': ['export {};\n', new Date('2025-06-01T11:30:00Z')] });
    expect(distStaleness(root)).toBe('src/index.ts changed after dist/remark/index.js was built');
  });

  it('names the build script and package.json', () => {
    expect(distStaleness(project({ 'scripts/build.mjs': ['// changed\n', AFTER] }))).toBe('scripts/build.mjs changed after dist/index.js was built');
    expect(distStaleness(project({ 'package.json': ['{"version":"2"}\n', AFTER] }))).toBe('package.json changed after dist/index.js was built');
  });

  it('names a folder where a file was added, removed or renamed', () => {
    const root = project();
    utimesSync(join(root, 'src/core'), AFTER, AFTER);
    expect(distStaleness(root)).toBe('src/core/ changed after dist/index.js was built');
  });

  it('names a missing bundle', () => {
    const root = project();
    const bundles = [...DIST_BUNDLES, 'dist/extra/index.js'];
    expect(distStaleness(root, { bundles })).toBe('dist/extra/index.js is missing');
  });

  it('is null at the same modification time (a build writes after reading)', () => {
    expect(distStaleness(project({ 'src/index.ts': ['export {};\n', BUILT] }))).toBeNull();
  });
});

describe('ensureFreshDist', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('does not build when dist/ is fresh', () => {
    const root = project({ 'package.json': packageJson('node build.mjs'), 'build.mjs': [WRITE_BUNDLES, BEFORE] });
    const log: string[] = [];
    expect(ensureFreshDist(root, { log: (line) => log.push(line) })).toBe('fresh');
    expect(log).toEqual([]);
    expect(() => readFileSync(join(root, 'build.log'))).toThrow(/ENOENT/);
  });

  it('runs npm run build once when a source changed, and says why', () => {
    const root = project({
      'package.json': packageJson('node build.mjs'),
      'build.mjs': [WRITE_BUNDLES, BEFORE],
      'src/core/lint.ts': ['export const x = 1;\n', AFTER],
    });
    const log: string[] = [];
    expect(ensureFreshDist(root, { log: (line) => log.push(line) })).toBe('rebuilt');
    expect(readFileSync(join(root, 'build.log'), 'utf8')).toBe('built\n');
    expect(readFileSync(join(root, 'dist/cli/index.js'), 'utf8')).toBe('// rebuilt\n');
    expect(log[0]).toBe('dist/ is stale (src/core/lint.ts changed after dist/index.js was built): running npm run build before the tests');
    expect(log[1]).toMatch(/^rebuilt dist\/ in \d+\.\d s$/);
    expect(ensureFreshDist(root, { log: (line) => log.push(line) })).toBe('fresh');
    expect(readFileSync(join(root, 'build.log'), 'utf8')).toBe('built\n');
  });

  it('throws one line naming npm run build when the build fails', () => {
    const root = project({ 'package.json': packageJson('node -e "process.exit(3)"'), 'src/index.ts': ['export {};\n', AFTER] });
    const run = () => ensureFreshDist(root, { log: () => {} });
    expect(run).toThrow(
      new Error(
        'dist/ is stale (src/index.ts changed after dist/index.js was built) and npm run build exited with code 3; fix the build (its output is above), then run the tests',
      ),
    );
  });

  it('with rebuild: false (CI) throws one line naming npm run build instead of building', () => {
    const root = project({
      'package.json': packageJson('node build.mjs'),
      'build.mjs': [WRITE_BUNDLES, BEFORE],
      'src/index.ts': ['export {};\n', AFTER],
    });
    expect(() => ensureFreshDist(root, { rebuild: false, log: () => {} })).toThrow(
      new Error('dist/ is stale (src/index.ts changed after dist/index.js was built); run npm run build before the tests'),
    );
    expect(() => readFileSync(join(root, 'build.log'))).toThrow(/ENOENT/);
    expect(ensureFreshDist(project(), { rebuild: false })).toBe('fresh');
  });

  it('throws when the build leaves dist/ stale', () => {
    const root = project({ 'package.json': packageJson('node -e ""'), 'src/index.ts': ['export {};\n', AFTER] });
    expect(() => ensureFreshDist(root, { log: () => {} })).toThrow(
      new Error(
        "dist/ is still stale after npm run build (src/index.ts changed after dist/index.js was built); check that file's modification time, then run npm run build",
      ),
    );
  });

  it('throws one line naming npm run build when npm cannot start', () => {
    vi.stubEnv('PATH', join(tmpdir(), 'no-such-bin'));
    const root = project({ 'src/index.ts': ['export {};\n', AFTER] });
    expect(() => ensureFreshDist(root, { log: () => {} })).toThrow(
      /^dist\/ is stale \(src\/index\.ts changed after dist\/index\.js was built\) and npm run build could not start \(spawnSync npm ENOENT\); run npm run build, then the tests$/,
    );
  });
});
