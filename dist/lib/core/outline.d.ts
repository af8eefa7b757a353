import type { EntryInput } from './entry.js';
import type { QuestionHeadings } from './headings.js';
import type { LineRecord } from './markdown.js';
import type { CheatSheet, Question } from './types.js';
export declare class Outline {
    private readonly lines;
    private readonly questionHeadings;
    /** The entries cut out so far, in document order. */
    readonly entries: EntryInput[];
    /** The entry whose records are being collected, until a heading at its level or above ends it. */
    private entryInProgress;
    private readonly sectionRatings;
    /** The cheat-sheet section whose rows are being collected. */
    private sheetInProgress;
    /** The cheat sheet the document's model gets: the first with rows, else the first. */
    private chosenSheet;
    /** `lines` are the document's source lines. */
    constructor(lines: string[], questionHeadings: QuestionHeadings);
    visit(record: LineRecord): void;
    /** Ends the open entry and cheat sheet at the end of the document. */
    finish(): void;
    /** The cheat sheet, its rows matched to the questions; the first sheet with rows wins. */
    sheet(questions: readonly Question[]): CheatSheet | null;
    private heading;
    private openEntry;
    private closeEntry;
    private closeSheet;
}
