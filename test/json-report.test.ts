import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { lint } from '../src/core/lint.js';
import { toJsonReport } from '../src/report/json.js';
import { examplePath } from './helpers/cli.js';

// The documented `--format json` object (README, "JSON output"). Changing it breaks users: change both.
describe('JSON report schema', () => {
  const doc = '## Q1: What is a quorum? [L2]\n\nA quorum is a majority.\n';
  const report = toJsonReport(lint(doc, { path: 'notes.md' }));

  it('has exactly the documented keys, in order', () => {
    expect(Object.keys(report)).toEqual(['file', 'passed', 'score', 'criteria', 'questions', 'findings', 'coverage']);
    expect(Object.keys(report.score)).toEqual(['passed', 'total']);
    expect(Object.keys(report.criteria[0]!)).toEqual(['id', 'title', 'severity', 'passed', 'findings', 'questions']);
    expect(Object.keys(report.questions[0]!)).toEqual(['number', 'title', 'line', 'difficulty', 'passed']);
    expect(Object.keys(report.findings[0]!)).toEqual(['ruleId', 'messageId', 'severity', 'message', 'line', 'column', 'question']);
    expect(Object.keys(report.coverage![0]!)).toEqual(['topic', 'name', 'level', 'questions', 'covered', 'levelMatches']);
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
      ['misconception', 'warning', true, 0, []],
      ['coverage', 'warning', true, 15, []],
    ]);
    expect(report.findings.map((f) => [f.line, f.ruleId, f.messageId, f.question])).toEqual([
      [1, 'question-count', 'tooFew', null],
      [1, 'project-example', 'missing', 1],
      [1, 'gotchas', 'missing', 1],
      [1, 'difficulty', 'levelsMissing', null],
      [1, 'answer-structure', 'missingParts', 1],
      [1, 'location', 'wrongPath', null],
      // a quorum is not consensus: the one question covers no topic of the lesson's map
      ...Array.from({ length: 15 }, () => [1, 'coverage', 'missingTopic', null]),
      [3, 'question-count', 'thinAnswer', 1],
      [3, 'cheat-sheet', 'missing', null],
    ]);
    expect(report.coverage).toHaveLength(15);
    expect(report.coverage![0]).toEqual({ topic: 'cap', name: 'CAP theorem', level: 'L1', questions: [], covered: false, levelMatches: true });
    expect(report.coverage!.some((row) => row.covered)).toBe(false);
  });

  it('gives the coverage table of the example, and null when the coverage rule is off', () => {
    const example = lint(readFileSync(examplePath, 'utf8'));
    const rows = toJsonReport(example).coverage!;
    expect(
      rows.map((row) => [row.topic, row.level, row.questions.map((q) => `Q${q.number}@${q.line} ${q.level}`).join(), row.covered, row.levelMatches]),
    ).toEqual([
      ['cap', 'L1', 'Q1@17 L1', true, true],
      ['consensus', 'L1', 'Q2@56 L1', true, true],
      ['replication', 'L1', 'Q3@97 L1', true, true],
      ['partitions', 'L1', 'Q4@134 L1', true, true],
      ['leader-election', 'L1', 'Q5@173 L1', true, true],
      ['linearizability', 'L2', 'Q6@212 L2', true, true],
      ['vector-clocks', 'L2', 'Q7@251 L2', true, true],
      ['crdts', 'L2', 'Q8@289 L2', true, true],
      ['exactly-once', 'L2', 'Q9@328 L2', true, true],
      ['idempotency', 'L2', 'Q10@363 L2', true, true],
      ['back-pressure', 'L2', 'Q11@400 L2', true, true],
      ['bft', 'L3', 'Q12@438 L3', true, true],
      ['jepsen', 'L3', 'Q13@478 L3', true, true],
      ['formal-verification', 'L3', 'Q14@517 L3', true, true],
      ['calm', 'L3', 'Q15@555 L3', true, true],
    ]);
    const off = lint(readFileSync(examplePath, 'utf8'), { config: resolveConfig({ rules: { coverage: 'off' } }) });
    expect(toJsonReport(off).coverage).toBeNull();
  });
});
