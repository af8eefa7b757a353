/**
 * Question headings: how a document marks its questions (numbered headings, unnumbered headings that ask,
 * or bold paragraphs standing for headings), and what a question heading gives: number, title, rating tag.
 */
import { namesCheatSheet } from './cheat-sheet.js';
import { headingTag } from './difficulty.js';
import type { LineRecord } from './markdown.js';
import { firstWordIndex } from './text.js';

/** Only this much of a heading is read when deciding whether it is a question. */
const HEADING_PREFIX = 300;

// "Q1: …", "Q 1 - …", "Question 3 — …", "#4 …", "1. …", "1) …": a number, then a separator.
const QUESTION_HEADING =
  /^(?:(?:q|question)\s{0,3}(?:#\s{0,3})?(\d{1,7})\b(?:\s{0,3}[.:)\-–—|·]+)?|#(\d{1,7})\b(?:\s{0,3}[.:)\-–—|·]+)?|(\d{1,7})\s{0,3}[.:)\-–—|·]+)\s*/i;

/** Fewer unnumbered question headings than this are not taken as the document's questions. */
const MIN_UNNUMBERED = 3;
/** The level given to a bold paragraph that stands for a question heading ("**Q1. What is CAP?**"). */
const BOLD_QUESTION_LEVEL = 7;

/** What a question heading says: the question's number, its title, and a rating tagged in it ("[L2]"). */
export interface QuestionHeading {
  number: number;
  title: string;
  tag: string | null;
}

/** How the document marks its questions: the heading level, and whether the headings carry numbers. */
interface QuestionStyle {
  level: number;
  /** Numbered headings (`## Q1: …`, `### 2) …`); otherwise headings that ask (`## What is CAP?`), numbered in order. */
  numbered: boolean;
}

/** Reads one document's question headings in document order, in the style the document uses. */
export class QuestionHeadings {
  /** How many unnumbered questions were read: they are numbered in order. */
  private unnumberedCount = 0;

  constructor(private readonly style: QuestionStyle) {}

  /** The question a heading asks, or null when it is not a question heading. */
  match(record: LineRecord): QuestionHeading | null {
    if (record.level !== this.style.level) return null;
    if (this.style.numbered) return matchQuestionHeading(record.text);
    if (!asksQuestion(record.text)) return null;
    const tagged = headingTag(record.text);
    return { number: ++this.unnumberedCount, title: (tagged ? tagged.title : record.text).trim(), tag: tagged ? tagged.tag : null };
  }
}

/** Finds how a document marks its questions; bold paragraphs that stand for question headings become headings. */
export function questionHeadings(records: LineRecord[]): QuestionHeadings {
  return new QuestionHeadings(questionStyle(records));
}

function matchQuestionHeading(text: string): QuestionHeading | null {
  const prefix = text.slice(0, HEADING_PREFIX);
  const head = prefix.slice(firstWordIndex(prefix, '#'));
  const match = QUESTION_HEADING.exec(head);
  if (!match) return null;
  // a bare number must be followed by a separator; "Q1"/"Question 1" need a word boundary only
  const number = Number(match[1] ?? match[2] ?? match[3]);
  let title = text.slice(text.length - head.length + match[0].length);
  const tagged = headingTag(title);
  if (tagged) title = tagged.title;
  // "### 1) Q: What is …?": the "Q:" after the number is not part of the title
  title = title.replace(/^[\s.:)\-–—|·]+|[\s\-–—|·]+$/g, '').replace(/^q\s{0,2}[:.]\s*/i, '');
  return { number, title, tag: tagged ? tagged.tag : null };
}

/**
 * The heading level that holds questions: the one with the most numbered question headings. A document with
 * none may ask its questions in unnumbered headings (`## What is the CAP theorem?`) or in bold paragraphs of
 * their own (`**Q1. What is the CAP theorem?**`), which then stand for headings deeper than any real one.
 */
function questionStyle(records: LineRecord[]): QuestionStyle {
  const numbered = [0, 0, 0, 0, 0];
  const asked = [0, 0, 0, 0, 0];
  for (const r of records) {
    if (r.kind !== 'heading' || r.quote > 0 || r.list > 0 || r.level < 2 || r.level > 4) continue;
    if (matchQuestionHeading(r.text)) numbered[r.level]!++;
    else if (asksQuestion(r.text)) asked[r.level]!++;
  }
  const best = (counts: number[], min: number): number => {
    let level = 0;
    for (let l = 2; l <= 4; l++) if (counts[l]! >= min && counts[l]! > (counts[level] ?? 0)) level = l;
    return level;
  };
  const level = best(numbered, 1);
  if (level > 0) return { level, numbered: true };
  const askedLevel = best(asked, MIN_UNNUMBERED);
  if (askedLevel > 0) return { level: askedLevel, numbered: false };
  const bold = records.filter(
    (r) =>
      r.kind === 'text' &&
      r.paragraphStart &&
      r.quote === 0 &&
      r.list === 0 &&
      r.lead !== null &&
      r.afterLead.length === 0 &&
      matchQuestionHeading(r.lead),
  );
  if (bold.length >= MIN_UNNUMBERED) {
    for (const r of bold) {
      r.kind = 'heading';
      r.level = BOLD_QUESTION_LEVEL;
    }
    return { level: BOLD_QUESTION_LEVEL, numbered: true };
  }
  return { level: 0, numbered: true };
}

/** An unnumbered heading that asks something: "What is the CAP theorem?". */
function asksQuestion(text: string): boolean {
  return /\?\s*(?:[[(]\s{0,3}L\s?\d{1,2}\s{0,3}[\])])?\s*$/i.test(text.slice(0, HEADING_PREFIX)) && !namesCheatSheet(text);
}
