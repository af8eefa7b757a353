/**
 * Cuts a document into question entries, the sections that group them and the cheat sheet, in one pass over
 * its line records. An entry runs from its question heading to the next heading at its level or above.
 */
import { matchRows, namesCheatSheet, SheetReader } from './cheat-sheet.js';
import { parseRating, SectionRatings } from './difficulty.js';
import type { EntryInput } from './entry.js';
import type { QuestionHeading, QuestionHeadings } from './headings.js';
import type { LineRecord } from './markdown.js';
import type { CheatSheet, Question } from './types.js';

export class Outline {
  /** The entries cut out so far, in document order. */
  readonly entries: EntryInput[] = [];
  /** The entry whose records are being collected, until a heading at its level or above ends it. */
  private entryInProgress: EntryInput | null = null;
  private readonly sectionRatings = new SectionRatings();
  /** The cheat-sheet section whose rows are being collected. */
  private sheetInProgress: SheetReader | null = null;
  /** The cheat sheet the document's model gets: the first with rows, else the first. */
  private chosenSheet: { sheet: CheatSheet; keepSummary: boolean } | null = null;

  /** `lines` are the document's source lines. */
  constructor(
    private readonly lines: string[],
    private readonly questionHeadings: QuestionHeadings,
  ) {}

  visit(record: LineRecord): void {
    if (record.kind === 'heading' && record.quote === 0 && record.list === 0) {
      this.heading(record);
      return;
    }
    if (this.sheetInProgress) this.sheetInProgress.visit(record);
    else if (this.entryInProgress) this.entryInProgress.records.push(record);
  }

  /** Ends the open entry and cheat sheet at the end of the document. */
  finish(): void {
    this.closeEntry(this.lines.length);
    this.closeSheet(this.lines.length);
  }

  /** The cheat sheet, its rows matched to the questions; the first sheet with rows wins. */
  sheet(questions: readonly Question[]): CheatSheet | null {
    if (this.chosenSheet === null) return null;
    matchRows(this.chosenSheet.sheet, questions, this.chosenSheet.keepSummary);
    return this.chosenSheet.sheet;
  }

  private heading(record: LineRecord): void {
    const question = this.questionHeadings.match(record);
    if (question) {
      this.closeEntry(record.line - 1);
      this.closeSheet(record.line - 1);
      this.openEntry(record, question);
      return;
    }
    // a document title (level 1) that mentions the cheat sheet is not the sheet, nor is a sub-heading inside an answer
    const insideAnswer = this.entryInProgress !== null && record.level > this.entryInProgress.level;
    if (record.level > 1 && !insideAnswer && namesCheatSheet(record.text)) {
      this.closeEntry(record.line - 1);
      this.closeSheet(record.line - 1);
      this.sectionRatings.group(record, false);
      this.sheetInProgress = new SheetReader(record, record.level, this.lines);
      return;
    }
    if (this.sheetInProgress && record.level <= this.sheetInProgress.level) this.closeSheet(record.line - 1);
    if (insideAnswer) {
      this.entryInProgress!.records.push(record);
      return;
    }
    this.closeEntry(record.line - 1);
    if (this.sheetInProgress) this.sheetInProgress.visit(record);
    else this.sectionRatings.group(record, true);
  }

  private openEntry(record: LineRecord, question: QuestionHeading): void {
    this.entryInProgress = {
      number: question.number,
      title: question.title,
      line: record.line,
      level: record.level,
      tag: question.tag ? parseRating(question.tag, record.line, 'heading') : null,
      section: this.sectionRatings.forQuestionAt(record.level),
      records: [],
      endLine: record.line,
    };
  }

  private closeEntry(endLine: number): void {
    if (!this.entryInProgress) return;
    this.entryInProgress.endLine = lastContentLine(this.lines, this.entryInProgress.line, endLine);
    this.entries.push(this.entryInProgress);
    this.entryInProgress = null;
  }

  private closeSheet(endLine: number): void {
    const reader = this.sheetInProgress;
    if (!reader) return;
    this.sheetInProgress = null;
    const sheet = reader.close(lastContentLine(this.lines, reader.sheet.line, endLine));
    // a later sheet with rows wins over an empty one
    if (this.chosenSheet === null || this.chosenSheet.sheet.rows.length === 0) this.chosenSheet = { sheet, keepSummary: reader.hasSummaryColumn };
  }
}

function lastContentLine(lines: string[], start: number, end: number): number {
  let line = Math.min(end, lines.length);
  while (line > start && lines[line - 1]!.trim() === '') line--;
  return line;
}
