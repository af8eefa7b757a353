/** Reading one gotcha item: the wrong claim and the reason it is wrong. */
import { firstWordIndex } from './text.js';

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
