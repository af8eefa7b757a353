// Bundles with @vercel/ncc: the Action into dist/ (action.yml runs dist/index.js), the CLI into dist/cli/,
// the library into dist/lib/ with its type declarations beside it (tsc, tsconfig.lib.json), the remark plugin
// into dist/remark/. Deterministic: CI rebuilds and fails if dist/ differs from what is committed.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ncc from '@vercel/ncc';
import { minify } from 'terser';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const bundles = [
  { entry: 'src/action/index.ts', out: 'dist', executable: false },
  { entry: 'src/cli/index.ts', out: 'dist/cli', executable: true },
  { entry: 'src/index.ts', out: 'dist/lib', executable: false },
  { entry: 'src/remark/index.ts', out: 'dist/remark', executable: false },
];

rmSync(join(root, 'dist'), { recursive: true, force: true });
for (const bundle of bundles) {
  const { code, assets } = await ncc(join(root, bundle.entry), {
    minify: true,
    sourceMap: false,
    target: 'es2022',
    quiet: true,
    transpileOnly: true,
  });
  const outDir = join(root, bundle.out);
  mkdirSync(outDir, { recursive: true });
  const main = join(outDir, 'index.js');
  writeFileSync(main, bundle.executable ? `#!/usr/bin/env node\n${code.replace(/^#!.*\n/, '')}` : code);
  if (bundle.executable) chmodSync(main, 0o755);
  for (const [name, asset] of Object.entries(assets ?? {})) {
    const file = join(outDir, name);
    mkdirSync(dirname(file), { recursive: true });
    // ncc minifies the entry only; the chunks it splits off for dynamic imports are minified here
    const source = name.endsWith('.js') ? (await minify(String(asset.source), { module: true, ecma: 2022 })).code : asset.source;
    writeFileSync(file, source);
  }
  console.log(`${bundle.out}/index.js  ${(code.length / 1024).toFixed(0)} KiB, ${Object.keys(assets ?? {}).length} assets`);
}

// the library's .d.ts files (dist/lib/index.d.ts and what it imports): the bundle carries no types
execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.lib.json')], {
  stdio: 'inherit',
});
console.log('dist/lib/index.d.ts  type declarations');
