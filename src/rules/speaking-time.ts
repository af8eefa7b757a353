import { defineRule, integerOption, numberOption, questionName } from '../core/rule.js';
import { distinctQuestions, spokenParts } from '../core/questions.js';
import { countWords } from '../core/text.js';

export const speakingTime = defineRule({
  id: 'speaking-time',
  criterion: 'Do 2: two minutes spoken',
  title: ({ speakingMinutes }) => `Each answer takes at most ${speakingMinutes} minutes spoken`,
  description: 'An answer, gotchas aside, can be spoken in the time the lesson allows',
  severity: 'warning',
  options: {
    speakingMinutes: numberOption('longest spoken answer', 2, { above: 0, max: 60, unit: 'minutes' }),
    wordsPerMinute: integerOption('speaking rate', 150, 30, 1_000),
  },
  messages: {
    tooLong: "{{question}}'s answer has {{words}} words, about {{duration}} spoken at {{rate}} words a minute, expected at most {{max}} minutes",
  },
  fixes: {
    tooLong: 'Cut the answer to about {{spokenWords}} words: the definition, one failure case, one number.',
  },
  check({ doc, options, report }) {
    const limit = options.speakingMinutes * options.wordsPerMinute;
    for (const question of distinctQuestions(doc)) {
      let words = 0;
      for (const part of spokenParts(question)) words += countWords(part.text);
      if (words <= limit) continue;
      // rounded up, so an answer just past the limit never reads as exactly at it
      const seconds = Math.ceil((words / options.wordsPerMinute) * 60);
      const duration = `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
      report({
        messageId: 'tooLong',
        data: { question: questionName(question), words, duration, rate: options.wordsPerMinute, max: options.speakingMinutes, spokenWords: limit },
        node: question,
        question,
      });
    }
  },
});
