/** Turns a playbook's bytes into text, or says in one line why they are not a Markdown document. */
export type Decoded = {
    ok: true;
    text: string;
} | {
    ok: false;
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
/** Why a playbook of `size` bytes is refused: "is 6 MiB, more than the 5 MiB a playbook may be". */
export declare function tooLargeReason(size: number, maxBytes?: number): string;
/** "1.5 MiB", "300 KiB", "12 bytes". */
export declare function formatBytes(bytes: number): string;
