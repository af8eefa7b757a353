import { defineRule, questionName } from '../core/rule.js';
import { distinctQuestions } from '../core/questions.js';
import { findComponent } from '../core/components.js';
import { findMetric, tokens } from '../core/text.js';
import type { Part } from '../core/types.js';

export const projectExample = defineRule({
  id: 'project-example',
  criterion: 'PASS 2, Done when 2',
  title: () => 'Each answer includes a concrete project example',
  description: "Each question has a project example that names the learner's own component or product, with a measured figure",
  severity: 'error',
  options: {},
  messages: {
    noQuestions: 'The playbook has no questions, so none can have a project example',
    missing: '{{question}} has no Project Example part',
    missingNear: '{{question}} has no Project Example part; line {{line}} reads like one, but {{why}}',
    noComponent: "{{question}}'s project example names no component, expected one such as `verify-service`, RevocationFeed or etcd",
    noMetric:
      "{{question}}'s project example gives no measured figure, and neither does its Metric part; expected a number with a unit such as 40 ms or 99.9%",
  },
  fixes: {
    noQuestions: 'Add the questions as headings such as `## Q1: …`, each with a `**Project Example:**` part.',
    missing: 'Add a `**Project Example:**` part: a component you built or ran, and a number it achieved.',
    missingNear: 'Put a `**Project Example:**` label in front of the paragraph at line {{line}}.',
    noComponent: 'Name the component the example is about, e.g. `verify-service` or "the Raft cluster".',
    noMetric: 'Give a measured number with its unit in the project example or the Metric part, e.g. "p99 of 40 ms" or "99.9% of requests".',
  },
  check({ doc, report }) {
    if (doc.questions.length === 0) report({ messageId: 'noQuestions', node: { line: 1 } });
    for (const question of distinctQuestions(doc)) {
      const part = question.project;
      if (part === null) {
        const near = question.nearMisses.find((miss) => miss.kind === 'project');
        if (near)
          report({ messageId: 'missingNear', data: { question: questionName(question), line: near.line, why: near.why }, node: question, question });
        else report({ messageId: 'missing', data: { question: questionName(question) }, node: question, question });
        continue;
      }
      // the example names the learner's component; the tradeoff and metric that go with it may name it instead
      const named = [part, question.tradeoff, question.metric].some((p) => p !== null && findComponent(tokens(p.text), p.codeSpans) !== null);
      if (!named) report({ messageId: 'noComponent', data: { question: questionName(question) }, node: part, question });
      if (!hasFigure(part) && !hasFigure(question.metric)) {
        report({ messageId: 'noMetric', data: { question: questionName(question) }, node: part, question });
      }
    }
  },
});

function hasFigure(part: Part | null): boolean {
  return part !== null && findMetric(tokens(part.text)) !== null;
}
