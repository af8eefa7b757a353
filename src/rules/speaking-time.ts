import { defineRule, questionName } from '../core/rule.js';
import { distinctQuestions, spokenParts } from '../core/parse.js';
import { countWords } from '../core/text.js';

export const speakingTime = defineRule({
  id: 'speaking-time',
  criterion: 'Do 2: two minutes spoken',
  title: (config) => `Each answer takes at most ${config.speakingMinutes} minutes spoken`,
  description: 'An answer, gotchas aside, can be spoken in the time the lesson allows',
  severity: 'warning',
  messages: {
    tooLong: "{{question}}'s answer has {{words}} words, about {{duration}} spoken at {{rate}} words a minute, expected at most {{max}} minutes",
  },
  check({ doc, config, report }) {
    const limit = config.speakingMinutes * config.wordsPerMinute;
    for (const question of distinctQuestions(doc)) {
      let words = 0;
      for (const part of spokenParts(question)) words += countWords(part.text);
      if (words <= limit) continue;
      // rounded up, so an answer just past the limit never reads as exactly at it
      const seconds = Math.ceil((words / config.wordsPerMinute) * 60);
      const duration = `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
      report({
        messageId: 'tooLong',
        data: { question: questionName(question), words, duration, rate: config.wordsPerMinute, max: config.speakingMinutes },
        node: question,
        question,
      });
    }
  },
});
