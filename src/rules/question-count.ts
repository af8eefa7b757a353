import { defineRule, questionName } from '../core/rule.js';
import { countWords, plural } from '../core/text.js';
import type { Question } from '../core/types.js';

export const questionCount = defineRule({
  id: 'question-count',
  criterion: 'PASS 1, Done when 1',
  title: (config) => `≥${config.questions} questions with full answers`,
  description: 'The playbook has enough questions, each numbered once and each with a full answer',
  severity: 'error',
  messages: {
    tooFew: 'The playbook has {{found}}, expected at least {{min}}',
    unreadable: 'The playbook {{reason}}',
    duplicateNumber: '{{question}} reuses the number of the question at line {{otherLine}}; number each question once',
    noAnswer: '{{question}} has no answer; add an Answer part that explains the concept',
    thinAnswer: "{{question}}'s answer has {{found}}, expected at least {{min}} for a full answer",
  },
  check({ doc, config, report, unavailable }) {
    if (unavailable?.kind === 'unreadable') {
      report({ messageId: 'unreadable', data: { reason: unavailable.reason }, node: { line: 1 } });
      return;
    }
    if (doc.questions.length < config.questions) {
      const last = doc.questions[doc.questions.length - 1];
      const found = plural(doc.questions.length, 'question');
      report({ messageId: 'tooFew', data: { found, count: doc.questions.length, min: config.questions }, node: last ?? { line: 1 } });
    }
    const seen = new Map<number, Question>();
    for (const question of doc.questions) {
      const first = seen.get(question.number);
      if (first) {
        report({ messageId: 'duplicateNumber', data: { question: questionName(question), otherLine: first.line }, node: question, question });
      } else {
        seen.set(question.number, question);
      }
      const theory = question.theory;
      if (theory === null || theory.text.length === 0) {
        report({ messageId: 'noAnswer', data: { question: questionName(question) }, node: question, question });
        continue;
      }
      const words = countWords(theory.text);
      if (words < config.words) {
        report({ messageId: 'thinAnswer', data: { question: questionName(question), found: plural(words, 'word'), count: words, min: config.words }, node: theory, question });
      }
    }
  },
});
