// Core throughput: lint() in-process on a generated 1,500-question playbook, and on one 10 times larger.
// Each size runs in its own process (so one heap does not slow the other): a warm-up, then the median.
// Usage: node bench/throughput.mjs     (build first: npm run build)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, verdict } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A playbook of `count` questions cycling through the example's entries, with a full cheat sheet. */
export function generate(count) {
  const example = readFileSync(join(root, 'week-24/day1-dist-sys-qa.md'), 'utf8');
  const body = example.slice(example.indexOf('## Q1:'), example.indexOf('## Cheat Sheet'));
  const entries = body.split(/^(?=## Q\d+:)/m);
  const rows = example
    .slice(example.indexOf('## Cheat Sheet'))
    .split('\n')
    .filter((line) => /^\| \d+ \|/.test(line));
  const out = [];
  for (let i = 0; i < count; i++) out.push(distinct(entries[i % entries.length], i).replace(/^## Q\d+:/, `## Q${i + 1}:`));
  out.push('## Cheat Sheet\n\n| # | Question | One-line answer | Project reference | Key metric |\n|---|---|---|---|---|');
  for (let i = 0; i < count; i++) out.push(rows[i % rows.length].replace(/^\| \d+ \|/, `| ${i + 1} |`));
  return `${out.join('\n')}\n`;
}

/**
 * Makes the `i`th cycle's copy of an entry its own text, as a learner's distinct answers are (the checker
 * reports a repeated entry as a copy): prose words of four letters or more get a suffix unique to the cycle.
 * Labels, headings, code spans, hyphenated names and the unit after a number are left as they are.
 */
function distinct(entry, i) {
  const cycle = Math.floor(i / 15);
  if (cycle === 0) return entry;
  let tag = '';
  for (let n = cycle; n > 0; n = Math.floor(n / 26)) tag = String.fromCharCode(97 + (n % 26)) + tag;
  return entry
    .split('\n')
    .map((line) =>
      /^\s*(?:#|\*\*)/.test(line)
        ? line
        : line
            .split('`')
            .map((part, k) => (k % 2 === 1 ? part : part.replace(/(?<![\w-]|\d )([a-z]{4,})(?![\w-])/g, `$1${tag}`)))
            .join('`'),
    )
    .join('\n');
}

async function child(count, runs) {
  const { lint } = await import('../dist/lib/index.js');
  const doc = generate(count);
  const result = lint(doc); // warm-up, and a check that the document is what we think
  // every entry is complete; only the one-page limit of the cheat sheet fails at this size
  const unexpected = result.findings.filter((f) => f.messageId !== 'tooLong' || f.ruleId !== 'cheat-sheet');
  if (result.playbook.questions.length !== count || unexpected.length > 0)
    throw new Error(`generated ${count}-question playbook is not what it should be`);
  const times = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.(); // start every run from a collected heap, so one run's garbage is not billed to the next
    const start = process.hrtime.bigint();
    lint(doc);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  process.stdout.write(JSON.stringify({ bytes: Buffer.byteLength(doc), ms: median(times) }));
}

function measure(count, runs) {
  const out = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', String(count), String(runs)], {
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
}

if (process.argv[1] !== fileURLToPath(import.meta.url)) {
  // imported for `generate`: run nothing
} else if (process.argv[2] === '--child') {
  await child(Number(process.argv[3]), Number(process.argv[4]));
} else {
  const small = measure(1_500, 9);
  const large = measure(15_000, 7);
  const rate = small.bytes / 1e6 / (small.ms / 1000);
  const growth = large.ms / small.ms;
  console.log('core lint() throughput, median of in-process runs after a warm-up, one process per size');
  console.log(
    `  1,500 questions   ${(small.bytes / 1e6).toFixed(2)} MB  ${small.ms.toFixed(0)} ms  ${rate.toFixed(1)} MB/s  (target >= 5 MB/s: ${verdict(rate >= 5)})`,
  );
  console.log(
    `  15,000 questions  ${(large.bytes / 1e6).toFixed(2)} MB  ${large.ms.toFixed(0)} ms  ${growth.toFixed(1)}x the time for 10x the document  (target <= 12x: ${verdict(growth <= 12)})`,
  );
}
