/**
 * Fixture documents carry their expected findings as HTML comments:
 *   `<!-- expect gotchas/tooFew -->` at the end of the offending line, or
 *   `<!-- expect@12 cheat-sheet/noRow -->` anywhere, for line 12.
 * Optional `<!-- fixture-config {"questions": 2} -->`, `<!-- fixture-path notes/qa.md -->`, and
 * `<!-- fixture-unavailable missing|unreadable: reason -->` (the Action could not read the playbook).
 */
import type { ConfigInput } from '../../src/config.js';
import type { Unavailable } from '../../src/core/rule.js';

export interface Expectations {
  expected: string[];
  config: ConfigInput;
  path: string | null;
  unavailable: Unavailable | undefined;
}

const MARKER = /<!--\s*expect(?:@(\d+))?\s+([^>]*?)\s*-->/g;

export function readExpectations(source: string): Expectations {
  const expected: string[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((text, index) => {
    for (const match of text.matchAll(MARKER)) {
      const line = match[1] ? Number(match[1]) : index + 1;
      for (const id of match[2]!.split(/\s+/)) expected.push(`${line} ${id}`);
    }
  });
  const config = /<!--\s*fixture-config\s+(\{.*?\})\s*-->/.exec(source);
  const path = /<!--\s*fixture-path\s+(\S+)\s*-->/.exec(source);
  const unavailable = /<!--\s*fixture-unavailable\s+(missing|unreadable)(?::\s*(.*?))?\s*-->/.exec(source);
  return {
    expected: expected.sort(byLine),
    config: config ? (JSON.parse(config[1]!) as ConfigInput) : {},
    path: path ? path[1]! : null,
    unavailable: unavailable ? { kind: unavailable[1] as Unavailable['kind'], reason: unavailable[2] ?? '' } : undefined,
  };
}

export function byLine(a: string, b: string): number {
  return Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b);
}
