import { describe, expect, it } from 'vitest';
import { classifyLabel } from '../src/core/labels.js';
import { findComponent } from '../src/core/components.js';
import { countWords, findMetric, hasMetric, hasTradeoffWording, joinList, normalize, plural, questionList, tokens } from '../src/core/text.js';
import { splitGotcha } from '../src/core/gotcha.js';

describe('classifyLabel', () => {
  it.each([
    ['Answer', 'theory'],
    ['Theory', 'theory'],
    ['Project Example', 'project'],
    ['project example 🛠', 'project'],
    ['🛠️ Project', 'project'],
    ['Tradeoff', 'tradeoff'],
    ['Trade-off', 'tradeoff'],
    ['Trade-offs', 'tradeoff'],
    ['Trade offs', 'tradeoff'],
    ['Metric', 'metric'],
    ['📊 Metrics', 'metric'],
    ['Result', 'metric'],
    ['Gotcha — Common wrong answers', 'gotchas'],
    ['Gotchas', 'gotchas'],
    ['Common wrong answers', 'gotchas'],
    ['Common mistakes', 'gotchas'],
    ['Traps', 'gotchas'],
    ['Pitfalls', 'gotchas'],
    ['Where I used it', 'project'],
    ['In trust-platform', 'project'],
    ['Cost', 'tradeoff'],
    ['The catch', 'tradeoff'],
    ['Measured', 'metric'],
    ['Concept', 'theory'],
    ['Common wrong answers', 'gotchas'],
  ])('%s is a %s label', (label, kind) => {
    expect(classifyLabel(label)).toBe(kind);
  });

  it.each([
    'Wrong',
    'Why it matters',
    'Projection',
    'Notes',
    'In practice the leader steps down and a new one is elected soon',
    'In short',
    'DIFFICULTY',
  ])('%s is not a label', (label) => {
    expect(classifyLabel(label)).toBeNull();
  });
});

describe('findMetric', () => {
  it.each(['`attest-api` shipped in 2024 releases of the platform', 'a count of 3 ways to do it'])('finds no metric in %s', (text) => {
    expect(findMetric(tokens(text))).toBeNull();
  });

  it.each([
    ['retries after 10m of silence', '10m'],
    ['elected within 80–140 ms', '80–140 ms'],
    ['within ±5 s of the ledger', '±5 s'],
    ['sustains 1.2 k req/s', '1.2 k req/s'],
    ['made it 3× faster', '3×'],
    ['0 duplicate attestations', '0 duplicate attestations'],
  ])('finds the figure in "%s"', (text, figure) => {
    expect(findMetric(tokens(text))).toBe(figure);
  });

  it.each([
    ['2.3s election time', '2.3s'],
    ['p99 of 40 ms', '40 ms'],
    ['a 99.9% SLO', '99.9%'],
    ['a 60-second freshness SLO', '60-second'],
    ['a 5 nodes cluster', '5 nodes'],
    ['serving 10k req/s', '10k req/s'],
    ['over 1,200 partitions', '1,200 partitions'],
    ['(~38ms p99)', '~38ms'],
    ['3x faster', '3x'],
    ['every 10min', '10min'],
    ['after 2minutes', '2minutes'],
    ['a 16MiB limit', '16MiB'],
    ['8KiB pages', '8KiB'],
    ['100msg/s peak', '100msg/s'],
    ['12k req/s', '12k req/s'],
    ['1.5M writes', '1.5M writes'],
    ['a 3-node cluster', '3-node'],
  ])('finds a metric in "%s"', (text, metric) => {
    expect(findMetric(tokens(text))).toBe(metric);
  });

  it.each(['in 2024 we moved', 'week 10 of the course', 'Q3 and Q4', 'v2 of the API', 'it is fast', 'L2 (intermediate)'])(
    'finds no metric in "%s"',
    (text) => {
      expect(hasMetric(text)).toBe(false);
    },
  );
});

describe('findComponent', () => {
  it.each([
    ['calls `verify-service` first', '`verify-service`'],
    ['the verify-service answers', 'verify-service'],
    ['writes to ledger_store', 'ledger_store'],
    ['the Raft consensus cluster', 'consensus cluster'],
    ['our attestation cache', 'attestation cache'],
  ])('finds a component in "%s"', (text, component) => {
    const code = [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    expect(findComponent(tokens(text.replace(/`/g, '')), code)).toBe(component);
  });

  it.each([
    'reads are read-only and split-brain is avoided',
    'the service was slow',
    'a cache helps',
    'at-least-once delivery',
    'The system ran on 5 nodes.',
    'it is fault-tolerant',
    'a different replica answers',
    'a three-node cluster',
    'a low-latency design',
    'quorum-based reads',
  ])('finds no component in "%s"', (text) => {
    expect(findComponent(tokens(text), [])).toBeNull();
  });
});

describe('hasTradeoffWording', () => {
  it.each([
    'The trade-off is latency',
    'at the cost of availability',
    'it sacrifices availability',
    'consistency rather than availability',
    'worse than before',
    'we gave up write availability',
  ])('sees a tradeoff in "%s"', (text) => {
    expect(hasTradeoffWording(text)).toBe(true);
  });
  it.each(['Raft elects a leader', 'the cost was low', 'better results'])('sees no tradeoff in "%s"', (text) => {
    expect(hasTradeoffWording(text)).toBe(false);
  });
});

describe('splitGotcha', () => {
  it.each([
    ['❌ "Pick two of three" — Wrong. The choice is made per operation.', 'Pick two of three', 'The choice is made per operation.'],
    ['Wrong: "Raft is AP" — it refuses writes in a minority partition', 'Raft is AP', 'it refuses writes in a minority partition'],
    ['“Clocks are enough” – wall clocks drift and jump', 'Clocks are enough', 'wall clocks drift and jump'],
    ['Vector clocks resolve conflicts: they only detect concurrency', 'Vector clocks resolve conflicts', 'they only detect concurrency'],
    ['Exactly-once is free because brokers promise it', 'Exactly-once is free', 'because brokers promise it'],
    ['❌ "CAP means pick two" — Wrong.', 'CAP means pick two', ''],
    ['❌ "CAP means pick two"', 'CAP means pick two', ''],
    ['Two-phase commit is non-blocking (it blocks if the coordinator dies)', 'Two-phase commit is non-blocking', 'it blocks if the coordinator dies'],
    ['"CA systems exist" — No quorum forms without a majority.', 'CA systems exist', 'No quorum forms without a majority.'],
    ['"CA systems exist" — No. Partitions happen anyway.', 'CA systems exist', 'Partitions happen anyway.'],
  ])('splits %s', (text, claim, reason) => {
    expect(splitGotcha(text)).toEqual({ claim, reason });
  });
});

describe('counting and normalising', () => {
  it('counts words, not punctuation', () => {
    expect(countWords('The CAP theorem — says: pick 2 of 3. ❌ ')).toBe(8);
    expect(countWords('')).toBe(0);
  });
  it('normalises labels', () => {
    expect(normalize('  Trade-Offs: ')).toBe('tradeoffs');
    expect(normalize('Gotcha — Common wrong answers')).toBe('gotcha common wrong answers');
  });
});

describe('the words every report shares', () => {
  it.each([
    [plural(1, 'question'), '1 question'],
    [plural(0, 'question'), '0 questions'],
    [plural(2, 'criterion', 'criteria'), '2 criteria'],
    [plural(1000, 'learner'), '1,000 learners'],
    [plural(1234567, 'word'), '1,234,567 words'],
    [joinList([]), ''],
    [joinList(['husky']), 'husky'],
    [joinList(['husky', 'playbook-proof']), 'husky and playbook-proof'],
    [joinList(['L1', 'L2', 'L3'], 'or'), 'L1, L2 or L3'],
    [questionList([3, 7]), 'Q3, Q7'],
    [questionList([1, 2, 3, 4, 5], 3), 'Q1, Q2, Q3 and 2 more'],
  ])('%s', (got, expected) => {
    expect(got).toBe(expected);
  });
});

describe('detectors on adversarial input finish in linear time', () => {
  const hostile = [
    '9'.repeat(50_000),
    '-'.repeat(50_000),
    'a-'.repeat(25_000),
    '1,'.repeat(25_000),
    `${'1'.repeat(50_000)}x`,
    `${'a_'.repeat(25_000)}!`,
    ' '.repeat(50_000),
    `Q${' '.repeat(50_000)}1`,
    'rather '.repeat(10_000),
    '"'.repeat(50_000),
    `${'— '.repeat(25_000)}x`,
  ];
  it.each(hostile.map((text) => [text.slice(0, 12), text]))(
    '%s…',
    (_, text) => {
      const list = tokens(text);
      expect(findMetric(list)).toBeNull();
      expect(findComponent(list, [])).toBeNull();
      expect(classifyLabel(text)).toBeNull();
      expect(typeof hasTradeoffWording(text)).toBe('boolean');
      expect(typeof splitGotcha(text).claim).toBe('string');
      expect(countWords(text)).toBeGreaterThanOrEqual(0);
    },
    2_000,
  );
});
