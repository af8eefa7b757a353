import { describe, expect, it } from 'vitest';
import { splitGotcha } from '../src/core/gotcha.js';
import { ADVERSARIAL_CASES } from './helpers/adversarial.js';

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

describe('splitGotcha on adversarial input finishes in linear time', () => {
  it.each(ADVERSARIAL_CASES)(
    '%s…',
    (_, text) => {
      expect(typeof splitGotcha(text).claim).toBe('string');
    },
    2_000,
  );
});
