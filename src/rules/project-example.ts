import { defineRule, questionName } from '../core/rule.js';
import { findComponent, findMetric, tokens } from '../core/text.js';

export const projectExample = defineRule({
  id: 'project-example',
  criterion: 'PASS 2, Done when 2',
  title: () => 'Each answer includes a concrete project example',
  description: 'Each question has a Project Example that names a component and gives a metric',
  severity: 'error',
  messages: {
    noQuestions: 'The playbook has no questions, so none can have a project example',
    missing: '{{question}} has no Project Example part',
    noComponent: "{{question}}'s project example names no component, expected one such as `verify-service` or \"the raft cluster\"",
    noMetric: "{{question}}'s project example gives no metric, expected a number with a unit such as 40 ms or 99.9%",
  },
  check({ doc, report }) {
    if (doc.questions.length === 0) report({ messageId: 'noQuestions', node: { line: 1 } });
    for (const question of doc.questions) {
      const part = question.project;
      if (part === null) {
        report({ messageId: 'missing', data: { question: questionName(question) }, node: question, question });
        continue;
      }
      const words = tokens(part.text);
      if (findComponent(words, part.codeSpans) === null) {
        report({ messageId: 'noComponent', data: { question: questionName(question) }, node: part, question });
      }
      if (findMetric(words) === null) {
        report({ messageId: 'noMetric', data: { question: questionName(question) }, node: part, question });
      }
    }
  },
});
