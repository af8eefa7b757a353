/**
 * Part labels: the words learners put in front of a part ("**Answer:**", "##### Tradeoff", "Where I used it",
 * "> [!warning] Common wrong answers", "<summary>Gotchas</summary>") and the kind of part each names.
 */
import type { LineRecord } from './markdown.js';
import type { LabelStyle, PartKind } from './types.js';
/** The spoken parts in the lesson's order: Theory → Project → Tradeoff → Metric. */
export declare const SPOKEN_ORDER: readonly ["theory", "project", "tradeoff", "metric"];
export type SpokenKind = (typeof SPOKEN_ORDER)[number];
/**
 * Classifies a label ("Gotcha — Common wrong answers", "Trade-offs", "📈 Metric", "In trust-platform") as a
 * part kind. The label must start with a known phrase and have at most eight words; a `plain` label (no
 * emphasis, no heading) must be one of the unambiguous phrases exactly. The difficulty is read elsewhere.
 */
export declare function classifyLabel(label: string, plain?: boolean): PartKind | null;
/** A label found on a line: its kind, the label as written, what follows it on the line, and its style. */
export interface Label {
    kind: PartKind;
    label: string;
    rest: string;
    style: LabelStyle;
}
/** Splits an emphasised lead ("Difficulty: L2", "Concept", "Theory.") into the label and the rest of its text. */
export declare function splitLead(lead: string, after: string): {
    label: string;
    rest: string;
};
/**
 * Reads a part label at the start of a text line: an emphasised run ("**Tradeoff:**", "*Theory*"), an
 * Obsidian callout title ("[!warning] Common wrong answers"), or plain "Answer:" where a paragraph or list
 * item begins.
 */
export declare function lineLabel(record: LineRecord): Label | null;
/** The label of an HTML block that opens a folded part: `<details><summary>Gotchas</summary>`. */
export declare function htmlLabel(html: string): Label | null;
