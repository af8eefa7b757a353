/**
 * Reading a difficulty rating wherever learners write it: a tag in the question heading, a label line in
 * any emphasis, a badge or tag line, or the heading of the section that groups the questions.
 */
import type { LineRecord } from './markdown.js';
import { firstWordIndex, truncate } from './text.js';
import type { Difficulty, DifficultySource, NearMiss } from './types.js';

/** The lesson's own names for the levels: "L1: foundational, L2: intermediate, L3: advanced". */
const LEVEL_WORDS: Readonly<Record<string, number>> = { foundational: 1, fundamentals: 1, intermediate: 2, advanced: 3 };

// "[L2]", "(L3)", "[Difficulty: L1]" in a heading
const HEADING_TAG = /[[({]\s{0,3}(?:(?:difficulty|level)\s{0,3}[:=]?\s{0,3})?(L\s?\d{1,3})\s{0,3}[\])}]/i;
// "L2 — Title", "Title — L3", "Q5 · L2 · Title": a level set off by separators, not "an L7 load balancer"
const HEADING_TOKEN = /(?:^|[·|—–:]\s{0,3})(L[1-3])(?:\s{0,3}(?=[·|—–:])|\s*$)/;
// a label, its separator and the value: "Difficulty: L2", "Level:: L1", "Difficulty — L3", "Rating = L2"
const LABEL_LINE = /^(difficulty(?:\s+(?:level|rating))?|level|rating|tier)\s{0,3}(::|[:：=—–-]|(?=\s+L\s?\d)|(?=\s+\d\b)|(?=\s*$))\s*(.*)$/i;
// a line that is only a level: "L2", "L3 (advanced)", "#L1", "[L2]", "L1 — foundational", "Level 2"
const BADGE_LINE =
  /^(?:#|\[|\()?\s{0,2}(?:L\s?|level\s{1,3})(\d{1,2})\s{0,2}[\])]?(?:\s{0,3}[—–:\-·|,]?\s{0,3}\(?[A-Za-z][A-Za-z -]{0,24}\)?)?[.!]?$/i;
const VALUE = /^(?:L\s?|level\s{0,3})?(\d{1,3})\b/i;

/** Parses a rating value ("L2", "L3 (advanced)", "Level 1", "2", "intermediate") into a difficulty. */
export function parseRating(value: string, line: number, how: DifficultySource): Difficulty {
  const text = value.trim().replace(/^[*_`~\s]+|[*_`~\s]+$/g, '');
  const start = text.slice(firstWordIndex(text));
  const number = VALUE.exec(start);
  let digits = number ? Number(number[1]) : 0;
  if (!number) {
    const word = start.split(/[\s(),.;:]/, 1)[0]!.toLowerCase();
    digits = LEVEL_WORDS[word] ?? 0;
  }
  const level = digits >= 1 && digits <= 3 ? (`L${digits}` as Difficulty['level']) : null;
  const raw = number ? `L${number[1]}` : truncate(text, 40);
  return { level, raw, line, how };
}

/** A rating tagged in a question heading ("## Q1 [L1] — CAP", "### Q2 — L2 — Linearizability"), with the tag cut from the title. */
export function headingTag(title: string): { tag: string; title: string } | null {
  const bracketed = HEADING_TAG.exec(title);
  if (bracketed) return { tag: bracketed[1]!, title: cut(title, bracketed.index, bracketed[0].length) };
  const token = HEADING_TOKEN.exec(title);
  if (!token) return null;
  return { tag: token[1]!, title: cut(title, token.index + token[0].indexOf(token[1]!), token[1]!.length) };
}

function cut(text: string, at: number, length: number): string {
  return (text.slice(0, at) + text.slice(at + length)).replace(/\s{2,}/g, ' ');
}

/** What a line says about the difficulty: a rating, a label whose value is on the next line, or nothing. */
export type RatingLine = { kind: 'rating'; difficulty: Difficulty } | { kind: 'pending' } | null;

/**
 * Reads a line that rates the question: `**Difficulty:** L2`, `*Level: L1*`, `Difficulty — L3 (advanced)`,
 * `Level:: L2`, `🟢 **L1**`, `#L3`, `L2 (intermediate)`. Emphasis is already gone from `text`; emoji and
 * other leading symbols are skipped. Prose that merely mentions a level is not a rating.
 */
export function ratingLine(text: string, line: number): RatingLine {
  if (text.length > 160) return null;
  const body = text.slice(firstWordIndex(text, '#[(')).trim();
  const label = LABEL_LINE.exec(body);
  if (label) {
    const value = label[3]!.trim();
    // "Level of isolation" is a heading about isolation, not a rating: a bare "Level" needs its separator or a value
    if (value.length === 0) return label[2]!.length > 0 || /^difficulty/i.test(label[1]!) ? { kind: 'pending' } : null;
    const difficulty = parseRating(value, line, 'label');
    // "Level 2 caches are …" is prose; so is "Level: the number of …": a rating line is short
    if (label[2]!.length === 0 && body.length > 30) return null;
    if (difficulty.level === null && value.length > 30) return null;
    return { kind: 'rating', difficulty };
  }
  if (BADGE_LINE.test(body)) return { kind: 'rating', difficulty: parseRating(body.replace(/^[#[(]/, ''), line, 'badge') };
  // a line of tags: "#L1 #consensus"
  if (body.startsWith('#')) {
    const tags = body.split(/\s+/);
    if (tags.every((tag) => tag.startsWith('#'))) {
      const level = tags.find((tag) => /^#L\d{1,2}$/i.test(tag));
      if (level) return { kind: 'rating', difficulty: parseRating(level.slice(1), line, 'badge') };
    }
  }
  return null;
}

/**
 * The level a grouping heading gives the questions under it: `## L1 — Fundamentals`, `## Level 2
 * (intermediate)`, `### Advanced (L3)`, or one of the lesson's level names in a short heading. Null when the
 * heading groups by something else (`### Part A — Agreement`).
 */
export function sectionRating(heading: string, line: number): Difficulty | null {
  const text = heading.slice(0, 200);
  const token = /(?:^|[^A-Za-z0-9])(?:L\s?|level\s{0,3})([1-9])(?![0-9])/i.exec(text);
  if (token) return parseRating(`L${token[1]}`, line, 'section');
  const words = text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  if (words.length > 6) return null;
  for (const word of words) if (LEVEL_WORDS[word] !== undefined) return parseRating(word, line, 'section');
  return null;
}

/** The ratings that grouping headings give, by heading level: a question takes the deepest one above it. */
export class SectionRatings {
  private readonly byLevel: (Difficulty | null)[] = [];

  /** A heading outside any entry: it ends the groups at its level and below, and may rate the questions under it. */
  group(heading: LineRecord, rates: boolean): void {
    this.byLevel.length = Math.min(this.byLevel.length, heading.level);
    // the document's title (level 1) names the whole playbook, whatever level words it uses
    this.byLevel[heading.level] = rates && heading.level > 1 ? sectionRating(heading.text, heading.line) : null;
  }

  /** The rating of the section a question heading at `level` stands in. */
  forQuestionAt(level: number): Difficulty | null {
    // questions at a grouping heading's own level do not end its group ("### L1 — Basics" then "### Q1 …")
    this.byLevel.length = Math.min(this.byLevel.length, level + 1);
    let section: Difficulty | null = null;
    for (const rating of this.byLevel) if (rating) section = rating;
    return section;
  }
}

/**
 * Reads one entry's difficulty from its lines: the first rating wins, a label may give its value on the next
 * line, and a short line that mentions a level without being a rating is kept as a near miss.
 */
export class RatingReader {
  private difficulty: Difficulty | null;
  /** Line of a difficulty label whose value may come on the next line. */
  private labelAwaitingValue: number | null = null;
  /** The first short line before the parts that mentions a level but is not a rating. */
  private unreadRating: NearMiss | null = null;

  /** `tag` is a rating tagged in the question's heading: it wins over any in the entry. */
  constructor(tag: Difficulty | null) {
    this.difficulty = tag;
  }

  /** Reads a rating line (or its value after a bare label); true when the line was one. */
  readLine(record: LineRecord, partsStarted: boolean): boolean {
    // a blockquote holds a rating only as the entry's own note before its parts (`> Level: L2`), never a quote
    // inside an answer; a list only at the start of a top-level item
    if (record.quote > 1 || (record.quote === 1 && partsStarted)) return false;
    if (record.list > 0 && !(record.list === 1 && record.itemStart)) return false;
    if (this.labelAwaitingValue !== null && record.kind === 'text' && record.text.length <= 60) {
      const value = parseRating(record.text, record.line, 'label');
      if (value.level !== null || /^\s*L\s?\d/i.test(record.text)) {
        this.labelAwaitingValue = null;
        this.set(value);
        return true;
      }
    }
    const line = ratingLine(record.text, record.line);
    if (line === null) {
      if (record.text.length <= 80 && /\b(?:difficulty|level)\b|(?:^|\s)L\d\b/i.test(record.text) && !partsStarted) {
        this.unreadRating ??= { line: record.line, kind: 'difficulty', text: truncate(record.text, 60), why: 'it is not a rating line' };
      }
      return false;
    }
    this.settle();
    if (line.kind === 'pending') this.labelAwaitingValue = record.line;
    else this.set(line.difficulty);
    return true;
  }

  /** Reads a table row `| Difficulty | L2 |`; true when the row was one. */
  readRow(label: string, value: string, line: number): boolean {
    if (!/^\W*(?:difficulty|level|rating)\b/i.test(label)) return false;
    const rating = ratingLine(`${label}: ${value}`, line);
    if (rating === null || rating.kind !== 'rating') return false;
    this.set(rating.difficulty);
    return true;
  }

  /** A difficulty label whose level never came: an empty, invalid rating at the label. */
  settle(): void {
    if (this.labelAwaitingValue === null) return;
    const line = this.labelAwaitingValue;
    this.labelAwaitingValue = null;
    this.set({ level: null, raw: '', line, how: 'label' });
  }

  /** The entry's difficulty once all its lines are read; the section's rating only fills in for a missing one. */
  finish(section: Difficulty | null): { difficulty: Difficulty | null; nearMiss: NearMiss | null } {
    this.settle();
    this.difficulty ??= section;
    return { difficulty: this.difficulty, nearMiss: this.difficulty === null ? this.unreadRating : null };
  }

  private set(difficulty: Difficulty): void {
    this.difficulty ??= difficulty;
  }
}
