import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint.js';
import { lineRecords, parseMarkdown, splitSections, walkRecords, type LineRecord } from '../src/core/markdown.js';
import { formatJson } from '../src/report/json.js';
import { formatTerminal } from '../src/report/terminal.js';
import { examplePath } from './helpers/cli.js';

/** Markdown-shaped fragments, so generated documents reach the parser's interesting paths. */
const fragment = fc.constantFrom(
  '## Q1: What is CAP?',
  '### 2. Consensus [L2]',
  '#### Question 3 — Quorums',
  '## Questions',
  '## Cheat Sheet',
  '**Difficulty:** L1',
  'Difficulty: **L4**',
  '**Answer:**',
  '**Project Example:**',
  '#### Project example',
  '**Tradeoff:**',
  '**📊 Metric:**',
  '**Gotcha — Common wrong answers:**',
  '- ❌ "claim" — Wrong. because reasons here',
  '1. **Wrong:** "x" — y z w',
  '  continued line',
  '```',
  '~~~',
  '> quoted',
  '| 1 | CAP | pick C | `raft` | 2 s |',
  '|---|---|',
  '---',
  '',
  '\r',
  '\uFEFF',
  '<!-- c -->',
  '<details>',
  '- ',
  '1) ',
  '`verify-service` at 40 ms',
  '***',
  '* * *',
  '    indented code',
  '[L3]',
  '\t',
  '****',
  '##',
  '#',
);

const documentArb = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.oneof(fragment, fc.string({ maxLength: 30 })), { maxLength: 60 }).map((parts) => parts.join('\n')),
  fc.array(fc.oneof(fragment, fc.string({ maxLength: 10 })), { maxLength: 60 }).map((parts) => parts.join('')),
);

describe('any input yields a report', () => {
  it('lint never throws, and every finding points inside the document', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const result = lint(doc);
        const lines = doc.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
        for (const finding of result.findings) {
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(finding.line).toBeLessThanOrEqual(lines);
          expect(finding.message.length).toBeGreaterThan(0);
        }
        expect(result.score.passed).toBeLessThanOrEqual(result.score.total);
        expect(result.passed).toBe(result.criteria.every((c) => c.passed));
        expect(() => JSON.parse(formatJson(result))).not.toThrow();
        expect(formatTerminal(result, { color: false }).endsWith('\n')).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('the same document with CRLF line endings gives the same findings', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const lf = parts.filter((p) => p !== '\r').join('\n');
        const crlf = lf.replace(/\n/g, '\r\n');
        const view = (doc: string) => lint(doc).findings.map((f) => `${f.line} ${f.ruleId}/${f.messageId}`);
        expect(view(crlf)).toEqual(view(lf));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parsing section by section', () => {
  const blockFragment = fc.constantFrom(
    '## Q1: A',
    '### 2. B',
    '# Title',
    '#',
    '## ',
    '  ## indented',
    '```',
    '```js',
    '~~~',
    '````',
    '``` `x`',
    '<!--',
    '-->',
    '<!-- c --> ## Q3',
    '<script>',
    '</script>',
    '<pre>',
    '</pre>',
    '<?',
    '?>',
    '<!X',
    '>',
    '<![CDATA[',
    ']]>',
    '<div>',
    '</div>',
    '- item',
    '  - nested',
    '1. one',
    '> quote',
    '> ## quoted',
    '| a | b |',
    '|---|---|',
    'text',
    '**Answer:** x',
    '',
    '',
    '',
    '    code',
    '---',
    '===',
    'Setext',
    '[ref]: https://example.com',
    'see [ref]',
  );

  function viaSections(body: string): LineRecord[] {
    const out: LineRecord[] = [];
    for (const section of splitSections(body)) {
      walkRecords(parseMarkdown(section.text), (record) => {
        record.line += section.line;
        record.endLine += section.line;
        out.push(record);
      });
    }
    return out;
  }

  it('gives the same line records as parsing the whole document', () => {
    fc.assert(
      fc.property(fc.array(blockFragment, { maxLength: 80 }), (lines) => {
        const body = lines.join('\n');
        expect(viaSections(body)).toEqual(lineRecords(body));
      }),
      { numRuns: 800 },
    );
  });

  it('splits the shipped example at its question headings', () => {
    const body = readFileSync(examplePath, 'utf8');
    const sections = splitSections(body);
    expect(sections.length).toBeGreaterThanOrEqual(17);
    expect(sections.map((s) => s.text).join('')).toBe(body);
    expect(viaSections(body)).toEqual(lineRecords(body));
  });
});
