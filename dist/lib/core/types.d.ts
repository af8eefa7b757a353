/** The kinds of part an entry can have, in the order the lesson asks for them. */
export type PartKind = 'theory' | 'project' | 'tradeoff' | 'metric' | 'gotchas';
/**
 * How a part was recognised: by a label in a sub-heading, an emphasised run, plain "Word:" prose, a list
 * item, an Obsidian callout title or an HTML `<summary>`; or without a label, by the wording of an
 * unlabelled paragraph in that part's place in the order, or by position (prose before any label is the
 * answer's theory). A table row whose first cell is a label (`| Theory | … |`) is a part too.
 */
export type LabelStyle = 'heading' | 'bold' | 'plain' | 'list' | 'table' | 'callout' | 'html' | 'wording' | 'position';
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
/**
 * Where a difficulty was found: a tag in the question's heading (`[L2]`), a label line (`**Level:** L1`,
 * `Difficulty — L2`, `Level:: L3`), a badge or tag line on its own (`🟢 L1`, `#L2`), or the heading of
 * the section that groups the question (`## Level 2 (intermediate)`).
 */
export type DifficultySource = 'heading' | 'label' | 'badge' | 'section';
export interface Difficulty {
    /** `L1`, `L2` or `L3` when valid, otherwise null. */
    level: 'L1' | 'L2' | 'L3' | null;
    /** What the learner wrote, trimmed and shortened. */
    raw: string;
    line: number;
    how: DifficultySource;
}
/** What a near miss looked like: a part, or a difficulty rating. */
export type NearMissKind = PartKind | 'difficulty';
/** Something that looks like what a rule wants but was not taken as it, and why: shown by `explain` and in findings. */
export interface NearMiss {
    line: number;
    /** What it looked like: "difficulty", "theory", … */
    kind: NearMissKind;
    text: string;
    why: string;
}
/** Points at the earlier question a question repeats. */
export interface CopyOf {
    number: number;
    line: number;
    /** Share of the word sequences the two entries have in common, 0 to 1. */
    similarity: number;
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
    /** Set when the entry repeats an earlier one's text: a copy is not a distinct question. */
    copyOf: CopyOf | null;
    nearMisses: NearMiss[];
}
export interface CheatSheetRow {
    line: number;
    /** Cell texts for a table row; a single cell for a list item. */
    cells: string[];
    /** The row as printed, cells joined. */
    text: string;
    /** Number of source lines the row spans (a wrapped list item or table row). */
    sourceLines: number;
    /** The ordered-list number, for a list row. */
    listNumber: number | null;
    /** The number of the question the row summarises, or null when it names none. */
    question: number | null;
    /** The heading line of that question (two questions may share a number), or null. */
    questionLine: number | null;
    /** The one-line answer: the row without the cells that name the question. */
    summary: string;
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
