/**
 * Reading an entry's gotcha items: the wrong answers listed under its gotcha label (list items, lines opened
 * by a mark such as ❌, list lines inside a `<details>` block), each split into the wrong claim and the
 * reason it is wrong.
 */
import type { LineRecord } from './markdown.js';
import { firstWordIndex } from './text.js';
import type { GotchaItem } from './types.js';

/** A mark that opens a wrong answer even without a gotcha label: "❌ …", "✗ …". */
const WRONG_ANSWER_MARK = /^\s*(?:❌|✗|✘|✖|🚫|⛔)/;

/** Whether a line opens with a wrong-answer mark ("❌ …", "✗ …"). */
export function opensWithWrongMark(text: string): boolean {
  return WRONG_ANSWER_MARK.test(text);
}

/** A gotcha item being read, with the text of its lines, joined when the entry ends. */
interface ItemDraft {
  item: GotchaItem;
  texts: string[];
}

/** Collects the wrong answers of one entry's gotcha part, line by line. */
export class GotchaItemReader {
  private readonly drafts: ItemDraft[] = [];
  /** List depth of the wrong answers, once the first is seen (0 before). */
  private itemListDepth = 0;
  /** The last wrong answer may still take continuation lines. */
  private lastItemContinues = false;
  /** List depth of the gotcha label (0 for a paragraph, heading or callout). */
  private labelListDepth = 0;

  /** `lines` are the document's source lines. */
  constructor(private readonly lines: readonly string[]) {}

  /** The gotcha label is a top-level list item ("- **Gotchas:**"): its sibling items may be labels again. */
  get labelIsListItem(): boolean {
    return this.labelListDepth === 1;
  }

  /** The gotcha label, at a list depth: the wrong answers follow it. */
  labelAt(listDepth: number): void {
    this.labelListDepth = listDepth;
    this.lastItemContinues = false;
  }

  /** The last wrong answer takes no more lines (a `</details>` closed it). */
  endItem(): void {
    this.lastItemContinues = false;
  }

  /** A line of the gotcha part: it starts a wrong answer, continues the last one, or ends it. */
  readLine(record: LineRecord): void {
    const startsItem =
      // under a list-item label ("- **Gotchas:**") the wrong answers may be nested or its siblings
      (record.list > 0 &&
        record.list >= this.labelListDepth &&
        record.itemStart &&
        (this.itemListDepth === 0 || record.list <= this.itemListDepth)) ||
      (record.list === 0 && opensWithWrongMark(record.text));
    if (startsItem) {
      if (record.list > 0 && this.itemListDepth === 0) this.itemListDepth = record.list;
      this.startItem(record.line, record.text);
      this.lastItemContinues = true;
      return;
    }
    // nested and wrapped lines continue the item; a paragraph of its own ends it
    if (this.lastItemContinues && (record.list > 0 || !this.startsParagraph(record))) this.continueItem(record.text, record.endLine);
    else this.lastItemContinues = false;
  }

  /** Wrong answers written as list lines inside the HTML block that holds their `<summary>`. */
  readHtmlList(record: LineRecord): void {
    const lines = record.text.split('\n');
    const start = lines.findIndex((line) => /<\/summary>/i.test(line));
    for (let i = start + 1; i < lines.length; i++) {
      const line = lines[i]!.replace(/<[^>]{0,200}>/g, '')
        .replace(/\*\*|~~|`/g, '')
        .trim();
      if (line.length === 0) continue;
      const marker = /^(?:[-*+]|\d{1,3}[.)])\s+/.exec(line);
      if (marker || opensWithWrongMark(line)) this.startItem(record.line + i, marker ? line.slice(marker[0].length) : line);
      else if (this.drafts.length > 0) this.continueItem(line, record.line + i);
    }
  }

  /** The wrong answers read, each split into its claim and reason. */
  finish(): GotchaItem[] {
    return this.drafts.map(({ item, texts }) => {
      item.text = texts.join(' ').trim();
      const { claim, reason } = splitGotcha(item.text);
      item.claim = claim;
      item.reason = reason;
      return item;
    });
  }

  private startItem(line: number, text: string): void {
    this.drafts.push({ item: { line, endLine: line, text: '', claim: '', reason: '' }, texts: [text] });
  }

  private continueItem(text: string, endLine: number): void {
    const last = this.drafts[this.drafts.length - 1]!;
    last.texts.push(text);
    last.item.endLine = endLine;
  }

  private startsParagraph(record: LineRecord): boolean {
    const previous = this.lines[record.line - 2];
    return previous === undefined || previous.trim() === '';
  }
}

const QUOTES: Record<string, string> = { '"': '"', '“': '”', '‘': '’', '«': '»', "'": "'", '„': '“' };
const SEPARATOR = /\s[—–]\s?|\s--?\s|\s?→\s|\s->\s|:\s|\.\s|\s\(|\bbecause\b/;
// "Wrong.", "Incorrect —", "No!", "Why wrong:" are verdicts, not reasons; "No quorum forms…" is a reason
const VERDICT =
  /^(?:(?:it'?s\s)?(?:(?:why (?:it'?s |it is |this is |that'?s |that is )?wrong|reality|actually|in fact|truth|wrong|incorrect|false|myth|mistake|bad)\b[\s.!:;,—–-]*|(?:no|nope|not true|not quite)(?:[.!:;,—–-]+\s*|\s*$)))+/i;

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
  body = rest
    .replace(/^[\s.,;:!?—–\-→>)]+/, '')
    .replace(VERDICT, '')
    .replace(/\)\s*$/, '')
    .trim();
  return { claim: claim.trim(), reason: body };
}
