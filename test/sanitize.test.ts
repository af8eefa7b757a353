import { describe, expect, it } from 'vitest';
import { inert } from '../src/report/escape.js';
import { stripControls } from '../src/report/sanitize.js';

describe('stripControls', () => {
  it.each([
    ['an OSC 52 clipboard write', 'claim \u001b]52;c;aGk=\u0007 end', 'claim ]52;c;aGk= end'],
    ['a bidi override', 'safe \u202Eevil\u202C text', 'safe evil text'],
    ['a bidi isolate', '\u2066x\u2069', 'x'],
    ['C1 controls and DEL', 'a\u009bb\u007fc', 'abc'],
  ])('removes %s', (_, input, expected) => {
    expect(stripControls(input)).toBe(expected);
  });

  it('keeps tabs, line feeds and ordinary Unicode', () => {
    expect(stripControls('a\tb\nc — ü ❌')).toBe('a\tb\nc — ü ❌');
  });

  it('runs before escaping for GitHub', () => {
    expect(inert('x\u001b[31m\u202Ey')).toBe('x\\[31my');
  });
});
