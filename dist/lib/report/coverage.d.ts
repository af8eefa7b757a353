import type { LintResult } from '../core/lint.js';
/** One row of the table as the JSON report gives it. */
export interface CoverageRow {
    topic: string;
    name: string;
    /** The level the lesson's map gives the topic. */
    level: string;
    /** The questions that cover it, with the level each is rated at (null when unrated). */
    questions: Array<{
        number: number;
        line: number;
        level: string | null;
    }>;
    covered: boolean;
    /** Every rated question of the topic sits at the map's level. */
    levelMatches: boolean;
}
/** The table, or null when the coverage rule is off or there are no questions to map. */
export declare function coverageRows(result: LintResult): CoverageRow[] | null;
/** "14 of 15 topics covered, 1 at another level". */
export declare function coverageSummary(rows: readonly CoverageRow[]): string;
/** The table for a terminal, aligned in columns, with a heading line. */
export declare function formatCoverageTerminal(rows: readonly CoverageRow[], color: boolean): string;
/** The table as GitHub Markdown, collapsed in a `<details>` block. Holds no learner text. */
export declare function formatCoverageMarkdown(rows: readonly CoverageRow[]): string;
