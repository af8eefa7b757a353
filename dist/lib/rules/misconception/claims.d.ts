/**
 * Finds claims in prose and tells whether the writer states them as true. A claim pattern is a regular
 * expression whose fragments may be joined by " ... ", a short gap inside one clause. A match counts as
 * stated unless a negation sits in its clause (gaps included), the sentence frames it as someone else's
 * belief or a mistake, or it stands inside quotation marks.
 */
/** How a matched claim stands in its sentence. */
export type Stance = 'stated' | 'negated' | 'framed' | 'quoted';
export interface ClaimMatch {
    /** Offset of the match in the searched text. */
    index: number;
    /** The matched words. */
    text: string;
    /** The whole sentence around the match, trimmed. */
    sentence: string;
    stance: Stance;
}
export interface Sentence {
    start: number;
    end: number;
}
/** Compiles a claim pattern ("fragment ... fragment"); each gap becomes a capture group. */
export declare function compileClaim(source: string, caseSensitive?: boolean): RegExp;
/** Compiles a sentence condition (case-insensitive). */
export declare function compileCondition(source: string): RegExp;
/** Splits text into sentences at ., ! or ? followed by white space (abbreviations such as "e.g." excepted). */
export declare function splitSentences(text: string): Sentence[];
/** Every match of `pattern` in `text`, each with its sentence and stance. */
export declare function findClaims(text: string, pattern: RegExp, sentences?: Sentence[]): ClaimMatch[];
/** Whether a match (its offsets `shift` characters after the start of `sentence`) is stated, negated, framed or quoted. */
export declare function stanceOf(sentence: string, match: RegExpExecArray, shift?: number): Stance;
