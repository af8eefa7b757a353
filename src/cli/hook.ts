/**
 * `playbook-proof hook`: what the pre-commit hook runs. It judges the playbook as the commit will hold it: the
 * blob in the index git is building (GIT_INDEX_FILE, so `commit -a`, `commit PATH`, `-i` and `--amend` are
 * judged on what they commit). It only reads, never touches the working tree or the index, and exits 1 to
 * block a failing commit.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LINK_REASON, SUBMODULE_REASON, type Decoded } from '../core/decode.js';
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

  const git = await import('../node/git.js');
  const client = git.gitClient(root);
  let blob: Promise<Buffer | null>;
  if (options.files.length > 0) {
    // called with the playbook among its files, the playbook is staged: read the index blob straight away
    blob = git.readStagedBlob(client, path);
  } else {
    // called bare, as the installed hook is: ask git what the commit does to the path first
    const entry = await git.stagedEntry(client, path);
    if (entry.status === 'unchanged') return 0;
    if (entry.status === 'unmerged') throw git.unmergedError(shown);
    if (entry.status === 'staged' && entry.kind !== 'file') throw new ExitError(notAFile(shown, entry.kind), 1);
    blob = entry.status === 'deleted' ? Promise.resolve(null) : git.readBlob(client, entry.blob, shown);
  }
  // load the parser while git works in its own process
  const core = await import('./core-chunk.js');
  const bytes = await blob;
  if (bytes === null) {
    io.stderr.write(
      `playbook-proof: warning: this commit removes ${shown} (deleted or renamed away). ` +
        `The commit goes through, but the pull-request check fails until the playbook is back at that path.\n`,
    );
    return 0;
  }
  const { decodePlaybook, firstError, formatTerminal, lint } = core;
  const decoded = decodePlaybook(bytes);
  if (!decoded.ok) throw new InputError(`the staged ${shown} ${decoded.reason}`);
  const result = lint(decoded.text, { path, config });
  if (result.passed) {
    io.stdout.write(`✔ playbook-proof: ${shown} passes ${result.score.passed}/${result.score.total} criteria.\n`);
    return 0;
  }

  const workingCopyPasses = workingCopyDiffersAndPasses(join(root, path), bytes, (text) => lint(text, { path, config }).passed, decodePlaybook);
  io.stdout.write(
    formatTerminal(result, {
      color: useColor(io),
      displayPath: shown,
      all: options.all,
      moreHint: 'npx playbook-proof hook --all lists every one',
      nextStep: 'then stage the fix and commit again.',
    }),
  );
  const first = firstError(result);
  const target = first?.question != null ? `Q${first.question} at ${shown}:${first.line}` : `${shown}:${first?.line ?? 1}`;
  const add = `git add ${quote(shown)} && git commit`;
  io.stdout.write(
    `\nThis commit is blocked. (git commit --no-verify skips this hook, but the pull-request check fails all the same.)\n` +
      (workingCopyPasses
        ? `Your working copy of ${shown} passes, but the commit holds the staged copy, which differs from it.\nNext: stage your working copy: ${add}\n`
        : `Next: fix ${target}, then run: ${add}\n`),
  );
  return 1;
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
