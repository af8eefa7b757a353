import type { Difficulty, DifficultySource } from './types.js';
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
