/**
 * Reading an entry's gotcha items: the wrong answers listed under its gotcha label (list items, lines opened
 * by a mark such as ❌, list lines inside a `<details>` block), each split into the wrong claim and the
 * reason it is wrong.
 */
import type { LineRecord } from './markdown.js';
import type { GotchaItem } from './types.js';
/** Whether a line opens with a wrong-answer mark ("❌ …", "✗ …"). */
export declare function opensWithWrongMark(text: string): boolean;
/** Collects the wrong answers of one entry's gotcha part, line by line. */
export declare class GotchaItemReader {
    private readonly lines;
    private readonly drafts;
    /** List depth of the wrong answers, once the first is seen (0 before). */
    private itemListDepth;
    /** The last wrong answer may still take continuation lines. */
    private lastItemContinues;
    /** List depth of the gotcha label (0 for a paragraph, heading or callout). */
    private labelListDepth;
    /** `lines` are the document's source lines. */
    constructor(lines: readonly string[]);
    /** The gotcha label is a top-level list item ("- **Gotchas:**"): its sibling items may be labels again. */
    get labelIsListItem(): boolean;
    /** The gotcha label, at a list depth: the wrong answers follow it. */
    labelAt(listDepth: number): void;
    /** The last wrong answer takes no more lines (a `</details>` closed it). */
    endItem(): void;
    /** A line of the gotcha part: it starts a wrong answer, continues the last one, or ends it. */
    readLine(record: LineRecord): void;
    /** Wrong answers written as list lines inside the HTML block that holds their `<summary>`. */
    readHtmlList(record: LineRecord): void;
    /** The wrong answers read, each split into its claim and reason. */
    finish(): GotchaItem[];
    private startItem;
    private continueItem;
    private startsParagraph;
}
/** Splits a gotcha item into the wrong claim and the reason it is wrong. */
export declare function splitGotcha(text: string): {
    claim: string;
    reason: string;
};
