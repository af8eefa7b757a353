import type { Playbook, Question, Severity } from './types.js';
/** Message placeholders: `{{name}}` in a rule's messages and fixes. */
export type MessageData = Record<string, string | number>;
/** What a rule hands the engine: a message id, its data, and where. */
export interface Report<M extends string> {
    messageId: M;
    data?: MessageData;
    /** Anything with a 1-based line: a question, a part, a row, or `{ line }`. */
    node: {
        line: number;
        column?: number;
    };
    /** The question the finding is about; omitted for whole-document findings. */
    question?: Question | null;
}
/** Why there is no text to check: the playbook is not at the path, or its bytes are not Markdown text. */
export interface Unavailable {
    kind: 'missing' | 'unreadable';
    /** One line, e.g. "is a binary file (it contains NUL bytes), not Markdown text". */
    reason: string;
}
/** A whole number from `min` to `max`. */
export interface IntegerOption {
    type: 'integer';
    default: number;
    min: number;
    max: number;
    /** One line for the docs: what the number sets. */
    description: string;
}
/** A number above `above`, at most `max`, counted in `unit` ("minutes"). */
export interface NumberOption {
    type: 'number';
    default: number;
    above: number;
    max: number;
    unit: string;
    description: string;
}
/** A path inside the repository, relative to its root. */
export interface PathOption {
    type: 'path';
    default: string;
    description: string;
}
/**
 * A rule's option, declared as data: the configuration's validation, its defaults and its documentation are all
 * derived from it, and the core never loads the validator to read one.
 */
export type OptionSpec = IntegerOption | NumberOption | PathOption;
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;
/** The values a rule's declared options resolve to. */
export type OptionValues<O extends OptionSpecs> = {
    readonly [K in keyof O]: O[K] extends PathOption ? string : number;
};
export interface RuleContext<M extends string, O extends OptionSpecs = OptionSpecs> {
    doc: Playbook;
    /** Set when the playbook could not be read; the document is then empty. */
    unavailable: Unavailable | null;
    /** The rule's own options, as configured. */
    options: OptionValues<O>;
    /** The playbook's path relative to the repository root, with forward slashes. */
    path: string;
    report(report: Report<M>): void;
}
/**
 * A criterion, with all it owns: its metadata, its default severity, its options, and for each message id the
 * message and the one-line fix. The configuration, its schema and the checklist are derived from the rule list.
 */
export interface Rule<M extends string = string, O extends OptionSpecs = OptionSpecs, I extends string = string> {
    id: I;
    /** Where the lesson asks for it. */
    criterion: string;
    /** The checklist line, in the lesson's words. */
    title(options: OptionValues<O>): string;
    /** One line: what the rule checks. */
    description: string;
    /** The severity when the configuration does not set one. */
    severity: Severity;
    /** The thresholds it reads, by their name in the flat configuration file. */
    options: O;
    /** Each message id's message; `{{name}}` takes the report's data. */
    messages: Record<M, string>;
    /**
     * Each message id's fix: one imperative line, shown beside the message in review comments and editors.
     * `{{name}}` takes the report's data, then the rule's options.
     */
    fixes: Record<M, string>;
    check(context: RuleContext<M, O>): void;
}
/** The label a question is named by in messages: "Q7". */
export declare function questionName(question: Question): string;
/** Defines a rule with its message ids, fixes and option names checked by the compiler. */
export declare function defineRule<const I extends string, M extends string, O extends OptionSpecs = Record<never, OptionSpec>>(rule: Rule<M, O, I>): Rule<M, O, I>;
/** Declares a whole-number option. */
export declare function integerOption(description: string, defaultValue: number, min: number, max: number): IntegerOption;
/** Declares a number option with a unit, above a floor. */
export declare function numberOption(description: string, defaultValue: number, range: {
    above: number;
    max: number;
    unit: string;
}): NumberOption;
/** Declares a repository-path option. */
export declare function pathOption(description: string, defaultValue: string): PathOption;
