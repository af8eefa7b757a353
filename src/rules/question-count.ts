import { spokenParts } from '../core/questions.js';
import { defineRule, integerOption, questionName } from '../core/rule.js';
import { countWords, plural } from '../core/text.js';

export const questionCount = defineRule({
  id: 'question-count',
  criterion: 'PASS 1, Done when 1',
  title: ({ questions }) => `≥${questions} questions with full answers`,
  description: 'The playbook has enough distinct questions, each with a full answer',
  severity: 'error',
  options: {
    questions: integerOption('minimum number of distinct questions', 15, 1, 10_000),
    words: integerOption('minimum words in each whole answer (theory, project, tradeoff and metric together)', 30, 0, 10_000),
  },
  messages: {
    tooFew: 'The playbook has {{found}}, expected at least {{min}}',
    tooFewDistinct: 'The playbook has {{found}} but only {{distinct}} distinct ones, expected at least {{min}}',
    unreadable: 'The playbook {{reason}}',
    copy: '{{question}} at line {{line}} repeats Q{{original}} (line {{originalLine}}, {{percent}}% the same text); a copy is not a distinct question',
    noAnswer: '{{question}} has no answer; add an Answer part that explains the concept',
    thinAnswer: "{{question}}'s answer has {{found}}, expected at least {{min}} for a full answer",
  },
  fixes: {
    tooFew: 'Add questions until there are at least {{min}}, each with an answer of at least {{words}} words.',
    tooFewDistinct: 'Replace each copied entry with a question of its own until there are at least {{min}} distinct ones.',
    unreadable: 'Commit the playbook as a Markdown text file (UTF-8, under 5 MiB).',
    copy: 'Write this entry in its own words for its own question, or delete it: it repeats Q{{original}} at line {{originalLine}}.',
    noAnswer: 'Add an `**Answer:**` part that explains the concept in at least {{words}} words.',
    thinAnswer: 'Expand the answer to at least {{min}} words in all: the theory, your project, the tradeoff and the metric.',
  },
  check({ doc, options, report, unavailable }) {
    if (unavailable?.kind === 'unreadable') {
      report({ messageId: 'unreadable', data: { reason: unavailable.reason }, node: { line: 1 } });
      return;
    }
    const total = doc.questions.length;
    const distinct = doc.questions.filter((question) => question.copyOf === null).length;
    if (distinct < options.questions) {
      const node = doc.questions[total - 1] ?? { line: 1 };
      const found = plural(total, 'question');
      if (distinct === total) report({ messageId: 'tooFew', data: { found, count: total, min: options.questions }, node });
      else report({ messageId: 'tooFewDistinct', data: { found, distinct, count: total, min: options.questions }, node });
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
      if (words < options.words) {
        const node = question.theory ?? parts[0]!;
        report({
          messageId: 'thinAnswer',
          data: { question: questionName(question), found: plural(words, 'word'), count: words, min: options.words },
          node,
          question,
        });
      }
    }
  },
});
