import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint.js';
import { examplePath } from './helpers/cli.js';

describe('the shipped example playbook', () => {
  const result = lint(readFileSync(examplePath, 'utf8'));

  it('yields no finding at all, warnings included', () => {
    expect(result.findings).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.score).toEqual({ passed: 7, total: 7 });
  });

  it('has 15 questions numbered 1 to 15, rated 5 × L1, 6 × L2, 4 × L3', () => {
    const { questions } = result.playbook;
    expect(questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const count = (level: string) => questions.filter((q) => q.difficulty?.level === level).length;
    expect([count('L1'), count('L2'), count('L3')]).toEqual([5, 6, 4]);
  });

  it('gives every question every part explicitly, and a matching cheat-sheet row', () => {
    for (const q of result.playbook.questions) {
      expect([q.theory?.style, q.project?.style, q.tradeoff?.style, q.metric?.style, q.gotchas?.style]).toEqual([
        'bold',
        'bold',
        'bold',
        'bold',
        'bold',
      ]);
      expect(q.gotchaItems.length).toBeGreaterThanOrEqual(2);
    }
    expect(result.playbook.cheatSheet?.rows).toHaveLength(15);
    expect(result.playbook.frontMatter).toMatchObject({ line: 1, endLine: 5 });
  });
});
