/** Locates and reads a playbook from disk into text plus its repository-relative path. */
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { decodePlaybook, LIMITS, tooLargeReason } from '../core/decode.js';
import { InputError } from '../errors.js';
import { describeFsError } from './fs-errors.js';


export interface PlaybookFile {
  /** Absolute path on disk. */
  absolute: string;
  /** Path relative to the repository root (or the working directory outside a repository), with `/`. */
  repoPath: string;
  /** Path to show the user: relative to the working directory. */
  displayPath: string;
  text: string;
}

/** The nearest directory at or above `start` holding `.git` (a directory, or a file in worktrees), or null. */
export function findRepoRoot(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    try {
      statSync(join(dir, '.git'));
      return dir;
    } catch {
      const parent = dirname(dir);
      if (parent === dir) return null;
      dir = parent;
    }
  }
}

/** Why a link at the playbook's path is refused, after the path: the same meaning in check, the hook, the Action and cohort mode. */
export const LINKED_REASON =
  'is a symbolic link (or inside a linked folder); GitHub and the pull-request check read the link, not the file it points to: put the playbook file itself at that path';

/** True when `path` (from the repository root) is a symbolic link, or reached through one. */
export function isLinked(root: string, path: string): boolean {
  const file = join(root, path);
  try {
    if (lstatSync(file).isSymbolicLink()) return true;
    return realpathSync(file) !== join(realpathSync(root), path);
  } catch {
    return false;
  }
}

/** A platform path with `/` separators, as git and the configuration write paths. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Reads the playbook at `path` (relative to `cwd`), refusing directories, binaries and invalid UTF-8. */
export function readPlaybookFile(path: string, cwd: string): PlaybookFile {
  const absolute = isAbsolute(path) ? path : resolve(cwd, path);
  const displayPath = toPosix(relative(cwd, absolute)) || path;
  let bytes: Buffer;
  try {
    const stats = statSync(absolute);
    if (stats.isDirectory()) throw new InputError(`${displayPath} is a directory; pass the playbook's file path`);
    if (stats.size > LIMITS.maxBytes) {
      throw new InputError(`${displayPath} ${tooLargeReason(stats.size)}`);
    }
    bytes = readFileSync(absolute);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${displayPath}: ${describeFsError(error)}`, { cause: error });
  }
  const decoded = decodePlaybook(bytes);
  if (!decoded.ok) throw new InputError(`${displayPath} ${decoded.reason}`);
  const root = findRepoRoot(dirname(absolute));
  const repoPath = toPosix(relative(root ?? cwd, absolute));
  return { absolute, repoPath, displayPath, text: decoded.text };
}
