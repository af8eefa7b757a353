import type { Rule } from '../core/rule.js';
/** Every rule, in checklist order. */
export declare const rules: readonly Rule[];
