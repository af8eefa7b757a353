/** Which lines of a pull request's file can carry a review comment, from the `patch` GitHub lists it with. */
import { parsePatch } from 'diff';

/**
 * The new file's line numbers inside the patch's hunks: added and unchanged context lines, the right side
 * of the diff, where GitHub accepts a review comment with `side: RIGHT`. Deleted lines are left side only.
 */
export function rightSideLines(patch: string): Set<number> {
  const lines = new Set<number>();
  // GitHub's patch is bare hunks; jsdiff reads them without file headers
  for (const file of parsePatch(patch)) {
    for (const hunk of file.hunks) {
      let line = hunk.newStart;
      for (const text of hunk.lines) {
        if (text.startsWith('+') || text.startsWith(' ')) lines.add(line++);
        // '-' is the old side only; '\ No newline at end of file' is no line at all
      }
    }
  }
  return lines;
}
