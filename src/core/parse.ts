/**
 * Builds the playbook model from line records: front matter, questions with their parts and
 * gotcha items, and the cheat sheet. One pass over the records; no recursion.
 */
import { parseMarkdown, splitSections, walkRecords, type LineRecord } from './markdown.js';
import { classifyLabel, firstWordIndex, normalize, truncate } from './text.js';
import type {
  CheatSheet,
  CheatSheetRow,
  Difficulty,
  FrontMatter,
  GotchaItem,
  Part,
  PartKind,
  Playbook,
  Question,
} from './types.js';

/** Documents larger than this (in UTF-16 code units) are parsed section by section. */
const SECTION_THRESHOLD = 256 * 1024;

/** Only this much of a heading is read when deciding whether it is a question. */
const HEADING_PREFIX = 300;

// "Q1: …", "Q 1 - …", "Question 3 — …", "#4 …", "1. …", "1) …": a number, then a separator.
const QUESTION_HEADING =
  /^(?:(?:q|question)\s{0,3}(?:#\s{0,3})?(\d{1,7})\b(?:\s{0,3}[.:)\-–—|]+)?|#(\d{1,7})\b(?:\s{0,3}[.:)\-–—|]+)?|(\d{1,7})\s{0,3}[.:)\-–—|]+)\s*/i;
const DIFFICULTY_TAG = /[[(]\s{0,3}(?:difficulty\s{0,3}:?\s{0,3})?(L\s?\d{1,3})\s{0,3}[\])]/i;
const LEVEL = /\bL\s?(\d{1,3})\b/i;
/** A line that gives only a rating: "L2", "L2 (intermediate)", "**L3**", "Level 1". */
const LEVEL_LINE = /^\s{0,3}(?:level\s{0,3})?L?\s?\d{1,3}\b[^.!?]{0,40}$/i;
const CHEAT_SHEET_HEADING = /\b(?:cheat ?sheets?|quick reference|quick review|one ?line summar(?:y|ies))\b/;
const PLAIN_LABEL = /^([A-Za-z][A-Za-z' \-–—]{0,48}?)\s{0,3}[:：]\s*/;
const GOTCHA_MARK = /^\s*(?:❌|✗|✘|✖|🚫|⛔)/;

/** The parts an interviewee says aloud: every part but the difficulty and the gotchas. */
export function spokenParts(question: Question): Part[] {
  return question.parts.filter((part) => part.kind !== 'difficulty' && part.kind !== 'gotchas');
}

/** Parses a playbook's text into its model. */
export function parsePlaybook(input: string): Playbook {
  const source = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { frontMatter, body } = splitFrontMatter(source);
  const lines = body.split('\n');
  // a large document one section at a time, so each section's tokens are garbage before the next is parsed
  // (the records are the same either way; a small one is parsed whole, which is faster cold)
  const records: LineRecord[] = [];
  const sections = body.length > SECTION_THRESHOLD ? splitSections(body) : [{ line: 0, text: body }];
  for (const section of sections) {
    walkRecords(parseMarkdown(section.text), (record) => {
      record.line += section.line;
      record.endLine += section.line;
      records.push(record);
    });
  }
  const builder = new Builder(lines, questionLevel(records));
  for (const record of records) builder.visit(record);
  builder.finish();
  return {
    lineCount: lines.length,
    frontMatter,
    questions: builder.questions,
    cheatSheet: builder.cheatSheet,
  };
}

/** Finds YAML front matter and blanks it out, keeping every line in place. */
function splitFrontMatter(source: string): { frontMatter: FrontMatter | null; body: string } {
  if (!/^---[ \t]*\n/.test(source)) return { frontMatter: null, body: source };
  const close = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/g;
  close.lastIndex = 3;
  const match = close.exec(source);
  if (!match) return { frontMatter: null, body: source };
  const end = match.index + match[0].length;
  const block = source.slice(0, end);
  const lineBreaks = block.endsWith('\n') ? countNewlines(block) : countNewlines(block) + 1;
  const raw = source.slice(source.indexOf('\n') + 1, match.index + 1);
  return {
    frontMatter: { line: 1, endLine: lineBreaks, raw },
    body: '\n'.repeat(block.endsWith('\n') ? lineBreaks : lineBreaks - 1) + source.slice(end),
  };
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

interface HeadingMatch {
  number: number;
  title: string;
  tag: string | null;
}

function matchQuestionHeading(text: string): HeadingMatch | null {
  const prefix = text.slice(0, HEADING_PREFIX);
  const head = prefix.slice(firstWordIndex(prefix, '#'));
  const match = QUESTION_HEADING.exec(head);
  if (!match) return null;
  // a bare number must be followed by a separator; "Q1"/"Question 1" need a word boundary only
  const number = Number(match[1] ?? match[2] ?? match[3]);
  let title = text.slice(text.length - head.length + match[0].length);
  const tag = DIFFICULTY_TAG.exec(title);
  if (tag) title = (title.slice(0, tag.index) + title.slice(tag.index + tag[0].length)).replace(/\s{2,}/g, ' ');
  title = title.replace(/^[\s.:)\-–—|]+|[\s\-–—|]+$/g, '');
  return { number, title, tag: tag ? tag[1]! : null };
}

function parseDifficulty(raw: string, line: number): Difficulty {
  const text = truncate(raw.trim(), 40);
  const match = LEVEL.exec(raw.slice(0, 200));
  const digits = match ? Number(match[1]) : 0;
  const level = digits >= 1 && digits <= 3 ? (`L${digits}` as Difficulty['level']) : null;
  return { level, raw: match ? `L${match[1]}` : text, line };
}

interface Label {
  kind: PartKind;
  label: string;
  rest: string;
  style: Part['style'];
}

/** Reads a label at the start of a paragraph line: a bold run or "Word:" prose. */
function lineLabel(record: LineRecord): Label | null {
  if (record.boldLead !== null) {
    // "**Difficulty:** L2", "**Difficulty**: L2" and "**Difficulty: L2**" all read the same
    const colon = record.boldLead.search(/[:：]/);
    const label = (colon > 0 ? record.boldLead.slice(0, colon) : record.boldLead).replace(/[\s\-–—]+$/, '');
    const rest = `${colon > 0 ? record.boldLead.slice(colon + 1) : ''} ${record.afterBold}`;
    const kind = classifyLabel(label);
    if (kind) return { kind, label, rest: rest.replace(/^[\s:：\-–—]+/, '').trim(), style: 'bold' };
    return null;
  }
  // "Answer: …" without bold counts only where a paragraph or list item begins
  if (!record.paragraphStart && !record.itemStart) return null;
  const text = record.text.slice(firstWordIndex(record.text));
  const match = PLAIN_LABEL.exec(text);
  if (!match) return null;
  const kind = classifyLabel(match[1]!, true);
  if (!kind) return null;
  return { kind, label: match[1]!.trim(), rest: text.slice(match[0].length), style: 'plain' };
}

/** The heading level that holds questions: the one with the most question-like headings. */
function questionLevel(records: LineRecord[]): number {
  const counts = [0, 0, 0, 0, 0];
  for (const r of records) {
    if (r.kind === 'heading' && r.quote === 0 && r.list === 0 && r.level >= 2 && r.level <= 4 && matchQuestionHeading(r.text)) counts[r.level]!++;
  }
  let best = 0;
  for (let level = 2; level <= 4; level++) if (counts[level]! > (counts[best] ?? 0)) best = level;
  return best;
}

interface OpenPart {
  part: Part;
  texts: string[];
}

interface OpenItem {
  item: GotchaItem;
  texts: string[];
}

interface OpenQuestion {
  question: Question;
  open: Map<PartKind, OpenPart>;
  current: OpenPart | null;
  items: OpenItem[];
  itemDepth: number;
  itemOpen: boolean;
  /** List depth of the gotcha label (0 for a paragraph or heading). */
  gotchaLabelDepth: number;
  /** A difficulty label had no level on its line: the next line gives it. */
  pendingDifficulty: boolean;
}

interface OpenSheet {
  sheet: CheatSheet;
  level: number;
  tableRows: CheatSheetRow[];
  listRows: CheatSheetRow[];
  lastListRow: CheatSheetRow | null;
}

class Builder {
  readonly questions: Question[] = [];
  cheatSheet: CheatSheet | null = null;
  private q: OpenQuestion | null = null;
  private s: OpenSheet | null = null;

  constructor(
    private readonly lines: string[],
    private readonly questionLevel: number,
  ) {}

  /** Ends the open question and cheat sheet at the end of the document. */
  finish(): void {
    this.closeQuestion(this.lines.length);
    this.closeSheet(this.lines.length);
  }

  visit(record: LineRecord): void {
    const questionLevel = this.questionLevel;
    if (record.kind === 'heading' && record.quote === 0 && record.list === 0) {
      this.heading(record, questionLevel);
      return;
    }
    if (this.s) this.sheetContent(record);
    else if (this.q) this.questionContent(this.q, record);
  }

  private heading(record: LineRecord, questionLevel: number): void {
    const match = record.level === questionLevel ? matchQuestionHeading(record.text) : null;
    if (match) {
      this.closeQuestion(record.line - 1);
      this.closeSheet(record.line - 1);
      this.openQuestion(record, match);
      return;
    }
    // a document title (level 1) that mentions the cheat sheet is not the sheet, nor is a sub-heading inside
    // an answer; a later sheet with rows wins over an empty one
    const insideAnswer = this.q !== null && record.level > this.q.question.level;
    if (record.level > 1 && !insideAnswer && CHEAT_SHEET_HEADING.test(normalize(record.text.slice(0, HEADING_PREFIX)))) {
      this.closeQuestion(record.line - 1);
      this.closeSheet(record.line - 1);
      if (this.cheatSheet === null || this.cheatSheet.rows.length === 0) this.openSheet(record);
      return;
    }
    if (this.s && record.level <= this.s.level) this.closeSheet(record.line - 1);
    if (this.q) {
      if (record.level <= this.q.question.level) {
        this.closeQuestion(record.line - 1);
        return;
      }
      const kind = classifyLabel(record.text);
      if (kind) {
        this.startPart(this.q, kind, record.text.trim(), record.line, 'heading', headingRest(record.text));
        if (kind !== 'difficulty') this.q.current?.part.codeSpans.push(...record.codeSpans);
      }
      else this.addText(this.q, record, record.text);
    } else if (this.s) {
      this.sheetContent(record);
    }
  }

  private openQuestion(record: LineRecord, match: HeadingMatch): void {
    const question: Question = {
      number: match.number,
      title: match.title,
      line: record.line,
      endLine: record.line,
      level: record.level,
      difficulty: match.tag ? parseDifficulty(match.tag, record.line) : null,
      parts: [],
      theory: null,
      project: null,
      tradeoff: null,
      metric: null,
      gotchas: null,
      gotchaItems: [],
    };
    this.q = { question, open: new Map(), current: null, items: [], itemDepth: 0, itemOpen: false, gotchaLabelDepth: 0, pendingDifficulty: false };
  }

  private questionContent(q: OpenQuestion, record: LineRecord): void {
    if (record.kind === 'code') {
      this.touch(q, record);
      return;
    }
    if (record.kind === 'text' && record.quote === 0) {
      const label = lineLabel(record);
      // inside a gotcha list, "- **Trap:** …" is a wrong answer, not the same label again
      const repeated = label?.kind === 'gotchas' && q.current?.part.kind === 'gotchas';
      if (label !== null && !repeated && this.labelAllowed(q, record)) {
        this.startPart(q, label.kind, label.label, record.line, record.list > 0 ? 'list' : label.style, label.rest);
        if (label.kind === 'gotchas') q.gotchaLabelDepth = record.list;
        return;
      }
      if (q.pendingDifficulty && record.list === 0) {
        // "**Difficulty:**" or "#### Difficulty" with the level on the next line; prose there is the answer
        if (LEVEL_LINE.test(record.text)) {
          q.pendingDifficulty = false;
          q.question.difficulty = parseDifficulty(record.text, record.line);
          return;
        }
        this.settleDifficulty(q);
      }
    }
    if (q.current?.part.kind === 'gotchas') this.gotchaContent(q, record, record.text);
    this.addText(q, record, record.text);
  }

  /**
   * Labels count in top-level paragraphs, and at the start of a top-level list item ("- **Tradeoff:** …").
   * Inside a gotcha list, items are wrong answers ("- **Trap:** …"), not labels, unless the gotcha label
   * was itself such a list item and this item is its sibling.
   */
  private labelAllowed(q: OpenQuestion, record: LineRecord): boolean {
    if (record.list === 0) return true;
    if (record.list !== 1 || !record.itemStart) return false;
    return q.current?.part.kind !== 'gotchas' || q.gotchaLabelDepth === 1;
  }

  private gotchaContent(q: OpenQuestion, record: LineRecord, text: string): void {
    const startsItem =
      // under a list-item label ("- **Gotchas:**") the wrong answers may be nested or its siblings
      (record.list > 0 && record.list >= q.gotchaLabelDepth && record.itemStart && (q.itemDepth === 0 || record.list <= q.itemDepth)) ||
      (record.list === 0 && record.quote === 0 && record.kind === 'text' && GOTCHA_MARK.test(text));
    if (startsItem) {
      if (record.list > 0 && q.itemDepth === 0) q.itemDepth = record.list;
      q.items.push({ item: { line: record.line, endLine: record.line, text: '', claim: '', reason: '' }, texts: [text] });
      q.itemOpen = true;
      return;
    }
    // nested lines and wrapped lines continue the item; a paragraph of its own ends it
    if (q.itemOpen && (record.list > 0 || !startsParagraph(record, this.lines))) {
      const last = q.items[q.items.length - 1]!;
      last.texts.push(text);
      last.item.endLine = record.endLine;
    } else {
      q.itemOpen = false;
    }
  }

  private startPart(q: OpenQuestion, kind: PartKind, label: string, line: number, style: Part['style'], rest: string): void {
    if (kind === 'difficulty') {
      if (q.question.difficulty === null) {
        if (rest.trim().length === 0) q.pendingDifficulty = true;
        else q.question.difficulty = parseDifficulty(rest, line);
      }
      q.current = null;
      this.markDifficulty(q, line, label, style);
      return;
    }
    if (q.pendingDifficulty) this.settleDifficulty(q);
    const existing = q.open.get(kind);
    if (existing) {
      q.current = existing;
    } else {
      const part: Part = { kind, style, label, line, endLine: line, text: '', lines: [], codeSpans: [] };
      const open = { part, texts: [] };
      q.open.set(kind, open);
      q.question.parts.push(part);
      q.current = open;
    }
    if (rest.length > 0) {
      q.current.texts.push(rest);
      q.current.part.lines.push({ line, text: rest });
    }
  }

  /** A difficulty label whose level never came: an empty, invalid rating at the label. */
  private settleDifficulty(q: OpenQuestion): void {
    q.pendingDifficulty = false;
    const label = q.open.get('difficulty')?.part;
    q.question.difficulty ??= { level: null, raw: '', line: label?.line ?? q.question.line };
  }

  private markDifficulty(q: OpenQuestion, line: number, label: string, style: Part['style']): void {
    if (q.open.has('difficulty')) return;
    const part: Part = { kind: 'difficulty', style, label, line, endLine: line, text: '', lines: [], codeSpans: [] };
    q.open.set('difficulty', { part, texts: [] });
    q.question.parts.push(part);
  }

  /** Adds prose to the current part; prose before any part is an unlabelled answer. */
  private addText(q: OpenQuestion, record: LineRecord, text: string): void {
    if (q.current === null) {
      if (text.trim().length === 0) return;
      this.startPart(q, 'theory', '', record.line, 'implicit', '');
    }
    const current = q.current!;
    if (text.length > 0) {
      current.texts.push(text);
      current.part.lines.push({ line: record.line, text });
    }
    for (const span of record.codeSpans) current.part.codeSpans.push(span);
    current.part.endLine = Math.max(current.part.endLine, record.endLine);
  }

  private touch(q: OpenQuestion, record: LineRecord): void {
    if (q.current) q.current.part.endLine = Math.max(q.current.part.endLine, record.endLine);
  }

  private closeQuestion(endLine: number): void {
    const q = this.q;
    if (!q) return;
    this.q = null;
    const question = q.question;
    question.endLine = lastContentLine(this.lines, question.line, endLine);
    if (q.pendingDifficulty) this.settleDifficulty(q);
    for (const { part, texts } of q.open.values()) {
      part.text = texts.join(' ').trim();
      if (part.kind !== 'difficulty') question[part.kind] = part;
    }
    for (const { item, texts } of q.items) {
      item.text = texts.join(' ').trim();
      const { claim, reason } = splitGotcha(item.text);
      item.claim = claim;
      item.reason = reason;
      question.gotchaItems.push(item);
    }
    this.questions.push(question);
  }

  private openSheet(record: LineRecord): void {
    const sheet: CheatSheet = { title: record.text, line: record.line, endLine: record.line, rows: [], lineLengths: [] };
    this.s = { sheet, level: record.level, tableRows: [], listRows: [], lastListRow: null };
  }

  private sheetContent(record: LineRecord): void {
    const s = this.s!;
    if (record.kind === 'row') {
      if (!record.header) s.tableRows.push({ line: record.line, cells: record.cells, text: record.text, sourceLines: 1, listNumber: null });
      return;
    }
    if (record.kind !== 'text' || record.list === 0) {
      s.lastListRow = null;
      return;
    }
    if (record.itemStart && record.list === 1) {
      s.lastListRow = { line: record.line, cells: listRowCells(record), text: record.text, sourceLines: 1, listNumber: record.itemNumber };
      s.listRows.push(s.lastListRow);
    } else if (s.lastListRow) {
      s.lastListRow.text = `${s.lastListRow.text} ${record.text}`;
      s.lastListRow.cells[s.lastListRow.cells.length - 1] += ` ${record.text}`;
      s.lastListRow.sourceLines++;
    }
  }

  private closeSheet(endLine: number): void {
    const s = this.s;
    if (!s) return;
    this.s = null;
    const sheet = s.sheet;
    sheet.endLine = lastContentLine(this.lines, sheet.line, endLine);
    sheet.rows = s.tableRows.length > 0 ? s.tableRows : s.listRows;
    for (let line = sheet.line; line <= sheet.endLine; line++) sheet.lineLengths.push(this.lines[line - 1]!.length);
    this.cheatSheet = sheet;
  }
}

/** What a label heading says after the label: "Difficulty: L2" → "L2"; "Project example" → "". */
function headingRest(text: string): string {
  const separator = /[:：]|\s[—–-]\s/.exec(text.slice(0, HEADING_PREFIX));
  return separator ? text.slice(separator.index + separator[0].length).trim() : '';
}

/** A list row as cells: "**Topic:** summary" or "Topic — summary" splits in two; otherwise one cell. */
function listRowCells(record: LineRecord): string[] {
  if (record.boldLead !== null) return [record.boldLead.replace(/[\s:：\-–—]+$/, ''), record.afterBold.replace(/^[\s:：\-–—]+/, '')];
  const separator = /:\s|\s[—–]\s|\s--?\s|\s\|\s/.exec(record.text);
  if (separator === null) return [record.text];
  return [record.text.slice(0, separator.index), record.text.slice(separator.index + separator[0].length)];
}

function startsParagraph(record: LineRecord, lines: string[]): boolean {
  const previous = lines[record.line - 2];
  return previous === undefined || previous.trim() === '';
}

function lastContentLine(lines: string[], start: number, end: number): number {
  let line = Math.min(end, lines.length);
  while (line > start && lines[line - 1]!.trim() === '') line--;
  return line;
}

const QUOTES: Record<string, string> = { '"': '"', '“': '”', '‘': '’', '«': '»', "'": "'", '„': '“' };
const SEPARATOR = /\s[—–]\s?|\s--?\s|\s?→\s|\s->\s|:\s|\.\s|\s\(|\bbecause\b/;
// "Wrong.", "Incorrect —", "No!" are verdicts, not reasons; "No quorum forms…" is a reason
const VERDICT =
  /^(?:(?:it'?s\s)?(?:(?:wrong|incorrect|false|myth|mistake|bad)\b[\s.!:;,—–-]*|(?:no|nope|not true|not quite)(?:[.!:;,—–-]+\s*|\s*$)))+/i;

/** Splits a gotcha item into the wrong claim and the reason it is wrong. */
export function splitGotcha(text: string): { claim: string; reason: string } {
  let body = text
    .slice(firstWordIndex(text, `"“‘«'„`))
    .replace(/^(?:wrong answer|wrong|myth|claim|mistake|trap|misconception|gotcha)\s{0,3}\d{0,3}\s{0,3}[:.\-—–]\s*/i, '');
  let claim: string;
  let rest: string;
  const open = body[0];
  const close = open !== undefined ? QUOTES[open] : undefined;
  const closeAt = close !== undefined ? body.indexOf(close, 1) : -1;
  if (closeAt > 0) {
    claim = body.slice(1, closeAt);
    rest = body.slice(closeAt + 1);
  } else {
    const separator = SEPARATOR.exec(body);
    if (separator) {
      claim = body.slice(0, separator.index);
      // "because …" is itself the reason; other separators are dropped
      rest = body.slice(separator.index + (separator[0] === 'because' ? 0 : separator[0].length));
    } else {
      claim = body;
      rest = '';
    }
  }
  body = rest.replace(/^[\s.,;:!?—–\-→>)]+/, '').replace(VERDICT, '').replace(/\)\s*$/, '').trim();
  return { claim: claim.trim(), reason: body };
}
