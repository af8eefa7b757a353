/** Turns a playbook's bytes into text, or says in one line why they are not a Markdown document. */
import type { Unavailable } from './rule.js';

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

/** The bytes found at the playbook's path, or why there are none (no file there, or not a regular file). */
export type PlaybookRead = { kind: 'ok'; bytes: Uint8Array } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** What the command-line tool, the hook and the Action accept: far beyond any real playbook. */
export const LIMITS = Object.freeze({
  /** A 15-question playbook is about 50 KiB. */
  maxBytes: 5 * 1024 * 1024,
  /** Headings at levels 2 to 4, counted before parsing. */
  maxHeadings: 10_000,
});

/** Decodes UTF-8 text, refusing binary content (a NUL byte), invalid UTF-8 and documents past the limits. */
export function decodePlaybook(bytes: Uint8Array, limits: { maxBytes: number; maxHeadings: number } = LIMITS): Decoded {
  const maxBytes = limits.maxBytes;
  if (bytes.byteLength > maxBytes) return { ok: false, reason: tooLargeReason(bytes.byteLength, maxBytes) };
  if (bytes.indexOf(0) !== -1) return { ok: false, reason: 'is a binary file (it contains NUL bytes), not Markdown text' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: `is not valid UTF-8 (first bad byte at line ${firstBadLine(bytes)}); save it as UTF-8 text` };
  }
  const headings = countHeadings(text, limits.maxHeadings);
  if (headings > limits.maxHeadings) {
    return {
      ok: false,
      reason: `has more than ${limits.maxHeadings.toLocaleString('en-US')} headings; a playbook has about 20 (the lesson asks for 15 questions)`,
    };
  }
  return { ok: true, text };
}

/** The text to lint from what was read: the decoded bytes, or no text and why the playbook is unavailable. */
export function playbookText(read: PlaybookRead): { text: string; unavailable?: Unavailable } {
  if (read.kind === 'missing') return { text: '', unavailable: { kind: 'missing', reason: 'not found' } };
  if (read.kind === 'unreadable') return { text: '', unavailable: { kind: 'unreadable', reason: read.reason } };
  const decoded = decodePlaybook(read.bytes);
  return decoded.ok ? { text: decoded.text } : { text: '', unavailable: { kind: 'unreadable', reason: decoded.reason } };
}

/** Counts ATX headings of levels 2 to 4, stopping once past `stop`. */
function countHeadings(text: string, stop: number): number {
  const heading = /^ {0,3}#{2,4}[ \t]/gm;
  let count = 0;
  while (heading.exec(text) !== null) if (++count > stop) break;
  return count;
}

/** 1-based line of the first byte sequence that is not valid UTF-8. */
function firstBadLine(bytes: Uint8Array): number {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return line;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return line;
    i += length;
  }
  return line;
}

/** Why a playbook of `size` bytes is refused: "is 6 MiB, more than the 5 MiB a playbook may be". */
export function tooLargeReason(size: number, maxBytes: number = LIMITS.maxBytes): string {
  return `is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} a playbook may be`;
}

/**
 * Why a symbolic link at the playbook's path is refused, after the path: a link is not the playbook. Git
 * stores a link as the text of its target, and GitHub and the pull-request check read that, so the hook,
 * `check`, the Action and cohort mode all refuse one with this reason.
 */
export const LINK_REASON =
  'is a symbolic link; GitHub and the pull-request check read the link, not the file it points to: put the playbook file itself at that path';

/** Why a submodule (a gitlink) at the playbook's path is refused, after the path. */
export const SUBMODULE_REASON = 'is a submodule, not a file: the playbook must be a Markdown file committed at that path';

/** "1.5 MiB", "300 KiB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
