/**
 * Makes text a learner wrote inert inside GitHub Markdown: no HTML, no links or images, no @mentions or
 * #references that ping or link, no autolinked URLs, one line, and a bounded length.
 */

import { stripControls } from './sanitize.js';

const ZWSP = '\u200B';
// mid-line, only these can start markup: emphasis, code, links and images (via [ ]), tables, strikethrough
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~]/g;

/** Escapes learner text for a GitHub comment or job summary, truncated to `max` characters first. */
export function inert(text: string, max = 120): string {
  let line = stripControls(text)
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  if (line.length > max) line = `${line.slice(0, max - 1).trimEnd()}…`;
  return (
    line
      // HTML: & first, so the entities below stay entities
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // Markdown syntax, so `[x](javascript:…)`, `![](…)`, `**`, `` ` `` and tables do nothing
      .replace(MARKDOWN_PUNCTUATION, (ch) => `\\${ch}`)
      // mentions and team mentions (@org/team), issue and PR references, autolinked URLs and domains
      .replace(/@/g, `@${ZWSP}`)
      .replace(/#/g, `#${ZWSP}`)
      .replace(/:\/\//g, `:${ZWSP}//`)
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`)
  );
}

/** Cuts `text` so it fits `limit` characters of UTF-16, never splitting a surrogate pair. */
export function fit(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end);
}

/** A Markdown code span of `text` (backslashes are literal there): backticks and line breaks removed. */
export function codeSpan(text: string, max = 200): string {
  const line = text.replace(/[`\r\n]+/g, ' ').trim();
  return `\`${line.length > max ? `${line.slice(0, max - 1)}…` : line}\``;
}
