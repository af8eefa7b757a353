import { describe, expect, it } from 'vitest';
import { hasTradeoffWording } from '../src/core/wording.js';
import { ADVERSARIAL_CASES } from './helpers/adversarial.js';

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

describe('hasTradeoffWording on adversarial input finishes in linear time', () => {
  it.each(ADVERSARIAL_CASES)(
    '%s…',
    (_, text) => {
      expect(typeof hasTradeoffWording(text)).toBe('boolean');
    },
    2_000,
  );
});
