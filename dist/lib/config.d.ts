/** The resolved configuration every rule reads: thresholds and a severity per rule. */
export declare const RULE_IDS: readonly ["question-count", "project-example", "gotchas", "difficulty", "cheat-sheet", "answer-structure", "location", "speaking-time", "misconception", "coverage"];
export type RuleId = (typeof RULE_IDS)[number];
export type RuleSetting = 'error' | 'warning' | 'off';
export interface Config {
    /** Where the playbook must be committed, relative to the repository root. */
    path: string;
    /** Minimum number of questions. */
    questions: number;
    /** Minimum words in each answer's theory part. */
    words: number;
    /** Minimum wrong answers in each gotcha list. */
    gotchas: number;
    /** Minimum words in the reason a wrong answer is wrong. */
    reasonWords: number;
    /** Maximum printed lines of the cheat sheet. */
    cheatSheetLines: number;
    /** Characters per printed line. */
    lineWidth: number;
    /** Maximum characters of one cheat-sheet row. */
    rowChars: number;
    /** Longest spoken answer, in minutes. */
    speakingMinutes: number;
    /** Speaking rate used to time an answer. */
    wordsPerMinute: number;
    /** Severity per rule; a rule left out keeps its default. */
    rules: Record<RuleId, RuleSetting>;
}
export declare const DEFAULT_PATH = "week-24/day1-dist-sys-qa.md";
/** The defaults: the lesson's own thresholds. */
export declare const DEFAULT_CONFIG: Readonly<Config>;
/** A partial configuration, as written in a config file (already validated). */
export type ConfigInput = Partial<Omit<Config, 'rules'>> & {
    rules?: Partial<Record<RuleId, RuleSetting>>;
};
/** Lays a validated partial configuration over the defaults. */
export declare function resolveConfig(input?: ConfigInput): Config;
