import { describe, expect, it } from 'vitest';
import { countWords, findMetric, hasMetric, joinList, normalize, plural, questionList, tokens } from '../src/core/text.js';
import { ADVERSARIAL_CASES } from './helpers/adversarial.js';

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

describe('findMetric and countWords on adversarial input finishes in linear time', () => {
  it.each(ADVERSARIAL_CASES)(
    '%s…',
    (_, text) => {
      expect(findMetric(tokens(text))).toBeNull();
      expect(countWords(text)).toBeGreaterThanOrEqual(0);
    },
    2_000,
  );
});
