/**
 * Reading the cheat sheet: its rows (table rows or list items, one source line each when written well) and
 * which question each row summarises.
 */
import type { LineRecord } from './markdown.js';
import { normalize } from './text.js';
import type { CheatSheet, CheatSheetRow, Question } from './types.js';

/** Headings that name the cheat sheet. */
const CHEAT_SHEET_HEADING =
  /\b(?:cheat ?sheets?|crib sheets?|quick (?:reference|review|summary)|one ?(?:line|page) summar(?:y|ies)|summary table|at a glance|tl ?dr)\b|^(?:summary|summaries|review sheet)$/;
/** Only this much of a heading is read when deciding whether it names the cheat sheet. */
const HEADING_PREFIX = 300;

/** Header cells that name the one-line answer column. */
const SUMMARY_HEADER = /^(?:summary|one ?line(?:r| answer| summary)?|one ?liners?|answer|short answer|tl ?dr|key (?:idea|point)|gist|in one line)$/;

const ROW_NUMBER = /^\s{0,3}(?:q(?:uestion)?\s{0,2}|#\s{0,2})?(\d{1,7})\b[\s.:)\-–—|]*/i;
/** Above this many title comparisons, rows are matched by number and exact title only. */
const MAX_FUZZY_COMPARISONS = 250_000;

/** Whether a heading names the cheat sheet ("Cheat Sheet", "Quick reference", "TL;DR"). */
export function namesCheatSheet(heading: string): boolean {
  return CHEAT_SHEET_HEADING.test(normalize(heading.slice(0, HEADING_PREFIX)));
}

/** Collects a cheat-sheet section's rows from its records; `lines` are the document's source lines. */
export class SheetReader {
  private readonly tableRows: CheatSheetRow[] = [];
  private readonly listRows: CheatSheetRow[] = [];
  private lastRow: CheatSheetRow | null = null;
  /** Source line of the last table row line read, to tell a wrapped row from a new paragraph. */
  private lastTableLine = 0;
  /** The table's rows start with a pipe, so a line that does not is a wrapped row. */
  private pipeLed = false;
  private summaryColumn = -1;
  readonly sheet: CheatSheet;

  constructor(
    heading: LineRecord,
    readonly level: number,
    private readonly lines: readonly string[],
  ) {
    this.sheet = { title: heading.text, line: heading.line, endLine: heading.line, rows: [], lineLengths: [] };
  }

  visit(record: LineRecord): void {
    if (record.kind === 'row') {
      this.tableRow(record);
      return;
    }
    if (record.kind !== 'text') {
      this.lastRow = null;
      return;
    }
    if (record.list === 0) {
      this.looseLine(record);
      return;
    }
    if (record.itemStart && record.list === 1) {
      this.lastRow = newRow(record.line, listRowCells(record), record.text, record.itemNumber);
      this.listRows.push(this.lastRow);
    } else if (this.lastRow) {
      this.continueRow(this.lastRow, record.text);
    }
  }

  private tableRow(record: LineRecord): void {
    const source = this.lines[record.line - 1] ?? '';
    if (record.header) {
      this.pipeLed = source.trimStart().startsWith('|');
      this.summaryColumn = record.cells.findIndex((cell) => SUMMARY_HEADER.test(normalize(cell)));
      this.lastTableLine = record.line + 1; // the delimiter row
      return;
    }
    const previous = this.tableRows[this.tableRows.length - 1];
    // "| 6 | … ReadIndex;\nnicknames come … |": the second line is the first one's wrapped tail
    if (this.pipeLed && !source.trimStart().startsWith('|') && previous !== undefined) {
      this.continueRow(previous, record.text);
    } else {
      this.lastRow = newRow(record.line, record.cells, record.text, null);
      this.tableRows.push(this.lastRow);
    }
    this.lastTableLine = record.line;
  }

  /** A paragraph line in the sheet: a table row the table lost after a wrap, a wrapped row's tail, or prose. */
  private looseLine(record: LineRecord): void {
    const source = (this.lines[record.line - 1] ?? '').trimStart();
    const previous = this.tableRows[this.tableRows.length - 1];
    if (this.tableRows.length > 0 && source.startsWith('|') && record.line === this.lastTableLine + 1) {
      const cells = record.text
        .replace(/^\s*\||\|\s*$/g, '')
        .split('|')
        .map((cell) => cell.trim());
      this.lastRow = newRow(record.line, cells, cells.join(' | '), null);
      this.tableRows.push(this.lastRow);
      this.lastTableLine = record.line;
    } else if (previous !== undefined && record.line === this.lastTableLine + 1) {
      this.continueRow(previous, record.text);
      this.lastTableLine = record.line;
    } else {
      this.lastRow = null;
    }
  }

  private continueRow(row: CheatSheetRow, text: string): void {
    row.text = `${row.text} ${text}`;
    row.cells[row.cells.length - 1] += ` ${text}`;
    row.sourceLines++;
  }

  /** Ends the section at `endLine` (its last line with content). */
  close(endLine: number): CheatSheet {
    const sheet = this.sheet;
    sheet.endLine = endLine;
    sheet.rows = this.tableRows.length > 0 ? this.tableRows : this.listRows;
    for (let line = sheet.line; line <= sheet.endLine; line++) sheet.lineLengths.push(this.lines[line - 1]!.length);
    if (this.tableRows.length > 0 && this.summaryColumn >= 0) {
      for (const row of this.tableRows) row.summary = row.cells[this.summaryColumn] ?? '';
    }
    return sheet;
  }

  /** Whether the sheet's summaries come from a named column (matching keeps them). */
  get hasSummaryColumn(): boolean {
    return this.tableRows.length > 0 && this.summaryColumn >= 0;
  }
}

function newRow(line: number, cells: string[], text: string, listNumber: number | null): CheatSheetRow {
  return { line, cells: [...cells], text, sourceLines: 1, listNumber, question: null, questionLine: null, summary: '' };
}

/** A list row as cells: "**Topic:** summary" or "Topic — summary" splits in two; otherwise one cell. */
function listRowCells(record: LineRecord): string[] {
  if (record.lead !== null) return [record.lead.replace(/[\s:：\-–—]+$/, ''), record.afterLead.replace(/^[\s:：\-–—]+/, '')];
  const separator = /:\s|\s[—–]\s|\s--?\s|\s\|\s/.exec(record.text);
  if (separator === null) return [record.text];
  return [record.text.slice(0, separator.index), record.text.slice(separator.index + separator[0].length)];
}

/**
 * Names each row's question (by its number, then by its title) and, where no column is named as the
 * summary, takes the cells that do not name the question as the summary.
 */
export function matchRows(sheet: CheatSheet, questions: readonly Question[], keepSummary: boolean): void {
  const matcher = new RowMatcher(questions, sheet.rows.length);
  for (const row of sheet.rows) {
    const { question, rest } = matcher.match(row);
    row.question = question?.number ?? null;
    row.questionLine = question?.line ?? null;
    if (!keepSummary) row.summary = rest;
  }
}

/** Matches cheat-sheet rows to questions by number, then by title. */
class RowMatcher {
  /** Questions by number; two distinct questions may share one, and take its rows in turn. */
  private readonly byNumber = new Map<number, Question[]>();
  private readonly used = new Set<Question>();
  private readonly byTitle = new Map<string, Question>();
  private readonly fuzzy: boolean;

  constructor(
    private readonly questions: readonly Question[],
    rows: number,
  ) {
    for (const question of questions) {
      if (question.copyOf !== null) continue;
      const list = this.byNumber.get(question.number);
      if (list) list.push(question);
      else this.byNumber.set(question.number, [question]);
      const title = normalize(question.title);
      if (title.length > 0 && !this.byTitle.has(title)) this.byTitle.set(title, question);
    }
    this.fuzzy = questions.length * rows <= MAX_FUZZY_COMPARISONS;
  }

  /** The row's question (or null) and its summary: the cells that are not the number or the question. */
  match(row: CheatSheetRow): { question: Question | null; rest: string } {
    const cells = row.cells;
    const first = cells[0] ?? '';
    // an ordered list's own number names the row, unless the text names a question itself ("1. Q3: …")
    if (row.listNumber !== null && !/^\s{0,3}(?:q(?:uestion)?|#)\s{0,2}\d/i.test(first)) {
      const rest = cells.length > 1 ? cells.slice(1).join(' ') : first;
      return { question: this.numbered(row.listNumber), rest };
    }
    const numbered = ROW_NUMBER.exec(first);
    if (numbered) {
      const question = this.numbered(Number(numbered[1]));
      const inline = first.slice(numbered[0].length);
      // | 1 | question | answer | … : the second cell names the question
      const rest = cells.length >= 3 ? cells.slice(2) : [inline, ...cells.slice(1)];
      return { question, rest: rest.join(' ') };
    }
    for (let i = 0; i < cells.length; i++) {
      const cell = normalize(cells[i]!);
      const question = this.byTitle.get(cell) ?? (this.fuzzy ? this.containing(cell) : null);
      if (question) return { question, rest: cells.filter((_, j) => j !== i).join(' ') };
    }
    return { question: null, rest: cells.length > 1 ? cells.slice(1).join(' ') : first };
  }

  /** The question a row's number names: the first with that number not yet given a row. */
  private numbered(number: number): Question | null {
    const list = this.byNumber.get(number);
    if (list === undefined) return null;
    const question = list.find((q) => !this.used.has(q)) ?? list[0]!;
    this.used.add(question);
    return question;
  }

  /** A question whose title holds the cell's words, or whose words the cell holds; unique matches only. */
  private containing(cell: string): Question | null {
    if (cell.split(' ').length < 2) return null;
    let found: Question | null = null;
    for (const question of this.questions) {
      const title = normalize(question.title);
      if (title.length === 0) continue;
      if (` ${title} `.includes(` ${cell} `) || ` ${cell} `.includes(` ${title} `)) {
        if (found !== null && found !== question) return null;
        found = question;
      }
    }
    return found;
  }
}
