/**
 * Finds entries that repeat an earlier entry's text: one answer pasted under several headings is one
 * question, not several. Entries are compared by their word 4-grams (shingles): two entries whose shingle
 * sets overlap by at least COPY_SIMILARITY (Jaccard) are the same text, lightly edited at most.
 */
import { isWordCode } from './text.js';
import type { Question } from './types.js';

/** Jaccard similarity from which an entry is a copy of an earlier one. */
export const COPY_SIMILARITY = 0.6;
/** Entries shorter than this many shingles are too small to call copies (a stub is its own finding). */
const MIN_SHINGLES = 8;
/** A shingle shared by more entries than this is boilerplate, not evidence of copying; its list stops growing. */
const MAX_POSTINGS = 8;
const SHINGLE = 4;
/** Sketch size, and how many sketch values two entries must share to be compared in full. */
const SKETCH = 32;
const MIN_SKETCH_SHARED = 4;
/** Words read from each entry: a copy shows in its first few hundred words, and the cost stays bounded. */
const MAX_WORDS = 240;

/** Marks each question that repeats an earlier one (`copyOf`). */
export function markCopies(questions: readonly Question[]): void {
  // candidates come from a bottom-k sketch (the SKETCH smallest shingle hashes of each entry): entries that
  // share a few sketch values are compared in full; the rest cannot be near-duplicates
  const postings = new Map<number, number[]>();
  const words: Array<number[] | null> = [];
  const full = new Map<number, Uint32Array>();
  const shinglesOf = (index: number): Uint32Array => {
    let set = full.get(index);
    if (set === undefined) full.set(index, (set = shingles(words[index]!)));
    return set;
  };
  for (let index = 0; index < questions.length; index++) {
    const question = questions[index]!;
    const hashes = wordHashes(question);
    if (hashes.length - SHINGLE + 1 < MIN_SHINGLES) {
      words.push(null);
      continue;
    }
    words.push(hashes);
    const sketch = bottomSketch(hashes);
    const shared = new Map<number, number>();
    for (const value of sketch) {
      const list = postings.get(value);
      if (list !== undefined) for (const other of list) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    let best: { index: number; similarity: number } | null = null;
    for (const [other, count] of shared) {
      if (count < MIN_SKETCH_SHARED) continue;
      const similarity = jaccard(shinglesOf(index), shinglesOf(other));
      if (similarity >= COPY_SIMILARITY && (best === null || similarity > best.similarity)) best = { index: other, similarity };
    }
    if (best !== null) {
      // copies are not indexed, so a copy of a copy points at the original
      const original = questions[best.index]!;
      question.copyOf = { number: original.number, line: original.line, similarity: Math.round(best.similarity * 100) / 100 };
      continue;
    }
    for (const value of sketch) {
      const list = postings.get(value);
      if (list === undefined) postings.set(value, [index]);
      else if (list.length < MAX_POSTINGS) list.push(index);
    }
  }
}

/** Jaccard similarity of two sorted arrays of distinct values. */
function jaccard(a: Uint32Array, b: Uint32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The words an entry says and lists (every part and every gotcha item, title aside), each hashed with
 * FNV-1a, case-folded, while the text is scanned: no word string is made.
 */
function wordHashes(question: Question): number[] {
  const out: number[] = [];
  const scan = (text: string): void => {
    let hash = FNV_OFFSET;
    let inWord = false;
    for (let i = 0; i <= text.length && out.length < MAX_WORDS; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 32;
      if (isWordCode(c)) {
        hash = Math.imul(hash ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
        inWord = true;
      } else if (inWord) {
        out.push(hash >>> 0);
        hash = FNV_OFFSET;
        inWord = false;
      }
    }
  };
  for (const part of question.parts) scan(part.text);
  for (const item of question.gotchaItems) scan(item.text);
  return out;
}

/** The hash of the 4-gram starting at word `i`. */
function shingleAt(words: readonly number[], i: number): number {
  let h = words[i]!;
  for (let k = 1; k < SHINGLE; k++) h = Math.imul(h ^ words[i + k]!, FNV_PRIME);
  return h >>> 0;
}

/** The SKETCH smallest distinct shingle hashes, in one pass with a small sorted buffer. */
function bottomSketch(words: readonly number[]): number[] {
  const sketch: number[] = [];
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const h = shingleAt(words, i);
    if (sketch.length === SKETCH && h >= sketch[SKETCH - 1]!) continue;
    let at = sketch.length;
    while (at > 0 && sketch[at - 1]! > h) at--;
    if (at > 0 && sketch[at - 1] === h) continue;
    sketch.splice(at, 0, h);
    if (sketch.length > SKETCH) sketch.pop();
  }
  return sketch;
}

/** Every shingle hash of an entry, sorted and distinct, for the exact comparison of two candidates. */
function shingles(words: readonly number[]): Uint32Array {
  const out = new Uint32Array(Math.max(0, words.length - SHINGLE + 1));
  for (let i = 0; i < out.length; i++) out[i] = shingleAt(words, i);
  out.sort();
  let unique = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[unique++] = out[i]!;
  return out.subarray(0, unique);
}
