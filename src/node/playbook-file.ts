/** Locates and reads a playbook from disk into text plus its repository-relative path. */
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { decodePlaybook, LIMITS, LINK_REASON, tooLargeReason } from '../core/decode.js';
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

/**
 * Why `path` (from the repository root) cannot be the playbook because of a symbolic link, after the path;
 * null when neither it nor a folder on the way to it is a link.
 */
export function linkedReason(root: string, path: string): string | null {
  const file = join(root, path);
  try {
    if (lstatSync(file).isSymbolicLink()) return LINK_REASON;
    if (realpathSync(file) === join(realpathSync(root), path)) return null;
  } catch {
    return null;
  }
  return 'is inside a folder that is a symbolic link, which GitHub and the pull-request check do not follow: put the playbook file itself at that path';
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
