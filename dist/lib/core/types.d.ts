/** The kinds of part an entry can have, in the order the lesson asks for them. */
export type PartKind = 'difficulty' | 'theory' | 'project' | 'tradeoff' | 'metric' | 'gotchas';
/** How a part was introduced in the document. */
export type LabelStyle = 'heading' | 'bold' | 'plain' | 'list' | 'implicit';
/** A 1-based, inclusive line range. */
export interface Span {
    line: number;
    endLine: number;
}
/** A line of plain text and where it stands. */
export interface TextLine {
    line: number;
    text: string;
}
/** One labelled (or implicit) part of an entry, with the prose under it. */
export interface Part extends Span {
    kind: PartKind;
    style: LabelStyle;
    /** The label as written, without markup ("Gotcha — Common wrong answers"). */
    label: string;
    /** Plain text of the part, label excluded, code blocks excluded. */
    text: string;
    /** The same text line by line, each with its 1-based source line (for findings inside a part). */
    lines: TextLine[];
    /** Contents of inline code spans in the part. */
    codeSpans: string[];
}
/** One common wrong answer in a gotcha list. */
export interface GotchaItem extends Span {
    /** Plain text of the whole item. */
    text: string;
    /** The wrong claim, as quoted or up to the first separator. */
    claim: string;
    /** Why the claim is wrong; empty when the item gives no reason. */
    reason: string;
}
export interface Difficulty {
    /** `L1`, `L2` or `L3` when valid, otherwise null. */
    level: 'L1' | 'L2' | 'L3' | null;
    /** What the learner wrote, trimmed and shortened. */
    raw: string;
    line: number;
}
export interface Question extends Span {
    number: number;
    title: string;
    /** Heading level, 2 to 4. */
    level: number;
    difficulty: Difficulty | null;
    /** Parts in document order; a kind written twice is merged into its first occurrence. */
    parts: Part[];
    theory: Part | null;
    project: Part | null;
    tradeoff: Part | null;
    metric: Part | null;
    gotchas: Part | null;
    gotchaItems: GotchaItem[];
}
export interface CheatSheetRow {
    line: number;
    /** Cell texts for a table row; a single cell for a list item. */
    cells: string[];
    /** The row as printed, cells joined. */
    text: string;
    /** Number of source lines the row spans (list items can wrap). */
    sourceLines: number;
    /** The ordered-list number, for a list row. */
    listNumber: number | null;
}
export interface CheatSheet extends Span {
    title: string;
    rows: CheatSheetRow[];
    /** Source line lengths of the whole section, for the one-page check. */
    lineLengths: number[];
}
export interface FrontMatter extends Span {
    raw: string;
}
/** The typed model of a playbook, with 1-based line positions. */
export interface Playbook {
    lineCount: number;
    frontMatter: FrontMatter | null;
    questions: Question[];
    cheatSheet: CheatSheet | null;
}
export type Severity = 'error' | 'warning';
