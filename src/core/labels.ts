/**
 * Part labels: the words learners put in front of a part ("**Answer:**", "##### Tradeoff", "Where I used it",
 * "> [!warning] Common wrong answers", "<summary>Gotchas</summary>") and the kind of part each names.
 */
import type { LineRecord } from './markdown.js';
import { firstWordIndex, normalize } from './text.js';
import type { LabelStyle, PartKind } from './types.js';

/** The spoken parts in the lesson's order: Theory → Project → Tradeoff → Metric. */
export const SPOKEN_ORDER = ['theory', 'project', 'tradeoff', 'metric'] as const;
export type SpokenKind = (typeof SPOKEN_ORDER)[number];

// Emphasised labels and headings may use any of these (a label may add words after them: "Project example
// (verify-service)"); a plain "Word:" must be one of PLAIN_LABELS exactly.
const LABELS: ReadonlyArray<readonly [PartKind, readonly string[]]> = [
  [
    'theory',
    [
      'answer',
      'theory',
      'the theory',
      'short answer',
      'the answer',
      'my answer',
      'explanation',
      'concept',
      'definition',
      'core idea',
      'key idea',
      'the idea',
      'idea',
      'what it is',
      'summary',
      'tl dr',
      'tldr',
      'background',
      'principle',
    ],
  ],
  [
    'project',
    [
      'project example',
      'project examples',
      'project',
      'example',
      'in my project',
      'from my project',
      'my project',
      'real example',
      'practical example',
      'where i used it',
      'how i used it',
      'where i applied it',
      'how i applied it',
      'in practice',
      'in production',
      'applied',
      'application',
      'at work',
      'case study',
      'my experience',
      'experience',
      'project anchor',
      'project reference',
      'how we did it',
      'how i did it',
      'implementation',
      'in the project',
      'war story',
      'where we used it',
      'how we used it',
      'used in',
      'applied in',
      'in my system',
      'in our system',
    ],
  ],
  [
    'tradeoff',
    [
      'tradeoff',
      'tradeoffs',
      'trade off',
      'trade offs',
      'the tradeoff',
      'tradeoff made',
      'cost',
      'costs',
      'the cost',
      'catch',
      'the catch',
      'downside',
      'downsides',
      'price',
      'the price',
      'compromise',
      'what i gave up',
      'what it cost',
      'what it costs',
      'cons',
      'pros and cons',
      'why not',
      'the tradeoffs',
    ],
  ],
  [
    'metric',
    [
      'metric',
      'metrics',
      'result',
      'results',
      'the result',
      'impact',
      'key metric',
      'key metrics',
      'measured result',
      'numbers',
      'the numbers',
      'measured',
      'measurement',
      'measurements',
      'what i measured',
      'outcome',
      'outcomes',
      'evidence',
      'kpi',
      'kpis',
      'figures',
      'by the numbers',
      'in numbers',
    ],
  ],
  [
    'gotchas',
    [
      'gotcha',
      'gotchas',
      'common wrong answers',
      'wrong answers',
      'wrong answer',
      'common mistakes',
      'mistakes',
      'trap',
      'traps',
      'pitfall',
      'pitfalls',
      'misconceptions',
      'misconception',
      'common misconceptions',
      'common traps',
      'common pitfalls',
      'interview traps',
      'red flags',
      'anti patterns',
      'antipatterns',
      'myths',
      'common myths',
      'don t say',
      'dont say',
      'do not say',
      'avoid saying',
      'what not to say',
      'common errors',
      'false beliefs',
    ],
  ],
];

/** Labels unambiguous enough to count without emphasis at a paragraph's start: "Answer: …", "Result: …". */
const PLAIN_LABELS = new Set([
  'answer',
  'theory',
  'short answer',
  'concept',
  'definition',
  'project example',
  'project examples',
  'project',
  'in my project',
  'from my project',
  'where i used it',
  'how i used it',
  'in practice',
  'in production',
  'tradeoff',
  'tradeoffs',
  'trade off',
  'trade offs',
  'cost',
  'the catch',
  'downside',
  'downsides',
  'metric',
  'metrics',
  'key metric',
  'result',
  'results',
  'measured',
  'measurement',
  'impact',
  'outcome',
  'numbers',
  'gotcha',
  'gotchas',
  'common wrong answers',
  'wrong answers',
  'common mistakes',
  'traps',
  'pitfalls',
  'common pitfalls',
  'common misconceptions',
  'misconceptions',
  'myths',
  'red flags',
]);

/**
 * Words after "In"/"At"/"On" that make a label something other than where the learner's work happened:
 * "In short", "At scale", and the algorithms and papers a theory names ("In Raft", "In Paxos").
 */
const NOT_PROJECT_IN = new Set([
  'short',
  'summary',
  'brief',
  'general',
  'theory',
  'other',
  'particular',
  'a',
  'an',
  'the',
  'scale',
  'first',
  'least',
  'most',
  'best',
  'worst',
  'all',
  'once',
  'this',
  'that',
  'which',
  'any',
  'each',
  'every',
  'practice',
  'production',
  'raft',
  'paxos',
  'multi',
  'zab',
  'cap',
  'pacelc',
  'flp',
  'dynamo',
  'spanner',
  'chubby',
  'bft',
  'pbft',
  'crdts',
  'crdt',
]);

/** Whether a short "In X"/"At X" label names where the learner's own work happened ("In trust-platform"). */
function isPlaceLabel(words: readonly string[]): boolean {
  return (words[0] === 'in' || words[0] === 'at' || words[0] === 'on') && words.length >= 2 && words.length <= 5 && !NOT_PROJECT_IN.has(words[1]!);
}

/** Callout types that are warnings: `> [!warning]` with no title of its own holds wrong answers. */
const WARNING_CALLOUTS = new Set(['warning', 'caution', 'danger', 'failure', 'fail', 'bug', 'missing', 'error', 'attention']);

/**
 * Classifies a label ("Gotcha — Common wrong answers", "Trade-offs", "📈 Metric", "In trust-platform") as a
 * part kind. The label must start with a known phrase and have at most eight words; a `plain` label (no
 * emphasis, no heading) must be one of the unambiguous phrases exactly. The difficulty is read elsewhere.
 */
export function classifyLabel(label: string, plain = false): PartKind | null {
  const words = normalize(label.slice(0, 200)).split(' ');
  if (words.length === 0 || words.length > 8 || words[0] === '') return null;
  const joined = words.join(' ');
  if (plain) return PLAIN_LABELS.has(joined) ? kindOf(joined) : null;
  const kind = kindOf(joined);
  if (kind !== null) return kind;
  // "In trust-platform", "At Acme": where the learner's own work happened
  return isPlaceLabel(words) ? 'project' : null;
}

/** The label phrases by their first word, so a candidate is compared with a handful, not all of them. */
const BY_FIRST_WORD = new Map<string, Array<readonly [PartKind, string]>>();
for (const [kind, phrases] of LABELS) {
  for (const phrase of phrases) {
    const first = phrase.split(' ', 1)[0]!;
    BY_FIRST_WORD.set(first, [...(BY_FIRST_WORD.get(first) ?? []), [kind, phrase]]);
  }
}

/** The kind of the longest label phrase `joined` starts with. */
function kindOf(joined: string): PartKind | null {
  const space = joined.indexOf(' ');
  let best: PartKind | null = null;
  let bestLength = 0;
  for (const [kind, phrase] of BY_FIRST_WORD.get(space === -1 ? joined : joined.slice(0, space)) ?? []) {
    if ((joined === phrase || joined.startsWith(`${phrase} `)) && phrase.length > bestLength) {
      best = kind;
      bestLength = phrase.length;
    }
  }
  return best;
}

/** A label found on a line: its kind, the label as written, what follows it on the line, and its style. */
export interface Label {
  kind: PartKind;
  label: string;
  rest: string;
  style: LabelStyle;
}

const PLAIN_LABEL = /^([A-Za-z][A-Za-z' \-–—]{0,48}?)\s{0,3}(?:[:：]|\s[—–]\s)\s*/;
const CALLOUT = /^\[!([A-Za-z-]{1,20})\][+-]?\s*(.*)$/;

/** Splits an emphasised lead ("Difficulty: L2", "Concept", "Theory.") into the label and the rest of its text. */
export function splitLead(lead: string, after: string): { label: string; rest: string } {
  const colon = lead.search(/[:：]/);
  const label = (colon > 0 ? lead.slice(0, colon) : lead).replace(/[\s.\-–—]+$/, '');
  const rest = `${colon > 0 ? lead.slice(colon + 1) : ''} ${after}`;
  return { label, rest: rest.replace(/^[\s:：.\-–—]+/, '').trim() };
}

/**
 * Reads a part label at the start of a text line: an emphasised run ("**Tradeoff:**", "*Theory*"), an
 * Obsidian callout title ("[!warning] Common wrong answers"), or plain "Answer:" where a paragraph or list
 * item begins.
 */
export function lineLabel(record: LineRecord): Label | null {
  if (record.lead !== null) {
    const { label, rest } = splitLead(record.lead, record.afterLead);
    const kind = classifyLabel(label);
    if (kind === null) return null;
    // "**In trust-platform** — …" is a label; "**In Raft** the leader …" is prose that starts in bold
    if (kindOf(normalize(label)) === null && !record.lead.includes(':') && !/^(?:[:：—–-]|$)/.test(record.afterLead)) return null;
    return { kind, label, rest, style: record.list > 0 ? 'list' : 'bold' };
  }
  if (!record.paragraphStart && !record.itemStart) return null;
  const text = record.text.slice(firstWordIndex(record.text, '['));
  if (record.quote > 0 && record.paragraphStart) {
    const callout = CALLOUT.exec(text);
    if (callout) {
      const title = callout[2]!.trim();
      const kind = title.length > 0 ? classifyLabel(title) : WARNING_CALLOUTS.has(callout[1]!.toLowerCase()) ? 'gotchas' : null;
      return kind ? { kind, label: title || callout[1]!, rest: '', style: 'callout' } : null;
    }
  }
  const match = PLAIN_LABEL.exec(text);
  if (!match) return null;
  const kind = classifyLabel(match[1]!, true);
  if (!kind) return null;
  return { kind, label: match[1]!.trim(), rest: text.slice(match[0].length), style: record.list > 0 ? 'list' : 'plain' };
}

const SUMMARY = /<summary[^>]{0,200}>([^<]{1,200})<\/summary>/i;

/** The label of an HTML block that opens a folded part: `<details><summary>Gotchas</summary>`. */
export function htmlLabel(html: string): Label | null {
  const summary = SUMMARY.exec(html.slice(0, 2000));
  if (!summary) return null;
  const label = summary[1]!.trim();
  const kind = classifyLabel(label);
  return kind ? { kind, label, rest: '', style: 'html' } : null;
}
