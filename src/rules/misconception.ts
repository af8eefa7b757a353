import catalogue from '../data/misconceptions.json' with { type: 'json' };
import { compileClaim, compileCondition, findClaims, splitSentences, type ClaimMatch, type Sentence } from './misconception/claims.js';
import { spokenParts } from '../core/questions.js';
import { defineRule, questionName, type Report } from '../core/rule.js';
import { truncate } from '../core/text.js';
import type { Part, Question } from '../core/types.js';
import { stripControls } from '../report/sanitize.js';

/** One wrong belief of the catalogue (`src/data/misconceptions.json`). */
export interface Misconception {
  id: string;
  /** A topic id of the lesson's map, or another area ("transactions", "partitioning"). */
  topic: string;
  /** The wrong belief, in one line. */
  belief: string;
  /** Claim patterns that state the belief ("fragment ... fragment"). */
  patterns: string[];
  /** Claim patterns that state the correct fact: a gotcha list must not call these wrong. */
  truths?: string[];
  /** The sentence must also match this, for patterns with words of several meanings ("CA"). */
  context?: string;
  /** A sentence that also matches this states the precise, correct version (checked for `patterns` only). */
  except?: string;
  /** Patterns match case-sensitively ("CA" but not "ca"). */
  caseSensitive?: boolean;
  /** What is true instead, in one line. */
  correction: string;
  /** Where the fact comes from: a file of the reference material, with its section. */
  reference: string;
}

interface Compiled {
  entry: Misconception;
  patterns: RegExp[];
  truths: RegExp[];
  context: RegExp | null;
  except: RegExp | null;
}

/** A belief found in a piece of text, with where it starts. */
export interface BeliefMatch {
  entry: Misconception;
  match: ClaimMatch;
}

let compiled: Compiled[] | null = null;

/** The catalogue of misconceptions, in file order. */
export function misconceptions(): readonly Misconception[] {
  return catalogue.misconceptions as Misconception[];
}

function compiledCatalogue(): Compiled[] {
  compiled ??= misconceptions().map((entry) => ({
    entry,
    patterns: entry.patterns.map((source) => compileClaim(source, entry.caseSensitive)),
    truths: (entry.truths ?? []).map((source) => compileClaim(source, entry.caseSensitive)),
    context: entry.context ? compileCondition(entry.context) : null,
    except: entry.except ? compileCondition(entry.except) : null,
  }));
  return compiled;
}

/**
 * Every place `text` states a belief of the catalogue as true (`kind: 'patterns'`), or a correct fact the
 * catalogue knows (`kind: 'truths'`), in text order.
 */
export function statedBeliefs(text: string, kind: 'patterns' | 'truths' = 'patterns', sentences: Sentence[] = splitSentences(text)): BeliefMatch[] {
  const found: BeliefMatch[] = [];
  for (const item of compiledCatalogue()) {
    for (const pattern of item[kind]) {
      for (const match of findClaims(text, pattern, sentences)) {
        if (match.stance === 'stated' && applies(item, match.sentence, kind)) found.push({ entry: item.entry, match });
      }
    }
  }
  return found.sort((a, b) => a.match.index - b.match.index);
}

function applies(item: Compiled, sentence: string, kind: 'patterns' | 'truths'): boolean {
  if (item.context !== null && !item.context.test(sentence)) return false;
  return kind === 'truths' || item.except === null || !item.except.test(sentence);
}

export const misconception = defineRule({
  id: 'misconception',
  criterion: 'Do 4: know what not to say',
  title: () => 'Answers state no common misconception as true',
  description: 'Answers do not state a known misconception as true, and gotcha lists do not call a correct statement wrong',
  severity: 'warning',
  options: {},
  messages: {
    stated: '{{question}} states a misconception as true, "{{quote}}": {{correction}} [{{id}}]',
    correctGotcha: '{{question}} lists "{{claim}}" as a wrong answer, but it is correct: {{correction}} [{{id}}]',
  },
  fixes: {
    stated: 'Correct the sentence: {{correction}}',
    correctGotcha: 'Replace this item with a claim that is really wrong, and say why: the statement as written is correct.',
  },
  check({ doc, report }) {
    // the answers of the whole document in one text, so each pattern runs once
    const { text, sentences, at } = answerText(doc.questions);
    const seen = new Set<string>();
    for (const { entry, match } of statedBeliefs(text, 'patterns', sentences)) {
      const { question, line } = at(match.index);
      // one finding per belief and question: the first place it is stated
      const key = `${question.line} ${entry.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report({
        messageId: 'stated',
        data: { question: questionName(question), quote: quote(match), correction: entry.correction, id: entry.id, reference: entry.reference },
        node: { line },
        question,
      });
    }
    for (const question of doc.questions) checkGotchas(question, report);
  },
});

function checkGotchas(question: Question, report: (report: Report<'stated' | 'correctGotcha'>) => void): void {
  for (const item of question.gotchaItems) {
    if (item.claim.length === 0) continue;
    const [found] = statedBeliefs(item.claim, 'truths');
    if (!found) continue;
    report({
      messageId: 'correctGotcha',
      data: {
        question: questionName(question),
        claim: truncate(clean(item.claim), 80),
        correction: found.entry.correction,
        id: found.entry.id,
        reference: found.entry.reference,
      },
      node: item,
      question,
    });
  }
}

interface Segment {
  start: number;
  question: Question;
  part: Part;
  /** Offset of each of the part's lines in the text. */
  lineStarts: number[];
}

/**
 * The spoken parts of every question as one text, parts kept apart by a line holding only "." (no pattern
 * crosses it), with the sentences of each part and a map from an offset back to its question and line.
 */
function answerText(questions: readonly Question[]): {
  text: string;
  sentences: Sentence[];
  at: (offset: number) => { question: Question; line: number };
} {
  const segments: Segment[] = [];
  const sentences: Sentence[] = [];
  let text = '';
  for (const question of questions) {
    for (const part of spokenParts(question)) {
      const start = text.length;
      const lineStarts: number[] = [];
      let body = '';
      for (const line of part.lines) {
        lineStarts.push(start + body.length);
        body += `${line.text}\n`;
      }
      for (const s of splitSentences(body)) sentences.push({ start: start + s.start, end: start + s.end });
      segments.push({ start, question, part, lineStarts });
      text += `${body}.\n`;
    }
  }
  const at = (offset: number) => {
    let low = 0;
    while (low + 1 < segments.length && segments[low + 1]!.start <= offset) low++;
    const segment = segments[low]!;
    let index = 0;
    while (index + 1 < segment.lineStarts.length && segment.lineStarts[index + 1]! <= offset) index++;
    return { question: segment.question, line: segment.part.lines[index]?.line ?? segment.part.line };
  };
  return { text, sentences, at };
}

/** The sentence that holds the match, cut to about 100 characters around it. */
function quote(match: ClaimMatch): string {
  const sentence = clean(match.sentence);
  if (sentence.length <= 100) return sentence;
  const at = Math.max(0, sentence.indexOf(clean(match.text)) - 30);
  return truncate(`${at > 0 ? '…' : ''}${sentence.slice(at)}`, 100);
}

function clean(text: string): string {
  return stripControls(text).replace(/\s+/g, ' ').trim();
}
