/**
 * Reading an entry's parts (Theory, Project, Tradeoff, Metric, Gotchas): where each starts, the prose under
 * it, and whether the entry labels its parts throughout (then wording never stands in for a label).
 */
import { classifyLabel, htmlLabel, lineLabel, SPOKEN_ORDER, type Label, type SpokenKind } from './labels.js';
import type { LineRecord } from './markdown.js';
import { truncate } from './text.js';
import type { NearMiss, Part, PartKind } from './types.js';
import { wordingSays } from './wording.js';

/** Entries labelling at least this many of the four spoken parts must label each of them. */
const LABELLED_ENTRY = 3;

/** A part being read, with the text of its lines, joined when the entry ends. */
interface PartDraft {
  part: Part;
  texts: string[];
}

/** A paragraph's whole text and code spans, keyed by its first record. */
interface Paragraph {
  text: string;
  codeSpans: string[];
}

/** Collects one entry's parts in document order; a kind written twice continues its first part. */
export class PartsReader {
  /** The parts in document order. */
  private readonly inOrder: Part[] = [];
  private readonly draftsByKind = new Map<PartKind, PartDraft>();
  /** The part the lines being read belong to; null before the first. */
  private currentPart: PartDraft | null = null;
  /** The label each line that may carry one starts with (read once, used twice). */
  private readonly labels = new Map<LineRecord, Label | null>();
  /** The entry labels its parts throughout: wording never stands in for a label. */
  private readonly labelled: boolean;
  private readonly paragraphs = new Map<LineRecord, Paragraph>();
  /** Paragraphs whose wording fits a part the labelled entry does not label. */
  private readonly unlabelledHints: NearMiss[] = [];

  constructor(records: readonly LineRecord[]) {
    for (const record of records) {
      if (record.kind === 'text' && (record.list === 0 || (record.list === 1 && record.itemStart))) this.labels.set(record, lineLabel(record));
    }
    this.labelled = labelledKinds(records, this.labels) >= LABELLED_ENTRY;
    collectParagraphs(records, this.paragraphs);
  }

  /** Whether a part has started: prose before the first is the theory. */
  get started(): boolean {
    return this.currentPart !== null;
  }

  /** The kind of the part being read, or null before the first part. */
  get currentKind(): PartKind | null {
    return this.currentPart === null ? null : this.currentPart.part.kind;
  }

  /** Whether the entry has a part of this kind so far. */
  has(kind: PartKind): boolean {
    return this.draftsByKind.has(kind);
  }

  /** The label a text line starts with, if any. */
  labelOf(record: LineRecord): Label | null {
    return this.labels.get(record) ?? null;
  }

  /** Starts (or returns to) the part a label names; `consumesLine` when the label's line belongs to the part. */
  start(label: Label, record: LineRecord, consumesLine: boolean): void {
    let draft = this.draftsByKind.get(label.kind);
    if (draft === undefined) {
      const part: Part = {
        kind: label.kind,
        style: label.style,
        label: label.label,
        line: record.line,
        endLine: record.line,
        text: '',
        lines: [],
        codeSpans: [],
      };
      draft = { part, texts: [] };
      this.draftsByKind.set(label.kind, draft);
      this.inOrder.push(part);
    }
    this.currentPart = draft;
    if (consumesLine && label.rest.length > 0) this.add(record, label.rest);
    else this.extend(record);
  }

  /** Adds a line's prose to the part being read (there must be one). */
  add(record: LineRecord, text: string): void {
    const { part, texts } = this.currentPart!;
    if (text.length > 0) {
      texts.push(text);
      part.lines.push({ line: record.line, text });
    }
    for (const span of record.codeSpans) part.codeSpans.push(span);
    part.endLine = Math.max(part.endLine, record.endLine);
  }

  /** A record with no prose of its own (a code block) still extends the part it stands in. */
  extend(record: LineRecord): void {
    if (this.currentPart) this.currentPart.part.endLine = Math.max(this.currentPart.part.endLine, record.endLine);
  }

  /**
   * The next part in the lesson's order, when an unlabelled paragraph's wording starts it. In an entry that
   * labels its parts the paragraph is noted as a near miss instead, and null returned.
   */
  nextByWording(record: LineRecord): SpokenKind | null {
    const paragraph = this.paragraphs.get(record);
    if (paragraph === undefined || this.currentPart === null) return null;
    const at = SPOKEN_ORDER.indexOf(this.currentPart.part.kind as SpokenKind);
    const next = at === -1 ? undefined : SPOKEN_ORDER[at + 1];
    if (next === undefined || this.draftsByKind.has(next) || !wordingSays(next, paragraph.text, paragraph.codeSpans)) return null;
    if (this.labelled) {
      this.unlabelledHints.push({
        line: record.line,
        kind: next,
        text: truncate(paragraph.text, 60),
        why: 'this entry labels its other parts, so this one needs a label of its own',
      });
      return null;
    }
    return next;
  }

  /** The parts in document order, each with its text joined. */
  finish(): Part[] {
    for (const { part, texts } of this.draftsByKind.values()) part.text = texts.join(' ').trim();
    return this.inOrder;
  }

  /** Paragraphs that read as a part the entry has no label for. */
  nearMisses(): NearMiss[] {
    return this.unlabelledHints.filter((hint) => !this.draftsByKind.has(hint.kind as PartKind));
  }
}

/** How many of the four spoken parts an entry labels explicitly. */
function labelledKinds(records: readonly LineRecord[], labels: ReadonlyMap<LineRecord, Label | null>): number {
  const kinds = new Set<PartKind>();
  for (const record of records) {
    let kind: PartKind | null = null;
    if (record.kind === 'heading') kind = classifyLabel(record.text);
    else if (record.kind === 'row') kind = classifyLabel(record.cells[0] ?? '');
    else if (record.kind === 'html') kind = htmlLabel(record.text)?.kind ?? null;
    else if (record.kind === 'text' && record.quote === 0) kind = labels.get(record)?.kind ?? null;
    if (kind !== null && kind !== 'gotchas') kinds.add(kind);
  }
  return kinds.size;
}

/** Groups the text records of top-level paragraphs, keyed by each paragraph's first record. */
function collectParagraphs(records: readonly LineRecord[], out: Map<LineRecord, Paragraph>): void {
  let paragraph: Paragraph | null = null;
  for (const record of records) {
    if (record.kind !== 'text' || record.list > 0 || record.quote > 0) {
      paragraph = null;
      continue;
    }
    if (record.paragraphStart) {
      paragraph = { text: record.text, codeSpans: [...record.codeSpans] };
      out.set(record, paragraph);
    } else if (paragraph) {
      paragraph.text += ` ${record.text}`;
      paragraph.codeSpans.push(...record.codeSpans);
    }
  }
}
