/**
 * Reads one question's entry into a question: each record goes to the reader of the piece of the model it
 * builds: the difficulty (`difficulty.ts`), the parts (`parts.ts`) and the gotcha items (`gotcha.ts`).
 *
 * A part starts at a label of its own (a sub-heading, an emphasised or plain "Label:", a list item, a callout
 * title, an HTML `<summary>`). Prose before any label is the theory. Where an entry does not label its parts
 * throughout (fewer than three of the four spoken parts have a label), an unlabelled paragraph may start the
 * next part in the lesson's order when its wording says so ("At work on …", "The catch is …", a measured
 * figure). Where it does label them, a part without a label of its own is missing, whatever the prose says.
 */
import { RatingReader } from './difficulty.js';
import { GotchaItemReader, opensWithWrongMark } from './gotcha.js';
import { classifyLabel, htmlLabel, type Label } from './labels.js';
import type { LineRecord } from './markdown.js';
import { PartsReader } from './parts.js';
import type { Difficulty, Question } from './types.js';

/** An entry as the outline cut it out: its heading and the records up to the next question. */
export interface EntryInput {
  number: number;
  title: string;
  line: number;
  /** Heading level. */
  level: number;
  /** A rating tagged in the heading. */
  tag: Difficulty | null;
  /** The rating of the section that groups the question, if its heading gives one. */
  section: Difficulty | null;
  records: LineRecord[];
  endLine: number;
}

/** Prose before any label: the theory, by its position. */
const THEORY_BY_POSITION: Label = { kind: 'theory', label: '', rest: '', style: 'position' };
/** A line opened by a wrong-answer mark ("❌ …") outside any gotcha part starts one. */
const GOTCHAS_BY_MARK: Label = { kind: 'gotchas', label: '', rest: '', style: 'wording' };

/** Reads an entry into a question. */
export function readEntry(input: EntryInput, lines: readonly string[]): Question {
  return new EntryReader(input, lines).read();
}

class EntryReader {
  private readonly rating: RatingReader;
  private readonly parts: PartsReader;
  private readonly gotchaItems: GotchaItemReader;

  constructor(
    private readonly input: EntryInput,
    lines: readonly string[],
  ) {
    this.rating = new RatingReader(input.tag);
    this.parts = new PartsReader(input.records);
    this.gotchaItems = new GotchaItemReader(lines);
  }

  read(): Question {
    for (const record of this.input.records) {
      if (record.kind === 'text') this.text(record);
      else if (record.kind === 'heading') this.heading(record);
      else if (record.kind === 'row') this.row(record);
      else if (record.kind === 'html') this.html(record);
      else this.parts.extend(record);
    }
    return this.finish();
  }

  private html(record: LineRecord): void {
    const label = htmlLabel(record.text);
    if (label) {
      this.startPart(label, record);
      // "<details><summary>Gotchas</summary>" straight above its list: the HTML block swallows the list, and
      // GitHub shows its lines as text, so a reader still sees each wrong answer
      if (label.kind === 'gotchas') this.gotchaItems.readHtmlList(record);
      return;
    }
    if (/<\/details\s*>/i.test(record.text)) this.gotchaItems.endItem();
    const text = visibleHtml(record.text);
    if (text.length > 0) this.addText(record, text);
  }

  /** A table inside an entry: `| Theory | … |` rows are parts, `| Difficulty | L2 |` a rating, others answer text. */
  private row(record: LineRecord): void {
    const [first = '', ...rest] = record.cells;
    const value = rest.join(' ').trim();
    if (this.rating.readRow(first, value, record.line)) return;
    const kind = classifyLabel(first);
    if (kind !== null && first.length <= 60) {
      this.startPart({ kind, label: first.trim(), rest: value, style: 'table' }, record);
      return;
    }
    if (!record.header) this.addText(record, record.text);
  }

  private heading(record: LineRecord): void {
    if (this.readRating(record)) return;
    const kind = classifyLabel(record.text);
    if (kind) {
      this.startPart({ kind, label: record.text.trim(), rest: headingRest(record.text), style: 'heading' }, record);
      return;
    }
    this.addText(record, record.text);
  }

  private text(record: LineRecord): void {
    const inGotchas = this.parts.currentKind === 'gotchas';
    // inside a gotcha list, a line is a wrong answer even when it mentions a level
    if (!(inGotchas && (record.list > 0 || record.quote > 0)) && this.readRating(record)) return;
    this.rating.settle();

    const label = this.labelAllowed(record) ? this.parts.labelOf(record) : null;
    // inside a gotcha list, "- **Trap:** …" is a wrong answer, not the gotcha label again
    if (label !== null && !(label.kind === 'gotchas' && inGotchas)) {
      this.startPart(label, record);
      return;
    }
    if (!this.parts.has('gotchas') && (record.itemStart || record.paragraphStart) && opensWithWrongMark(record.text)) {
      this.startPart(GOTCHAS_BY_MARK, record, false);
    } else {
      this.inferPart(record);
    }
    if (this.parts.currentKind === 'gotchas') this.gotchaItems.readLine(record);
    this.addText(record, record.text);
  }

  /** Reads a rating line; true when the line was one (short lines that mention a level count as near misses before the parts). */
  private readRating(record: LineRecord): boolean {
    return this.rating.readLine(record, this.parts.started);
  }

  /**
   * Labels count in top-level paragraphs and callouts, and at the start of a top-level list item. Inside a
   * gotcha list, items are wrong answers, not labels, unless the gotcha label was itself such a list item
   * and this item is its sibling.
   */
  private labelAllowed(record: LineRecord): boolean {
    if (record.list === 0) return record.quote === 0 || record.paragraphStart;
    if (record.list !== 1 || !record.itemStart) return false;
    return this.parts.currentKind !== 'gotchas' || this.gotchaItems.labelIsListItem;
  }

  /** An unlabelled paragraph: the theory by position, or the next part in the order by its wording. */
  private inferPart(record: LineRecord): void {
    if (!this.parts.started) {
      if (record.text.trim().length > 0) this.startPart(THEORY_BY_POSITION, record, false);
      return;
    }
    const kind = this.parts.nextByWording(record);
    if (kind !== null) this.startPart({ kind, label: '', rest: '', style: 'wording' }, record, false);
  }

  private startPart(label: Label, record: LineRecord, consumesLine = true): void {
    this.rating.settle();
    this.parts.start(label, record, consumesLine);
    if (label.kind === 'gotchas') this.gotchaItems.labelAt(record.list);
  }

  /** Adds prose to the current part; prose before any part is the theory. */
  private addText(record: LineRecord, text: string): void {
    if (!this.parts.started) {
      if (text.trim().length === 0) return;
      this.startPart(THEORY_BY_POSITION, record, false);
    }
    this.parts.add(record, text);
  }

  private finish(): Question {
    const { number, title, line, endLine, level, section } = this.input;
    const { difficulty, nearMiss } = this.rating.finish(section);
    const parts = this.parts.finish();
    const question: Question = {
      number,
      title,
      line,
      endLine,
      level,
      difficulty,
      parts,
      theory: null,
      project: null,
      tradeoff: null,
      metric: null,
      gotchas: null,
      gotchaItems: this.gotchaItems.finish(),
      copyOf: null,
      nearMisses: nearMiss ? [nearMiss] : [],
    };
    for (const part of parts) question[part.kind] = part;
    question.nearMisses.push(...this.parts.nearMisses());
    return question;
  }
}

/**
 * The text a reader sees in a raw HTML block: tags and comments removed, nothing from an element hidden
 * with `hidden` or `display: none`.
 */
function visibleHtml(html: string): string {
  const shown = html.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  if (/<[a-z][^>]{0,200}?(?:\shidden\b|display\s*:\s*none)/i.test(shown)) return '';
  return shown
    .replace(/<[^>]{0,400}>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a label heading says after the label: "Project example: verify-service" → "verify-service". */
function headingRest(text: string): string {
  const separator = /[:：]|\s[—–-]\s/.exec(text.slice(0, 300));
  return separator ? text.slice(separator.index + separator[0].length).trim() : '';
}
