import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATH, resolveConfig } from '../src/config.js';
import { lint } from '../src/core/lint.js';
import { byLine, readExpectations } from './helpers/expectations.js';

const dir = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .sort();

describe('fixture corpus', () => {
  it('holds at least 15 documents', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
  });

  it.each(fixtures)('%s yields exactly the findings its markers expect', (name) => {
    const source = readFileSync(join(dir, name), 'utf8');
    const { expected, config, path, unavailable } = readExpectations(source);
    const result = lint(source, { path: path ?? DEFAULT_PATH, config: resolveConfig(config), ...(unavailable && { unavailable }) });
    const actual = result.findings.map((f) => `${f.line} ${f.ruleId}/${f.messageId}`).sort(byLine);
    expect(actual).toEqual(expected);
  });
});
