import { defineRule, questionName } from '../core/rule.js';
import { distinctQuestions } from '../core/questions.js';
import { countWords, joinList } from '../core/text.js';
import type { Part } from '../core/types.js';

const PARTS = [
  ['theory', 'a theory'],
  ['project', 'a project example'],
  ['tradeoff', 'a tradeoff'],
  ['metric', 'a metric'],
] as const;

export const answerStructure = defineRule({
  id: 'answer-structure',
  criterion: 'Done when 1',
  title: () => 'Every entry follows Theory → Project → Tradeoff → Metric',
  description: 'Each entry has a theory, a project example, a tradeoff and a metric, each a part of its own',
  severity: 'error',
  options: {},
  messages: {
    noQuestions: 'The playbook has no questions, so none can have the Theory → Project → Tradeoff → Metric structure',
    missingParts: '{{question}} lacks {{parts}}, expected Theory → Project → Tradeoff → Metric',
    missingPartsNear: '{{question}} lacks {{parts}}, expected Theory → Project → Tradeoff → Metric; line {{line}} reads like {{near}}, but {{why}}',
  },
  fixes: {
    noQuestions: 'Add the questions as headings such as `## Q1: …`, each answered Theory → Project → Tradeoff → Metric.',
    missingParts: 'Add {{parts}} as labelled parts (`**Tradeoff:** …`), in the order Theory → Project → Tradeoff → Metric.',
    missingPartsNear: "Give the paragraph at line {{line}} a label of its own (`**Tradeoff:** …`), as the entry's other parts have.",
  },
  check({ doc, report }) {
    if (doc.questions.length === 0) report({ messageId: 'noQuestions', node: { line: 1 } });
    for (const question of distinctQuestions(doc)) {
      const absent = PARTS.filter(([kind]) => !filled(question[kind]));
      if (absent.length === 0) continue;
      const data = { question: questionName(question), parts: joinList(absent.map(([, name]) => name)) };
      const near = question.nearMisses.find((miss) => absent.some(([kind]) => kind === miss.kind));
      if (near) {
        const name = PARTS.find(([kind]) => kind === near.kind)![1];
        report({ messageId: 'missingPartsNear', data: { ...data, line: near.line, near: name, why: near.why }, node: question, question });
      } else {
        report({ messageId: 'missingParts', data, node: question, question });
      }
    }
  },
});

function filled(part: Part | null): boolean {
  return part !== null && countWords(part.text) > 0;
}
