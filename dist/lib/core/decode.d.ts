/** Turns a playbook's bytes into text, or says in one line why they are not a Markdown document. */
import type { Unavailable } from './rule.js';
export type Decoded = {
    ok: true;
    text: string;
} | {
    ok: false;
    reason: string;
};
/** The bytes found at the playbook's path, or why there are none (no file there, or not a regular file). */
export type PlaybookRead = {
    kind: 'ok';
    bytes: Uint8Array;
} | {
    kind: 'missing';
} | {
    kind: 'unreadable';
    reason: string;
};
/** What the command-line tool, the hook and the Action accept: far beyond any real playbook. */
export declare const LIMITS: Readonly<{
    /** A 15-question playbook is about 50 KiB. */
    maxBytes: number;
    /** Headings at levels 2 to 4, counted before parsing. */
    maxHeadings: 10000;
}>;
/** Decodes UTF-8 text, refusing binary content (a NUL byte), invalid UTF-8 and documents past the limits. */
export declare function decodePlaybook(bytes: Uint8Array, limits?: {
    maxBytes: number;
    maxHeadings: number;
}): Decoded;
/** The text to lint from what was read: the decoded bytes, or no text and why the playbook is unavailable. */
export declare function playbookText(read: PlaybookRead): {
    text: string;
    unavailable?: Unavailable;
};
/** Why a playbook of `size` bytes is refused: "is 6 MiB, more than the 5 MiB a playbook may be". */
export declare function tooLargeReason(size: number, maxBytes?: number): string;
/**
 * Why a symbolic link at the playbook's path is refused, after the path: a link is not the playbook. Git
 * stores a link as the text of its target, and GitHub and the pull-request check read that, so the hook,
 * `check`, the Action and cohort mode all refuse one with this reason.
 */
export declare const LINK_REASON = "is a symbolic link; GitHub and the pull-request check read the link, not the file it points to: put the playbook file itself at that path";
/** Why a submodule (a gitlink) at the playbook's path is refused, after the path. */
export declare const SUBMODULE_REASON = "is a submodule, not a file: the playbook must be a Markdown file committed at that path";
/** "1.5 MiB", "300 KiB", "12 bytes". */
export declare function formatBytes(bytes: number): string;
