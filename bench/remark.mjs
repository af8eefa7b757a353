// The remark plugin in a long-lived process, as remark-language-server runs it on every edit: the cost of one
// re-check of the shipped example, warm, median of many. Compared, in the same process, with remark-parse
// alone (the parse remark makes before any plugin runs, which the editor pays whatever the plugins).
//   plugin      the plugin's transformer on a parsed tree: config lookup, lint(), the messages
//   lint()      the engine alone, from the library bundle (what the plugin adds is the difference)
//   re-check    what the editor does per edit: remark-parse, then the plugin
// Usage: node bench/remark.mjs [runs]     (build first: npm run build; it loads dist/remark)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { median, verdict } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 50);
const path = 'week-24/day1-dist-sys-qa.md';
const text = readFileSync(join(root, path), 'utf8');
const { default: plugin } = await import(pathToFileURL(join(root, 'dist/remark/index.js')).href);
const { lint } = await import(pathToFileURL(join(root, 'dist/lib/index.js')).href);

const processor = unified().use(remarkParse).use(plugin).freeze();
const parseOnly = unified().use(remarkParse).freeze();
// an edit changes the text: each run checks a fresh file, one character different from the last
const file = (i) => new VFile({ path: join(root, path), cwd: root, value: `${text}${' '.repeat(i % 2)}` });
const time = (fn) => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const tree = parseOnly.parse(file(0));
const transformer = plugin.call(processor);
/** Median times of each of `fns`, run in turn `runs` times after 20 warm-up rounds (a long-lived process has compiled its code paths). */
function alternate(fns) {
  const times = fns.map(() => []);
  for (let i = 0; i < runs + 20; i++) {
    fns.forEach((fn, k) => {
      const ms = time(() => fn(i));
      if (i >= 20) times[k].push(ms);
    });
  }
  return times.map(median);
}
const [pluginMs, lintMs] = alternate([(i) => transformer(tree, file(i)), (i) => lint(`${text}${' '.repeat(i % 2)}`, { path })]);
const [parseMs, recheckMs] = alternate([
  (i) => parseOnly.parse(file(i)),
  (i) => {
    const f = file(i);
    processor.runSync(processor.parse(f), f);
  },
]);

const check = new VFile({ path: join(root, path), cwd: root, value: text });
processor.runSync(processor.parse(check), check);
console.log(
  `remark plugin re-check of ${path} (${(text.length / 1024).toFixed(0)} KiB), warm, median of ${runs} runs in one process (${check.messages.length} findings)`,
);
console.log(`  the plugin (config lookup + lint + messages)   ${pluginMs.toFixed(1)} ms  (target <= 20 ms: ${verdict(pluginMs <= 20)})`);
console.log(`  lint() alone (comparison)                      ${lintMs.toFixed(1)} ms: the plugin takes ${(pluginMs / lintMs).toFixed(2)}x lint()`);
console.log(
  `  remark-parse alone (comparison)                ${parseMs.toFixed(1)} ms: the plugin takes ${(pluginMs / parseMs).toFixed(2)}x the parse`,
);
console.log(`  re-check as an editor runs it (parse + plugin) ${recheckMs.toFixed(1)} ms`);
