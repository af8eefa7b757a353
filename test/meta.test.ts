import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, optionSpecs } from '../src/config.js';
import type { OptionSpec } from '../src/core/rule.js';
import { rules } from '../src/rules/index.js';
import { readExpectations } from './helpers/expectations.js';
import { repoRoot } from './helpers/cli.js';

const fixtureDir = join(repoRoot, 'test', 'fixtures');
const expected = new Set(
  readdirSync(fixtureDir)
    .filter((name) => name.endsWith('.md'))
    .flatMap((name) => readExpectations(readFileSync(join(fixtureDir, name), 'utf8')).expected.map((e) => e.split(' ')[1]!)),
);

describe('every rule is complete', () => {
  it('the registry lists each rule id once', () => {
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))(
    "%s's doc page opens with its criterion, title, severity and options as the rule declares them",
    (id, rule) => {
      const text = readFileSync(join(repoRoot, 'docs', 'rules', `${id}.md`), 'utf8');
      const row = text.split('\n').find((line) => line.startsWith(`| ${rule.criterion} — `));
      const options = Object.entries(rule.options).map(([name, spec]) => `\`${name}\` (${shown(spec)})`);
      const title = rule.title(DEFAULT_CONFIG as never);
      expect(row).toMatch(
        new RegExp(`^${escapeRegExp(`| ${rule.criterion} — "${title}" | \`${rule.severity}\` | ${options.join(', ') || 'none'}`)}( \\(.*\\))? \\|$`),
      );
    },
  );

  it("the README's configuration table lists every rule's options with their defaults, in rule order, then the severities", () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const rows = section.slice(section.indexOf('| key |')).split('\n\n')[0]!.split('\n').slice(2);
    const expected = [...optionSpecs()].map(([name, spec]) => `| \`${name}\` | \`${String(spec.default)}\` | ${spec.description} |`);
    expect(rows.slice(0, -1)).toEqual(expected);
    const warnings = rules.filter((rule) => rule.severity === 'warning').map((rule) => `\`${rule.id}\``);
    expect(rows.at(-1)).toBe(
      `| \`rules\` | all \`error\`; ${warnings.join(', ')} \`warning\` | \`"error"\`, \`"warning"\` or \`"off"\` per rule id |`,
    );
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s has a doc page naming each of its message ids', (id, rule) => {
    const page = join(repoRoot, 'docs', 'rules', `${id}.md`);
    expect(existsSync(page)).toBe(true);
    const text = readFileSync(page, 'utf8');
    for (const messageId of Object.keys(rule.messages)) expect(text).toContain(messageId);
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s has every message id exercised by a fixture', (id, rule) => {
    const missing = Object.keys(rule.messages).filter((messageId) => !expected.has(`${id}/${messageId}`));
    expect(missing).toEqual([]);
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s has one-line metadata and placeholders its data can fill', (_, rule) => {
    expect(rule.description).not.toContain('\n');
    expect(rule.criterion.length).toBeGreaterThan(0);
    for (const template of Object.values(rule.messages)) expect(template).not.toMatch(/\{\{\s*\}\}/);
  });
});

function shown(spec: OptionSpec): string {
  return spec.type === 'path' ? `\`${spec.default}\`` : String(spec.default);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
