import type { Question } from './types.js';
/** Jaccard similarity from which an entry is a copy of an earlier one. */
export declare const COPY_SIMILARITY = 0.6;
/** Marks each question that repeats an earlier one (`copyOf`). */
export declare function markCopies(questions: readonly Question[]): void;
