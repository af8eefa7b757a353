import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCards, type Card } from '../src/cards/cards.js';
import { formatAnki, formatCsv, formatDeckJson } from '../src/cards/formats.js';
import { lessonReviewDays, parseDate, reviewCalendar } from '../src/cards/schedule.js';
import { parsePlaybook } from '../src/core/parse.js';
import { parseAnki, parseCsv } from './helpers/cards.js';
import { examplePath, repoRoot } from './helpers/cli.js';

const PATH = 'week-24/day1-dist-sys-qa.md';
const example = parsePlaybook(readFileSync(examplePath, 'utf8'));
const deck = buildCards(example);
const gotchaCount = example.questions.reduce((n, q) => n + q.gotchaItems.length, 0);
const corpusDir = join(repoRoot, '..', 'shared', 'corpus');
const corpus = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((name) => /^(pass|fail)-.*\.md$/.test(name))
      .sort()
  : [];

describe('cards from the shipped example', () => {
  it('has 15 question cards and one card per wrong answer (43), each question followed by its own', () => {
    expect(gotchaCount).toBe(43);
    expect(deck.filter((c) => c.kind === 'question')).toHaveLength(15);
    expect(deck.filter((c) => c.kind === 'gotcha')).toHaveLength(43);
    expect(deck.slice(0, 5).map((c) => c.id)).toEqual(['q1', 'q1-g1', 'q1-g2', 'q1-g3', 'q2']);
  });

  it('puts the cheat-sheet line, the metric and the wrong answers on the back of a question card', () => {
    expect(deck[0]).toEqual({
      kind: 'question',
      id: 'q1',
      question: 1,
      line: 17,
      level: 'L1',
      topic: 'cap',
      tags: ['L1', 'cap'],
      front: 'Q1: What does the CAP theorem say, and where did it shape your design?',
      summary:
        'CAP theorem · Under a split, each operation chooses C or A · raft-cluster CP writes, verify-service AP reads · 99.93% write availability',
      metric: 'Over 90 days write availability was 99.93% against a 99.9% SLO, and 1,200 injected partitions produced 0 divergent ledger entries.',
      gotchas: [
        'CA is a fine choice if the network is reliable enough',
        'The C in CAP is the C in ACID',
        'A CP system goes down whenever a node fails',
      ],
    });
  });

  it('asks why each wrong answer is wrong, with the reason on the back', () => {
    expect(deck[2]).toEqual({
      kind: 'gotcha',
      id: 'q1-g2',
      question: 1,
      line: 49,
      level: 'L1',
      topic: 'cap',
      tags: ['L1', 'cap'],
      front: 'Why is “The C in CAP is the C in ACID” wrong?',
      claim: 'The C in CAP is the C in ACID',
      reason:
        'CAP consistency means linearizable reads and writes on a single object, whereas ACID consistency means application invariants hold after each transaction.',
      from: 'Q1: What does the CAP theorem say, and where did it shape your design?',
    });
  });

  it('tags every card with its level and its topic', () => {
    const tags = new Set(deck.filter((c) => c.kind === 'question').map((c) => c.tags.join(' ')));
    expect([...tags]).toEqual([
      'L1 cap',
      'L1 consensus',
      'L1 replication',
      'L1 partitions',
      'L1 leader-election',
      'L2 linearizability',
      'L2 vector-clocks',
      'L2 crdts',
      'L2 exactly-once',
      'L2 idempotency',
      'L2 back-pressure',
      'L3 bft',
      'L3 jepsen',
      'L3 formal-verification',
      'L3 calm',
    ]);
  });
});

describe('the Anki text import format, parsed back', () => {
  const file = parseAnki(formatAnki(deck, { path: PATH }));

  it('starts with the header lines that make it a one-step import', () => {
    expect(file.headers).toEqual([
      ['separator', 'tab'],
      ['html', 'true'],
      ['notetype', 'Basic'],
      ['deck', 'Distributed Systems Q&A'],
      ['columns', 'Front\tBack\tTags\tGUID'],
      ['tags column', '3'],
      ['guid column', '4'],
    ]);
  });

  it('holds one record of four fields per card: 15 question cards and 43 gotcha cards', () => {
    expect(file.records).toHaveLength(58);
    expect(file.records.every((r) => r.length === 4)).toBe(true);
    expect(file.records.filter((r) => r[0]!.startsWith('Q'))).toHaveLength(15);
    expect(file.records.filter((r) => r[0]!.startsWith('Why is “'))).toHaveLength(43);
    expect(new Set(file.records.map((r) => r[3])).size).toBe(58);
    expect(file.records[0]).toEqual([
      'Q1: What does the CAP theorem say, and where did it shape your design?',
      '<b>Cheat sheet:</b> CAP theorem · Under a split, each operation chooses C or A · raft-cluster CP writes, verify-service AP reads · 99.93% write availability' +
        '<br><b>Metric:</b> Over 90 days write availability was 99.93% against a 99.9% SLO, and 1,200 injected partitions produced 0 divergent ledger entries.' +
        '<br><b>Wrong answers:</b><ul><li>CA is a fine choice if the network is reliable enough</li><li>The C in CAP is the C in ACID</li><li>A CP system goes down whenever a node fails</li></ul>',
      'L1 cap',
      'playbook-proof:week-24/day1-dist-sys-qa.md:q1',
    ]);
  });

  it('keeps learner text inert: markup escaped, tabs, line breaks and control characters gone', () => {
    const hostile = parsePlaybook(
      '## Q1: Is &lt;script&gt;alert(1)&lt;/script&gt; safe? [L1]\n\n**Answer:**\nNo.\n\n**Gotchas:**\n- ❌ "a\tb &lt;img src=x onerror=alert(1)&gt; \u001b]52;c;x\u0007" — it runs &amp;amp; leaks\n  over "two" lines.\n- ❌ "x" — y z w.\n',
    );
    const parsed = parseAnki(formatAnki(buildCards(hostile), { path: PATH }));
    expect(parsed.records).toHaveLength(3);
    expect(parsed.records[0]![0]).toBe('Q1: Is &lt;script&gt;alert(1)&lt;/script&gt; safe?');
    expect(parsed.records[1]![0]).toBe(
      'Why is “a b &lt;img src=x onerror=alert(1)&gt; ]52;c;x” wrong?<br><small>Q1: Is &lt;script&gt;alert(1)&lt;/script&gt; safe?</small>',
    );
    expect(parsed.records[1]![1]).toBe('it runs &amp;amp; leaks over &quot;two&quot; lines.');
  });
});

describe('CSV and JSON decks, parsed back', () => {
  it('CSV: a header row, then front, back (on several lines), tags and the card facts', () => {
    const rows = parseCsv(formatCsv(deck));
    expect(rows).toHaveLength(58);
    expect(Object.keys(rows[0]!)).toEqual(['front', 'back', 'tags', 'kind', 'question', 'level', 'topic', 'id']);
    expect(rows[0]!.back!.split('\n')).toEqual([
      'Cheat sheet: CAP theorem · Under a split, each operation chooses C or A · raft-cluster CP writes, verify-service AP reads · 99.93% write availability',
      'Metric: Over 90 days write availability was 99.93% against a 99.9% SLO, and 1,200 injected partitions produced 0 divergent ledger entries.',
      'Wrong answers:',
      '- CA is a fine choice if the network is reliable enough',
      '- The C in CAP is the C in ACID',
      '- A CP system goes down whenever a node fails',
    ]);
    expect(rows.filter((r) => r.kind === 'gotcha')).toHaveLength(43);
    expect(rows[57]).toMatchObject({ kind: 'gotcha', question: '15', level: 'L3', topic: 'calm', id: 'q15-g3' });
  });

  it('JSON: the file, the deck and every card with a plain-text back', () => {
    const parsed = JSON.parse(formatDeckJson(deck, { path: PATH })) as { file: string; deck: string; cards: Array<Card & { back: string }> };
    expect(parsed.file).toBe(PATH);
    expect(parsed.deck).toBe('Distributed Systems Q&A');
    expect(parsed.cards).toHaveLength(58);
    expect(parsed.cards[1]!.back).toBe(
      'No production network can promise zero partitions, so a system sold as CA just has undefined behavior on the day a link fails.\n(Q1: What does the CAP theorem say, and where did it shape your design?)',
    );
  });
});

describe.skipIf(corpus.length === 0)('cards from every corpus playbook, parsed back', () => {
  it.each(corpus)('%s: a question card per question and a card per wrong answer', (name) => {
    const playbook = parsePlaybook(readFileSync(join(corpusDir, name), 'utf8'));
    const records = parseAnki(formatAnki(buildCards(playbook), { path: PATH })).records;
    const wrong = playbook.questions.reduce((n, q) => n + q.gotchaItems.filter((g) => (g.claim || g.text).trim().length > 0).length, 0);
    expect(records.filter((r) => !r[0]!.startsWith('Why is “'))).toHaveLength(playbook.questions.length);
    expect(records.filter((r) => r[0]!.startsWith('Why is “'))).toHaveLength(wrong);
    if (name.startsWith('pass-')) expect(playbook.questions).toHaveLength(15);
  });
});

describe('the review schedule (.ics), parsed back with ical.js', () => {
  const now = new Date('2026-06-01T08:30:00Z');
  const ics = reviewCalendar(deck, { start: '2026-06-01', days: lessonReviewDays(), path: PATH, now });
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

  it("uses the lesson's review days: 3, 7, 21 and 60 days after the start", () => {
    expect(lessonReviewDays()).toEqual([3, 7, 21, 60]);
    expect(events.map((e) => [e.startDate.toString(), e.startDate.isDate, e.endDate.toString()])).toEqual([
      ['2026-06-04', true, '2026-06-05'],
      ['2026-06-08', true, '2026-06-09'],
      ['2026-06-22', true, '2026-06-23'],
      ['2026-07-31', true, '2026-08-01'],
    ]);
  });

  it('is a valid calendar: version, product id, a stamp, unique stable UIDs, CRLF lines', () => {
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//playbook-proof//review schedule//EN');
    expect(events.map((e) => e.component.getFirstPropertyValue('dtstamp')!.toString())).toEqual(Array(4).fill('2026-06-01T08:30:00Z'));
    expect(new Set(events.map((e) => e.uid)).size).toBe(4);
    const again = reviewCalendar(deck, { start: '2026-06-01', days: lessonReviewDays(), path: PATH, now: new Date() });
    expect(new ICAL.Component(ICAL.parse(again)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).uid)).toEqual(events.map((e) => e.uid));
    expect(ics.split('\r\n').every((line) => !line.includes('\n') && line.length <= 75)).toBe(true);
  });

  it('says what to review', () => {
    expect(events[0]!.summary).toBe('Review the interview playbook (1 of 4, day 3)');
    expect(events[3]!.description).toContain('Review the 58 cards made from week-24/day1-dist-sys-qa.md: 15 questions and 43 wrong answers.');
  });

  it.each([
    ['2026-06-01', '2026-06-01'],
    ['2024-02-29', '2024-02-29'],
    ['2026-02-29', null],
    ['2026-13-01', null],
    ['2026-6-1', null],
    ['tomorrow', null],
  ])('reads the start date %s as %s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });
});
