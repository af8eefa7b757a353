/**
 * Turns Markdown into a flat stream of line records: one per heading, paragraph line, table row
 * and code block, each with its 1-based line, its container depth and its plain text.
 * markdown-it does the CommonMark + GFM-table parsing; this file only reads its tokens.
 */
import MarkdownIt from 'markdown-it';
import { firstWordIndex } from './text.js';
import type Token from 'markdown-it/lib/token.mjs';

export type RecordKind = 'heading' | 'text' | 'row' | 'code';

export interface LineRecord {
  kind: RecordKind;
  /** 1-based source line. */
  line: number;
  /** Last source line (code blocks span several). */
  endLine: number;
  /** Plain text, markup removed. */
  text: string;
  /** Inline code spans on the line. */
  codeSpans: string[];
  /** Text of a bold run that opens the line (after emoji or spaces), if any. */
  boldLead: string | null;
  /** Plain text after that bold run. */
  afterBold: string;
  /** Heading level, 0 for other kinds. */
  level: number;
  /** Blockquote depth. */
  quote: number;
  /** List depth. */
  list: number;
  /** First record of a list item's content. */
  itemStart: boolean;
  /** First line of a paragraph (labels in prose count only there, unless bold). */
  paragraphStart: boolean;
  /** The ordered-list number of the item this record starts, or null. */
  itemNumber: number | null;
  /** Table cells, for rows. */
  cells: string[];
  /** Header row of a table. */
  header: boolean;
}

/** Containers nested deeper than this are not parsed further: a guard against hostile nesting. */
const MAX_NESTING = 40;

let parser: MarkdownIt | null = null;

function markdown(): MarkdownIt {
  if (parser === null) {
    parser = new MarkdownIt('commonmark', { html: true, linkify: false }).enable(['table', 'strikethrough']);
    // markdown-it reads this option but its type definitions leave it out
    (parser.options as { maxNesting?: number }).maxNesting = MAX_NESTING;
  }
  return parser;
}

const NONE: string[] = [];

function blank(kind: RecordKind, line: number, quote: number, list: number, itemStart: boolean): LineRecord {
  return {
    kind,
    line,
    endLine: line,
    text: '',
    codeSpans: NONE,
    boldLead: null,
    afterBold: '',
    level: 0,
    quote,
    list,
    itemStart,
    paragraphStart: false,
    itemNumber: null,
    cells: NONE,
    header: false,
  };
}

/** Plain text of an inline token's children (used for headings and table cells). */
function inlineText(token: Token, codeSpans?: string[]): string {
  let text = '';
  for (const child of token.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'text_special':
      case 'image':
        text += child.content;
        break;
      case 'code_inline':
        text += child.content;
        codeSpans?.push(child.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        text += ' ';
        break;
      default:
        break;
    }
  }
  return text.trim();
}

/** Parses Markdown (LF line endings) into line records. */
export function lineRecords(source: string): LineRecord[] {
  const tokens = markdown().parse(source, {});
  const out: LineRecord[] = [];
  let quote = 0;
  let list = 0;
  let pendingItem = false;
  let headingLevel = 0;
  let headingLine = 0;
  let row: LineRecord | null = null;
  let inHead = false;
  let paragraphLine = 0;
  let itemNumber: number | null = null;

  for (const token of tokens) {
    switch (token.type) {
      case 'blockquote_open':
        quote++;
        break;
      case 'blockquote_close':
        quote--;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        list++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        list--;
        break;
      case 'list_item_open':
        pendingItem = true;
        itemNumber = token.info === '' ? null : Number(token.info);
        break;
      case 'heading_open':
        headingLevel = Number(token.tag.slice(1));
        headingLine = (token.map?.[0] ?? 0) + 1;
        break;
      case 'heading_close':
        headingLevel = 0;
        break;
      case 'paragraph_open':
        paragraphLine = (token.map?.[0] ?? 0) + 1;
        break;
      case 'thead_open':
        inHead = true;
        break;
      case 'thead_close':
        inHead = false;
        break;
      case 'tr_open':
        row = blank('row', (token.map?.[0] ?? 0) + 1, quote, list, pendingItem);
        row.header = inHead;
        row.cells = [];
        row.codeSpans = [];
        pendingItem = false;
        break;
      case 'tr_close':
        if (row) {
          row.text = row.cells.join(' | ');
          out.push(row);
        }
        row = null;
        break;
      case 'fence':
      case 'code_block': {
        const record = blank('code', (token.map?.[0] ?? 0) + 1, quote, list, pendingItem);
        record.endLine = token.map?.[1] ?? record.line;
        out.push(record);
        pendingItem = false;
        break;
      }
      case 'inline':
        if (row) {
          row.cells.push(inlineText(token, row.codeSpans));
        } else if (headingLevel > 0) {
          const record = blank('heading', headingLine, quote, list, pendingItem);
          record.level = headingLevel;
          record.codeSpans = [];
          record.text = inlineText(token, record.codeSpans);
          out.push(record);
          pendingItem = false;
        } else {
          const first = out.length;
          paragraphLines(token, paragraphLine, quote, list, pendingItem, out);
          if (pendingItem && out[first]) out[first].itemNumber = itemNumber;
          pendingItem = false;
        }
        break;
      default:
        break;
    }
  }
  return out;
}

/** Splits a paragraph's inline children at line breaks, one record per source line. */
function paragraphLines(
  token: Token,
  firstLine: number,
  quote: number,
  list: number,
  itemStart: boolean,
  out: LineRecord[],
): void {
  let record = blank('text', firstLine, quote, list, itemStart);
  record.paragraphStart = true;
  // 0: still at the start of the line (only emoji/space seen), 1: inside a leading bold run, 2: past it
  let leadState = 0;
  let bold = '';
  let after = '';
  let text = '';
  let strongDepth = 0;
  const flush = (): void => {
    record.text = text.trim();
    record.boldLead = leadState === 2 && bold.trim().length > 0 ? bold.trim() : null;
    record.afterBold = after.trim();
    out.push(record);
  };
  for (const child of token.children ?? []) {
    switch (child.type) {
      case 'softbreak':
      case 'hardbreak':
        flush();
        record = blank('text', record.line + 1, quote, list, false);
        leadState = 0;
        bold = '';
        after = '';
        text = '';
        strongDepth = 0;
        break;
      case 'strong_open':
        strongDepth++;
        if (leadState === 0) leadState = 1;
        break;
      case 'strong_close':
        strongDepth--;
        if (leadState === 1 && strongDepth === 0) leadState = 2;
        break;
      case 'text':
      case 'text_special':
      case 'code_inline':
      case 'image': {
        const content = child.content;
        if (child.type === 'code_inline') {
          if (record.codeSpans === NONE) record.codeSpans = [];
          record.codeSpans.push(content);
        }
        text += content;
        if (leadState === 1) bold += content;
        else if (leadState === 2) after += content;
        else if (leadState === 0 && firstWordIndex(content) < content.length) leadState = 3;
        break;
      }
      default:
        break;
    }
  }
  flush();
}
