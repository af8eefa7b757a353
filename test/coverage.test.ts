import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { lessonTopics, topicCoverage, topicOf } from '../src/core/coverage.js';
import { lint } from '../src/core/lint.js';
import { parsePlaybook } from '../src/core/parse.js';
import { coverageRows, formatCoverageMarkdown, formatCoverageTerminal } from '../src/report/coverage.js';
import { formatTerminal } from '../src/report/terminal.js';
import { examplePath, repoRoot } from './helpers/cli.js';

const corpusDir = join(repoRoot, '..', 'shared', 'corpus');
const hasCorpus = existsSync(corpusDir);

// The topic of each question, in document order, read by an instructor from the titles.
const MAP =
  'cap consensus replication partitions leader-election linearizability vector-clocks crdts exactly-once idempotency back-pressure bft jepsen formal-verification calm';
const EXPECTED: Record<string, string> = {
  'pass-qa.md': MAP,
  'pass-crlf-bom.md': MAP,
  'pass-html-bits.md': MAP,
  'pass-components-plain.md':
    'cap consensus replication linearizability partitions leader-election exactly-once idempotency vector-clocks crdts bft back-pressure jepsen formal-verification calm',
  'pass-level-lines.md':
    'cap consensus replication leader-election partitions linearizability vector-clocks crdts calm exactly-once idempotency back-pressure bft jepsen formal-verification',
  'pass-narrative.md':
    'cap replication partitions linearizability consensus leader-election vector-clocks crdts idempotency exactly-once back-pressure bft jepsen formal-verification calm',
  'pass-obsidian.md':
    'consensus cap leader-election replication partitions linearizability idempotency exactly-once vector-clocks crdts back-pressure bft formal-verification jepsen calm',
  'pass-setext.md':
    'cap replication consensus leader-election partitions vector-clocks linearizability crdts idempotency exactly-once back-pressure jepsen bft calm formal-verification',
  'fail-qa-no-l3.md': MAP,
  'fail-components-plain-generic-project.md':
    'cap consensus replication linearizability partitions leader-election exactly-once idempotency vector-clocks crdts bft back-pressure jepsen formal-verification calm',
  'fail-level-lines-no-tradeoff-no-difficulty.md':
    'cap consensus replication leader-election partitions linearizability vector-clocks crdts calm exactly-once idempotency back-pressure bft jepsen formal-verification',
  'fail-narrative-no-metric-stub-answer.md':
    'cap replication partitions linearizability consensus leader-election vector-clocks crdts idempotency exactly-once back-pressure bft jepsen formal-verification calm',
  'fail-obsidian-wrapped-row-gotcha-no-reason.md':
    'consensus cap leader-election replication partitions linearizability idempotency exactly-once vector-clocks crdts back-pressure bft formal-verification jepsen calm',
  'fail-setext-gotchas-short.md':
    'cap replication consensus leader-election partitions vector-clocks linearizability crdts idempotency exactly-once back-pressure jepsen bft calm formal-verification',
  // Q10 is a second copy of Q9: idempotency has no question
  'fail-crlf-bom-duplicate-number-cheat-rows.md':
    'cap consensus replication partitions leader-election linearizability vector-clocks crdts exactly-once exactly-once back-pressure bft jepsen formal-verification calm',
  // the CALM question is gone
  'fail-html-bits-14-questions.md':
    'cap consensus replication partitions leader-election linearizability vector-clocks crdts exactly-once idempotency back-pressure bft jepsen formal-verification',
};

describe.skipIf(!hasCorpus)('coverage on every corpus file', () => {
  it.each(Object.keys(EXPECTED))('%s maps each question to its topic', (name) => {
    const playbook = parsePlaybook(readFileSync(join(corpusDir, name), 'utf8'));
    expect(playbook.questions.map((q) => topicOf(q)?.id ?? '-').join(' ')).toBe(EXPECTED[name]);
  });

  it.each(Object.keys(EXPECTED).filter((name) => name.startsWith('pass-')))('%s covers all 15 topics and gets no coverage warning', (name) => {
    const result = lint(readFileSync(join(corpusDir, name), 'utf8'));
    expect(result.findings.filter((f) => f.ruleId === 'coverage')).toEqual([]);
    expect(topicCoverage(result.playbook).every((t) => t.questions.length === 1)).toBe(true);
  });

  it.each([
    ['fail-crlf-bom-duplicate-number-cheat-rows.md', "No question covers Idempotency, an L2 topic of the lesson's coverage map"],
    ['fail-html-bits-14-questions.md', "No question covers CALM theorem, an L3 topic of the lesson's coverage map"],
  ])('%s: one topic without a question', (name, message) => {
    const result = lint(readFileSync(join(corpusDir, name), 'utf8'));
    expect(result.findings.filter((f) => f.ruleId === 'coverage').map((f) => [f.line, f.messageId, f.message])).toEqual([
      [1, 'missingTopic', message],
    ]);
  });

  it('fail-qa-no-l3.md: the L3 topics are flagged wherever their questions are read as L2', () => {
    // the lost "## Level 3" heading leaves Q12–Q15 under "## Level 2"; the rule can only judge a rating the parser reads
    const result = lint(readFileSync(join(corpusDir, 'fail-qa-no-l3.md'), 'utf8'));
    const rated = result.playbook.questions.filter((q) => q.number >= 12 && q.difficulty?.level != null);
    for (const q of rated) expect(q.difficulty!.level).toBe('L2');
    expect(result.findings.filter((f) => f.ruleId === 'coverage').map((f) => [f.question, f.messageId])).toEqual(
      rated.map((q) => [q.number, 'levelMismatch']),
    );
  });

  it('the other failing files get no coverage warning', () => {
    for (const name of Object.keys(EXPECTED).filter((n) => n.startsWith('fail-') && !/duplicate|14-questions|no-l3/.test(n))) {
      expect(lint(readFileSync(join(corpusDir, name), 'utf8')).findings.filter((f) => f.ruleId === 'coverage')).toEqual([]);
    }
  });
});

describe('the coverage table', () => {
  const example = readFileSync(examplePath, 'utf8');
  // Q12 rated L2 and the CALM question turned into one on consistent hashing
  const edited = example
    .replace(/(## Q12:[^\n]*\n\*\*Difficulty:\*\*) L3/, '$1 L2')
    .replace(
      /## Q15:[\s\S]*?(?=## Cheat Sheet)/,
      '## Q15: How does consistent hashing spread keys over the ring?\n**Difficulty:** L3\n\n**Answer:**\nKeys and nodes share one hash ring; a node added takes over only the keys of its own arc.\n\n',
    );
  const result = lint(edited);

  it('has a row per topic of the map, in its order', () => {
    const rows = coverageRows(result)!;
    expect(rows.map((r) => r.topic)).toEqual(lessonTopics().map((t) => t.id));
    expect(rows.find((r) => r.topic === 'bft')).toEqual({
      topic: 'bft',
      name: 'Byzantine fault tolerance',
      level: 'L3',
      questions: [{ number: 12, line: 438, level: 'L2' }],
      covered: true,
      levelMatches: false,
    });
    expect(rows.find((r) => r.topic === 'calm')).toMatchObject({ questions: [], covered: false, levelMatches: true });
    expect(result.findings.filter((f) => f.ruleId === 'coverage').map((f) => [f.line, f.messageId, f.message])).toEqual([
      [1, 'missingTopic', "No question covers CALM theorem, an L3 topic of the lesson's coverage map"],
      [439, 'levelMismatch', "Q12 covers Byzantine fault tolerance but is rated L2, where the lesson's coverage map puts it at L3"],
    ]);
  });

  it('prints in the terminal with topic, level, question and a mark', () => {
    const text = formatCoverageTerminal(coverageRows(result)!, false);
    expect(text.split('\n').slice(0, 3)).toEqual([
      "Topic coverage of the lesson's map: 14 of 15 topics covered, 1 at another level",
      '  Topic                      Level  Question',
      '  CAP theorem                L1     Q1        ✔',
    ]);
    expect(text).toContain('  Byzantine fault tolerance  L3     Q12 (L2)  ⚠\n');
    expect(text).toContain('  CALM theorem               L3     –         –\n');
    expect(formatTerminal(result, { color: false, coverage: true })).toContain(text);
    expect(formatTerminal(result, { color: false })).not.toContain('Topic coverage');
  });

  it('renders as a collapsed Markdown table with no learner text in it', () => {
    const md = formatCoverageMarkdown(coverageRows(result)!);
    expect(md.split('\n').slice(0, 5)).toEqual([
      "<details><summary>Topic coverage of the lesson's map: 14 of 15 topics covered, 1 at another level</summary>",
      '',
      '| Topic | Level | Question | |',
      '|---|---|---|---|',
      '| CAP theorem | L1 | Q1 | ✔ |',
    ]);
    expect(md).toContain('| Byzantine fault tolerance | L3 | Q12 (L2) | ⚠️ |');
    expect(md).toContain('| CALM theorem | L3 | – | – |');
    expect(md.endsWith('</details>')).toBe(true);
  });

  it('is left out when the coverage rule is off or there is no question', () => {
    expect(coverageRows(lint(edited, { config: resolveConfig({ rules: { coverage: 'off' } }) }))).toBeNull();
    expect(coverageRows(lint('# Notes\n\nNothing yet.\n'))).toBeNull();
  });
});
