import { spokenParts } from '../core/parse.js';
import { defineRule, questionName } from '../core/rule.js';
import { countWords, plural } from '../core/text.js';

export const questionCount = defineRule({
  id: 'question-count',
  criterion: 'PASS 1, Done when 1',
  title: (config) => `≥${config.questions} questions with full answers`,
  description: 'The playbook has enough distinct questions, each with a full answer',
  severity: 'error',
  messages: {
    tooFew: 'The playbook has {{found}}, expected at least {{min}}',
    tooFewDistinct: 'The playbook has {{found}} but only {{distinct}} distinct ones, expected at least {{min}}',
    unreadable: 'The playbook {{reason}}',
    copy: '{{question}} at line {{line}} repeats Q{{original}} (line {{originalLine}}, {{percent}}% the same text); a copy is not a distinct question',
    noAnswer: '{{question}} has no answer; add an Answer part that explains the concept',
    thinAnswer: "{{question}}'s answer has {{found}}, expected at least {{min}} for a full answer",
  },
  check({ doc, config, report, unavailable }) {
    if (unavailable?.kind === 'unreadable') {
      report({ messageId: 'unreadable', data: { reason: unavailable.reason }, node: { line: 1 } });
      return;
    }
    const total = doc.questions.length;
    const distinct = doc.questions.filter((question) => question.copyOf === null).length;
    if (distinct < config.questions) {
      const node = doc.questions[total - 1] ?? { line: 1 };
      const found = plural(total, 'question');
      if (distinct === total) report({ messageId: 'tooFew', data: { found, count: total, min: config.questions }, node });
      else report({ messageId: 'tooFewDistinct', data: { found, distinct, count: total, min: config.questions }, node });
    }
    for (const question of doc.questions) {
      const copy = question.copyOf;
      if (copy !== null) {
        // a copy belongs to the whole document: it is the count of distinct questions that suffers
        const data = {
          question: questionName(question),
          line: question.line,
          original: copy.number,
          originalLine: copy.line,
          percent: Math.round(copy.similarity * 100),
        };
        report({ messageId: 'copy', data, node: question });
        continue;
      }
      const parts = spokenParts(question);
      if (parts.length === 0 || parts.every((part) => part.text.length === 0)) {
        report({ messageId: 'noAnswer', data: { question: questionName(question) }, node: question, question });
        continue;
      }
      // a full answer is the whole spoken answer, not its theory alone: a short definition followed by a
      // project, a tradeoff and a metric is full; a one-sentence stub is not
      let words = 0;
      for (const part of parts) words += countWords(part.text);
      if (words < config.words) {
        const node = question.theory ?? parts[0]!;
        report({
          messageId: 'thinAnswer',
          data: { question: questionName(question), found: plural(words, 'word'), count: words, min: config.words },
          node,
          question,
        });
      }
    }
  },
});
