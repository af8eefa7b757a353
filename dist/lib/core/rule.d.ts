import type { Config, RuleId } from '../config.js';
import type { Playbook, Question, Severity } from './types.js';
/** Message placeholders: `{{name}}` in a rule's messages. */
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
export interface RuleContext<M extends string> {
    doc: Playbook;
    /** Set when the playbook could not be read; the document is then empty. */
    unavailable: Unavailable | null;
    config: Config;
    /** The playbook's path relative to the repository root, with forward slashes. */
    path: string;
    report(report: Report<M>): void;
}
/** A criterion: static metadata apart from its check. */
export interface Rule<M extends string = string> {
    id: RuleId;
    /** Where the lesson asks for it. */
    criterion: string;
    /** The checklist line, in the lesson's words. */
    title(config: Config): string;
    /** One line: what the rule checks. */
    description: string;
    severity: Severity;
    messages: Record<M, string>;
    check(context: RuleContext<M>): void;
}
/** The label a question is named by in messages: "Q7". */
export declare function questionName(question: Question): string;
/** Defines a rule with its message ids checked by the compiler. */
export declare function defineRule<M extends string>(rule: Rule<M>): Rule<M>;
