import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBundle } from './helpers/cli.js';
import { hostileDocuments } from '../bench/hostile.mjs';

// Whole-process runs of the built bundle: a normal report (exit 0/1) or one line on stderr and exit 2.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'playbook-proof-bad-'));
  mkdirSync(join(dir, 'a-directory.md'));
  for (const [name, make] of Object.entries(hostileDocuments)) writeFileSync(join(dir, name), make());
});

function expectOneLineError(stderr: string, message: string): void {
  expect(stderr).toBe(`playbook-proof: ${message}\n`);
}

describe('bad input through the real bundle', () => {
  it.each([
    ['missing.md', 'cannot read missing.md: no such file'],
    ['a-directory.md', "a-directory.md is a directory; pass the playbook's file path"],
    ['binary.md', 'binary.md is a binary file (it contains NUL bytes), not Markdown text'],
    ['invalid-utf8.md', 'invalid-utf8.md is not valid UTF-8 (first bad byte at line 4); save it as UTF-8 text'],
    ['ten-megabytes.md', 'ten-megabytes.md is 10.5 MiB, more than the 5 MiB a playbook may be'],
    [
      'hundred-thousand-questions.md',
      'hundred-thousand-questions.md has more than 10,000 headings; a playbook has about 20 (the lesson asks for 15 questions)',
    ],
  ])('%s: exit 2 and one line', (name, message) => {
    const { code, stdout, stderr } = runBundle(['check', name], dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expectOneLineError(stderr, message);
  });

  it.each(['empty.md', 'nested-lists.md', 'nested-ordered-lists.md', 'nested-quotes.md', 'nested-indented-lists.md', 'adversarial.md'])(
    '%s: a normal failing report',
    (name) => {
      const { code, stdout, stderr } = runBundle(['check', name, '--format', 'json'], dir);
      expect(stderr).toBe('');
      expect(code).toBe(1);
      const report = JSON.parse(stdout);
      expect(report.passed).toBe(false);
      expect(report.findings.length).toBeGreaterThan(0);
    },
  );

  it('the empty file fails every criterion but speaking time', () => {
    const { stdout } = runBundle(['check', 'empty.md', '--format', 'json'], dir);
    const report = JSON.parse(stdout);
    expect(report.score).toEqual({ passed: 0, total: 7 });
    expect(report.findings.map((f: { ruleId: string; messageId: string }) => `${f.ruleId}/${f.messageId}`)).toEqual([
      'question-count/tooFew',
      'project-example/noQuestions',
      'gotchas/noQuestions',
      'difficulty/levelsMissing',
      'cheat-sheet/missing',
      'answer-structure/noQuestions',
      'location/wrongPath',
    ]);
  });

  it('the hostile document is parsed: its one question and its hostile project example are reported', () => {
    const { stdout } = runBundle(['check', 'adversarial.md', '--format', 'json'], dir);
    const report = JSON.parse(stdout);
    expect(report.questions.map((q: { number: number; line: number }) => [q.number, q.line])).toEqual([[1, 1]]);
    const projectFindings = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'project-example');
    expect(projectFindings.map((f: { messageId: string; line: number }) => [f.messageId, f.line])).toEqual([
      ['noComponent', 2],
      ['noMetric', 2],
    ]);
  });
});
