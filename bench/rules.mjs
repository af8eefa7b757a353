// What the misconception and coverage rules cost: the same work with them on and off, in one invocation.
//   1. whole-process `playbook-proof check` on the shipped example, the default rules vs both rules off
//      (median of alternating runs, PATH-only environment);
//   2. in-process lint() of the generated 1,500-question playbook, each run from a collected heap.
// Usage: node bench/rules.mjs [runs]     (build first: npm run build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternate, median } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OFF = { rules: { misconception: 'off', coverage: 'off' } };

async function child(runs) {
  const { lint, resolveConfig } = await import('../dist/lib/index.js');
  const { generate } = await import('./throughput.mjs');
  const doc = generate(1_500);
  const configs = { on: resolveConfig(), off: resolveConfig(OFF) };
  const times = { on: [], off: [] };
  for (const name of ['on', 'off']) lint(doc, { config: configs[name] }); // warm-up
  for (let i = 0; i < runs; i++) {
    for (const name of ['on', 'off']) {
      globalThis.gc?.();
      const start = process.hrtime.bigint();
      lint(doc, { config: configs[name] });
      times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  process.stdout.write(JSON.stringify({ bytes: Buffer.byteLength(doc), on: median(times.on), off: median(times.off) }));
}

if (process.argv[2] === '--child') {
  await child(Number(process.argv[3]));
} else {
  const runs = Number(process.argv[2] ?? 21);
  const dir = mkdtempSync(join(tmpdir(), 'playbook-proof-rules-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'week-24'));
  writeFileSync(join(dir, 'week-24/day1-dist-sys-qa.md'), readFileSync(join(root, 'week-24/day1-dist-sys-qa.md')));
  // both read a config file, so loading it is billed to neither
  writeFileSync(join(dir, 'on.json'), '{}');
  writeFileSync(join(dir, 'off.json'), JSON.stringify(OFF));
  const cli = join(root, 'dist/cli/index.js');
  const env = { PATH: process.env.PATH };
  const [on, off] = alternate(
    [
      { name: 'check', argv: [process.execPath, cli, 'check', '--config', 'on.json'], expectCode: 0, options: { env } },
      { name: 'check, both rules off', argv: [process.execPath, cli, 'check', '--config', 'off.json'], expectCode: 0, options: { env } },
    ],
    runs,
    { cwd: dir },
  );
  const out = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', '7'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  const core = JSON.parse(out.stdout);
  const rate = (ms) => (core.bytes / 1e6 / (ms / 1000)).toFixed(1);
  console.log(`misconception + coverage rules, on vs off, median of ${runs} alternating runs`);
  console.log(
    `  check on the example (whole process)   ${on.toFixed(1)} ms vs ${off.toFixed(1)} ms off: +${(on - off).toFixed(1)} ms (${(on / off).toFixed(2)}x)`,
  );
  console.log(
    `  lint() of 1,500 questions (${(core.bytes / 1e6).toFixed(2)} MB)   ${core.on.toFixed(0)} ms vs ${core.off.toFixed(0)} ms off: ${rate(core.on)} vs ${rate(core.off)} MB/s (${(core.on / core.off).toFixed(2)}x)`,
  );
}
