/**
 * Inputs that make a careless pattern backtrack for seconds: long runs of digits, dashes, quotes, spaces and
 * repeated words. Each detector's tests check it answers these in linear time.
 */
export const ADVERSARIAL_TEXTS: readonly string[] = [
  '9'.repeat(50_000),
  '-'.repeat(50_000),
  'a-'.repeat(25_000),
  '1,'.repeat(25_000),
  `${'1'.repeat(50_000)}x`,
  `${'a_'.repeat(25_000)}!`,
  ' '.repeat(50_000),
  `Q${' '.repeat(50_000)}1`,
  'rather '.repeat(10_000),
  '"'.repeat(50_000),
  `${'— '.repeat(25_000)}x`,
];

/** Test-table rows for `it.each`: a short name and the text. */
export const ADVERSARIAL_CASES: [string, string][] = ADVERSARIAL_TEXTS.map((text) => [text.slice(0, 12), text]);
