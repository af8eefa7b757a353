/**
 * Turns Markdown into a flat stream of line records: one per heading, paragraph line, table row
 * and code block, each with its 1-based line, its container depth and its plain text.
 * markdown-it does the CommonMark + GFM-table parsing; this file only reads its tokens.
 */
import MarkdownIt from 'markdown-it';
import { firstWordIndex } from './text.js';
import type Token from 'markdown-it/lib/token.mjs';

export type RecordKind = 'heading' | 'text' | 'row' | 'code' | 'html';

export interface LineRecord {
  kind: RecordKind;
  /** 1-based source line. */
  line: number;
  /** Last source line (code blocks span several). */
  endLine: number;
  /** Plain text, markup removed (image alt text too: a reader sees the image, not its alt text); raw HTML for `html`. */
  text: string;
  /** Inline code spans on the line. */
  codeSpans: string[];
  /** Text of a bold or italic run that opens the line (after emoji or spaces), if any. */
  lead: string | null;
  /** Plain text after that run. */
  afterLead: string;
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
    lead: null,
    afterLead: '',
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

/** markdown-it's tokens for Markdown with LF line endings. */
export function parseMarkdown(source: string): Token[] {
  return markdown().parse(source, {});
}

/** Parses Markdown (LF line endings) into line records. */
export function lineRecords(source: string): LineRecord[] {
  const out: LineRecord[] = [];
  walkRecords(parseMarkdown(source), (record) => out.push(record));
  return out;
}

/** Calls `visit` with each line record in document order; records are not kept, so they die young. */
export function walkRecords(tokens: Token[], visit: (record: LineRecord) => void): void {
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
          visit(row);
        }
        row = null;
        break;
      case 'html_block': {
        const record = blank('html', (token.map?.[0] ?? 0) + 1, quote, list, pendingItem);
        record.endLine = token.map?.[1] ?? record.line;
        record.text = token.content;
        visit(record);
        pendingItem = false;
        break;
      }
      case 'fence':
      case 'code_block': {
        const record = blank('code', (token.map?.[0] ?? 0) + 1, quote, list, pendingItem);
        record.endLine = token.map?.[1] ?? record.line;
        visit(record);
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
          visit(record);
          pendingItem = false;
        } else {
          paragraphLines(token, paragraphLine, quote, list, pendingItem ? itemNumber : undefined, visit);
          pendingItem = false;
        }
        break;
      default:
        break;
    }
  }
}

/** Splits a paragraph's inline children at line breaks, one record per source line. */
function paragraphLines(
  token: Token,
  firstLine: number,
  quote: number,
  list: number,
  /** Set when the paragraph opens a list item: the ordered-list number, or null for a bullet. */
  itemNumber: number | null | undefined,
  visit: (record: LineRecord) => void,
): void {
  // the line is counted here, not read back from a record: `visit` may shift a record's line
  let lineNo = firstLine;
  let record = blank('text', lineNo, quote, list, itemNumber !== undefined);
  record.paragraphStart = true;
  record.itemNumber = itemNumber ?? null;
  // 0: still at the start of the line (only emoji/space seen), 1: inside a leading bold or italic run, 2: past it
  let leadState = 0;
  let lead = '';
  let after = '';
  let text = '';
  let emphasisDepth = 0;
  const flush = (): void => {
    record.text = text.trim();
    record.lead = leadState === 2 && lead.trim().length > 0 ? lead.trim() : null;
    record.afterLead = after.trim();
    visit(record);
  };
  for (const child of token.children ?? []) {
    switch (child.type) {
      case 'softbreak':
      case 'hardbreak':
        flush();
        record = blank('text', ++lineNo, quote, list, false);
        leadState = 0;
        lead = '';
        after = '';
        text = '';
        emphasisDepth = 0;
        break;
      case 'strong_open':
      case 'em_open':
        emphasisDepth++;
        if (leadState === 0) leadState = 1;
        break;
      case 'strong_close':
      case 'em_close':
        emphasisDepth--;
        if (leadState === 1 && emphasisDepth === 0) leadState = 2;
        break;
      case 'image':
        // what a reader sees is the picture: its alt text is not prose, but it ends an empty line start
        if (leadState === 0) leadState = 3;
        break;
      case 'text':
      case 'text_special':
      case 'code_inline': {
        const content = child.content;
        if (child.type === 'code_inline') {
          if (record.codeSpans === NONE) record.codeSpans = [];
          record.codeSpans.push(content);
        }
        text += content;
        if (leadState === 1) lead += content;
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

export interface Section {
  /** 0-based line of the section's first line in the document. */
  line: number;
  text: string;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const TOP_HEADING = /^#{1,6}(?:[ \t]|$)/;
/** HTML blocks of CommonMark types 1 to 5 run to an end marker, blank lines included. */
const HTML_BLOCKS: ReadonlyArray<readonly [start: RegExp, end: RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * Splits a document where markdown-it would start afresh anyway: at a heading in column 0 that follows a
 * blank line, outside fenced code and the HTML blocks that span blank lines. Parsing the sections one by one
 * gives the same blocks as parsing the whole, while each section's tokens are freed before the next is made,
 * which keeps a large document's cost linear in its size.
 */
export function splitSections(source: string): Section[] {
  const sections: Section[] = [];
  let start = 0;
  let startLine = 0;
  let fence: { char: string; length: number } | null = null;
  let htmlEnd: RegExp | null = null;
  let previousBlank = true;
  let line = 0;
  for (let at = 0; at <= source.length; line++) {
    let next = source.indexOf('\n', at);
    if (next === -1) next = source.length;
    const text = source.slice(at, next);
    if (fence) {
      const close = new RegExp(`^ {0,3}\\${fence.char}{${fence.length},}[ \\t]*$`);
      if (close.test(text)) fence = null;
    } else if (htmlEnd) {
      if (htmlEnd.test(text)) htmlEnd = null;
    } else {
      const open = FENCE_OPEN.exec(text);
      if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
        fence = { char: open[1]![0]!, length: open[1]!.length };
      } else {
        const html = HTML_BLOCKS.find(([begin]) => begin.test(text));
        if (html && !html[1].test(text.replace(html[0], ''))) htmlEnd = html[1];
        else if (!html && previousBlank && line > startLine && TOP_HEADING.test(text)) {
          sections.push({ line: startLine, text: source.slice(start, at) });
          start = at;
          startLine = line;
        }
      }
    }
    previousBlank = text.trim() === '';
    at = next + 1;
  }
  sections.push({ line: startLine, text: source.slice(start) });
  return sections;
}
