/**
 * Text helpers and detectors. Every detector works on whitespace-split tokens tested with
 * anchored, length-capped patterns, so the cost is linear in the text whatever its content.
 */

/** Tokens longer than this are never a number, unit or identifier worth reading. */
const MAX_TOKEN = 120;

/** Counts words: whitespace-separated tokens holding at least one letter or digit. */
export function countWords(text: string): number {
  let count = 0;
  let inToken = false;
  let tokenHasWordChar = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 160) {
      if (inToken && tokenHasWordChar) count++;
      inToken = false;
      tokenHasWordChar = false;
    } else {
      inToken = true;
      if (!tokenHasWordChar && isWordCode(c)) tokenHasWordChar = true;
    }
  }
  if (inToken && tokenHasWordChar) count++;
  return count;
}

/**
 * Whether a UTF-16 code unit can be part of a word: ASCII letters and digits, and non-ASCII text outside
 * the punctuation, symbol, dingbat and emoji ranges. (A char-code test: Unicode property regexes cost
 * milliseconds to compile, a noticeable share of a cold start.)
 */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba || (c >= 0xb2 && c <= 0xb3) || c === 0xb9;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x0300 && c <= 0x036f) return false; // combining marks (a lone one shows nothing), U+034F included
  if (INVISIBLE_LETTERS.includes(c)) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, arrows, maths, technical, dingbats (❌ ✗ ✔)
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates: emoji and other astral symbols
  if (c >= 0xfe00 && c <= 0xfe0f) return false; // variation selectors
  if (c >= 0xfe20 && c <= 0xfe2f) return false; // combining half marks
  if ((c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff)) return false; // more combining marks
  if (c >= 0xfff0 && c <= 0xffff) return false; // specials
  if (c >= 0xff00 && c <= 0xff0f) return false; // full-width punctuation
  return c !== 0xfeff;
}

/**
 * Code points Unicode counts as letters or marks that draw nothing: the Hangul fillers (U+115F, U+1160,
 * U+3164, U+FFA0), Khmer's inherent vowels, the Mongolian vowel separator. Text made of them pads a word
 * count without a reader seeing a word.
 */
const INVISIBLE_LETTERS: readonly number[] = [0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x3164, 0xffa0];

/** Index of the first word character in `text` at or after `from`, or `text.length`; `keep` characters also stop it. */
export function firstWordIndex(text: string, keep = ''): number {
  let i = 0;
  while (i < text.length && !isWordCode(text.charCodeAt(i)) && !keep.includes(text[i]!)) i++;
  return i;
}

/** Lowercases, joins hyphenated words ("Trade-off" → "tradeoff") and keeps only a–z, 0–9 and single spaces. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/([a-z])[-‐‑]+(?=[a-z])/g, '$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "1 question", "3 questions", "1,000 criteria" (with `many` given as "criteria"). */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${groupDigits(count)} ${count === 1 ? noun : many}`;
}

/** "1,234,567": a whole number with its thousands grouped (by hand: the first toLocaleString call loads ICU data, tens of milliseconds). */
function groupDigits(count: number): string {
  return Number.isSafeInteger(count) ? String(count).replace(/\B(?=(\d{3})+$)/g, ',') : String(count);
}

/** "a", "a and b", "a, b and c"; with `or`, "a, b or c". */
export function joinList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Question numbers as "Q3, Q7 and 4 more": the first `max`, then how many more. */
export function questionList(numbers: readonly number[], max = 8): string {
  const shown = numbers.slice(0, max).map((n) => `Q${n}`);
  const more = numbers.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** Shortens text to at most `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Splits text on whitespace and strips surrounding punctuation from each token. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\s+/)) {
    if (raw.length === 0 || raw.length > MAX_TOKEN) continue;
    const token = raw.replace(/^[("'“‘[{*_<]+/, '').replace(/[)"'”’\]}*_>.,;:!?]+$/, '');
    if (token.length > 0) out.push(token);
  }
  return out;
}

const UNITS = new Set([
  '%',
  'percent',
  'ms',
  'msec',
  's',
  'sec',
  'secs',
  'second',
  'seconds',
  'm',
  'min',
  'mins',
  'minute',
  'minutes',
  'h',
  'hr',
  'hrs',
  'hour',
  'hours',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'us',
  'µs',
  'μs',
  'ns',
  'b',
  'kb',
  'mb',
  'gb',
  'tb',
  'kib',
  'mib',
  'gib',
  'tib',
  'byte',
  'bytes',
  'x',
  '×',
  'node',
  'nodes',
  'replica',
  'replicas',
  'shard',
  'shards',
  'partition',
  'partitions',
  'region',
  'regions',
  'zone',
  'zones',
  'server',
  'servers',
  'instance',
  'instances',
  'pod',
  'pods',
  'worker',
  'workers',
  'req/s',
  'reqs/s',
  'rps',
  'qps',
  'tps',
  'ops/s',
  'op/s',
  'msg/s',
  'msgs/s',
  'writes/s',
  'reads/s',
  'events/s',
  'request',
  'requests',
  'req',
  'reqs',
  'message',
  'messages',
  'msgs',
  'event',
  'events',
  'write',
  'writes',
  'read',
  'reads',
  'transaction',
  'transactions',
  'txn',
  'txns',
  'op',
  'ops',
  'operation',
  'operations',
  'attestation',
  'attestations',
  'user',
  'users',
  'client',
  'clients',
  'key',
  'keys',
  'entry',
  'entries',
  'retry',
  'retries',
  'error',
  'errors',
  'incident',
  'incidents',
  'failure',
  'failures',
  'fault',
  'faults',
  'rtt',
  'rtts',
  'round-trip',
  'round-trips',
  'hop',
  'hops',
  'step',
  'steps',
  'state',
  'states',
  'run',
  'runs',
  'test',
  'tests',
  'bug',
  'bugs',
  'line',
  'lines',
  'record',
  'records',
  'row',
  'rows',
  'item',
  'items',
  'connection',
  'connections',
  'thread',
  'threads',
  'core',
  'cores',
  'vote',
  'votes',
  'term',
  'terms',
  'epoch',
  'epochs',
]);

// A number, optionally with a sign, thousands separators and decimals; what follows it is read in code.
const NUMBER = /^[~≈<>≤≥+±]?\d{1,15}(?:,\d{3}){0,5}(?:\.\d{1,6})?/;
// the upper end of a range glued to the number: "80–140", "1.1-1.6"
const RANGE_END = /^[–—-]\d{1,15}(?:\.\d{1,6})?/;
const MULTIPLIERS = 'kKmMbB';
/** Plural words after a number that count something without measuring it. */
const NOT_COUNTED = new Set(['years', 'times', 'ways', 'things', 'types', 'kinds', 'sorts', 'reasons', 'options', 'words', 'letters', 'questions']);

/** Whether text states a metric: a number with a unit, a percent or a count ("2.3s", "80–140 ms", "99.9%", "±5 s", "1.2 k req/s", "3×", "0 duplicate writes"). */
export function hasMetric(text: string): boolean {
  return findMetric(tokens(text)) !== null;
}

/** Returns the first metric phrase in a token list, or null. */
export function findMetric(list: readonly string[]): string | null {
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    const first = token.charCodeAt(0);
    // cheap pre-check: digits or a comparison sign first
    if (!(first >= 48 && first <= 57) && !'~≈<>≤≥+±'.includes(token[0]!)) continue;
    const match = NUMBER.exec(token);
    if (!match) continue;
    let rest = token.slice(match[0].length);
    const range = RANGE_END.exec(rest);
    if (range) rest = rest.slice(range[0].length);
    // "40ms", "60-second", "99.9%", "16MiB"; or a multiplier, "10k", then a glued or separate unit
    rest = rest.replace(/^-/, '');
    // "10m" is ten minutes; "1.5M" is a million, whose unit may follow
    if (rest.length > 0 && rest !== 'M' && isUnit(rest)) return token;
    const multiplied = rest.length > 0 && MULTIPLIERS.includes(rest[0]!);
    if (multiplied && rest.length > 1 && isUnit(rest.slice(1).replace(/^-/, ''))) return token;
    if (rest.length > 0 && !(multiplied && rest.length === 1)) continue;
    // "1.2 k req/s": a multiplier standing alone before the unit
    let at = i + 1;
    if (!multiplied && list[at] !== undefined && list[at]!.length === 1 && MULTIPLIERS.includes(list[at]!)) at++;
    const next = list[at];
    if (next !== undefined && (isUnit(next) || /^[a-z]{1,12}\/s$/i.test(next))) return list.slice(i, at + 1).join(' ');
    // a count of something: "12 conflicts", "0 duplicate attestations"; "2024 releases" is a year
    if (/^(?:19|20)\d\d$/.test(token)) continue;
    for (let j = at; j < at + 2 && j < list.length; j++) {
      if (isCountedNoun(list[j]!)) return `${list.slice(i, j + 1).join(' ')}`;
    }
  }
  return null;
}

function isUnit(text: string): boolean {
  return text.length <= 16 && UNITS.has(text.toLowerCase());
}

function isCountedNoun(word: string): boolean {
  return word.length >= 4 && word.length <= 24 && /^[a-z][a-z-]*s$/.test(word) && !word.endsWith('ss') && !NOT_COUNTED.has(word);
}
