// Whole-process `playbook-proof check` on each hostile input (median of 3): each must end within 2 s,
// with a report (exit 0/1) or a one-line error (exit 2).
// Usage: node bench/bad-input.mjs     (build first: npm run build)
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostileDocuments } from './hostile.mjs';
import { alternate, verdict } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'playbook-proof-bench-'));
mkdirSync(join(dir, 'a-directory.md'));
const names = ['missing.md', 'a-directory.md', ...Object.keys(hostileDocuments)];
for (const [name, make] of Object.entries(hostileDocuments)) writeFileSync(join(dir, name), make());

const commands = names.map((name) => ({ name, argv: [process.execPath, join(root, 'dist/cli/index.js'), 'check', name] }));
const times = alternate(commands, 3, { cwd: dir });
console.log('whole-process check on hostile inputs, median of 3 runs');
names.forEach((name, i) =>
  console.log(`  ${name.padEnd(32)} ${times[i].toFixed(0).padStart(5)} ms  (target <= 2000 ms: ${verdict(times[i] <= 2000)})`),
);
