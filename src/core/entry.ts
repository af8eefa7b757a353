/**
 * Reads one question's entry: its difficulty, its parts (Theory, Project, Tradeoff, Metric, Gotchas) and its
 * gotcha items, recording how and where each was found.
 *
 * A part starts at a label of its own (a sub-heading, an emphasised or plain "Label:", a list item, a callout
 * title, an HTML `<summary>`). Prose before any label is the theory. Where an entry does not label its parts
 * throughout (fewer than three of the four spoken parts have a label), an unlabelled paragraph may start the
 * next part in the lesson's order when its wording says so ("At work on …", "The catch is …", a measured
 * figure). Where it does label them, a part without a label of its own is missing, whatever the prose says.
 */
import { ratingLine, parseRating } from './difficulty.js';
import { splitGotcha } from './gotcha.js';
import { classifyLabel, htmlLabel, lineLabel, SPOKEN_ORDER, type Label, type SpokenKind } from './labels.js';
import type { LineRecord } from './markdown.js';
import { findComponent } from './components.js';
import { findMetric, firstWordIndex, hasTradeoffWording, tokens, truncate } from './text.js';
import type { Difficulty, GotchaItem, LabelStyle, NearMiss, Part, PartKind, Question } from './types.js';

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

/** Entries labelling at least this many of the four spoken parts must label each of them. */
const LABELLED_ENTRY = 3;

/** A mark that opens a wrong answer even without a gotcha label: "❌ …", "✗ …". */
const GOTCHA_MARK = /^\s*(?:❌|✗|✘|✖|🚫|⛔)/;

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

function namedOpening(opening: string): boolean {
  const match = NAMED_OPENING.exec(opening);
  return match !== null && !THEORY_NAMES.has(match[1]!.replace(/`/g, ''));
}
const TRADEOFF_OPENING =
  /^(?:the (?:catch|cost|downside|price|trade-?offs?|flip side|risk|drawback)\b|but\b|however\b|on the other hand\b|this costs?\b|it costs?\b|in exchange\b)/i;
const METRIC_OPENING = /^(?:results?\b|measured\b|in numbers\b|the numbers\b|we measured\b|outcome\b|impact\b)/i;

/** Whether an unlabelled paragraph reads as the given part when it stands in that part's place. */
function wordingSays(kind: SpokenKind, text: string, codeSpans: readonly string[]): boolean {
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

interface OpenPart {
  part: Part;
  texts: string[];
}

interface OpenItem {
  item: GotchaItem;
  texts: string[];
}

/** A paragraph's whole text and code spans, keyed by its first record. */
interface Paragraph {
  text: string;
  codeSpans: string[];
}

/** Reads an entry into a question. */
export function readEntry(input: EntryInput, lines: readonly string[]): Question {
  return new EntryReader(input, lines).read();
}

class EntryReader {
  private readonly question: Question;
  private readonly open = new Map<PartKind, OpenPart>();
  private current: OpenPart | null = null;
  private readonly items: OpenItem[] = [];
  /** List depth of the wrong answers, once the first is seen. */
  private itemDepth = 0;
  /** The last wrong answer may still take continuation lines. */
  private itemOpen = false;
  /** List depth of the gotcha label (0 for a paragraph, heading or callout). */
  private gotchaLabelDepth = 0;
  /** Line of a difficulty label whose value is on the next line. */
  private pendingRating: number | null = null;
  /** The entry labels its parts throughout: wording never stands in for a label. */
  private readonly labelled: boolean;
  private readonly paragraphs = new Map<LineRecord, Paragraph>();
  /** The label each line that may carry one starts with (read once, used twice). */
  private readonly labels = new Map<LineRecord, Label | null>();
  /** Paragraphs whose wording fits a part the labelled entry does not label. */
  private readonly unlabelledHints: NearMiss[] = [];
  /** Short lines that mention a level but are not read as a rating. */
  private readonly ratingHints: NearMiss[] = [];

  constructor(
    private readonly input: EntryInput,
    private readonly lines: readonly string[],
  ) {
    this.question = {
      number: input.number,
      title: input.title,
      line: input.line,
      endLine: input.endLine,
      level: input.level,
      difficulty: input.tag,
      parts: [],
      theory: null,
      project: null,
      tradeoff: null,
      metric: null,
      gotchas: null,
      gotchaItems: [],
      copyOf: null,
      nearMisses: [],
    };
    for (const record of input.records) {
      if (record.kind === 'text' && (record.list === 0 || (record.list === 1 && record.itemStart))) this.labels.set(record, lineLabel(record));
    }
    this.labelled = labelledKinds(input.records, this.labels) >= LABELLED_ENTRY;
    collectParagraphs(input.records, this.paragraphs);
  }

  read(): Question {
    for (const record of this.input.records) this.visit(record);
    return this.finish();
  }

  private visit(record: LineRecord): void {
    switch (record.kind) {
      case 'code':
        this.touch(record);
        return;
      case 'html':
        this.html(record);
        return;
      case 'heading':
        this.heading(record);
        return;
      case 'row':
        this.row(record);
        return;
      case 'text':
        this.text(record);
        return;
    }
  }

  private html(record: LineRecord): void {
    const label = htmlLabel(record.text);
    if (label) {
      this.startPart(label, record);
      // "<details><summary>Gotchas</summary>" straight above its list: the HTML block swallows the list, and
      // GitHub shows its lines as text, so a reader still sees each wrong answer
      if (label.kind === 'gotchas') this.htmlItems(record);
      return;
    }
    if (/<\/details\s*>/i.test(record.text)) this.itemOpen = false;
    const text = visibleHtml(record.text);
    if (text.length > 0) this.addText(record, text);
  }

  /** Wrong answers written as list lines inside the HTML block that holds their `<summary>`. */
  private htmlItems(record: LineRecord): void {
    const lines = record.text.split('\n');
    const start = lines.findIndex((line) => /<\/summary>/i.test(line));
    for (let i = start + 1; i < lines.length; i++) {
      const line = lines[i]!.replace(/<[^>]{0,200}>/g, '')
        .replace(/\*\*|~~|`/g, '')
        .trim();
      if (line.length === 0) continue;
      const marker = /^(?:[-*+]|\d{1,3}[.)])\s+/.exec(line);
      if (marker || GOTCHA_MARK.test(line)) {
        const text = marker ? line.slice(marker[0].length) : line;
        this.items.push({ item: { line: record.line + i, endLine: record.line + i, text: '', claim: '', reason: '' }, texts: [text] });
      } else if (this.items.length > 0) {
        const last = this.items[this.items.length - 1]!;
        last.texts.push(line);
        last.item.endLine = record.line + i;
      }
    }
  }

  /** A table inside an entry: `| Theory | … |` rows are parts, `| Difficulty | L2 |` a rating, others answer text. */
  private row(record: LineRecord): void {
    const [first = '', ...rest] = record.cells;
    const value = rest.join(' ').trim();
    const rating = ratingLine(`${first}: ${value}`, record.line);
    if (rating !== null && rating.kind === 'rating' && /^\W*(?:difficulty|level|rating)\b/i.test(first)) {
      this.setRating(rating.difficulty);
      return;
    }
    const kind = classifyLabel(first);
    if (kind !== null && first.length <= 60) {
      this.startPart({ kind, label: first.trim(), rest: value, style: 'table' }, record);
      return;
    }
    if (!record.header) this.addText(record, record.text);
  }

  private heading(record: LineRecord): void {
    if (this.rate(record)) return;
    const kind = classifyLabel(record.text);
    if (kind) {
      this.startPart({ kind, label: record.text.trim(), rest: headingRest(record.text), style: 'heading' }, record);
      return;
    }
    this.addText(record, record.text);
  }

  private text(record: LineRecord): void {
    const inGotchaList = this.current?.part.kind === 'gotchas' && (record.list > 0 || record.quote > 0);
    if (!inGotchaList && this.rate(record)) return;
    if (this.pendingRating !== null) this.settleRating();

    const label = this.labelAllowed(record) ? (this.labels.get(record) ?? null) : null;
    // inside a gotcha list, "- **Trap:** …" is a wrong answer, not the gotcha label again
    if (label !== null && !(label.kind === 'gotchas' && this.current?.part.kind === 'gotchas')) {
      this.startPart(label, record);
      return;
    }
    if (this.question.gotchas === null && !this.open.has('gotchas') && (record.itemStart || record.paragraphStart) && GOTCHA_MARK.test(record.text)) {
      this.startPart({ kind: 'gotchas', label: '', rest: '', style: 'wording' }, record, false);
    } else {
      this.inferPart(record);
    }
    if (this.current?.part.kind === 'gotchas') this.gotchaContent(record);
    this.addText(record, record.text);
  }

  /** Reads a rating line (or its value after a bare label); true when the line was one. */
  private rate(record: LineRecord): boolean {
    if (record.quote > 0 || (record.list > 0 && !(record.list === 1 && record.itemStart))) return false;
    if (this.pendingRating !== null && record.kind === 'text' && record.text.length <= 60) {
      const value = parseRating(record.text, record.line, 'label');
      if (value.level !== null || /^\s*L\s?\d/i.test(record.text)) {
        this.pendingRating = null;
        this.setRating(value);
        return true;
      }
    }
    const line = ratingLine(record.text, record.line);
    if (line === null) {
      if (record.text.length <= 80 && /\b(?:difficulty|level)\b|(?:^|\s)L\d\b/i.test(record.text) && !this.current) {
        this.ratingHints.push({ line: record.line, kind: 'difficulty', text: truncate(record.text, 60), why: 'it is not a rating line' });
      }
      return false;
    }
    if (line.kind === 'pending') {
      if (this.pendingRating !== null) this.settleRating();
      this.pendingRating = record.line;
    } else {
      if (this.pendingRating !== null) this.settleRating();
      this.setRating(line.difficulty);
    }
    return true;
  }

  /** The first rating in the entry wins; a section's rating only fills in for a missing one. */
  private setRating(difficulty: Difficulty): void {
    this.question.difficulty ??= difficulty;
  }

  /** A difficulty label whose level never came: an empty, invalid rating at the label. */
  private settleRating(): void {
    const line = this.pendingRating!;
    this.pendingRating = null;
    this.setRating({ level: null, raw: '', line, how: 'label' });
  }

  /**
   * Labels count in top-level paragraphs and callouts, and at the start of a top-level list item. Inside a
   * gotcha list, items are wrong answers, not labels, unless the gotcha label was itself such a list item
   * and this item is its sibling.
   */
  private labelAllowed(record: LineRecord): boolean {
    if (record.list === 0) return record.quote === 0 || record.paragraphStart;
    if (record.list !== 1 || !record.itemStart) return false;
    return this.current?.part.kind !== 'gotchas' || this.gotchaLabelDepth === 1;
  }

  /** An unlabelled paragraph: the theory by position, or the next part in the order by its wording. */
  private inferPart(record: LineRecord): void {
    if (this.current === null) {
      if (record.text.trim().length > 0) this.startPart({ kind: 'theory', label: '', rest: '', style: 'position' }, record, false);
      return;
    }
    const paragraph = this.paragraphs.get(record);
    if (paragraph === undefined) return;
    const at = SPOKEN_ORDER.indexOf(this.current.part.kind as SpokenKind);
    const next = at === -1 ? undefined : SPOKEN_ORDER[at + 1];
    if (next === undefined || this.open.has(next) || !wordingSays(next, paragraph.text, paragraph.codeSpans)) return;
    if (this.labelled) {
      this.unlabelledHints.push({
        line: record.line,
        kind: next,
        text: truncate(paragraph.text, 60),
        why: 'this entry labels its other parts, so this one needs a label of its own',
      });
      return;
    }
    this.startPart({ kind: next, label: '', rest: '', style: 'wording' }, record, false);
  }

  private gotchaContent(record: LineRecord): void {
    const startsItem =
      // under a list-item label ("- **Gotchas:**") the wrong answers may be nested or its siblings
      (record.list > 0 && record.list >= this.gotchaLabelDepth && record.itemStart && (this.itemDepth === 0 || record.list <= this.itemDepth)) ||
      (record.list === 0 && GOTCHA_MARK.test(record.text));
    if (startsItem) {
      if (record.list > 0 && this.itemDepth === 0) this.itemDepth = record.list;
      this.items.push({ item: { line: record.line, endLine: record.line, text: '', claim: '', reason: '' }, texts: [record.text] });
      this.itemOpen = true;
      return;
    }
    // nested and wrapped lines continue the item; a paragraph of its own ends it
    if (this.itemOpen && (record.list > 0 || !startsParagraph(record, this.lines))) {
      const last = this.items[this.items.length - 1]!;
      last.texts.push(record.text);
      last.item.endLine = record.endLine;
    } else {
      this.itemOpen = false;
    }
  }

  private startPart(label: Label, record: LineRecord, consumesLine = true): void {
    if (this.pendingRating !== null) this.settleRating();
    const existing = this.open.get(label.kind);
    if (existing) {
      this.current = existing;
    } else {
      const part: Part = {
        kind: label.kind,
        style: label.style as LabelStyle,
        label: label.label,
        line: record.line,
        endLine: record.line,
        text: '',
        lines: [],
        codeSpans: [],
      };
      this.current = { part, texts: [] };
      this.open.set(label.kind, this.current);
      this.question.parts.push(part);
    }
    if (label.kind === 'gotchas') {
      this.gotchaLabelDepth = record.list;
      this.itemOpen = false;
    }
    if (consumesLine && label.rest.length > 0) {
      this.current.texts.push(label.rest);
      this.current.part.lines.push({ line: record.line, text: label.rest });
      for (const span of record.codeSpans) this.current.part.codeSpans.push(span);
    }
    this.current.part.endLine = Math.max(this.current.part.endLine, record.endLine);
  }

  /** Adds prose to the current part; prose before any part is the theory. */
  private addText(record: LineRecord, text: string): void {
    if (this.current === null) {
      if (text.trim().length === 0) return;
      this.startPart({ kind: 'theory', label: '', rest: '', style: 'position' }, record, false);
    }
    const current = this.current!;
    if (text.length > 0) {
      current.texts.push(text);
      current.part.lines.push({ line: record.line, text });
    }
    for (const span of record.codeSpans) current.part.codeSpans.push(span);
    current.part.endLine = Math.max(current.part.endLine, record.endLine);
  }

  private touch(record: LineRecord): void {
    if (this.current) this.current.part.endLine = Math.max(this.current.part.endLine, record.endLine);
  }

  private finish(): Question {
    const question = this.question;
    if (this.pendingRating !== null) this.settleRating();
    question.difficulty ??= this.input.section;
    for (const { part, texts } of this.open.values()) {
      part.text = texts.join(' ').trim();
      question[part.kind as Exclude<PartKind, 'difficulty'>] = part;
    }
    for (const { item, texts } of this.items) {
      item.text = texts.join(' ').trim();
      const { claim, reason } = splitGotcha(item.text);
      item.claim = claim;
      item.reason = reason;
      question.gotchaItems.push(item);
    }
    if (question.difficulty === null) question.nearMisses.push(...this.ratingHints.slice(0, 1));
    for (const hint of this.unlabelledHints) if (!this.open.has(hint.kind)) question.nearMisses.push(hint);
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

/** How many of the four spoken parts an entry labels explicitly. */
function labelledKinds(records: readonly LineRecord[], labels: ReadonlyMap<LineRecord, Label | null>): number {
  const kinds = new Set<PartKind>();
  for (const record of records) {
    let kind: PartKind | null = null;
    if (record.kind === 'heading') kind = classifyLabel(record.text);
    else if (record.kind === 'row') kind = classifyLabel(record.cells[0] ?? '');
    else if (record.kind === 'html') kind = htmlLabel(record.text)?.kind ?? null;
    else if (record.kind === 'text' && record.quote === 0) kind = labels.get(record)?.kind ?? null;
    if (kind !== null && kind !== 'gotchas' && kind !== 'difficulty') kinds.add(kind);
  }
  return kinds.size;
}

/** Groups the text records of top-level paragraphs, keyed by each paragraph's first record. */
function collectParagraphs(records: readonly LineRecord[], out: Map<LineRecord, Paragraph>): void {
  let open: Paragraph | null = null;
  for (const record of records) {
    if (record.kind !== 'text' || record.list > 0 || record.quote > 0) {
      open = null;
      continue;
    }
    if (record.paragraphStart) {
      open = { text: record.text, codeSpans: [...record.codeSpans] };
      out.set(record, open);
    } else if (open) {
      open.text += ` ${record.text}`;
      open.codeSpans.push(...record.codeSpans);
    }
  }
}

/** What a label heading says after the label: "Project example: verify-service" → "verify-service". */
function headingRest(text: string): string {
  const separator = /[:：]|\s[—–-]\s/.exec(text.slice(0, 300));
  return separator ? text.slice(separator.index + separator[0].length).trim() : '';
}

function startsParagraph(record: LineRecord, lines: readonly string[]): boolean {
  const previous = lines[record.line - 2];
  return previous === undefined || previous.trim() === '';
}
