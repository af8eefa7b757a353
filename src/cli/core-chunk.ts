/**
 * The parser, rules and reporters, loaded on demand: the hook starts git first and loads these while git
 * runs, so the two overlap instead of adding up.
 */
export { decodePlaybook } from '../core/decode.js';
export { lint } from '../core/lint.js';
export { formatJson } from '../report/json.js';
export { firstError, formatTerminal } from '../report/terminal.js';
