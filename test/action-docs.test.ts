import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './helpers/cli.js';

// The Action's inputs as action.yml declares them, the inputs the code reads, and the README's table agree.
const actionYml = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Pull-request Action'), readme.indexOf('## Badge'));
const sources = ['src/action/inputs.ts', 'src/action/main.ts'].map((f) => readFileSync(join(repoRoot, f), 'utf8')).join('\n');

/** Rows of the Markdown table whose header starts with `| first |`, as cells. */
function table(text: string, first: string): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.startsWith('|'); i++)
    rows.push(
      lines[i]!.split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  return rows;
}

describe('the Action’s documentation', () => {
  it('lists every input action.yml declares, each with the permission it needs, and the code reads each one', () => {
    const rows = table(section, 'input');
    expect(rows.map((r) => r[0]!.replace(/`/g, ''))).toEqual(Object.keys(actionYml.inputs));
    for (const row of rows) expect([row[0], (row[3] ?? '').length > 0]).toEqual([row[0], true]);
    for (const name of Object.keys(actionYml.inputs)) expect([name, sources.includes(`'${name}'`)]).toEqual([name, true]);
  });

  it('lists every output action.yml declares', () => {
    expect(table(section, 'output').map((r) => r[0]!.replace(/`/g, ''))).toEqual(Object.keys(actionYml.outputs));
  });
});
