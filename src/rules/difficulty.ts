import { distinctQuestions } from '../core/questions.js';
import { defineRule, questionName } from '../core/rule.js';
import { joinList } from '../core/text.js';

const LEVELS = ['L1', 'L2', 'L3'] as const;

export const difficulty = defineRule({
  id: 'difficulty',
  criterion: 'PASS 4',
  title: () => 'Difficulty ratings cover L1, L2, and L3',
  description: 'Each question is rated L1, L2 or L3, and the playbook uses all three',
  severity: 'error',
  options: {},
  messages: {
    missing:
      '{{question}} has no difficulty rating, expected a line such as **Difficulty:** L2 under its heading, a tag such as [L2] in it, or a section heading such as "## Level 2"',
    missingNear:
      '{{question}} has no difficulty rating; line {{line}} ("{{text}}") looks like one, but a rating line holds only the label and the level, such as **Difficulty:** L2 or 🟡 L2',
    invalid: '{{question}} is rated "{{value}}", expected L1, L2 or L3',
    levelsMissing: 'No question is rated {{levels}}; the ratings must cover L1, L2 and L3',
  },
  fixes: {
    missing: 'Add `**Difficulty:** L1`, `L2` or `L3` under the question heading.',
    missingNear: 'Write the rating at line {{line}} as a line of its own: `**Difficulty:** L2`.',
    invalid: 'Rate the question L1, L2 or L3.',
    levelsMissing: 'Rate at least one question {{levels}}, so the ratings cover L1, L2 and L3.',
  },
  check({ doc, report }) {
    const used = new Set<string>();
    for (const question of distinctQuestions(doc)) {
      const rating = question.difficulty;
      if (rating === null) {
        const near = question.nearMisses.find((miss) => miss.kind === 'difficulty');
        if (near)
          report({
            messageId: 'missingNear',
            data: { question: questionName(question), line: near.line, text: near.text },
            node: question,
            question,
          });
        else report({ messageId: 'missing', data: { question: questionName(question) }, node: question, question });
      } else if (rating.level === null) {
        report({ messageId: 'invalid', data: { question: questionName(question), value: rating.raw }, node: rating, question });
      } else {
        used.add(rating.level);
      }
    }
    const missing = LEVELS.filter((level) => !used.has(level));
    if (missing.length > 0) {
      report({ messageId: 'levelsMissing', data: { levels: joinList(missing, 'or') }, node: doc.questions[0] ?? { line: 1 } });
    }
  },
});
