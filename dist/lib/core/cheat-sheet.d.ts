/**
 * Reading the cheat sheet: its rows (table rows or list items, one source line each when written well) and
 * which question each row summarises.
 */
import type { LineRecord } from './markdown.js';
import type { CheatSheet, Question } from './types.js';
/** Whether a heading names the cheat sheet ("Cheat Sheet", "Quick reference", "TL;DR"). */
export declare function namesCheatSheet(heading: string): boolean;
/** Collects a cheat-sheet section's rows from its records; `lines` are the document's source lines. */
export declare class SheetReader {
    readonly level: number;
    private readonly lines;
    private readonly tableRows;
    private readonly listRows;
    private lastRow;
    /** Source line of the last table row line read, to tell a wrapped row from a new paragraph. */
    private lastTableLine;
    /** The table's rows start with a pipe, so a line that does not is a wrapped row. */
    private pipeLed;
    private summaryColumn;
    readonly sheet: CheatSheet;
    constructor(heading: LineRecord, level: number, lines: readonly string[]);
    visit(record: LineRecord): void;
    private tableRow;
    /** A paragraph line in the sheet: a table row the table lost after a wrap, a wrapped row's tail, or prose. */
    private looseLine;
    private continueRow;
    /** Ends the section at `endLine` (its last line with content). */
    close(endLine: number): CheatSheet;
    /** Whether the sheet's summaries come from a named column (matching keeps them). */
    get hasSummaryColumn(): boolean;
}
/**
 * Names each row's question (by its number, then by its title) and, where no column is named as the
 * summary, takes the cells that do not name the question as the summary.
 */
export declare function matchRows(sheet: CheatSheet, questions: readonly Question[], keepSummary: boolean): void;
