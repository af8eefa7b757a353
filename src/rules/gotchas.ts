import { defineRule, integerOption, questionName } from '../core/rule.js';
import { distinctQuestions } from '../core/questions.js';
import { countWords, plural, truncate } from '../core/text.js';

export const gotchas = defineRule({
  id: 'gotchas',
  criterion: 'PASS 3, Done when 3',
  title: ({ gotchas }) => `Gotcha section lists ≥${gotchas} wrong answers per question`,
  description: 'Each question lists common wrong answers, each with the reason it is wrong',
  severity: 'error',
  options: {
    gotchas: integerOption('minimum wrong answers in each gotcha list', 2, 1, 100),
    reasonWords: integerOption('minimum words in the reason a wrong answer is wrong', 3, 0, 1_000),
  },
  messages: {
    noQuestions: 'The playbook has no questions, so none can have a gotcha list',
    missing: '{{question}} has no gotcha list of common wrong answers',
    tooFew: '{{question}} has {{found}} in its gotcha list, expected at least {{min}}',
    noReason: '{{question}}\'s wrong answer "{{claim}}" does not say why it is wrong',
    emptyItem: '{{question}} has an empty item in its gotcha list, expected a wrong answer and why it is wrong',
  },
  fixes: {
    noQuestions: 'Add the questions as headings such as `## Q1: …`, each with a gotcha list.',
    missing: 'Add a `**Gotcha — Common wrong answers:**` list of at least {{gotchas}} wrong answers, each followed by why it is wrong.',
    tooFew: 'Add wrong answers until the list has at least {{min}}, each followed by why it is wrong.',
    noReason: 'After the wrong answer, say why it is wrong in at least {{reasonWords}} words (`— Wrong: …`).',
    emptyItem: 'Write a wrong answer and why it is wrong in this item, or delete the item.',
  },
  check({ doc, options, report }) {
    if (doc.questions.length === 0) report({ messageId: 'noQuestions', node: { line: 1 } });
    for (const question of distinctQuestions(doc)) {
      const part = question.gotchas;
      if (part === null) {
        report({ messageId: 'missing', data: { question: questionName(question) }, node: question, question });
        continue;
      }
      const items = question.gotchaItems;
      // an empty item is reported on its own and does not count towards the minimum
      const written = items.filter((item) => countWords(item.text) > 0).length;
      if (written < options.gotchas) {
        report({
          messageId: 'tooFew',
          data: { question: questionName(question), found: plural(written, 'wrong answer'), count: written, min: options.gotchas },
          node: part,
          question,
        });
      }
      for (const item of items) {
        if (countWords(item.text) === 0) {
          report({ messageId: 'emptyItem', data: { question: questionName(question) }, node: item, question });
        } else if (countWords(item.reason) < options.reasonWords) {
          const claim = truncate(item.claim.length > 0 ? item.claim : item.text, 60);
          report({ messageId: 'noReason', data: { question: questionName(question), claim }, node: item, question });
        }
      }
    }
  },
});
