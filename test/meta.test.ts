import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../src/config.js';
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
  it('the registry lists each rule id once, in config order', () => {
    expect(rules.map((rule) => rule.id)).toEqual([...RULE_IDS]);
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
