/** The library: pure functions from playbook text to findings and reports. */
export { DEFAULT_CONFIG, DEFAULT_PATH, RULE_IDS, resolveConfig } from './config.js';
export type { Config, ConfigInput, RuleId, RuleSetting } from './config.js';
export { decodePlaybook, LIMITS } from './core/decode.js';
export { lint } from './core/lint.js';
export type { CriterionResult, Finding, LintOptions, LintResult, QuestionResult } from './core/lint.js';
export { parsePlaybook } from './core/parse.js';
export type * from './core/types.js';
export { rules } from './rules/index.js';
export { formatJson, toJsonReport } from './report/json.js';
export type { JsonReport } from './report/json.js';
export { formatTerminal } from './report/terminal.js';
