/**
 * Text helpers and detectors. Every detector works on whitespace-split tokens tested with
 * anchored, length-capped patterns, so the cost is linear in the text whatever its content.
 */
import type { PartKind } from './types.js';

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
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, arrows, maths, technical, dingbats (❌ ✗ ✔)
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates: emoji and other astral symbols
  if (c >= 0xfe00 && c <= 0xfe0f) return false; // variation selectors
  if (c >= 0xff00 && c <= 0xff0f) return false; // full-width punctuation
  return c !== 0xfeff;
}

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

/** "1 question", "3 questions". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Shortens text to at most `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

// Bold labels and headings may use any of these; a plain "Word:" at a paragraph's start must be one of PLAIN_LABELS.
const LABELS: ReadonlyArray<readonly [PartKind, readonly string[]]> = [
  ['difficulty', ['difficulty', 'difficulty level']],
  ['theory', ['answer', 'theory', 'short answer', 'the answer', 'my answer', 'explanation', 'concept', 'definition']],
  ['project', ['project example', 'project examples', 'project', 'example', 'in my project', 'from my project', 'real example', 'practical example']],
  ['tradeoff', ['tradeoff', 'tradeoffs', 'trade off', 'trade offs', 'the tradeoff', 'tradeoff made']],
  ['metric', ['metric', 'metrics', 'result', 'results', 'impact', 'key metric', 'measured result', 'numbers']],
  [
    'gotchas',
    [
      'gotcha', 'gotchas', 'common wrong answers', 'wrong answers', 'common mistakes', 'mistakes',
      'trap', 'traps', 'pitfall', 'pitfalls', 'misconceptions', 'common misconceptions', 'common traps', 'common pitfalls',
    ],
  ],
];

/** Labels unambiguous enough to count without bold: "Answer: …", "Difficulty: L2", "Tradeoff: …". */
const PLAIN_LABELS = new Set([
  'difficulty', 'difficulty level', 'answer', 'theory', 'short answer', 'project example', 'project', 'tradeoff',
  'tradeoffs', 'trade off', 'trade offs', 'metric', 'metrics', 'key metric', 'gotcha', 'gotchas', 'common wrong answers',
  'wrong answers', 'common mistakes', 'traps', 'pitfalls', 'common pitfalls', 'common misconceptions',
]);

/**
 * Classifies a label ("Gotcha — Common wrong answers", "Trade-offs", "📈 Metric") as a part kind.
 * The label must start with one of the known phrases; at most eight words are read. A `plain` label
 * (no bold, no heading) must be one of the unambiguous phrases, exactly.
 */
export function classifyLabel(label: string, plain = false): PartKind | null {
  const words = normalize(label.slice(0, 200)).split(' ');
  if (words.length === 0 || words.length > 8 || words[0] === '') return null;
  const joined = words.join(' ');
  if (plain && !PLAIN_LABELS.has(joined)) return null;
  let best: PartKind | null = null;
  let bestLength = 0;
  for (const [kind, phrases] of LABELS) {
    for (const phrase of phrases) {
      if ((joined === phrase || joined.startsWith(`${phrase} `)) && phrase.length > bestLength) {
        best = kind;
        bestLength = phrase.length;
      }
    }
  }
  return best;
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
  '%', 'percent', 'ms', 'msec', 's', 'sec', 'secs', 'second', 'seconds', 'min', 'mins', 'minute', 'minutes',
  'h', 'hr', 'hrs', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'us', 'µs', 'μs', 'ns',
  'b', 'kb', 'mb', 'gb', 'tb', 'kib', 'mib', 'gib', 'tib', 'byte', 'bytes', 'x', '×',
  'node', 'nodes', 'replica', 'replicas', 'shard', 'shards', 'partition', 'partitions', 'region', 'regions',
  'zone', 'zones', 'server', 'servers', 'instance', 'instances', 'pod', 'pods', 'worker', 'workers',
  'req/s', 'reqs/s', 'rps', 'qps', 'tps', 'ops/s', 'op/s', 'msg/s', 'msgs/s', 'writes/s', 'reads/s', 'events/s',
  'request', 'requests', 'req', 'reqs', 'message', 'messages', 'msgs', 'event', 'events', 'write', 'writes',
  'read', 'reads', 'transaction', 'transactions', 'txn', 'txns', 'op', 'ops', 'operation', 'operations',
  'attestation', 'attestations', 'user', 'users', 'client', 'clients', 'key', 'keys', 'entry', 'entries',
  'retry', 'retries', 'error', 'errors', 'incident', 'incidents', 'failure', 'failures', 'fault', 'faults',
  'rtt', 'rtts', 'round-trip', 'round-trips', 'hop', 'hops', 'step', 'steps', 'state', 'states', 'run', 'runs',
  'test', 'tests', 'bug', 'bugs', 'line', 'lines', 'record', 'records', 'row', 'rows', 'item', 'items',
  'connection', 'connections', 'thread', 'threads', 'core', 'cores', 'vote', 'votes', 'term', 'terms', 'epoch', 'epochs',
]);

// A number, optionally with a sign, thousands separators and decimals; what follows it is read in code.
const NUMBER = /^[~≈<>≤≥+]?\d{1,15}(?:,\d{3}){0,5}(?:\.\d{1,6})?/;
const MULTIPLIERS = 'kKmMbB';

/** Whether text states a metric: a number with a unit or a percent ("2.3s", "40 ms", "99.9%", "60-second", "10k req/s"). */
export function hasMetric(text: string): boolean {
  return findMetric(tokens(text)) !== null;
}

/** Returns the first metric phrase in a token list, or null. */
export function findMetric(list: readonly string[]): string | null {
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    const first = token.charCodeAt(0);
    // cheap pre-check: digits or a comparison sign first
    if (!(first >= 48 && first <= 57) && !'~≈<>≤≥+'.includes(token[0]!)) continue;
    const match = NUMBER.exec(token);
    if (!match) continue;
    // "40ms", "60-second", "99.9%", "16MiB"; or a multiplier, "10k", then a glued or separate unit
    const rest = token.slice(match[0].length).replace(/^-/, '');
    if (rest.length > 0 && isUnit(rest)) return token;
    const multiplied = rest.length > 0 && MULTIPLIERS.includes(rest[0]!);
    if (multiplied && rest.length > 1 && isUnit(rest.slice(1).replace(/^-/, ''))) return token;
    if (rest.length > 0 && !(multiplied && rest.length === 1)) continue;
    const next = list[i + 1];
    if (next !== undefined && (isUnit(next) || /^[a-z]{1,12}\/s$/i.test(next))) return `${token} ${next}`;
  }
  return null;
}

function isUnit(text: string): boolean {
  return text.length <= 16 && UNITS.has(text.toLowerCase());
}

const COMPONENT_WORDS = new Set([
  'service', 'cluster', 'store', 'queue', 'gateway', 'cache', 'broker', 'worker', 'database', 'db', 'api',
  'proxy', 'server', 'ledger', 'log', 'pipeline', 'scheduler', 'controller', 'registry', 'index', 'bucket',
  'topic', 'stream', 'shard', 'replica', 'engine', 'daemon', 'sidecar', 'balancer', 'coordinator', 'consumer',
  'producer', 'table', 'node', 'bus', 'agent', 'endpoint', 'vault', 'repository', 'pool', 'module',
  'component', 'backend', 'storage', 'manager', 'router', 'relay', 'collector', 'exporter', 'cron', 'lambda',
  'function', 'microservice', 'leader', 'follower', 'journal', 'wal', 'mesh', 'tier', 'fleet', 'validator',
  'verifier', 'signer', 'issuer', 'resolver', 'indexer', 'watcher', 'monitor', 'limiter', 'circuit', 'breaker',
]);

const NOT_A_NAME = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'our', 'your', 'their', 'its', 'his', 'her',
  'each', 'every', 'any', 'one', 'per', 'some', 'no', 'of', 'to', 'for', 'in', 'on', 'at', 'by', 'with',
  'from', 'and', 'or', 'but', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'which', 'who', 'what',
  'when', 'where', 'how', 'not', 'only', 'also', 'all', 'both', 'same', 'other', 'another', 'single',
  'new', 'whole', 'into', 'onto', 'than', 'then', 'so', 'if', 'it', 'we', 'i', 'they', 'via', 'behind',
  'different', 'many', 'multiple', 'several', 'few', 'more', 'most', 'either', 'given', 'any', 'such', 'like',
  'slow', 'fast', 'failed', 'healthy', 'remaining', 'another', 'particular', 'typical', 'normal', 'simple',
]);

/** Hyphenated words that are ordinary English, not component names. */
const PROSE_COMPOUNDS = new Set([
  'read-only', 'write-only', 'split-brain', 'trade-off', 'trade-offs', 'real-time', 'well-known', 'so-called',
  'up-to-date', 'per-operation', 'per-request', 'end-to-end', 'at-least-once', 'at-most-once', 'exactly-once',
  'long-running', 'high-level', 'low-level', 'built-in', 'third-party', 'open-source', 'single-leader',
  'multi-leader', 'leaderless', 'point-in-time', 'write-ahead', 'best-effort', 'time-based', 'last-write-wins',
  'follow-up', 'e-mail', 'non-blocking', 'non-trivial', 'self-healing', 'fail-over', 'fail-stop', 'read-your-writes',
  'monotonic-read', 'happens-before', 'so-so', 'one-way', 'two-way', 'in-flight', 'in-memory', 'on-call',
  'fire-and-forget', 'check-and-set', 'compare-and-swap', 'round-trip', 'round-trips', 'strongly-consistent',
  'eventually-consistent', 'key-value', 'peer-to-peer', 'client-side', 'server-side', 'cross-region', 'multi-region',
  'fault-tolerant', 'fault-tolerance', 'highly-available', 'well-defined', 'long-lived', 'short-lived', 'state-of-the-art',
  'one-time', 'all-or-nothing', 'first-come', 'non-deterministic', 'co-ordinate', 'co-ordination', 're-elect', 're-election',
  'pre-vote', 'two-phase', 'three-phase', 'well-tested', 'hand-written', 'human-readable', 'order-independent',
]);

/** Numbers as words, and endings that make an adjective ("three-node", "quorum-based", "low-latency"). */
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'single', 'multi', 'n']);
const ADJECTIVE_ENDINGS = new Set([
  'based', 'like', 'aware', 'free', 'safe', 'only', 'wide', 'style', 'level', 'latency', 'time', 'term', 'scale',
  'grade', 'tolerant', 'ready', 'bound', 'heavy', 'intensive', 'driven', 'oriented', 'specific', 'side', 'way', 'phase',
]);

/** Hyphenated English ("split-brain", "three-node", "quorum-based"), not a component's name. */
function isProseCompound(lower: string): boolean {
  if (PROSE_COMPOUNDS.has(lower)) return true;
  const segments = lower.split('-');
  return NUMBER_WORDS.has(segments[0]!) || /^\d/.test(segments[0]!) || ADJECTIVE_ENDINGS.has(segments[segments.length - 1]!);
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]{0,40}(?:[-_][A-Za-z0-9]{1,40}){1,8}$/;

/**
 * Returns the first component a text names, or null: an inline code span, a kebab-case or
 * snake_case identifier (`verify-service`), or a name followed by a component word ("raft cluster").
 */
export function findComponent(list: readonly string[], codeSpans: readonly string[]): string | null {
  for (const span of codeSpans) if (span.trim().length > 0) return `\`${span.trim()}\``;
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    if (IDENTIFIER.test(token)) {
      const lower = token.toLowerCase();
      if (token.includes('_') || !isProseCompound(lower)) return token;
      continue;
    }
    const lower = token.toLowerCase();
    const singular = lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
    if (!COMPONENT_WORDS.has(lower) && !COMPONENT_WORDS.has(singular)) continue;
    const previous = list[i - 1];
    if (previous === undefined) continue;
    const prevLower = previous.toLowerCase();
    // "the verify service" names one; "the service", "5 nodes" and "3-node cluster" do not
    if (NOT_A_NAME.has(prevLower) || NUMBER_WORDS.has(prevLower) || (prevLower.includes('-') && isProseCompound(prevLower))) continue;
    if (!/^(?:[A-Za-z][A-Za-z0-9-]{0,40}|\d{1,4}[A-Za-z][A-Za-z0-9]{0,20})$/.test(previous)) continue;
    return `${previous} ${token}`;
  }
  return null;
}

const TRADEOFF_WORDING =
  /\b(?:tradeoffs?|at the (?:cost|expense|price) of|sacrific(?:e|es|ed|ing)|rather than|instead of|worse than|in exchange for|(?:gave|give|gives|giving) up|downside|the price|compromis(?:e|es|ed|ing)|in return|costs? us)\b/;

/** Whether prose states a tradeoff in words ("at the cost of", "rather than", "sacrifices", …). */
export function hasTradeoffWording(text: string): boolean {
  return TRADEOFF_WORDING.test(normalizeForPhrases(text));
}

function normalizeForPhrases(text: string): string {
  return text
    .toLowerCase()
    .replace(/([a-z])[-‐‑]+(?=[a-z])/g, '$1')
    .replace(/[^a-z0-9]+/g, ' ');
}
