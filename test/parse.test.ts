import { describe, expect, it } from 'vitest';
import { RULE_IDS, resolveConfig, type Config, type RuleId } from '../src/config.js';
import { lint } from '../src/core/lint.js';
import { parsePlaybook } from '../src/core/parse.js';

/** Findings of the given rules alone, on a one-question document. */
function findings(doc: string, rules: RuleId[]): string[] {
  const severities = Object.fromEntries(RULE_IDS.map((id) => [id, rules.includes(id) ? 'error' : 'off'])) as Config['rules'];
  const result = lint(doc, { config: resolveConfig({ questions: 1, rules: severities }) });
  return result.findings.map((f) => `${f.line} ${f.ruleId}/${f.messageId}`);
}

describe('question headings', () => {
  it.each([
    ['## Q1: What is CAP?', 1, 'What is CAP?'],
    ['## Q 12 - Quorums', 12, 'Quorums'],
    ['### 3. Consensus', 3, 'Consensus'],
    ['### 4) Consensus', 4, 'Consensus'],
    ['#### Question 5 — Leader election', 5, 'Leader election'],
    ['## #6 What is a fencing token?', 6, 'What is a fencing token?'],
    ['## 🧠 Q7: Vector clocks [L2]', 7, 'Vector clocks'],
  ])('%s is question %i titled %s', (heading, number, title) => {
    const [q] = parsePlaybook(`${heading}\n\nSome text.\n`).questions;
    expect([q?.number, q?.title]).toEqual([number, title]);
  });

  it.each(['## 2024 plans', '## Questions', '## Q: what?', '# Q1: level one is the title', '##### Q1: level five'])(
    '%s is not a question',
    (heading) => {
      expect(parsePlaybook(`${heading}\n\nText.\n`).questions).toEqual([]);
    },
  );

  it('takes the level holding most numbered headings, so numbered sub-steps are not questions', () => {
    const doc = '## Q1: A\n\n### 1. Step\n\n### 2. Step\n\n## Q2: B\n\n## Q3: C\n';
    expect(parsePlaybook(doc).questions.map((q) => [q.number, q.line])).toEqual([
      [1, 1],
      [2, 7],
      [3, 9],
    ]);
  });
});

describe('difficulty', () => {
  it.each([
    ['## Q1: A\n**Difficulty:** L1 (foundational)\n', 'L1', 2],
    ['## Q1: A\nDifficulty: **L2**\n', 'L2', 2],
    ['## Q1: A [L3]\n', 'L3', 1],
    ['## Q1: A (L2)\n', 'L2', 1],
    ['## Q1: A\n**Difficulty: L2**\n', 'L2', 2],
    ['## Q1: A\n\n#### Difficulty: L1\n', 'L1', 3],
    ['## Q1: A\n\n#### Difficulty\n\nL2 (intermediate)\n', 'L2', 5],
    ['## Q1: A\n**Difficulty:**\nL3\n', 'L3', 3],
  ])('%j is rated %s on line %i', (doc, level, line) => {
    const [q] = parsePlaybook(doc).questions;
    expect([q?.difficulty?.level, q?.difficulty?.line]).toEqual([level, line]);
  });

  it('a difficulty label followed by another label is an empty, invalid rating at the label', () => {
    const [q] = parsePlaybook('## Q1: A\n**Difficulty:**\n\n**Answer:**\nText here.\n').questions;
    expect(q?.difficulty).toEqual({ level: null, raw: '', line: 2, how: 'label' });
    expect(q?.theory?.text).toBe('Text here.');
  });
});

describe('parts', () => {
  it('a plain "Word:" label counts only where a paragraph begins', () => {
    const doc = [
      '## Q1: What is a vector clock?',
      '**Answer:**',
      'A vector clock keeps one counter per node.',
      'Example: client A writes, then client B writes.',
      '',
      'Example: this paragraph is not a project example either, "Example" alone needs bold.',
    ].join('\n');
    const [q] = parsePlaybook(doc).questions;
    expect(q?.project).toBeNull();
    expect(q?.theory?.text).toContain('Example: client A writes');
  });

  it('reads labels written as list items, gotchas included', () => {
    const doc = [
      '## Q1: A',
      '- **Answer:** one two three',
      '- **Project Example:** the `raft-cluster` at 40 ms',
      '- **Gotchas:**',
      '  - ❌ "claim one" — Wrong. reason number one',
      '  - ❌ "claim two" — Wrong. reason number two',
      '- **Metric:** 99.9% availability',
    ].join('\n');
    const [q] = parsePlaybook(doc).questions;
    expect(q?.parts.map((p) => [p.kind, p.line, p.style])).toEqual([
      ['theory', 2, 'list'],
      ['project', 3, 'list'],
      ['gotchas', 4, 'list'],
      ['metric', 7, 'list'],
    ]);
    expect(q?.gotchaItems.map((i) => [i.line, i.claim, i.reason])).toEqual([
      [5, 'claim one', 'reason number one'],
      [6, 'claim two', 'reason number two'],
    ]);
  });

  it('reads wrong answers listed beside a list-item gotcha label', () => {
    const doc = [
      '## Q1: A',
      '- **Gotchas:**',
      '- ❌ "claim one" — Wrong. reason number one',
      '- **Trap:** "claim two" — Wrong. reason number two',
    ].join('\n');
    const [q] = parsePlaybook(doc).questions;
    expect(q?.gotchaItems.map((i) => [i.line, i.claim, i.reason])).toEqual([
      [3, 'claim one', 'reason number one'],
      [4, 'claim two', 'reason number two'],
    ]);
  });

  it('an empty Tradeoff part does not satisfy the structure', () => {
    const doc = '## Q1: A\n**Answer:** x\n\n**Project Example:** y\n\n**Tradeoff:**\n\n**Metric:** 40 ms\n';
    expect(findings(doc, ['answer-structure'])).toEqual(['1 answer-structure/missingParts']);
  });
});

describe('cheat sheet', () => {
  it('finds a "One-line summaries" section and ignores a title that mentions the cheat sheet', () => {
    const doc = '# My playbook and cheat sheet\n\n## Q1: CAP theorem\n\nText.\n\n## One-line summaries\n\n- CAP theorem: pick C or A in a split\n';
    const sheet = parsePlaybook(doc).cheatSheet;
    expect(sheet?.line).toBe(7);
    expect(sheet?.rows.map((r) => [r.line, r.cells])).toEqual([[9, ['CAP theorem', 'pick C or A in a split']]]);
    expect(findings(doc, ['cheat-sheet'])).toEqual([]);
  });
});

describe('edge cases found while documenting the rules', () => {
  it('reads what a label sub-heading says after the label', () => {
    const [q] = parsePlaybook('## Q1: A\n\n### Project example: `raft-cluster` at 40 ms\n').questions;
    expect([q?.project?.text, q?.project?.codeSpans]).toEqual(['raft-cluster at 40 ms', ['raft-cluster']]);
  });

  it('a difficulty heading with a word, not a level, is that invalid rating, and the next paragraph stays the answer', () => {
    const [q] = parsePlaybook('## Q1: A\n\n#### Difficulty: medium\n\nRaft elects a leader by majority vote.\n').questions;
    expect(q?.difficulty).toEqual({ level: null, raw: 'medium', line: 3, how: 'label' });
    expect(q?.theory?.text).toBe('Raft elects a leader by majority vote.');
  });

  it('a bold difficulty label followed by prose rates nothing and keeps the prose as the answer', () => {
    const [q] = parsePlaybook('## Q1: A\n**Difficulty:**\n\nRaft elects a leader by majority vote.\n').questions;
    expect(q?.difficulty).toEqual({ level: null, raw: '', line: 2, how: 'label' });
    expect(q?.theory?.text).toBe('Raft elects a leader by majority vote.');
  });

  it('"Level of isolation" is a sub-heading, not a difficulty', () => {
    const [q] = parsePlaybook('## Q1: A [L2]\n\n### Level of isolation\n\nSerializable.\n').questions;
    expect(q?.difficulty?.level).toBe('L2');
    expect(q?.theory?.text).toContain('Serializable.');
  });

  it('a "Quick reference" sub-heading inside an answer is not the cheat sheet', () => {
    const doc =
      '## Q1: A\n\n### Quick reference\n\n| a | b |\n|---|---|\n| x | y |\n\n## Cheat Sheet\n\n| # | Q | A |\n|---|---|---|\n| 1 | A | the answer in a line |\n';
    expect(parsePlaybook(doc).cheatSheet?.line).toBe(9);
  });

  it('an ordered cheat-sheet row whose text starts with a number belongs to its list number', () => {
    const doc = '## Q1: Replication\n\nText.\n\n## Q3: Other\n\nText.\n\n## Cheat sheet\n\n1. 3 replicas: one failure is tolerated per write\n';
    expect(findings(doc, ['cheat-sheet'])).toEqual(['9 cheat-sheet/noRow']);
  });
});

describe('reading-model edge cases found while documenting the forms', () => {
  const only = (id: RuleId): Config =>
    resolveConfig({ rules: Object.fromEntries(RULE_IDS.map((r) => [r, r === id ? 'error' : 'off'])) as Record<RuleId, 'error' | 'off'> });

  it('an L-number inside a title is not a rating ("an L7 load balancer", "L2 caches")', () => {
    const [a, b] = parsePlaybook(
      '## Q1: When do you need an L7 load balancer?\n\nText.\n\n## Q2: How do L2 caches relate to this?\n**Difficulty:** L1\n\nText.\n',
    ).questions;
    expect([a?.title, a?.difficulty]).toEqual(['When do you need an L7 load balancer?', null]);
    expect([b?.title, b?.difficulty?.level, b?.difficulty?.how]).toEqual(['How do L2 caches relate to this?', 'L1', 'label']);
  });

  it('a level set off by separators in the heading is a rating: "Q10 — L3 — Title", "Title · L2"', () => {
    const [a, b] = parsePlaybook('## Q10 — L3 — Formal verification\n\nText.\n\n## Q11: CRDTs · L2\n\nText.\n').questions;
    expect([a?.title, a?.difficulty?.level, a?.difficulty?.how]).toEqual(['Formal verification', 'L3', 'heading']);
    expect([b?.title, b?.difficulty?.level]).toEqual(['CRDTs', 'L2']);
  });

  it("the document's title does not rate the questions, whatever level words it uses", () => {
    const [q] = parsePlaybook('# Advanced distributed systems (L1–L3)\n\n## Q1: Consensus\n\nText.\n').questions;
    expect(q?.difficulty).toBeNull();
  });

  it('a bare "Difficulty" label takes its level from the next line', () => {
    const [q] = parsePlaybook('## Q1: A\n**Difficulty**\nL2\n\n**Answer:** Text here.\n').questions;
    expect([q?.difficulty?.level, q?.theory?.text]).toEqual(['L2', 'Text here.']);
  });

  it('"In Sentinel, …" opens a project paragraph; "In Raft, …" stays theory', () => {
    const doc =
      '## Q1: A\n\n**Answer:** Consensus orders a log.\n\nIn Raft, a leader replicates entries.\n\nIn Sentinel, `attest-intake` waits for commit.\n\nThe catch is latency.\n\nResult: p99 40 ms.\n';
    const [q] = parsePlaybook(doc).questions;
    expect(q?.parts.map((p) => `${p.kind}:${p.style}:${p.line}`)).toEqual([
      'theory:bold:3',
      'project:wording:7',
      'tradeoff:wording:9',
      'metric:plain:11',
    ]);
  });

  it('"### In Raft" and "### At scale" are sub-headings, not project labels', () => {
    const [q] = parsePlaybook('## Q1: A\n\nText.\n\n### In Raft\n\nThe leader sends heartbeats.\n\n### At scale\n\nMore text.\n').questions;
    expect(q?.parts.map((p) => p.kind)).toEqual(['theory']);
  });

  it('❌ paragraphs inside a callout are wrong answers', () => {
    const [q] = parsePlaybook(
      '## Q1: A\n\nText.\n\n> [!warning] Common wrong answers\n> ❌ "One" — because one.\n>\n> ❌ "Two" — because two.\n',
    ).questions;
    expect(q?.gotchaItems.map((i) => [i.line, i.claim, i.reason])).toEqual([
      [6, 'One', 'because one.'],
      [8, 'Two', 'because two.'],
    ]);
  });

  it('a list right under <details><summary>Gotchas</summary> still gives its wrong answers', () => {
    const [q] = parsePlaybook(
      '## Q1: A\n\nText.\n\n<details><summary>Gotchas</summary>\n- ❌ "One" — it fails first.\n- ❌ "Two" — it fails second,\n  and then again.\n</details>\n',
    ).questions;
    expect(q?.gotchaItems.map((i) => [i.line, i.endLine, i.claim, i.reason])).toEqual([
      [6, 6, 'One', 'it fails first.'],
      [7, 8, 'Two', 'it fails second, and then again.'],
    ]);
  });

  it('"Why it is wrong." is a verdict, not a reason', () => {
    const result = lint('## Q1: A\n\nText.\n\n**Gotchas:**\n- Leases are safe — Why it is wrong.\n- Clocks agree — they drift apart.\n', {
      config: only('gotchas'),
    });
    expect(result.findings.map((f) => `${f.line} ${f.messageId}`)).toEqual(['6 noReason']);
  });

  it('raw HTML a reader sees counts as answer text; hidden elements and comments do not', () => {
    const [q] = parsePlaybook(
      '## Q1: A\n\n<p>Replicas agree on one ordered log.</p>\n\n<div hidden>secret padding words here</div>\n\n<!-- a note to self -->\n',
    ).questions;
    expect(q?.theory?.text).toBe('Replicas agree on one ordered log.');
  });

  it('two distinct questions sharing a number each need their own cheat-sheet row', () => {
    const doc =
      '## Q1: A\n\nAlpha beta gamma.\n\n## Q2: B\n\nDelta epsilon zeta.\n\n## Q2: C\n\nEta theta iota.\n\n## Cheat sheet\n\n| # | Summary |\n|---|---|\n| 1 | alpha in short |\n| 2 | delta in short |\n';
    const result = lint(doc, { config: only('cheat-sheet') });
    expect(result.findings.map((f) => `${f.line} ${f.messageId} ${f.questionLine}`)).toEqual(['13 noRow 9']);
  });
});
