/** The `--format json` object: stable, documented in the README, held by a test. */
import type { LintResult } from '../core/lint.js';
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
}
/** Builds the JSON report object from a lint result. */
export declare function toJsonReport(result: LintResult): JsonReport;
/** Serialises the JSON report, one object, two-space indented, ending in a newline. */
export declare function formatJson(result: LintResult): string;
