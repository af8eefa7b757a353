import { type ClaimMatch, type Sentence } from './misconception/claims.js';
/** One wrong belief of the catalogue (`src/data/misconceptions.json`). */
export interface Misconception {
    id: string;
    /** A topic id of the lesson's map, or another area ("transactions", "partitioning"). */
    topic: string;
    /** The wrong belief, in one line. */
    belief: string;
    /** Claim patterns that state the belief ("fragment ... fragment"). */
    patterns: string[];
    /** Claim patterns that state the correct fact: a gotcha list must not call these wrong. */
    truths?: string[];
    /** The sentence must also match this, for patterns with words of several meanings ("CA"). */
    context?: string;
    /** A sentence that also matches this states the precise, correct version (checked for `patterns` only). */
    except?: string;
    /** Patterns match case-sensitively ("CA" but not "ca"). */
    caseSensitive?: boolean;
    /** What is true instead, in one line. */
    correction: string;
    /** Where the fact comes from: a file of the reference material, with its section. */
    reference: string;
}
/** A belief found in a piece of text, with where it starts. */
export interface BeliefMatch {
    entry: Misconception;
    match: ClaimMatch;
}
/** The catalogue of misconceptions, in file order. */
export declare function misconceptions(): readonly Misconception[];
/**
 * Every place `text` states a belief of the catalogue as true (`kind: 'patterns'`), or a correct fact the
 * catalogue knows (`kind: 'truths'`), in text order.
 */
export declare function statedBeliefs(text: string, kind?: 'patterns' | 'truths', sentences?: Sentence[]): BeliefMatch[];
export declare const misconception: import("..").Rule<"stated" | "correctGotcha", {}, "misconception">;
