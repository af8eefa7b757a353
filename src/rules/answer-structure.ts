import { defineRule, questionName } from '../core/rule.js';
import { spokenParts } from '../core/parse.js';
import { countWords, hasMetric, hasTradeoffWording } from '../core/text.js';
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
  description: 'Each entry has a theory, a project example, a tradeoff and a metric, as parts or in its prose',
  severity: 'error',
  messages: {
    noQuestions: 'The playbook has no questions, so none can have the Theory → Project → Tradeoff → Metric structure',
    missingParts: '{{question}} lacks {{parts}}, expected Theory → Project → Tradeoff → Metric',
  },
  check({ doc, report }) {
    if (doc.questions.length === 0) report({ messageId: 'noQuestions', node: { line: 1 } });
    for (const question of doc.questions) {
      // an explicit part counts when it says something; otherwise the entry's spoken prose must carry it
      const prose = (): string => spokenParts(question).map((part) => part.text).join(' ');
      const has = {
        theory: filled(question.theory),
        project: filled(question.project),
        tradeoff: filled(question.tradeoff) || hasTradeoffWording(prose()),
        metric: filled(question.metric) || hasMetric(prose()),
      };
      const missing = PARTS.filter(([kind]) => !has[kind]).map(([, name]) => name);
      if (missing.length > 0) {
        report({ messageId: 'missingParts', data: { question: questionName(question), parts: joinAnd(missing) }, node: question, question });
      }
    }
  },
});

function filled(part: Part | null): boolean {
  return part !== null && countWords(part.text) > 0;
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
