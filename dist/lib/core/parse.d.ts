import type { Playbook } from './types.js';
/** Parses a playbook's text into its model. */
export declare function parsePlaybook(input: string): Playbook;
