/**
 * What an unlabelled paragraph's wording says it is: in an entry that does not label its parts, a paragraph
 * may start the next part in the lesson's order when it opens the way that part does ("At work on …", "The
 * catch is …", a measured figure).
 */
import { findComponent } from './components.js';
import type { SpokenKind } from './labels.js';
import { findMetric, firstWordIndex, tokens } from './text.js';

const PROJECT_OPENING =
  /^(?:at work\b|in (?:my|our)\b|in production\b|in practice\b|for (?:my|our)\b|when (?:i|we)\b|(?:my|our)\s|on (?:my|our|the)\b[^,.]{0,40}\b(?:platform|project|system|team|service)\b|(?:i|we)\s+(?:\w+\s+)?(?:built|use|used|chose|choose|run|ran|implemented|designed|deployed|added|picked|wrote|moved|put|keep|kept|have|had|applied|measured|made|set|tuned|rely|relied|switched|replaced|shipped)\b)/i;
// "In Sentinel, …", "At Acme, …": a name of the learner's own, then a comma
const NAMED_OPENING = /^(?:[Ii]n|[Aa]t|[Oo]n|[Ff]or)\s+([A-Z`][\w`.-]*)(?:\s+[A-Z][\w-]*){0,2},/;
/** Names a theory opens with ("In Raft, …"): algorithms, models and papers, not the learner's project. */
const THEORY_NAMES = new Set([
  'Raft',
  'Paxos',
  'Multi-Paxos',
  'ZAB',
  'CAP',
  'PACELC',
  'FLP',
  'Dynamo',
  'Spanner',
  'Chubby',
  'BFT',
  'PBFT',
  'TLA',
  'CRDTs',
  'Jepsen',
  'Lamport',
  'Practice',
  'Production',
  'Theory',
  'General',
  'Short',
  'Summary',
  'Contrast',
  'Addition',
  'Particular',
  'Other',
]);

const TRADEOFF_OPENING =
  /^(?:the (?:catch|cost|downside|price|trade-?offs?|flip side|risk|drawback)\b|but\b|however\b|on the other hand\b|this costs?\b|it costs?\b|in exchange\b)/i;
const METRIC_OPENING = /^(?:results?\b|measured\b|in numbers\b|the numbers\b|we measured\b|outcome\b|impact\b)/i;

/** Whether an unlabelled paragraph reads as the given part when it stands in that part's place. */
export function wordingSays(kind: SpokenKind, text: string, codeSpans: readonly string[]): boolean {
  const opening = text.slice(firstWordIndex(text, '`'), 240);
  switch (kind) {
    case 'theory':
      return true;
    case 'project':
      if (PROJECT_OPENING.test(opening) || namedOpening(opening)) return true;
      // names one of the learner's components and speaks of their own work
      return /\b(?:I|we|my|our)\b/i.test(text) && findComponent(tokens(text), codeSpans) !== null;
    case 'tradeoff':
      return TRADEOFF_OPENING.test(opening) || hasTradeoffWording(text);
    case 'metric':
      return METRIC_OPENING.test(opening) || findMetric(tokens(text)) !== null;
  }
}

/** "In Sentinel, …": an opening that names the learner's own system, not a theory ("In Raft, …"). */
function namedOpening(opening: string): boolean {
  const match = NAMED_OPENING.exec(opening);
  return match !== null && !THEORY_NAMES.has(match[1]!.replace(/`/g, ''));
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
