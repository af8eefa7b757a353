/** Reading YAML front matter: where it stands, and the body with the front matter blanked out. */
import type { FrontMatter } from './types.js';

/** Finds YAML front matter and blanks it out, keeping every line in place. */
export function splitFrontMatter(source: string): { frontMatter: FrontMatter | null; body: string } {
  if (!/^---[ \t]*\n/.test(source)) return { frontMatter: null, body: source };
  const close = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/g;
  close.lastIndex = 3;
  const match = close.exec(source);
  if (!match) return { frontMatter: null, body: source };
  const end = match.index + match[0].length;
  const block = source.slice(0, end);
  const lineBreaks = block.endsWith('\n') ? countNewlines(block) : countNewlines(block) + 1;
  const raw = source.slice(source.indexOf('\n') + 1, match.index + 1);
  return {
    frontMatter: { line: 1, endLine: lineBreaks, raw },
    body: '\n'.repeat(block.endsWith('\n') ? lineBreaks : lineBreaks - 1) + source.slice(end),
  };
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
