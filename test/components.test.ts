import { describe, expect, it } from 'vitest';
import { findComponent } from '../src/core/components.js';
import { tokens } from '../src/core/text.js';
import { ADVERSARIAL_CASES } from './helpers/adversarial.js';

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

describe('findComponent on adversarial input finishes in linear time', () => {
  it.each(ADVERSARIAL_CASES)(
    '%s…',
    (_, text) => {
      expect(findComponent(tokens(text), [])).toBeNull();
    },
    2_000,
  );
});
