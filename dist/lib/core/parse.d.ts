import type { Part, Playbook, Question } from './types.js';
/** The parts an interviewee says aloud: every part but the difficulty and the gotchas. */
export declare function spokenParts(question: Question): Part[];
/** Parses a playbook's text into its model. */
export declare function parsePlaybook(input: string): Playbook;
/** Splits a gotcha item into the wrong claim and the reason it is wrong. */
export declare function splitGotcha(text: string): {
    claim: string;
    reason: string;
};
