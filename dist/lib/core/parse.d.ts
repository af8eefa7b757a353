import type { Part, Playbook, Question } from './types.js';
/** The parts an interviewee says aloud: every part but the gotchas. */
export declare function spokenParts(question: Question): Part[];
/** The questions that count: every entry that is not a copy of an earlier one. */
export declare function distinctQuestions(doc: Playbook): Question[];
/** Parses a playbook's text into its model. */
export declare function parsePlaybook(input: string): Playbook;
