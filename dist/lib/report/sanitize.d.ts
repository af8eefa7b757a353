/**
 * Removes what a learner could hide in text to act on the reader's screen or mislead them: C0 and C1 control
 * characters (ESC starts terminal sequences such as OSC 52, which writes the clipboard) and the bidirectional
 * overrides and isolates (U+202A–202E, U+2066–2069) that reorder what is displayed. Every learner string that
 * reaches a terminal, a comment, an annotation, a job summary or an HTML report passes through here.
 */
/** Learner text with control characters and bidi overrides removed; tabs and line feeds are kept. */
export declare function stripControls(text: string): string;
