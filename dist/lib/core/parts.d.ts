/**
 * Reading an entry's parts (Theory, Project, Tradeoff, Metric, Gotchas): where each starts, the prose under
 * it, and whether the entry labels its parts throughout (then wording never stands in for a label).
 */
import { type Label, type SpokenKind } from './labels.js';
import type { LineRecord } from './markdown.js';
import type { NearMiss, Part, PartKind } from './types.js';
/** Collects one entry's parts in document order; a kind written twice continues its first part. */
export declare class PartsReader {
    /** The parts in document order. */
    private readonly inOrder;
    private readonly draftsByKind;
    /** The part the lines being read belong to; null before the first. */
    private currentPart;
    /** The label each line that may carry one starts with (read once, used twice). */
    private readonly labels;
    /** The entry labels its parts throughout: wording never stands in for a label. */
    private readonly labelled;
    private readonly paragraphs;
    /** Paragraphs whose wording fits a part the labelled entry does not label. */
    private readonly unlabelledHints;
    constructor(records: readonly LineRecord[]);
    /** Whether a part has started: prose before the first is the theory. */
    get started(): boolean;
    /** The kind of the part being read, or null before the first part. */
    get currentKind(): PartKind | null;
    /** Whether the entry has a part of this kind so far. */
    has(kind: PartKind): boolean;
    /** The label a text line starts with, if any. */
    labelOf(record: LineRecord): Label | null;
    /** Starts (or returns to) the part a label names; `consumesLine` when the label's line belongs to the part. */
    start(label: Label, record: LineRecord, consumesLine: boolean): void;
    /** Adds a line's prose to the part being read (there must be one). */
    add(record: LineRecord, text: string): void;
    /** A record with no prose of its own (a code block) still extends the part it stands in. */
    extend(record: LineRecord): void;
    /**
     * The next part in the lesson's order, when an unlabelled paragraph's wording starts it. In an entry that
     * labels its parts the paragraph is noted as a near miss instead, and null returned.
     */
    nextByWording(record: LineRecord): SpokenKind | null;
    /** The parts in document order, each with its text joined. */
    finish(): Part[];
    /** Paragraphs that read as a part the entry has no label for. */
    nearMisses(): NearMiss[];
}
