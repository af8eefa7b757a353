import { describe, expect, it } from 'vitest';
import { classifyLabel } from '../src/core/labels.js';
import { ADVERSARIAL_CASES } from './helpers/adversarial.js';

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

describe('classifyLabel on adversarial input finishes in linear time', () => {
  it.each(ADVERSARIAL_CASES)(
    '%s…',
    (_, text) => {
      expect(classifyLabel(text)).toBeNull();
    },
    2_000,
  );
});
