/**
 * Builds the playbook model: front matter, an outline of the document (question entries, the sections that
 * group them, the cheat sheet), then each entry read on its own (`entry.ts`), the cheat sheet's rows matched to
 * the questions, and copied entries marked.
 */
import { CHEAT_SHEET_HEADING, matchRows, SheetReader } from './cheat-sheet.js';
import { markCopies } from './copies.js';
import { headingTag, parseRating, sectionRating } from './difficulty.js';
import { readEntry, type EntryInput } from './entry.js';
import { parseMarkdown, splitSections, walkRecords, type LineRecord } from './markdown.js';
import { firstWordIndex, normalize } from './text.js';
import type { CheatSheet, Difficulty, FrontMatter, Part, Playbook, Question } from './types.js';

/** Documents larger than this (in UTF-16 code units) are parsed section by section. */
const SECTION_THRESHOLD = 256 * 1024;

/** Only this much of a heading is read when deciding whether it is a question. */
const HEADING_PREFIX = 300;

// "Q1: …", "Q 1 - …", "Question 3 — …", "#4 …", "1. …", "1) …": a number, then a separator.
const QUESTION_HEADING =
  /^(?:(?:q|question)\s{0,3}(?:#\s{0,3})?(\d{1,7})\b(?:\s{0,3}[.:)\-–—|·]+)?|#(\d{1,7})\b(?:\s{0,3}[.:)\-–—|·]+)?|(\d{1,7})\s{0,3}[.:)\-–—|·]+)\s*/i;

/** The parts an interviewee says aloud: every part but the gotchas. */
export function spokenParts(question: Question): Part[] {
  return question.parts.filter((part) => part.kind !== 'difficulty' && part.kind !== 'gotchas');
}

/** The questions that count: every entry that is not a copy of an earlier one. */
export function distinctQuestions(doc: Playbook): Question[] {
  return doc.questions.filter((question) => question.copyOf === null);
}

/** Parses a playbook's text into its model. */
export function parsePlaybook(input: string): Playbook {
  const source = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { frontMatter, body } = splitFrontMatter(source);
  const lines = body.split('\n');
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
  const outline = new Outline(lines, questionStyle(records));
  for (const record of records) outline.visit(record);
  outline.finish();
  const questions = outline.entries.map((entry) => readEntry(entry, lines));
  markCopies(questions);
  const cheatSheet = outline.sheet(questions);
  return { lineCount: lines.length, frontMatter, questions, cheatSheet };
}

/** Finds YAML front matter and blanks it out, keeping every line in place. */
function splitFrontMatter(source: string): { frontMatter: FrontMatter | null; body: string } {
  if (!/^---[ \t]*\n/.test(source)) return { frontMatter: null, body: source };
  const close = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/g;
  close.lastIndex = 3;
  const match = close.exec(source);
  if (!match) return { frontMatter: null, body: source };
  const end = match.index + match[0].length;
  const block = source.slice(0, end);
  const lineBreaks = block.endsWith('\n') ? countNewlines(block) : countNewlines(block) + 1;
  const raw = source.slice(source.indexOf('\n') + 1, match.index + 1);
  return {
    frontMatter: { line: 1, endLine: lineBreaks, raw },
    body: '\n'.repeat(block.endsWith('\n') ? lineBreaks : lineBreaks - 1) + source.slice(end),
  };
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

interface HeadingMatch {
  number: number;
  title: string;
  tag: string | null;
}

function matchQuestionHeading(text: string): HeadingMatch | null {
  const prefix = text.slice(0, HEADING_PREFIX);
  const head = prefix.slice(firstWordIndex(prefix, '#'));
  const match = QUESTION_HEADING.exec(head);
  if (!match) return null;
  // a bare number must be followed by a separator; "Q1"/"Question 1" need a word boundary only
  const number = Number(match[1] ?? match[2] ?? match[3]);
  let title = text.slice(text.length - head.length + match[0].length);
  const tagged = headingTag(title);
  if (tagged) title = tagged.title;
  // "### 1) Q: What is …?": the "Q:" after the number is not part of the title
  title = title.replace(/^[\s.:)\-–—|·]+|[\s\-–—|·]+$/g, '').replace(/^q\s{0,2}[:.]\s*/i, '');
  return { number, title, tag: tagged ? tagged.tag : null };
}

/** How the document marks its questions: the heading level, and whether the headings carry numbers. */
interface QuestionStyle {
  level: number;
  /** Numbered headings (`## Q1: …`, `### 2) …`); otherwise headings that ask (`## What is CAP?`), numbered in order. */
  numbered: boolean;
}

/** Fewer unnumbered question headings than this are not taken as the document's questions. */
const MIN_UNNUMBERED = 3;
/** The level given to a bold paragraph that stands for a question heading ("**Q1. What is CAP?**"). */
const BOLD_QUESTION_LEVEL = 7;

/**
 * The heading level that holds questions: the one with the most numbered question headings. A document with
 * none may ask its questions in unnumbered headings (`## What is the CAP theorem?`) or in bold paragraphs of
 * their own (`**Q1. What is the CAP theorem?**`), which then stand for headings deeper than any real one.
 */
function questionStyle(records: LineRecord[]): QuestionStyle {
  const numbered = [0, 0, 0, 0, 0];
  const asked = [0, 0, 0, 0, 0];
  for (const r of records) {
    if (r.kind !== 'heading' || r.quote > 0 || r.list > 0 || r.level < 2 || r.level > 4) continue;
    if (matchQuestionHeading(r.text)) numbered[r.level]!++;
    else if (asksQuestion(r.text)) asked[r.level]!++;
  }
  const best = (counts: number[], min: number): number => {
    let level = 0;
    for (let l = 2; l <= 4; l++) if (counts[l]! >= min && counts[l]! > (counts[level] ?? 0)) level = l;
    return level;
  };
  const level = best(numbered, 1);
  if (level > 0) return { level, numbered: true };
  const askedLevel = best(asked, MIN_UNNUMBERED);
  if (askedLevel > 0) return { level: askedLevel, numbered: false };
  const bold = records.filter(
    (r) =>
      r.kind === 'text' &&
      r.paragraphStart &&
      r.quote === 0 &&
      r.list === 0 &&
      r.lead !== null &&
      r.afterLead.length === 0 &&
      matchQuestionHeading(r.lead),
  );
  if (bold.length >= MIN_UNNUMBERED) {
    for (const r of bold) {
      r.kind = 'heading';
      r.level = BOLD_QUESTION_LEVEL;
    }
    return { level: BOLD_QUESTION_LEVEL, numbered: true };
  }
  return { level: 0, numbered: true };
}

/** An unnumbered heading that asks something: "What is the CAP theorem?". */
function asksQuestion(text: string): boolean {
  return (
    /\?\s*(?:[[(]\s{0,3}L\s?\d{1,2}\s{0,3}[\])])?\s*$/i.test(text.slice(0, HEADING_PREFIX)) &&
    !CHEAT_SHEET_HEADING.test(normalize(text.slice(0, HEADING_PREFIX)))
  );
}

/**
 * Cuts the document into question entries, the sections that group them and the cheat sheet, in one pass
 * over the line records. An entry runs from its heading to the next heading at its level or above.
 */
class Outline {
  readonly entries: EntryInput[] = [];
  private entry: EntryInput | null = null;
  /** Ratings given by grouping headings, by heading level. */
  private readonly groups: (Difficulty | null)[] = [];
  private sheetReader: SheetReader | null = null;
  private chosen: { sheet: CheatSheet; keepSummary: boolean } | null = null;

  /** Unnumbered questions are numbered in order. */
  private asked = 0;

  constructor(
    private readonly lines: string[],
    private readonly style: QuestionStyle,
  ) {}

  visit(record: LineRecord): void {
    if (record.kind === 'heading' && record.quote === 0 && record.list === 0) {
      this.heading(record);
      return;
    }
    if (this.sheetReader) this.sheetReader.visit(record);
    else if (this.entry) this.entry.records.push(record);
  }

  /** Ends the open entry and cheat sheet at the end of the document. */
  finish(): void {
    this.closeEntry(this.lines.length);
    this.closeSheet(this.lines.length);
  }

  /** The cheat sheet, its rows matched to the questions; the first sheet with rows wins. */
  sheet(questions: readonly Question[]): CheatSheet | null {
    if (this.chosen === null) return null;
    matchRows(this.chosen.sheet, questions, this.chosen.keepSummary);
    return this.chosen.sheet;
  }

  private heading(record: LineRecord): void {
    const match = record.level === this.style.level ? this.questionHeading(record.text) : null;
    if (match) {
      this.closeEntry(record.line - 1);
      this.closeSheet(record.line - 1);
      this.openEntry(record, match);
      return;
    }
    // a document title (level 1) that mentions the cheat sheet is not the sheet, nor is a sub-heading inside an answer
    const insideAnswer = this.entry !== null && record.level > this.entry.level;
    if (record.level > 1 && !insideAnswer && CHEAT_SHEET_HEADING.test(normalize(record.text.slice(0, HEADING_PREFIX)))) {
      this.closeEntry(record.line - 1);
      this.closeSheet(record.line - 1);
      this.group(record, false);
      this.sheetReader = new SheetReader(record, record.level, this.lines);
      return;
    }
    if (this.sheetReader && record.level <= this.sheetReader.level) this.closeSheet(record.line - 1);
    if (this.entry && record.level > this.entry.level) {
      this.entry.records.push(record);
      return;
    }
    this.closeEntry(record.line - 1);
    if (this.sheetReader) this.sheetReader.visit(record);
    else this.group(record, true);
  }

  private questionHeading(text: string): HeadingMatch | null {
    if (this.style.numbered) return matchQuestionHeading(text);
    if (!asksQuestion(text)) return null;
    const tagged = headingTag(text);
    return { number: ++this.asked, title: (tagged ? tagged.title : text).trim(), tag: tagged ? tagged.tag : null };
  }

  /** A heading outside any entry: it ends the groups at its level and below, and may rate the questions under it. */
  private group(record: LineRecord, rates: boolean): void {
    this.groups.length = Math.min(this.groups.length, record.level);
    // the document's title (level 1) names the whole playbook, whatever level words it uses
    this.groups[record.level] = rates && record.level > 1 ? sectionRating(record.text, record.line) : null;
  }

  private openEntry(record: LineRecord, match: HeadingMatch): void {
    // questions at a grouping heading's own level do not end its group ("### L1 — Basics" then "### Q1 …")
    this.groups.length = Math.min(this.groups.length, record.level + 1);
    let section: Difficulty | null = null;
    for (const rating of this.groups) if (rating) section = rating;
    this.entry = {
      number: match.number,
      title: match.title,
      line: record.line,
      level: record.level,
      tag: match.tag ? parseRating(match.tag, record.line, 'heading') : null,
      section,
      records: [],
      endLine: record.line,
    };
  }

  private closeEntry(endLine: number): void {
    if (!this.entry) return;
    this.entry.endLine = lastContentLine(this.lines, this.entry.line, endLine);
    this.entries.push(this.entry);
    this.entry = null;
  }

  private closeSheet(endLine: number): void {
    const reader = this.sheetReader;
    if (!reader) return;
    this.sheetReader = null;
    const sheet = reader.close(lastContentLine(this.lines, reader.sheet.line, endLine));
    // a later sheet with rows wins over an empty one
    if (this.chosen === null || this.chosen.sheet.rows.length === 0) this.chosen = { sheet, keepSummary: reader.hasSummaryColumn };
  }
}

function lastContentLine(lines: string[], start: number, end: number): number {
  let line = Math.min(end, lines.length);
  while (line > start && lines[line - 1]!.trim() === '') line--;
  return line;
}
