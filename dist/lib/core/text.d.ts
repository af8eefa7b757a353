/**
 * Text helpers and detectors. Every detector works on whitespace-split tokens tested with
 * anchored, length-capped patterns, so the cost is linear in the text whatever its content.
 */
/** Counts words: whitespace-separated tokens holding at least one letter or digit. */
export declare function countWords(text: string): number;
/**
 * Whether a UTF-16 code unit can be part of a word: ASCII letters and digits, and non-ASCII text outside
 * the punctuation, symbol, dingbat and emoji ranges. (A char-code test: Unicode property regexes cost
 * milliseconds to compile, a noticeable share of a cold start.)
 */
export declare function isWordCode(c: number): boolean;
/** Index of the first word character in `text` at or after `from`, or `text.length`; `keep` characters also stop it. */
export declare function firstWordIndex(text: string, keep?: string): number;
/** Lowercases, joins hyphenated words ("Trade-off" → "tradeoff") and keeps only a–z, 0–9 and single spaces. */
export declare function normalize(text: string): string;
/** "1 question", "3 questions", "1,000 criteria" (with `many` given as "criteria"). */
export declare function plural(count: number, noun: string, many?: string): string;
/** "a", "a and b", "a, b and c"; with `or`, "a, b or c". */
export declare function joinList(items: readonly string[], conjunction?: 'and' | 'or'): string;
/** Question numbers as "Q3, Q7 and 4 more": the first `max`, then how many more. */
export declare function questionList(numbers: readonly number[], max?: number): string;
/** Shortens text to at most `max` characters, marking the cut with an ellipsis. */
export declare function truncate(text: string, max: number): string;
/** Splits text on whitespace and strips surrounding punctuation from each token. */
export declare function tokens(text: string): string[];
/** Whether text states a metric: a number with a unit, a percent or a count ("2.3s", "80–140 ms", "99.9%", "±5 s", "1.2 k req/s", "3×", "0 duplicate writes"). */
export declare function hasMetric(text: string): boolean;
/** Returns the first metric phrase in a token list, or null. */
export declare function findMetric(list: readonly string[]): string | null;
