/**
 * What to do about each finding: one imperative line per rule message, shown next to the message in the
 * review comments and as the note of an editor diagnostic. The long explanation stays on the rule's doc page.
 */
import type { Config, RuleId } from '../config.js';
import type { Finding } from '../core/lint.js';

/** Where the rule pages are published (the Action's own repository, as `uses:` names it). */
export const RULE_DOCS_URL = 'https://github.com/playbook-proof/playbook-proof/blob/main/docs/rules';

/**
 * Fix templates by rule and message id. `{{name}}` takes the finding's data first, then these
 * configuration values: words, gotchas, reasonWords, rowChars, speakingMinutes, wordsPerMinute, spokenWords, path.
 */
export const FIXES: Readonly<Record<RuleId, Readonly<Record<string, string>>>> = {
  'question-count': {
    tooFew: 'Add questions until there are at least {{min}}, each with an answer of at least {{words}} words.',
    tooFewDistinct: 'Replace each copied entry with a question of its own until there are at least {{min}} distinct ones.',
    unreadable: 'Commit the playbook as a Markdown text file (UTF-8, under 5 MiB).',
    copy: 'Write this entry in its own words for its own question, or delete it: it repeats Q{{original}} at line {{originalLine}}.',
    noAnswer: 'Add an `**Answer:**` part that explains the concept in at least {{words}} words.',
    thinAnswer: 'Expand the answer to at least {{min}} words in all: the theory, your project, the tradeoff and the metric.',
  },
  'project-example': {
    noQuestions: 'Add the questions as headings such as `## Q1: …`, each with a `**Project Example:**` part.',
    missing: 'Add a `**Project Example:**` part: a component you built or ran, and a number it achieved.',
    missingNear: 'Put a `**Project Example:**` label in front of the paragraph at line {{line}}.',
    noComponent: 'Name the component the example is about, e.g. `verify-service` or "the Raft cluster".',
    noMetric: 'Give a measured number with its unit in the project example or the Metric part, e.g. "p99 of 40 ms" or "99.9% of requests".',
  },
  gotchas: {
    noQuestions: 'Add the questions as headings such as `## Q1: …`, each with a gotcha list.',
    missing: 'Add a `**Gotcha — Common wrong answers:**` list of at least {{gotchas}} wrong answers, each followed by why it is wrong.',
    tooFew: 'Add wrong answers until the list has at least {{min}}, each followed by why it is wrong.',
    noReason: 'After the wrong answer, say why it is wrong in at least {{reasonWords}} words (`— Wrong: …`).',
    emptyItem: 'Write a wrong answer and why it is wrong in this item, or delete the item.',
  },
  difficulty: {
    missing: 'Add `**Difficulty:** L1`, `L2` or `L3` under the question heading.',
    missingNear: 'Write the rating at line {{line}} as a line of its own: `**Difficulty:** L2`.',
    invalid: 'Rate the question L1, L2 or L3.',
    levelsMissing: 'Rate at least one question {{levels}}, so the ratings cover L1, L2 and L3.',
  },
  'cheat-sheet': {
    missing: 'Add a `## Cheat Sheet` section: a table with one row per question and its one-line answer.',
    noRows: 'Add one row per question to the cheat sheet: the question and its one-line answer.',
    noRow: 'Add a cheat-sheet row for {{question}} with its one-line answer.',
    emptyRow: 'Write the one-line answer in this row.',
    multiLine: 'Join the row onto one source line: a wrapped table row breaks the table.',
    longRow: 'Shorten the one-line answer to at most {{max}} characters.',
    tooLong: 'Shorten the cheat sheet to at most {{max}} printed lines of {{width}} characters.',
  },
  'answer-structure': {
    noQuestions: 'Add the questions as headings such as `## Q1: …`, each answered Theory → Project → Tradeoff → Metric.',
    missingParts: 'Add {{parts}} as labelled parts (`**Tradeoff:** …`), in the order Theory → Project → Tradeoff → Metric.',
    missingPartsNear: "Give the paragraph at line {{line}} a label of its own (`**Tradeoff:** …`), as the entry's other parts have.",
  },
  location: {
    wrongPath: 'Move the file to {{expected}} (`git mv`).',
    wrongCase: 'Rename the file to {{expected}}, with the same upper and lower case (`git mv`).',
    missing: 'Commit the playbook at {{expected}}.',
  },
  misconception: {
    stated: 'Correct the sentence: {{correction}}',
    correctGotcha: 'Replace this item with a claim that is really wrong, and say why: the statement as written is correct.',
  },
  coverage: {
    missingTopic: 'Add a question on {{topic}} (an {{level}} topic of the lesson), or turn one that repeats a topic into it.',
    levelMismatch: "Rate this question {{level}}, as the lesson's coverage map does, or say in your note why you rate it otherwise.",
  },
  'speaking-time': {
    tooLong: 'Cut the answer to about {{spokenWords}} words: the definition, one failure case, one number.',
  },
};

/** The fix for a finding, with learner-supplied values passed through `escape`; null for an unknown message id. */
export function fixFor(finding: Finding, config: Config, escape: (text: string) => string = (text) => text): string | null {
  const template = FIXES[finding.ruleId]?.[finding.messageId];
  if (template === undefined) return null;
  const values: Record<string, string | number> = {
    words: config.words,
    gotchas: config.gotchas,
    reasonWords: config.reasonWords,
    rowChars: config.rowChars,
    speakingMinutes: config.speakingMinutes,
    wordsPerMinute: config.wordsPerMinute,
    spokenWords: config.speakingMinutes * config.wordsPerMinute,
    path: config.path,
    ...finding.data,
  };
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? escape(String(values[key])) : whole));
}

/** The rule's doc page, at its "How to fix" section. */
export function fixUrl(ruleId: RuleId): string {
  return `${RULE_DOCS_URL}/${ruleId}.md#how-to-fix`;
}
