import type Token from 'markdown-it/lib/token.mjs';
export type RecordKind = 'heading' | 'text' | 'row' | 'code' | 'html';
export interface LineRecord {
    kind: RecordKind;
    /** 1-based source line. */
    line: number;
    /** Last source line (code blocks span several). */
    endLine: number;
    /** Plain text, markup removed (image alt text too: a reader sees the image, not its alt text); raw HTML for `html`. */
    text: string;
    /** Inline code spans on the line. */
    codeSpans: string[];
    /** Text of a bold or italic run that opens the line (after emoji or spaces), if any. */
    lead: string | null;
    /** Plain text after that run. */
    afterLead: string;
    /** Heading level, 0 for other kinds. */
    level: number;
    /** Blockquote depth. */
    quote: number;
    /** List depth. */
    list: number;
    /** First record of a list item's content. */
    itemStart: boolean;
    /** First line of a paragraph (labels in prose count only there, unless bold). */
    paragraphStart: boolean;
    /** The ordered-list number of the item this record starts, or null. */
    itemNumber: number | null;
    /** Table cells, for rows. */
    cells: string[];
    /** Header row of a table. */
    header: boolean;
}
/** markdown-it's tokens for Markdown with LF line endings. */
export declare function parseMarkdown(source: string): Token[];
/** Parses Markdown (LF line endings) into line records. */
export declare function lineRecords(source: string): LineRecord[];
/** Calls `visit` with each line record in document order; records are not kept, so they die young. */
export declare function walkRecords(tokens: Token[], visit: (record: LineRecord) => void): void;
export interface Section {
    /** 0-based line of the section's first line in the document. */
    line: number;
    text: string;
}
/**
 * Splits a document where markdown-it would start afresh anyway: at a heading in column 0 that follows a
 * blank line, outside fenced code and the HTML blocks that span blank lines. Parsing the sections one by one
 * gives the same blocks as parsing the whole, while each section's tokens are freed before the next is made,
 * which keeps a large document's cost linear in its size.
 */
export declare function splitSections(source: string): Section[];
