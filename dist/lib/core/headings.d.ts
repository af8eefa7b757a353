import type { LineRecord } from './markdown.js';
/** What a question heading says: the question's number, its title, and a rating tagged in it ("[L2]"). */
export interface QuestionHeading {
    number: number;
    title: string;
    tag: string | null;
}
/** How the document marks its questions: the heading level, and whether the headings carry numbers. */
interface QuestionStyle {
    level: number;
    /** Numbered headings (`## Q1: …`, `### 2) …`); otherwise headings that ask (`## What is CAP?`), numbered in order. */
    numbered: boolean;
}
/** Reads one document's question headings in document order, in the style the document uses. */
export declare class QuestionHeadings {
    private readonly style;
    /** How many unnumbered questions were read: they are numbered in order. */
    private unnumberedCount;
    constructor(style: QuestionStyle);
    /** The question a heading asks, or null when it is not a question heading. */
    match(record: LineRecord): QuestionHeading | null;
}
/** Finds how a document marks its questions; bold paragraphs that stand for question headings become headings. */
export declare function questionHeadings(records: LineRecord[]): QuestionHeadings;
export {};
