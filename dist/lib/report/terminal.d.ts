import type { Finding, LintResult } from '../core/lint.js';
export interface TerminalOptions {
    /** Use ANSI colours (the CLI decides: a TTY without NO_COLOR). */
    color: boolean;
    /** Path to print in front of each finding (as the user typed it). */
    displayPath?: string;
    /** Replaces "then check again" after a failing verdict (the hook says how to commit). */
    nextStep?: string;
    /** List every finding; by default each criterion shows its first `perCriterion`. */
    all?: boolean;
    /** Findings shown under each criterion without `all` (default 3). */
    perCriterion?: number;
    /** How to see the rest, after "… and N more" (default: "--all lists every one"). */
    moreHint?: string;
    /** Print the topic coverage table before the verdict (the `check` command does). */
    coverage?: boolean;
}
/** Renders a lint result for a terminal; learner text in it has control characters and bidi overrides removed. */
export declare function formatTerminal(result: LintResult, options: TerminalOptions): string;
/** The error on the lowest line: where "starting at line N" and the hook's "Next: fix …" point. */
export declare function firstError(result: LintResult): Finding | undefined;
