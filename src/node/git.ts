/** The only module that talks to git: through simple-git, one small function per question asked. */
import { resolve } from 'node:path';
import { GitError, simpleGit, type SimpleGit } from 'simple-git';
import { GitCommandError, UnmergedError } from '../errors.js';

/**
 * What the commit being made does to the playbook's path, read from the index git is building:
 * - `unchanged`: the commit leaves it as it is in HEAD;
 * - `deleted`: the commit removes it (renames count as a deletion and an addition);
 * - `unmerged`: it is in conflict;
 * - `staged`: the commit adds or changes something there, of the given kind: a regular `file` (with its
 *   blob), a `symlink`, a `submodule`, or files below it (a `directory`).
 */
export type StagedEntry =
  | { status: 'unchanged' }
  | { status: 'deleted' }
  | { status: 'unmerged' }
  | { status: 'staged'; kind: 'file'; blob: string }
  | { status: 'staged'; kind: 'symlink' | 'submodule' | 'directory' };

/**
 * The variables git hands a hook to say which index and repository it is working on. simple-git drops every
 * `GIT_*` variable unless told to keep it; without GIT_INDEX_FILE, `git commit -a`, `git commit PATH` and
 * `git commit -i PATH` would be judged on the index as it was before the commit started.
 */
const HOOK_ENVIRONMENT = ['GIT_INDEX_FILE', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES'];

/** A simple-git client rooted at the repository that reads the index git is building (GIT_INDEX_FILE). */
export function gitClient(root: string): SimpleGit {
  return simpleGit({ baseDir: root, maxConcurrentProcesses: 2, allowEnvironment: HOOK_ENVIRONMENT });
}

/** How the commit being made changes `path`: one `git diff --cached --raw` against HEAD (or nothing, before the first commit). */
export async function stagedEntry(git: SimpleGit, path: string): Promise<StagedEntry> {
  let out: string;
  try {
    out = await git.raw(['diff', '--cached', '--raw', '-z', '--no-renames', '--no-abbrev', '--', path]);
  } catch (error) {
    throw new GitCommandError(`git could not list the staged changes to ${path}: ${firstLine(error)}`, { cause: error });
  }
  const fields = out.split('\0');
  let own: { mode: string; blob: string; status: string } | undefined;
  let below = false;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    // ":<old mode> <new mode> <old sha> <new sha> <status>" then the path
    const [, mode = '', , blob = '', status = ''] = fields[i]!.split(' ');
    if (fields[i + 1] === path) own = { mode, blob, status };
    // a path below the playbook's: something is committed inside a folder of that name
    else if (status !== 'D') below = true;
  }
  if (below) return { status: 'staged', kind: 'directory' };
  if (own === undefined) return { status: 'unchanged' };
  if (own.status === 'U') return { status: 'unmerged' };
  if (own.status === 'D') return { status: 'deleted' };
  if (own.mode === '120000') return { status: 'staged', kind: 'symlink' };
  if (own.mode === '160000') return { status: 'staged', kind: 'submodule' };
  return { status: 'staged', kind: 'file', blob: own.blob };
}

/** The bytes of the blob `sha` (`git cat-file blob`: exactly what is committed, no filters). */
export async function readBlob(git: SimpleGit, sha: string, path: string): Promise<Buffer> {
  try {
    return await git.binaryCatFile(['blob', sha]);
  } catch (error) {
    throw new GitCommandError(`git could not read the staged ${path}: ${firstLine(error)}`, { cause: error });
  }
}

/**
 * The playbook as it will be committed: the index blob at `path` (stage 0), as bytes; null when the
 * index holds no such path (the commit deletes it).
 */
export async function readStagedBlob(git: SimpleGit, path: string): Promise<Buffer | null> {
  try {
    return await git.binaryCatFile(['blob', `:${path}`]);
  } catch (error) {
    if (error instanceof GitError && /does not exist|not in the index|exists on disk, but not in|Not a valid object name/.test(error.message))
      return null;
    if (error instanceof GitError && /is in the index, but not at stage 0/.test(error.message)) {
      throw unmergedError(path, error);
    }
    throw new GitCommandError(`git could not read the staged ${path}: ${firstLine(error)}`, { cause: error });
  }
}

/** The one message for a playbook the index holds in conflict: the commit is blocked. */
export function unmergedError(path: string, cause?: unknown): UnmergedError {
  return new UnmergedError(`${path} has unresolved merge conflicts; resolve them and git add it first`, { cause });
}

/** The effective `core.hooksPath` (local, global or system), or null when git uses its own hooks folder. */
export async function hooksPath(git: SimpleGit): Promise<string | null> {
  try {
    return (await git.getConfig('core.hooksPath')).value;
  } catch (error) {
    throw new GitCommandError(`git could not read core.hooksPath: ${firstLine(error)}`, { cause: error });
  }
}

/** The absolute path of the folder git runs hooks from when `core.hooksPath` is unset (shared by worktrees). */
export async function defaultHooksDir(git: SimpleGit, root: string): Promise<string> {
  try {
    return resolve(root, (await git.raw(['rev-parse', '--git-common-dir'])).trim(), 'hooks');
  } catch (error) {
    throw new GitCommandError(`git could not find the repository's hooks folder: ${firstLine(error)}`, { cause: error });
  }
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.trim().split('\n')[0] ?? '') : String(error);
}
