/** The criteria as `check --help` lists them, from the rules' own declarations, so the list cannot go stale. */
import type { Rule } from '../core/rule.js';

const WIDTH = 100;

/** One block per rule: its id, default severity and description, then its options with their defaults. */
export function rulesHelp(rules: readonly Rule[]): string {
  const idWidth = Math.max(...rules.map((rule) => rule.id.length)) + 2;
  const indent = ' '.repeat(2 + idWidth + 9);
  const out = ['Criteria (id, severity by default; set each under "rules" in the configuration):'];
  for (const rule of rules) {
    const lead = `  ${rule.id.padEnd(idWidth)}${rule.severity.padEnd(9)}`;
    out.push(...wrap(rule.description, lead, indent));
    const options = Object.entries(rule.options).map(([name, spec]) => `${name} ${String(spec.default)}`);
    if (options.length > 0) out.push(...wrap(`options: ${options.join(', ')}`, indent, indent));
  }
  return `${out.join('\n')}\n`;
}

function wrap(text: string, first: string, indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  for (const [index, word] of text.split(' ').entries()) {
    if (index === 0) line += word;
    else if (line.length + 1 + word.length <= WIDTH) line += ` ${word}`;
    else {
      lines.push(line);
      line = indent + word;
    }
  }
  lines.push(line);
  return lines;
}
