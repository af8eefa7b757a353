/** The resolved configuration every rule reads: thresholds and a severity per rule. */

export const RULE_IDS = [
  'question-count',
  'project-example',
  'gotchas',
  'difficulty',
  'cheat-sheet',
  'answer-structure',
  'location',
  'speaking-time',
  'misconception',
  'coverage',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type RuleSetting = 'error' | 'warning' | 'off';

export interface Config {
  /** Where the playbook must be committed, relative to the repository root. */
  path: string;
  /** Minimum number of questions. */
  questions: number;
  /** Minimum words in each answer's theory part. */
  words: number;
  /** Minimum wrong answers in each gotcha list. */
  gotchas: number;
  /** Minimum words in the reason a wrong answer is wrong. */
  reasonWords: number;
  /** Maximum printed lines of the cheat sheet. */
  cheatSheetLines: number;
  /** Characters per printed line. */
  lineWidth: number;
  /** Maximum characters of one cheat-sheet row. */
  rowChars: number;
  /** Longest spoken answer, in minutes. */
  speakingMinutes: number;
  /** Speaking rate used to time an answer. */
  wordsPerMinute: number;
  /** Severity per rule; a rule left out keeps its default. */
  rules: Record<RuleId, RuleSetting>;
}

export const DEFAULT_PATH = 'week-24/day1-dist-sys-qa.md';

/** The defaults: the lesson's own thresholds. */
export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze({
  path: DEFAULT_PATH,
  questions: 15,
  words: 30,
  gotchas: 2,
  reasonWords: 3,
  cheatSheetLines: 60,
  lineWidth: 100,
  rowChars: 200,
  speakingMinutes: 2,
  wordsPerMinute: 150,
  rules: Object.freeze({
    'question-count': 'error',
    'project-example': 'error',
    gotchas: 'error',
    difficulty: 'error',
    'cheat-sheet': 'error',
    'answer-structure': 'error',
    location: 'error',
    'speaking-time': 'warning',
    misconception: 'warning',
    coverage: 'warning',
  }) as Record<RuleId, RuleSetting>,
});

/** A partial configuration, as written in a config file (already validated). */
export type ConfigInput = Partial<Omit<Config, 'rules'>> & { rules?: Partial<Record<RuleId, RuleSetting>> };

/** Lays a validated partial configuration over the defaults. */
export function resolveConfig(input: ConfigInput = {}): Config {
  return {
    ...DEFAULT_CONFIG,
    ...input,
    rules: { ...DEFAULT_CONFIG.rules, ...input.rules },
  };
}
