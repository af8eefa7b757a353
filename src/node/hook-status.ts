/** Whether the pre-commit hook init sets up is turned on in this checkout: file checks only, no git. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A note when the repository's husky hook runs playbook-proof but husky's hooks folder is missing here: git
 * then runs no hook at all, without a word. It happens in a fresh clone or a new `git worktree` until
 * `npm install` runs there (husky's folder `.husky/_` is generated per checkout and never committed).
 */
export function inactiveHookNote(root: string): string | null {
  let script: string;
  try {
    script = readFileSync(join(root, '.husky', 'pre-commit'), 'utf8');
  } catch {
    return null;
  }
  if (!/playbook-proof/.test(script) || existsSync(join(root, '.husky', '_', 'pre-commit'))) return null;
  return 'the pre-commit hook is not turned on in this checkout (a fresh clone or git worktree has no .husky/_ until npm install runs in it): run npm install here';
}
