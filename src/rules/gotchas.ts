import { defineRule, questionName } from '../core/rule.js';
import { distinctQuestions } from '../core/parse.js';
import { countWords, plural, truncate } from '../core/text.js';

export const gotchas = defineRule({
  id: 'gotchas',
  criterion: 'PASS 3, Done when 3',
  title: (config) => `Gotcha section lists ≥${config.gotchas} wrong answers per question`,
  description: 'Each question lists common wrong answers, each with the reason it is wrong',
  severity: 'error',
  messages: {
    noQuestions: 'The playbook has no questions, so none can have a gotcha list',
    missing: '{{question}} has no gotcha list of common wrong answers',
    tooFew: '{{question}} has {{found}} in its gotcha list, expected at least {{min}}',
    noReason: '{{question}}\'s wrong answer "{{claim}}" does not say why it is wrong',
    emptyItem: '{{question}} has an empty item in its gotcha list, expected a wrong answer and why it is wrong',
  },
  check({ doc, config, report }) {
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
      if (written < config.gotchas) {
        report({
          messageId: 'tooFew',
          data: { question: questionName(question), found: plural(written, 'wrong answer'), count: written, min: config.gotchas },
          node: part,
          question,
        });
      }
      for (const item of items) {
        if (countWords(item.text) === 0) {
          report({ messageId: 'emptyItem', data: { question: questionName(question) }, node: item, question });
        } else if (countWords(item.reason) < config.reasonWords) {
          const claim = truncate(item.claim.length > 0 ? item.claim : item.text, 60);
          report({ messageId: 'noReason', data: { question: questionName(question), claim }, node: item, question });
        }
      }
    }
  },
});
