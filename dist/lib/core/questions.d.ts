/** Questions over the model that the rules share: pure functions of a parsed playbook, with no parser behind them. */
import type { Part, Playbook, Question } from './types.js';
/** A question's spoken answer: every part but its gotcha list. */
export declare function spokenParts(question: Question): Part[];
/** The questions that count: every entry that is not a copy of an earlier one. */
export declare function distinctQuestions(doc: Playbook): Question[];
