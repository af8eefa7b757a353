/**
 * `playbook-proof hook`: what the pre-commit hook runs. It judges the playbook as the commit will hold it: the
 * blob in the index git is building (GIT_INDEX_FILE, so `commit -a`, `commit PATH`, `-i` and `--amend` are
 * judged on what they commit). It only reads, never touches the working tree or the index, and exits 1 to
 * block a failing commit.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LINK_REASON, SUBMODULE_REASON, type Decoded } from '../core/decode.js';
import type { Finding } from '../core/lint.js';
import { ExitError, InputError, UsageError } from '../errors.js';
import { findRepoRoot, toPosix } from '../node/playbook-file.js';
import { stripControls } from '../report/sanitize.js';
import { readConfig, useColor, type CliIo } from './shared.js';

export interface HookOptions {
  config?: string;
  /** Paths a runner such as lint-staged passes: the staged files matching the playbook's pattern. */
  files: string[];
  /** List every finding instead of the first few per criterion. */
  all: boolean;
}

/** Runs the pre-commit check; returns 0 to let the commit through, 1 to block it. */
export async function hook(options: HookOptions, io: CliIo): Promise<number> {
  const root = findRepoRoot(io.cwd);
  if (root === null) throw new UsageError('hook must run inside a git repository');
  const config = await readConfig(options.config, io.cwd, root);
  const path = config.path;
  const shown = shownPath(root, path, io);

  // called with files that do not include the playbook: nothing to check
  const passed = options.files.map((file) => toPosix(relative(root, resolve(io.cwd, file))));
  if (options.files.length > 0 && !passed.includes(path)) return 0;

  const reading = await startReading(root, path, shown, options.files.length > 0);
  if (reading === 'unchanged') return 0;
  // load the parser while git works in its own process
  const core = await import('./core-chunk.js');
  const bytes = await reading.bytes;
  if (bytes === null) {
    io.stderr.write(
      `playbook-proof: warning: this commit removes ${shown} (deleted or renamed away). ` +
        `The commit goes through, but the pull-request check fails until the playbook is back at that path.\n`,
    );
    return 0;
  }
  const decoded = core.decodePlaybook(bytes);
  if (!decoded.ok) throw new InputError(`the staged ${shown} ${decoded.reason}`);
  const passes = (text: string) => core.lint(text, { path, config });
  const result = passes(decoded.text);
  if (result.passed) {
    io.stdout.write(`✔ playbook-proof: ${shown} passes ${result.score.passed}/${result.score.total} criteria.\n`);
    return 0;
  }
  const workingCopyPasses = workingCopyDiffersAndPasses(join(root, path), bytes, (text) => passes(text).passed, core.decodePlaybook);
  io.stdout.write(
    core.formatTerminal(result, {
      color: useColor(io),
      displayPath: shown,
      all: options.all,
      moreHint: 'npx playbook-proof hook --all lists every one',
      nextStep: 'then stage the fix and commit again.',
    }),
  );
  io.stdout.write(blockedAdvice(shown, core.firstError(result), workingCopyPasses));
  return 1;
}

/**
 * Starts reading the blob the commit holds at `path`: `unchanged` when the commit leaves the path alone, else
 * its bytes to come (null when the commit deletes it), wrapped so the caller can work while git reads. Throws
 * when the path holds a conflict, a link, a submodule or a folder. With `listed`, a runner already said the
 * path is staged: no need to ask git.
 */
async function startReading(root: string, path: string, shown: string, listed: boolean): Promise<'unchanged' | { bytes: Promise<Buffer | null> }> {
  const git = await import('../node/git.js');
  const client = git.gitClient(root);
  if (listed) return { bytes: awaitedLater(git.readStagedBlob(client, path)) };
  const entry = await git.stagedEntry(client, path);
  switch (entry.status) {
    case 'unchanged':
      return 'unchanged';
    case 'unmerged':
      throw git.unmergedError(shown);
    case 'deleted':
      return { bytes: Promise.resolve(null) };
    case 'staged':
      if (entry.kind !== 'file') throw new ExitError(notAFile(shown, entry.kind), 1);
      return { bytes: awaitedLater(git.readBlob(client, entry.blob, shown)) };
  }
}

/** `promise`, marked as handled: it is awaited only after other work, and a failure must not count as unhandled meanwhile. */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** What a blocked commit ends with: the one thing to do next, as a command that works from where git commit ran. */
function blockedAdvice(shown: string, first: Finding | undefined, workingCopyPasses: boolean): string {
  const add = `git add ${quote(shown)} && git commit`;
  const target = first?.question != null ? `Q${first.question} at ${shown}:${first.line}` : `${shown}:${first?.line ?? 1}`;
  return (
    `\nThis commit is blocked. (git commit --no-verify skips this hook, but the pull-request check fails all the same.)\n` +
    (workingCopyPasses
      ? `Your working copy of ${shown} passes, but the commit holds the staged copy, which differs from it.\nNext: stage your working copy: ${add}\n`
      : `Next: fix ${target}, then run: ${add}\n`)
  );
}

/** The path as the learner should type it: relative to where they ran `git commit` (GIT_PREFIX), else to the working directory. */
function shownPath(root: string, path: string, io: CliIo): string {
  const from = io.env.GIT_PREFIX !== undefined ? join(root, io.env.GIT_PREFIX) : io.cwd;
  return stripControls(toPosix(relative(from, join(root, path))) || path);
}

function notAFile(shown: string, kind: 'symlink' | 'submodule' | 'directory'): string {
  switch (kind) {
    case 'symlink':
      return `${shown} ${LINK_REASON}, then git add it`;
    case 'submodule':
      return `${shown} ${SUBMODULE_REASON}`;
    case 'directory':
      return `${shown} is a folder with files staged inside it, not a file: the playbook must be a Markdown file at that path`;
  }
}

/** True when the working tree holds a regular file at `file` that differs from the staged bytes and passes. */
function workingCopyDiffersAndPasses(
  file: string,
  staged: Buffer,
  passes: (text: string) => boolean,
  decode: (bytes: Uint8Array) => Decoded,
): boolean {
  let bytes: Buffer;
  try {
    if (!lstatSync(file).isFile()) return false;
    bytes = readFileSync(file);
  } catch {
    return false;
  }
  if (bytes.equals(staged)) return false;
  const decoded = decode(bytes);
  return decoded.ok && passes(decoded.text);
}

function quote(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
