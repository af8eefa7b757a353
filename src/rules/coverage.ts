import { lessonTopics, topicCoverage } from '../core/coverage.js';
import { defineRule } from '../core/rule.js';

export const coverage = defineRule({
  id: 'coverage',
  criterion: 'Visual Model: question coverage map',
  title: () => `Questions cover the ${lessonTopics().length} topics of the lesson's map, each at its level`,
  description: "Every topic of the lesson's coverage map has a question, rated at the level the map gives it",
  severity: 'warning',
  options: {},
  messages: {
    missingTopic: "No question covers {{topic}}, an {{level}} topic of the lesson's coverage map",
    levelMismatch: "{{question}} covers {{topic}} but is rated {{found}}, where the lesson's coverage map puts it at {{level}}",
  },
  fixes: {
    missingTopic: 'Add a question on {{topic}} (an {{level}} topic of the lesson), or turn one that repeats a topic into it.',
    levelMismatch: "Rate this question {{level}}, as the lesson's coverage map does, or say in your note why you rate it otherwise.",
  },
  check({ doc, report }) {
    // with no questions at all there is nothing to map; the question count already says so
    if (doc.questions.length === 0) return;
    for (const { topic, questions } of topicCoverage(doc)) {
      if (questions.length === 0) {
        report({ messageId: 'missingTopic', data: { topic: topic.name, level: topic.level, id: topic.id }, node: { line: 1 } });
        continue;
      }
      for (const covering of questions) {
        if (covering.level === null || covering.level === topic.level) continue;
        const question = doc.questions.find((q) => q.line === covering.line) ?? null;
        report({
          messageId: 'levelMismatch',
          data: { question: `Q${covering.number}`, topic: topic.name, found: covering.level, level: topic.level, id: topic.id },
          node: { line: covering.levelLine },
          question,
        });
      }
    }
  },
});
