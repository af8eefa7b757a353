import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint.js';

// The lesson is read where CI puts it (../shared beside the clone), never copied into the repository.
const lessonPath = join(import.meta.dirname, '..', '..', 'shared', 'lesson', 'w24-d01-dist-sys-qa.md');
const hasLesson = existsSync(lessonPath);

function sampleEntry(): { text: string; offset: number } {
  const lesson = readFileSync(lessonPath, 'utf8');
  const lines = lesson.split('\n');
  const start = lines.indexOf('```markdown');
  const end = lines.indexOf('```', start + 1);
  return { text: lines.slice(start + 1, end).join('\n'), offset: start + 1 };
}

describe.skipIf(!hasLesson)("the lesson's sample entry", () => {
  // The sample shows the Answer, Project Example and Gotcha parts; the "Done when" list asks every entry for a
  // Tradeoff and a Metric part as well, which the sample folds into its project paragraph.
  it('passes every per-question rule on its own but answer-structure, which wants its own Tradeoff and Metric parts', () => {
    const { text } = sampleEntry();
    const result = lint(text);
    expect(result.playbook.questions).toHaveLength(1);
    const q = result.playbook.questions[0]!;
    expect(q.number).toBe(1);
    expect(q.difficulty?.level).toBe('L1');
    expect(q.gotchaItems).toHaveLength(2);
    // only the rules that need 15 questions, all three levels, the map's other 14 topics and a cheat sheet complain
    expect(result.findings.map((f) => `${f.line} ${f.ruleId}/${f.messageId}`)).toEqual([
      '1 question-count/tooFew',
      '1 difficulty/levelsMissing',
      '1 answer-structure/missingParts',
      ...Array<string>(14).fill('1 coverage/missingTopic'),
      `${text.split('\n').length} cheat-sheet/missing`,
    ]);
    expect(result.findings.find((f) => f.ruleId === 'answer-structure')?.message).toBe(
      'Q1 lacks a tradeoff and a metric, expected Theory → Project → Tradeoff → Metric',
    );
    expect(result.findings.filter((f) => f.ruleId === 'misconception')).toEqual([]);
  });

  it('still passes when the whole lesson file is checked (the sample sits in a code fence)', () => {
    const result = lint(readFileSync(lessonPath, 'utf8'));
    expect(result.playbook.questions).toHaveLength(0);
  });
});
