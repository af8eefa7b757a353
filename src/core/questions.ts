/** Questions over the model that the rules share: pure functions of a parsed playbook, with no parser behind them. */
import type { Part, Playbook, Question } from './types.js';

/** A question's spoken answer: every part but its gotcha list. */
export function spokenParts(question: Question): Part[] {
  return question.parts.filter((part) => part.kind !== 'gotchas');
}

/** The questions that count: every entry that is not a copy of an earlier one. */
export function distinctQuestions(doc: Playbook): Question[] {
  return doc.questions.filter((question) => question.copyOf === null);
}
