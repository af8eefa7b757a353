/**
 * The pure core: text and options in, a result out. No file system, git, network or Actions here.
 */
import { type Config, type RuleId } from '../config.js';
import type { MessageData, Rule, Unavailable } from './rule.js';
import type { Playbook, Severity } from './types.js';
export interface Finding {
    ruleId: RuleId;
    messageId: string;
    severity: Severity;
    message: string;
    line: number;
    column: number;
    /** The question's number, or null for a whole-document finding. */
    question: number | null;
    /** The line of the question's heading (two questions may share a number), or null. */
    questionLine: number | null;
    data: MessageData;
}
export interface CriterionResult {
    id: RuleId;
    title: string;
    severity: Severity;
    /** A warning rule always passes: warnings never fail a criterion. */
    passed: boolean;
    /** How many findings the rule reported. */
    findings: number;
    /** Numbers of the questions it failed, in order, without repeats. */
    questions: number[];
}
export interface QuestionResult {
    number: number;
    title: string;
    line: number;
    difficulty: string | null;
    passed: boolean;
}
export interface LintResult {
    file: string;
    passed: boolean;
    score: {
        passed: number;
        total: number;
    };
    criteria: CriterionResult[];
    questions: QuestionResult[];
    findings: Finding[];
    playbook: Playbook;
}
export interface LintOptions {
    /** The playbook's path relative to the repository root (for the location criterion and output). */
    path?: string;
    config?: Config;
    /**
     * The rules to run, in checklist order: the built-in ones by default. A custom rule is added to the list
     * (`[...rules, myRule]`); its options and severity then come from the same configuration.
     */
    rules?: readonly Rule[];
    /** The playbook could not be read (the Action, reading it through the API): checks an empty document and says why. */
    unavailable?: Unavailable;
}
/** Parses a playbook and runs every enabled rule on it. */
export declare function lint(source: string, options?: LintOptions): LintResult;
