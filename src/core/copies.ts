/**
 * Finds entries that repeat an earlier entry's text: one answer pasted under several headings is one
 * question, not several. Entries are compared by their word 4-grams (shingles): two entries whose shingle
 * sets overlap by at least COPY_SIMILARITY (Jaccard) are the same text, lightly edited at most.
 */
import type { Question } from './types.js';

/** Jaccard similarity from which an entry is a copy of an earlier one. */
export const COPY_SIMILARITY = 0.6;
/** Entries shorter than this many shingles are too small to call copies (a stub is its own finding). */
const MIN_SHINGLES = 8;
/** A shingle shared by more entries than this is boilerplate, not evidence of copying; its list stops growing. */
const MAX_POSTINGS = 8;
const SHINGLE = 4;
const WORD_BREAK = /[\s.,;:!?()[\]{}<>"'“”‘’`*_|/\\—–-]+/;

/** Marks each question that repeats an earlier one (`copyOf`). */
export function markCopies(questions: readonly Question[]): void {
  const postings = new Map<string, number[]>();
  const sizes: number[] = [];
  for (let index = 0; index < questions.length; index++) {
    const question = questions[index]!;
    const shingles = shingleSet(entryText(question));
    sizes.push(shingles.size);
    if (shingles.size >= MIN_SHINGLES) {
      const shared = new Map<number, number>();
      for (const shingle of shingles) {
        for (const other of postings.get(shingle) ?? []) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
      let best: { index: number; similarity: number } | null = null;
      for (const [other, count] of shared) {
        const similarity = count / (shingles.size + sizes[other]! - count);
        if (similarity >= COPY_SIMILARITY && (best === null || similarity > best.similarity)) best = { index: other, similarity };
      }
      if (best !== null) {
        // copies are not indexed, so a copy of a copy points at the original
        const original = questions[best.index]!;
        question.copyOf = { number: original.number, line: original.line, similarity: Math.round(best.similarity * 100) / 100 };
        continue;
      }
    }
    for (const shingle of shingles) {
      const list = postings.get(shingle);
      if (list === undefined) postings.set(shingle, [index]);
      else if (list.length < MAX_POSTINGS) list.push(index);
    }
  }
}

/** The text an entry says and lists: every part and every gotcha item, title aside. */
function entryText(question: Question): string {
  let text = '';
  for (const part of question.parts) text += ` ${part.text}`;
  for (const item of question.gotchaItems) text += ` ${item.text}`;
  return text;
}

function shingleSet(text: string): Set<string> {
  const words = text.toLowerCase().split(WORD_BREAK).filter((word) => word.length > 0);
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) set.add(words.slice(i, i + SHINGLE).join(' '));
  return set;
}
