import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint.js';
import { toJsonReport } from '../src/report/json.js';

// The documented `--format json` object (README, "JSON output"). Changing it breaks users: change both.
describe('JSON report schema', () => {
  const doc = '## Q1: What is a quorum? [L2]\n\nA quorum is a majority.\n';
  const report = toJsonReport(lint(doc, { path: 'notes.md' }));

  it('has exactly the documented keys, in order', () => {
    expect(Object.keys(report)).toEqual(['file', 'passed', 'score', 'criteria', 'questions', 'findings']);
    expect(Object.keys(report.score)).toEqual(['passed', 'total']);
    expect(Object.keys(report.criteria[0]!)).toEqual(['id', 'title', 'severity', 'passed', 'findings', 'questions']);
    expect(Object.keys(report.questions[0]!)).toEqual(['number', 'title', 'line', 'difficulty', 'passed']);
    expect(Object.keys(report.findings[0]!)).toEqual(['ruleId', 'messageId', 'severity', 'message', 'line', 'column', 'question']);
  });

  it('holds the values of a small failing document', () => {
    expect(report.file).toBe('notes.md');
    expect(report.passed).toBe(false);
    expect(report.score).toEqual({ passed: 0, total: 7 });
    expect(report.questions).toEqual([{ number: 1, title: 'What is a quorum?', line: 1, difficulty: 'L2', passed: false }]);
    expect(report.criteria.map((c) => [c.id, c.severity, c.passed, c.findings, c.questions])).toEqual([
      ['question-count', 'error', false, 2, [1]],
      ['project-example', 'error', false, 1, [1]],
      ['gotchas', 'error', false, 1, [1]],
      ['difficulty', 'error', false, 1, []],
      ['cheat-sheet', 'error', false, 1, []],
      ['answer-structure', 'error', false, 1, [1]],
      ['location', 'error', false, 1, []],
      ['speaking-time', 'warning', true, 0, []],
    ]);
    expect(report.findings.map((f) => [f.line, f.ruleId, f.messageId, f.question])).toEqual([
      [1, 'question-count', 'tooFew', null],
      [1, 'project-example', 'missing', 1],
      [1, 'gotchas', 'missing', 1],
      [1, 'difficulty', 'levelsMissing', null],
      [1, 'answer-structure', 'missingParts', 1],
      [1, 'location', 'wrongPath', null],
      [3, 'question-count', 'thinAnswer', 1],
      [3, 'cheat-sheet', 'missing', null],
    ]);
  });
});
