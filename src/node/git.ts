/** The only module that talks to git: through simple-git, one small function per question asked. */
import { resolve } from 'node:path';
import { GitError, simpleGit, type SimpleGit } from 'simple-git';
import { ExitError } from '../errors.js';

export type StagedStatus = 'staged' | 'deleted' | 'unmerged' | 'unchanged';

/** A simple-git client rooted at the repository. */
export function gitClient(root: string): SimpleGit {
  return simpleGit({ baseDir: root, maxConcurrentProcesses: 2 });
}

/**
 * How the commit being made changes `path` in the index: renames count as a deletion of the old path
 * and an addition of the new one, so renaming the playbook away reads as `deleted`.
 */
export async function stagedStatus(git: SimpleGit, path: string): Promise<StagedStatus> {
  const out = await git.raw(['diff', '--cached', '--name-status', '--no-renames', '-z', '--', path]);
  const letter = out.split('\0')[0]?.[0];
  switch (letter) {
    case undefined:
    case '':
      return 'unchanged';
    case 'D':
      return 'deleted';
    case 'U':
      return 'unmerged';
    default:
      return 'staged';
  }
}

/**
 * The playbook as it will be committed: the index blob at `path` (stage 0), as bytes; null when the
 * index holds no such path (the commit deletes it).
 */
export async function readStagedBlob(git: SimpleGit, path: string): Promise<Buffer | null> {
  try {
    return await git.showBuffer([`:${path}`]);
  } catch (error) {
    if (error instanceof GitError && /does not exist|not in the index|exists on disk, but not in/.test(error.message)) return null;
    if (error instanceof GitError && /is in the index, but not at stage 0/.test(error.message)) {
      throw unmergedError(path, error);
    }
    throw new ExitError(`git could not read the staged ${path}: ${error instanceof Error ? error.message.trim().split('\n')[0] : String(error)}`, 2, { cause: error });
  }
}

/** The one message for a playbook the index holds in conflict: exit 1, the commit is blocked. */
export function unmergedError(path: string, cause?: unknown): ExitError {
  return new ExitError(`${path} has unresolved merge conflicts; resolve them and git add it first`, 1, { cause });
}

/** The effective `core.hooksPath` (local, global or system), or null when git uses its own hooks folder. */
export async function hooksPath(git: SimpleGit): Promise<string | null> {
  try {
    return (await git.getConfig('core.hooksPath')).value;
  } catch (error) {
    throw new ExitError(`git could not read core.hooksPath: ${firstLine(error)}`, 2, { cause: error });
  }
}

/** The absolute path of the folder git runs hooks from when `core.hooksPath` is unset (shared by worktrees). */
export async function defaultHooksDir(git: SimpleGit, root: string): Promise<string> {
  try {
    return resolve(root, (await git.raw(['rev-parse', '--git-common-dir'])).trim(), 'hooks');
  } catch (error) {
    throw new ExitError(`git could not find the repository's hooks folder: ${firstLine(error)}`, 2, { cause: error });
  }
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.trim().split('\n')[0] ?? '') : String(error);
}
