/**
 * Builds the playbook model: front matter (`front-matter.ts`), an outline of the document cut at its question
 * headings (`headings.ts`, `outline.ts`), each entry read on its own (`entry.ts`), the cheat sheet's rows
 * matched to the questions (`cheat-sheet.ts`), and copied entries marked (`copies.ts`).
 */
import { markCopies } from './copies.js';
import { readEntry } from './entry.js';
import { splitFrontMatter } from './front-matter.js';
import { questionHeadings } from './headings.js';
import { parseMarkdown, splitSections, walkRecords, type LineRecord } from './markdown.js';
import { Outline } from './outline.js';
import type { Playbook } from './types.js';

/** Documents larger than this (in UTF-16 code units) are parsed section by section. */
const SECTION_THRESHOLD = 256 * 1024;

/** Parses a playbook's text into its model. */
export function parsePlaybook(input: string): Playbook {
  const source = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { frontMatter, body } = splitFrontMatter(source);
  const lines = body.split('\n');
  const records = documentRecords(body);
  const outline = new Outline(lines, questionHeadings(records));
  for (const record of records) outline.visit(record);
  outline.finish();
  const questions = outline.entries.map((entry) => readEntry(entry, lines));
  markCopies(questions);
  const cheatSheet = outline.sheet(questions);
  return { lineCount: lines.length, frontMatter, questions, cheatSheet };
}

/** The body's line records, with document line numbers. */
function documentRecords(body: string): LineRecord[] {
  // a large document one section at a time, so each section's tokens are garbage before the next is parsed
  // (the records are the same either way; a small one is parsed whole, which is faster cold)
  const records: LineRecord[] = [];
  const sections = body.length > SECTION_THRESHOLD ? splitSections(body) : [{ line: 0, text: body }];
  for (const section of sections) {
    walkRecords(parseMarkdown(section.text), (record) => {
      record.line += section.line;
      record.endLine += section.line;
      records.push(record);
    });
  }
  return records;
}
