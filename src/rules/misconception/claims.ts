/**
 * Finds claims in prose and tells whether the writer states them as true. A claim pattern is a regular
 * expression whose fragments may be joined by " ... ", a short gap inside one clause. A match counts as
 * stated unless a negation sits in its clause (gaps included), the sentence frames it as someone else's
 * belief or a mistake, or it stands inside quotation marks.
 */

/** How a matched claim stands in its sentence. */
export type Stance = 'stated' | 'negated' | 'framed' | 'quoted';

export interface ClaimMatch {
  /** Offset of the match in the searched text. */
  index: number;
  /** The matched words. */
  text: string;
  /** The whole sentence around the match, trimmed. */
  sentence: string;
  stance: Stance;
}

export interface Sentence {
  start: number;
  end: number;
}

// A gap between fragments: at most 80 characters of one clause (no sentence or clause punctuation, no quote).
const GAP = String.raw`([^.;:!?()"“”\u2014\u2013]{0,80}?)`;
// ...nor a contrastive conjunction: a gap holding one joins two clauses, so the match does not count
const CONTRAST = /\b(?:but|however|whereas|although|though|yet|while|unlike|versus|vs)\b/i;
const FRAGMENT_SEPARATOR = /\s+\.\.\.\s+/;
/** Characters of the sentence read on each side of a match to judge its stance. */
const CONTEXT = 300;
/** Matches of one pattern judged in one sentence. */
const MAX_PER_SENTENCE = 20;

/** Compiles a claim pattern ("fragment ... fragment"); each gap becomes a capture group. */
export function compileClaim(source: string, caseSensitive = false): RegExp {
  const fragments = source.split(FRAGMENT_SEPARATOR).map((fragment) => `(?:${fragment})`);
  return new RegExp(fragments.join(`\\s*${GAP}\\s*`), `g${caseSensitive ? '' : 'i'}`);
}

/** Compiles a sentence condition (case-insensitive). */
export function compileCondition(source: string): RegExp {
  return new RegExp(source, 'i');
}

// "e.g. the", "vs. Raft", "approx. 3": a full stop that does not end a sentence
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|vs|etc|cf|approx|incl|resp|fig)\.$/i;
const SENTENCE_END = /[.!?]+["'”’)\]*_]*(?=\s)/g;

/** Splits text into sentences at ., ! or ? followed by white space (abbreviations such as "e.g." excepted). */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(text); match !== null; match = SENTENCE_END.exec(text)) {
    const end = match.index + match[0].length;
    if (ABBREVIATION.test(text.slice(Math.max(start, match.index - 8), match.index + 1))) continue;
    sentences.push({ start, end });
    start = end;
  }
  if (start < text.length) sentences.push({ start, end: text.length });
  return sentences.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}

// Words that deny, doubt or set aside what follows in the same clause.
const NEGATION =
  /(?:\b(?:not|no|never|nor|neither|cannot|nothing|none|nobody|no one|rather than|instead of|unlike|as opposed to|contrary to|if|unless|whether|even if|as if|as though|assum(?:e|es|ed|ing)|suppos(?:e|es|ed|ing)|pretend(?:s|ed|ing)?)\b|n['’]t\b)/i;
// Words that mark the whole sentence as a belief held by others, or as an error.
const FRAMING =
  /\b(?:myths?|misconceptions?|misconceived|misleading|wrong(?:ly)?|false(?:ly)?|incorrect(?:ly)?|mistaken(?:ly)?|mistakes?|traps?|fallac(?:y|ies|ious)|untrue|naive(?:ly)?|naïve|oversimplif\w*|pitfalls?|gotchas?|temptations?|tempting|tempted|(?:people|some|many|candidates|folks|engineers|textbooks?|vendors?|blogs?|others|interviewees)\s+(?:often\s+|commonly\s+|still\s+|sometimes\s+|will\s+|may\s+)?(?:say|said|claim|claimed|think|thought|believe|believed|assume|assumed|argue|repeat|write)|(?:often|commonly|sometimes|widely)\s+(?:said|claimed|believed|assumed|repeated))\b/i;
// Where one clause ends and the next begins, for the negation scope.
const CLAUSE_BREAK = /[;()\u2014\u2013]|\s-{1,2}\s|\b(?:but|however|whereas|although|though|yet|while|because|since|so that)\b/gi;

/** Every match of `pattern` in `text`, each with its sentence and stance. */
export function findClaims(text: string, pattern: RegExp, sentences: Sentence[] = splitSentences(text)): ClaimMatch[] {
  const found: ClaimMatch[] = [];
  let current: Sentence | undefined;
  let inSentence = 0;
  // one pass over the whole text (a gap never crosses a sentence's end), then the sentence of each match
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    if (gapsOf(match).some((gap) => CONTRAST.test(gap))) continue;
    const range = sentenceAt(sentences, match.index) ?? { start: 0, end: text.length };
    inSentence = range === current ? inSentence + 1 : 1;
    current = range;
    // a sentence repeating one claim over and over is judged on its first few, then skipped
    if (inSentence > MAX_PER_SENTENCE) {
      pattern.lastIndex = Math.max(pattern.lastIndex, range.end);
      continue;
    }
    // at most CONTEXT characters either side: a run-on "sentence" of megabytes costs the same per match
    const start = Math.max(range.start, match.index - CONTEXT);
    const sentence = text.slice(start, Math.min(range.end, match.index + match[0].length + CONTEXT));
    found.push({ index: match.index, text: match[0], sentence: sentence.trim(), stance: stanceOf(sentence, match, start) });
  }
  return found;
}

/** The text of each gap of a match (its capture groups). */
function gapsOf(match: RegExpExecArray): string[] {
  return match.slice(1).map((gap) => gap ?? '');
}

function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) high = mid - 1;
    else if (offset >= s.end) low = mid + 1;
    else return s;
  }
  return undefined;
}

/** Whether a match (its offsets `shift` characters after the start of `sentence`) is stated, negated, framed or quoted. */
export function stanceOf(sentence: string, match: RegExpExecArray, shift = 0): Stance {
  const from = match.index - shift;
  const to = from + match[0].length;
  if (insideQuotes(sentence, from)) return 'quoted';
  if (FRAMING.test(sentence)) return 'framed';
  const { start, end } = clauseAround(sentence, from, to);
  const gaps = gapsOf(match);
  const outside = `${sentence.slice(start, from)} … ${sentence.slice(to, end)}`;
  if (NEGATION.test(outside) || gaps.some((gap) => NEGATION.test(gap))) return 'negated';
  // a question asks, it does not state
  return /\?\s*$/.test(sentence) ? 'framed' : 'stated';
}

function clauseAround(sentence: string, from: number, to: number): { start: number; end: number } {
  let start = 0;
  let end = sentence.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let br = CLAUSE_BREAK.exec(sentence); br !== null; br = CLAUSE_BREAK.exec(sentence)) {
    const brEnd = br.index + br[0].length;
    if (brEnd <= from) start = brEnd;
    else if (br.index >= to) {
      end = br.index;
      break;
    }
  }
  return { start, end };
}

/** Whether offset `at` lies between an opening and a closing quotation mark. */
function insideQuotes(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  const straight = (before.match(/"/g) ?? []).length;
  if (straight % 2 === 1 && sentence.indexOf('"', at) !== -1) return true;
  const open = before.lastIndexOf('“');
  return open !== -1 && open > before.lastIndexOf('”') && sentence.indexOf('”', at) !== -1;
}
