import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { lint } from '../src/core/lint.js';
import { toJsonReport } from '../src/report/json.js';
import { formatExplain, toExplainReport } from '../src/report/outline.js';
import { cli, tempRepo } from './helpers/cli.js';

// The documented `explain --format json` object (README, "Explain: the outline as read"). Changing it breaks users: change both.
const doc = [
  '## Level 2', // 1
  '', // 2
  '### Q1: What is a quorum?', // 3
  '', // 4
  '**Answer:** A quorum is a set of replicas large enough that any two overlap.', // 5
  '', // 6
  'At work on the trust platform, `session-store` writes to 2 of 3 replicas.', // 7
  '', // 8
  '> [!warning] Common wrong answers', // 9
  '> - "Any two replicas are a quorum" — only overlapping sets are.', // 10
  '> - "Quorums are linearizable"', // 11
  '', // 12
  '### Q2: What is a lease?', // 13
  'I would rate the difficulty as L3 here.', // 14
  '', // 15
  'A lease is a lock that expires.', // 16
  '', // 17
  '## Cheat sheet', // 18
  '', // 19
  '- Q1: overlapping replica sets; `session-store` 2 of 3', // 20
  '',
].join('\n');

describe('explain report schema', () => {
  const report = toExplainReport(lint(doc, { path: 'week-24/day1-dist-sys-qa.md' }));

  it('has exactly the documented keys, in order', () => {
    expect(Object.keys(report)).toEqual(['file', 'passed', 'score', 'questions', 'cheatSheet', 'findings', 'coverage']);
    expect(Object.keys(report.questions[0]!)).toEqual([
      'number',
      'title',
      'line',
      'endLine',
      'passed',
      'copyOf',
      'difficulty',
      'parts',
      'missing',
      'gotchas',
      'cheatSheetRow',
      'nearMisses',
      'findings',
    ]);
    expect(Object.keys(report.questions[0]!.difficulty!)).toEqual(['level', 'raw', 'line', 'how']);
    expect(Object.keys(report.questions[0]!.parts[0]!)).toEqual(['kind', 'line', 'endLine', 'how', 'label', 'words']);
    expect(Object.keys(report.questions[0]!.gotchas[0]!)).toEqual(['line', 'claim', 'reason']);
    expect(Object.keys(report.questions[0]!.findings[0]!)).toEqual(['ruleId', 'messageId', 'severity', 'line', 'message']);
    expect(Object.keys(report.cheatSheet!)).toEqual(['line', 'endLine', 'rows']);
  });

  it('says where and how each part was found', () => {
    const [q1, q2] = report.questions;
    expect(q1!.difficulty).toEqual({ level: 'L2', raw: 'L2', line: 1, how: 'section' });
    expect(q1!.parts).toEqual([
      { kind: 'theory', line: 5, endLine: 5, how: 'bold', label: 'Answer', words: 13 },
      { kind: 'project', line: 7, endLine: 7, how: 'wording', label: '', words: 13 },
      { kind: 'gotchas', line: 9, endLine: 11, how: 'callout', label: 'Common wrong answers', words: 13 },
    ]);
    expect(q1!.missing).toEqual(['tradeoff', 'metric']);
    expect(q1!.gotchas).toEqual([
      { line: 10, claim: 'Any two replicas are a quorum', reason: 'only overlapping sets are.' },
      { line: 11, claim: 'Quorums are linearizable', reason: null },
    ]);
    expect(q1!.cheatSheetRow).toBe(20);
    expect(q2!.difficulty).toEqual({ level: 'L2', raw: 'L2', line: 1, how: 'section' });
    expect(report.cheatSheet).toEqual({ line: 18, endLine: 20, rows: [{ line: 20, question: 1, sourceLines: 1 }] });
  });

  it("carries the lesson map's topic coverage, as the JSON report does, and null when the rule is off", () => {
    expect(report.coverage).toHaveLength(15);
    expect(report.coverage!.filter((row) => row.covered)).toEqual([]);
    const election = doc.replace('### Q2: What is a lease?', '### Q2: How does leader election use a lease?');
    const result = lint(election, { path: 'week-24/day1-dist-sys-qa.md' });
    expect(toExplainReport(result).coverage!.filter((row) => row.covered)).toEqual([
      {
        topic: 'leader-election',
        name: 'Leader election',
        level: 'L1',
        questions: [{ number: 2, line: 13, level: 'L2' }],
        covered: true,
        levelMatches: false,
      },
    ]);
    expect(toExplainReport(result).coverage).toEqual(toJsonReport(result).coverage);
    const off = toExplainReport(lint(doc, { path: 'week-24/day1-dist-sys-qa.md', config: resolveConfig({ rules: { coverage: 'off' } }) }));
    expect(off.coverage).toBeNull();
  });

  it('names a near miss where something looked like what was wanted', () => {
    const report = toExplainReport(lint(doc.replace('## Level 2', '## Part A'), { path: 'week-24/day1-dist-sys-qa.md' }));
    const q2 = report.questions[1]!;
    expect(q2.difficulty).toBeNull();
    expect(q2.nearMisses).toEqual([
      { line: 14, kind: 'difficulty', text: 'I would rate the difficulty as L3 here.', why: 'it is not a rating line' },
    ]);
    expect(q2.findings.map((f) => `${f.line} ${f.ruleId}/${f.messageId}`)).toContain('13 difficulty/missingNear');
  });

  it('prints the outline for a terminal, with what was not found', () => {
    const text = formatExplain(report, { color: false });
    expect(text.split('\n').slice(0, 14)).toEqual([
      'week-24/day1-dist-sys-qa.md: 2 questions read, cheat sheet at line 18 (1 row)',
      '',
      'Q1 "What is a quorum?"  lines 3–11  ✖',
      "  difficulty L2  line 1, the section heading's level",
      '  theory     lines 5–5, emphasised label "Answer"; 13 words',
      '  project    lines 7–7, unlabelled paragraph, by its wording; 13 words',
      '  tradeoff   not found',
      '  metric     not found',
      '  gotchas    lines 9–11, callout title "Common wrong answers"; 2 wrong answers',
      '      10  "Any two replicas are a quorum" — only overlapping sets are.',
      '      11  "Quorums are linearizable" — no reason',
      '  cheat row  line 20',
      expect.stringMatching(/^ {2}✖ 3: Q1 /),
      expect.stringMatching(/^ {2}✖ /),
    ]);
  });

  it('runs as a command, in JSON, with the check exit code', async () => {
    const dir = tempRepo({ 'week-24/day1-dist-sys-qa.md': doc });
    const result = await cli(['explain', '--format', 'json'], dir);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).questions.map((q: { number: number }) => q.number)).toEqual([1, 2]);
  });
});
