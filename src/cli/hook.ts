/**
 * `playbook-proof hook`: what the pre-commit hook runs. It judges the playbook as staged (the index blob),
 * so a partially staged file is judged by what the commit will hold, and exits 1 to block a failing commit.
 */
import { relative, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { findRepoRoot, toPosix } from '../node/playbook-file.js';
import { readConfig, useColor, type CliIo } from './shared.js';

export interface HookOptions {
  config?: string;
  /** Paths lint-staged passes: the staged files matching the playbook's pattern. */
  files: string[];
}

/** Runs the pre-commit check; returns 0 to let the commit through, 1 to block it. */
export async function hook(options: HookOptions, io: CliIo): Promise<number> {
  const root = findRepoRoot(io.cwd);
  if (root === null) throw new UsageError('hook must run inside a git repository');
  const config = await readConfig(options.config, io.cwd, root);
  const path = config.path;

  // called by lint-staged with files that do not include the playbook: nothing to check
  const passed = options.files.map((file) => toPosix(relative(root, resolve(io.cwd, file))));
  if (options.files.length > 0 && !passed.includes(path)) return 0;

  const { gitClient, readStagedBlob, stagedStatus, unmergedError } = await import('../node/git.js');
  const git = gitClient(root);
  // Called by lint-staged with the playbook among its files, the playbook is staged (added, modified, or
  // deleted with --diff-filter=ACMRD): read the index blob straight away. Called bare, ask git first.
  const status = options.files.length > 0 ? 'staged' : await stagedStatus(git, path);
  if (status === 'unchanged') return 0;
  if (status === 'unmerged') throw unmergedError(path);
  const blob = status === 'deleted' ? Promise.resolve(null) : readStagedBlob(git, path);
  // load the parser while git works in its own process
  const core = await import('./core-chunk.js');
  const bytes = await blob;
  if (bytes === null) {
    io.stderr.write(
      `playbook-proof: warning: this commit removes ${path} (deleted or renamed away). ` +
        `The commit goes through, but the pull-request check fails until the playbook is back at that path.\n`,
    );
    return 0;
  }
  const { decodePlaybook, formatTerminal, lint } = core;
  const decoded = decodePlaybook(bytes);
  if (!decoded.ok) throw new InputError(`the staged ${path} ${decoded.reason}`);
  const result = lint(decoded.text, { path, config });
  const first = result.findings.find((finding) => finding.severity === 'error');
  const where = first ? `${path}:${first.line}` : path;
  const target = first?.question != null ? `Q${first.question} at ${where}` : `${where}`;
  if (result.passed) {
    io.stdout.write(`✔ playbook-proof: ${path} passes ${result.score.passed}/${result.score.total} criteria.\n`);
    return 0;
  }
  io.stdout.write(formatTerminal(result, { color: useColor(io), displayPath: path, nextStep: 'then stage the fix and commit again.' }));
  io.stdout.write(
    `\nThis commit is blocked. (git commit --no-verify skips this hook, but the pull-request check fails all the same.)\n` +
      `Next: fix ${target}, then run: git add ${quote(path)} && git commit\n`,
  );
  return 1;
}


function quote(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
