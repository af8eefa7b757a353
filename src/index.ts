/**
 * The library: pure functions from playbook text to findings and reports, and the pieces to extend them. A custom
 * rule is made with `defineRule` and added to the rule list (`lint(text, { rules: [...rules, myRule], config })`);
 * its options and severity are then validated, defaulted and reported like a built-in rule's.
 */
export { DEFAULT_CONFIG, DEFAULT_PATH, RULE_IDS, optionSpecs, resolveConfig } from './config.js';
export type { BuiltinRuleId, Config, ConfigInput, RuleId, RuleOptions, RuleSetting } from './config.js';
export { validateConfig } from './config-schema.js';
export { decodePlaybook, LIMITS } from './core/decode.js';
export { lint } from './core/lint.js';
export type { CriterionResult, Finding, LintOptions, LintResult, QuestionResult } from './core/lint.js';
export { parsePlaybook } from './core/parse.js';
export { defineRule, integerOption, numberOption, pathOption, questionName } from './core/rule.js';
export type {
  IntegerOption,
  MessageData,
  NumberOption,
  OptionSpec,
  OptionSpecs,
  OptionValues,
  PathOption,
  Report,
  Rule,
  RuleContext,
  Unavailable,
} from './core/rule.js';
export type * from './core/types.js';
export { rules } from './rules/index.js';
export { fixFor, fixUrl } from './report/fixes.js';
export { formatJson, toJsonReport } from './report/json.js';
export type { JsonReport } from './report/json.js';
export { formatTerminal } from './report/terminal.js';
