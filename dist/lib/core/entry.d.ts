import type { LineRecord } from './markdown.js';
import type { Difficulty, Question } from './types.js';
/** An entry as the outline cut it out: its heading and the records up to the next question. */
export interface EntryInput {
    number: number;
    title: string;
    line: number;
    /** Heading level. */
    level: number;
    /** A rating tagged in the heading. */
    tag: Difficulty | null;
    /** The rating of the section that groups the question, if its heading gives one. */
    section: Difficulty | null;
    records: LineRecord[];
    endLine: number;
}
/** Reads an entry into a question. */
export declare function readEntry(input: EntryInput, lines: readonly string[]): Question;
