/**
 * What to do about each finding: the rule's one-line fix for the finding's message, shown next to the message in
 * the review comments and as the note of an editor diagnostic. The long explanation stays on the rule's doc page.
 */
import { type Config, type RuleId } from '../config.js';
import type { Finding } from '../core/lint.js';
import type { Rule } from '../core/rule.js';
/** Where the rule pages are published (the Action's own repository, as `uses:` names it). */
export declare const RULE_DOCS_URL = "https://github.com/playbook-proof/playbook-proof/blob/main/docs/rules";
/**
 * The fix for a finding, with learner-supplied values passed through `escape`; null for a rule or message id the
 * rules do not know. `{{name}}` takes the finding's data first, then the rule's options.
 */
export declare function fixFor(finding: Finding, config: Config, escape?: (text: string) => string, rules?: readonly Rule[]): string | null;
/** The rule's doc page, at its "How to fix" section. */
export declare function fixUrl(ruleId: RuleId): string;
