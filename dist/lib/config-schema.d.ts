import { type ConfigInput } from './config.js';
import type { Rule } from './core/rule.js';
/** Validates a parsed configuration against the rules' options, naming the first bad option in a one-line ConfigError. */
export declare function validateConfig(value: unknown, source: string, rules?: readonly Rule[]): ConfigInput;
