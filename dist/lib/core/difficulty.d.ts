/**
 * Reading a difficulty rating wherever learners write it: a tag in the question heading, a label line in
 * any emphasis, a badge or tag line, or the heading of the section that groups the questions.
 */
import type { LineRecord } from './markdown.js';
import type { Difficulty, DifficultySource, NearMiss } from './types.js';
/** Parses a rating value ("L2", "L3 (advanced)", "Level 1", "2", "intermediate") into a difficulty. */
export declare function parseRating(value: string, line: number, how: DifficultySource): Difficulty;
/** A rating tagged in a question heading ("## Q1 [L1] — CAP", "### Q2 — L2 — Linearizability"), with the tag cut from the title. */
export declare function headingTag(title: string): {
    tag: string;
    title: string;
} | null;
/** What a line says about the difficulty: a rating, a label whose value is on the next line, or nothing. */
export type RatingLine = {
    kind: 'rating';
    difficulty: Difficulty;
} | {
    kind: 'pending';
} | null;
/**
 * Reads a line that rates the question: `**Difficulty:** L2`, `*Level: L1*`, `Difficulty — L3 (advanced)`,
 * `Level:: L2`, `🟢 **L1**`, `#L3`, `L2 (intermediate)`. Emphasis is already gone from `text`; emoji and
 * other leading symbols are skipped. Prose that merely mentions a level is not a rating.
 */
export declare function ratingLine(text: string, line: number): RatingLine;
/**
 * The level a grouping heading gives the questions under it: `## L1 — Fundamentals`, `## Level 2
 * (intermediate)`, `### Advanced (L3)`, or one of the lesson's level names in a short heading. Null when the
 * heading groups by something else (`### Part A — Agreement`).
 */
export declare function sectionRating(heading: string, line: number): Difficulty | null;
/** The ratings that grouping headings give, by heading level: a question takes the deepest one above it. */
export declare class SectionRatings {
    private readonly byLevel;
    /** A heading outside any entry: it ends the groups at its level and below, and may rate the questions under it. */
    group(heading: LineRecord, rates: boolean): void;
    /** The rating of the section a question heading at `level` stands in. */
    forQuestionAt(level: number): Difficulty | null;
}
/**
 * Reads one entry's difficulty from its lines: the first rating wins, a label may give its value on the next
 * line, and a short line that mentions a level without being a rating is kept as a near miss.
 */
export declare class RatingReader {
    private difficulty;
    /** Line of a difficulty label whose value may come on the next line. */
    private labelAwaitingValue;
    /** The first short line before the parts that mentions a level but is not a rating. */
    private unreadRating;
    /** `tag` is a rating tagged in the question's heading: it wins over any in the entry. */
    constructor(tag: Difficulty | null);
    /** Reads a rating line (or its value after a bare label); true when the line was one. */
    readLine(record: LineRecord, partsStarted: boolean): boolean;
    /** Reads a table row `| Difficulty | L2 |`; true when the row was one. */
    readRow(label: string, value: string, line: number): boolean;
    /** A difficulty label whose level never came: an empty, invalid rating at the label. */
    settle(): void;
    /** The entry's difficulty once all its lines are read; the section's rating only fills in for a missing one. */
    finish(section: Difficulty | null): {
        difficulty: Difficulty | null;
        nearMiss: NearMiss | null;
    };
    private set;
}
