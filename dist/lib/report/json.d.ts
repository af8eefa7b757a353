/** The `--format json` object: stable, documented in the README, held by a test. */
import type { LintResult } from '../core/lint.js';
import { type CoverageRow } from './coverage.js';
export interface JsonReport {
    file: string;
    passed: boolean;
    score: {
        passed: number;
        total: number;
    };
    criteria: Array<{
        id: string;
        title: string;
        severity: 'error' | 'warning';
        passed: boolean;
        findings: number;
        questions: number[];
    }>;
    questions: Array<{
        number: number;
        title: string;
        line: number;
        difficulty: string | null;
        passed: boolean;
    }>;
    findings: Array<{
        ruleId: string;
        messageId: string;
        severity: 'error' | 'warning';
        message: string;
        line: number;
        column: number;
        question: number | null;
    }>;
    /** Only in the Action's `result` output, when it had to be cut under GitHub's 1 MB: how many were left out. */
    truncated?: {
        findings: number;
        questions: number;
    };
    /** Topic coverage of the lesson's map; null when the coverage rule is off or there are no questions. */
    coverage: CoverageRow[] | null;
}
/** Builds the JSON report object from a lint result. */
export declare function toJsonReport(result: LintResult): JsonReport;
/** Serialises the JSON report, one object, two-space indented, ending in a newline. */
export declare function formatJson(result: LintResult): string;
/** GitHub refuses a step output over 1 MB; the `result` output stays under this many bytes of UTF-8. */
export declare const OUTPUT_LIMIT_BYTES = 1000000;
/**
 * The largest `keep` in 0..max whose JSON fits `limit` bytes, and that JSON; null when even 0 does not fit.
 * `build(keep)` must grow with `keep`.
 */
export declare function fitJson(build: (keep: number) => unknown, max: number, limit: number): {
    keep: number;
    json: string;
} | null;
/**
 * The JSON report as one line for the Action's `result` output, under `limit` bytes: findings are dropped
 * from the end first, then questions, and `truncated` counts what was left out.
 */
export declare function jsonReportOutput(result: LintResult, limit?: number): string;
