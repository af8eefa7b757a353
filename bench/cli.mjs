// Whole-process `playbook-proof check` on the shipped example, against markdownlint-cli2 and `node -e ''`.
// Usage: node bench/cli.mjs [runs]     (build first: npm run build)
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternate, verdict } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 21);
const example = 'week-24/day1-dist-sys-qa.md';
const markdownlint = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const node = process.execPath;

const commands = [
  { name: 'playbook-proof check', argv: [node, join(root, 'dist/cli/index.js'), 'check', example], expectCode: 0 },
  { name: 'markdownlint-cli2', argv: [node, markdownlint, example] },
  { name: "node -e ''", argv: [node, '-e', ''], expectCode: 0 },
];
const [ours, mdl, bare] = alternate(commands, runs, { cwd: root });
// the same pair with nothing but PATH in the environment: this machine sets NODE_EXTRA_CA_CERTS, which
// costs every node process ~45 ms of certificate loading and so flatters any ratio against `node -e ''`
const clean = { options: { env: { PATH: process.env.PATH } } };
const [oursClean, bareClean] = alternate(
  [
    { ...commands[0], ...clean },
    { ...commands[2], ...clean },
  ],
  runs,
  { cwd: root },
);

console.log(`whole-process wall time, median of ${runs} alternating runs, ${example}`);
console.log(`  playbook-proof check   ${ours.toFixed(1)} ms`);
console.log(`  markdownlint-cli2      ${mdl.toFixed(1)} ms`);
console.log(`  node -e ''             ${bare.toFixed(1)} ms`);
console.log(`  ratio vs markdownlint-cli2  ${(ours / mdl).toFixed(2)}  (target <= 0.40: ${verdict(ours / mdl <= 0.4)})`);
console.log(`  ratio vs node -e ''         ${(ours / bare).toFixed(2)}  (target <= 2.00: ${verdict(ours / bare <= 2)})`);
console.log(
  `  in a clean environment (PATH only): ${oursClean.toFixed(1)} ms vs node -e '' ${bareClean.toFixed(1)} ms: ${(oursClean / bareClean).toFixed(2)}x`,
);
