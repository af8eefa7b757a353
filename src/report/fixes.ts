/**
 * What to do about each finding: the rule's one-line fix for the finding's message, shown next to the message in
 * the review comments and as the note of an editor diagnostic. The long explanation stays on the rule's doc page.
 */
import { optionsFor, type Config, type RuleId } from '../config.js';
import type { Finding } from '../core/lint.js';
import type { Rule } from '../core/rule.js';
import { rules as builtinRules } from '../rules/index.js';

/** Where the rule pages are published (the Action's own repository, as `uses:` names it). */
export const RULE_DOCS_URL = 'https://github.com/playbook-proof/playbook-proof/blob/main/docs/rules';

/**
 * The fix for a finding, with learner-supplied values passed through `escape`; null for a rule or message id the
 * rules do not know. `{{name}}` takes the finding's data first, then the rule's options.
 */
export function fixFor(
  finding: Finding,
  config: Config,
  escape: (text: string) => string = (text) => text,
  rules: readonly Rule[] = builtinRules,
): string | null {
  const rule = rules.find((candidate) => candidate.id === finding.ruleId);
  const template = rule !== undefined && Object.hasOwn(rule.fixes, finding.messageId) ? rule.fixes[finding.messageId] : undefined;
  if (rule === undefined || template === undefined) return null;
  const values: Record<string, string | number> = { ...optionsFor(rule, config), ...finding.data };
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? escape(String(values[key])) : whole));
}

/** The rule's doc page, at its "How to fix" section. */
export function fixUrl(ruleId: RuleId): string {
  return `${RULE_DOCS_URL}/${ruleId}.md#how-to-fix`;
}
