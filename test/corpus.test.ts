import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATH } from '../src/config.js';
import { lint } from '../src/core/lint.js';
import { toExplainReport } from '../src/report/outline.js';

// The development corpus is read where CI puts it (../shared beside the clone), never copied into the repository.
const dir = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const present = existsSync(join(dir, 'manifest.json'));

interface Expected {
  passed: boolean;
  fail: Record<string, number[] | null>;
  note: string;
}

const manifest: Record<string, Expected> = present ? JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) : {};

/** The verdict as the manifest writes it: each failing criterion with its question numbers, or null for the whole document. */
function verdict(file: string): { passed: boolean; fail: Record<string, number[] | null> } {
  const result = lint(readFileSync(join(dir, file), 'utf8'), { path: DEFAULT_PATH });
  const fail: Record<string, number[] | null> = {};
  for (const criterion of result.criteria) {
    if (!criterion.passed) fail[criterion.id] = criterion.questions.length > 0 ? [...criterion.questions].sort((a, b) => a - b) : null;
  }
  return { passed: result.passed, fail };
}

describe('the development corpus', () => {
  it('is beside the repository (CI lays ../shared next to the clone)', () => {
    if (!present && process.env.CI) throw new Error(`no corpus at ${dir}: CI must put ../shared beside the clone`);
    expect(present || !process.env.CI).toBe(true);
  });

  it.skipIf(!present).each(Object.keys(manifest))("%s gets the instructor's verdict", (file) => {
    const expected = manifest[file]!;
    const sorted = Object.fromEntries(Object.entries(expected.fail).map(([id, qs]) => [id, qs && [...qs].sort((a, b) => a - b)]));
    expect(verdict(file)).toEqual({ passed: expected.passed, fail: sorted });
  });

  it.skipIf(!present).each(Object.keys(manifest))('explain reads %s: every question, with its difficulty and parts', (file) => {
    const result = lint(readFileSync(join(dir, file), 'utf8'), { path: DEFAULT_PATH });
    const report = toExplainReport(result);
    expect(report.questions.length).toBeGreaterThanOrEqual(14);
    for (const question of report.questions) {
      if (question.copyOf) continue;
      expect(question.parts.length, `Q${question.number}`).toBeGreaterThan(0);
      expect(question.line).toBeGreaterThan(0);
    }
    // a complete playbook has every question rated and every spoken part found
    if (manifest[file]!.passed) {
      for (const question of report.questions) {
        expect(question.difficulty?.level, `Q${question.number}`).toMatch(/^L[123]$/);
        expect(question.missing, `Q${question.number}`).toEqual([]);
        expect(question.cheatSheetRow, `Q${question.number}`).not.toBeNull();
      }
    }
  });
});
