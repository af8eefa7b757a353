/** The command-line interface: parses arguments, runs a command, returns an exit code. */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { ConfigError, ExitError, GitCommandError, InputError, UnmergedError, UsageError } from '../errors.js';
import { rules } from '../rules/index.js';
import { hook } from './hook.js';
import { rulesHelp } from './rules-help.js';
import { parseOptions, readConfig, useColor, type CliIo } from './shared.js';
import { describeFsError } from '../node/fs-errors.js';
import { inactiveHookNote } from '../node/hook-status.js';
import { findRepoRoot, linkedReason, readPlaybookFile, toPosix } from '../node/playbook-file.js';

const HELP = `playbook-proof: check a distributed-systems interview playbook against the lesson's pass criteria

Usage:
  playbook-proof check [path] [options]     check the playbook in the working tree
  playbook-proof explain [path] [options]   the outline as read: each question's difficulty, parts, gotchas
                                            and cheat-sheet row, with where and how each was found
  playbook-proof hook [options]             the pre-commit check of the playbook as staged
  playbook-proof init [--dry-run] [--remark]   set up the hook, the workflow and a playbook skeleton
  playbook-proof badge [path] [options]     the completeness badge (SVG, shields.io endpoint JSON)
  playbook-proof cards [path] [options]     flashcards for review (Anki, CSV, JSON; --schedule for an .ics)
  playbook-proof cohort --template OWNER/REPO [options]   check every learner's fork (instructors)

Run playbook-proof <command> --help for a command's options. --version prints the version.

Exit codes: 0 every criterion passes, 1 a criterion fails, 2 usage, configuration or input error.
`;

const CONFIG_HELP = `  --config, -c FILE  a .json or .yml configuration file (default: .playbook-proof.json or
                     .playbook-proof.yml, looked up from here to the repository root)`;

/** Each command's own help, printed by `playbook-proof <command> --help`. */
const COMMAND_HELP: Record<string, string> = {
  check: `playbook-proof check: check the playbook in the working tree

Usage:
  playbook-proof check [path] [--format terminal|json] [--all] [--config FILE]

  path               the playbook (default: the configured path, week-24/day1-dist-sys-qa.md,
                     at the repository root, found from any subdirectory)
  --format, -f       terminal (default) or json
  --all              list every finding (the terminal report shows the first 3 per criterion)
${CONFIG_HELP}

Exit codes: 0 every criterion passes, 1 a criterion fails, 2 usage, configuration or input error.
`,
  explain: `playbook-proof explain: the playbook's outline exactly as the checker read it

Usage:
  playbook-proof explain [path] [--format terminal|json] [--config FILE]

Per question: its difficulty and where it came from, each part (theory, project, tradeoff, metric,
gotchas) with its lines and how it was recognised, the wrong answers split into claim and reason, the
cheat-sheet row matched, and near misses (a line that looked like a rating or a part, and why it was not
taken). Use it when a check fails and you think the checker misread the playbook.

  path               the playbook (default: the configured path at the repository root)
  --format, -f       terminal (default) or json (its shape is in the README)
${CONFIG_HELP}

Exit codes: as check.
`,
  hook: `playbook-proof hook: the pre-commit check, run by the hook playbook-proof init installs

Usage:
  playbook-proof hook [--all] [--config FILE] [files...]

It checks the playbook as the commit being made holds it (the index git is building), does nothing when
the commit leaves the playbook alone, and exits 1 to block a failing commit. Run by hand, it checks what
is staged now. files: the staged paths a runner such as lint-staged passes; the check runs only when the
playbook is among them.

  --all              list every finding (by default the first 3 per criterion)
${CONFIG_HELP}
`,
  init: `playbook-proof init: set up a learner's repository

Usage:
  playbook-proof init [--dry-run] [--remark]

Adds playbook-proof and husky to package.json's devDependencies, the pre-commit hook
(.husky/pre-commit), node_modules/ to .gitignore, the pull-request workflow and a playbook skeleton.
It never overwrites a file it did not write: a second run reports every item unchanged. With another
hooks tool set up (lefthook, the pre-commit framework, …) it prints the line to add to it instead.

  --dry-run          print what would change, write nothing
  --remark           also add a .remarkrc.json, so editors running remark underline the findings
`,
  badge: `playbook-proof badge: the completeness badge

Usage:
  playbook-proof badge [path] [--svg FILE] [--json FILE] [--config FILE]

  --svg FILE         write the badge as an SVG
  --json FILE        write a shields.io endpoint JSON (printed when neither file is named)
${CONFIG_HELP}
`,
};

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      return check([], io);
    case 'check':
      return check(rest, io);
    case 'explain':
      return explain(rest, io);
    case 'init': {
      const { values, positionals } = parseOptions(
        rest,
        { 'dry-run': { type: 'boolean' }, remark: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
        'init',
      );
      if (values.help) return help(io, 'init');
      if (positionals.length > 0) throw new UsageError(`init takes no path, got "${positionals[0]}"; run playbook-proof init --help`);
      const { init } = await import('./init.js');
      return init({ dryRun: values['dry-run'] ?? false, remark: values.remark ?? false }, io);
    }
    case 'badge':
      return badge(rest, io);
    case 'cards': {
      const { cards } = await import('./cards.js');
      return cards(rest, io);
    }
    case 'cohort': {
      const { cohort } = await import('./cohort.js');
      return cohort(rest, io);
    }
    case 'hook': {
      const { values, positionals } = parseOptions(rest, { ...CONFIG_OPTION, all: { type: 'boolean' }, help: HELP_OPTION }, 'hook');
      if (values.help) return help(io, 'hook');
      return hook({ config: values.config, files: positionals, all: values.all ?? false }, io);
    }
    case 'help':
      return help(io, rest[0]);
    case '--help':
    case '-h':
      return help(io);
    case 'version':
    case '--version':
    case '-v':
      io.stdout.write(`${pkg.version}\n`);
      return 0;
    default: {
      if (!command.startsWith('-')) throw new UsageError(`unknown command "${command}"; run playbook-proof --help`);
      // options first: `playbook-proof --format json` checks; a command after them is a mistake, not a path
      const misplaced = argv.find((arg) => arg in COMMAND_HELP || arg === 'cohort');
      if (misplaced !== undefined) {
        const others = argv.filter((arg) => arg !== misplaced).join(' ');
        throw new UsageError(`put the command before its options: playbook-proof ${misplaced} ${others}`);
      }
      return check(argv, io);
    }
  }
}

async function help(io: CliIo, command?: string): Promise<number> {
  if (command === 'cohort') return helpCohort(io);
  if (command !== undefined && !(command in COMMAND_HELP)) throw new UsageError(`unknown command "${command}"; run playbook-proof --help`);
  io.stdout.write(command === undefined ? HELP : COMMAND_HELP[command]!);
  if (command === 'check') io.stdout.write(`\n${rulesHelp(rules)}`);
  return 0;
}

async function helpCohort(io: CliIo): Promise<number> {
  const { COHORT_HELP } = await import('./cohort.js');
  io.stdout.write(COHORT_HELP);
  return 0;
}

const HELP_OPTION = { type: 'boolean', short: 'h' } as const;
const CONFIG_OPTION = { config: { type: 'string', short: 'c' } } as const;

const CHECK_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'terminal' },
  all: { type: 'boolean' },
  ...CONFIG_OPTION,
  help: HELP_OPTION,
} as const;

/** Finds, reads and lints the playbook: the path given, else the configured path at the repository root. */
async function lintFile(explicitPath: string | undefined, configFile: string | undefined, io: CliIo) {
  const repo = findRepoRoot(io.cwd);
  const root = repo ?? io.cwd;
  const config = await readConfig(configFile, io.cwd, root);
  const target = resolve(io.cwd, explicitPath ?? join(root, config.path));
  // at the required path, a link is not the playbook: GitHub reads the link itself (as the hook and the Action do)
  const linked = repo !== null && toPosix(relative(repo, target)) === config.path ? linkedReason(repo, config.path) : null;
  if (linked !== null) throw new InputError(`${toPosix(relative(io.cwd, target))} ${linked}`);
  if (explicitPath === undefined && !existsSync(target)) {
    throw new InputError(`no playbook at ${config.path}: write it there (the lesson requires that path), or pass the path of the file to check`);
  }
  const file = readPlaybookFile(target, io.cwd);
  const { lint } = await import('./core-chunk.js');
  return { result: lint(file.text, { path: file.repoPath, config }), file, root: repo };
}

/** `badge`: the completeness badge as an SVG and/or a shields.io endpoint JSON (stdout when no file is named). */
async function badge(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { svg: { type: 'string' }, json: { type: 'string' }, ...CONFIG_OPTION, help: HELP_OPTION },
    'badge',
  );
  if (values.help) return help(io, 'badge');
  if (positionals.length > 1) throw new UsageError(`badge takes one playbook path, got ${positionals.length}; run playbook-proof badge --help`);
  const { result } = await lintFile(positionals[0], values.config, io);
  const { endpointBadge, formatBadgeJson, formatBadgeSvg } = await import('../report/badge.js');
  const data = endpointBadge(result);
  const outputs: Array<[string | undefined, string]> = [
    [values.svg, formatBadgeSvg(data)],
    [values.json, formatBadgeJson(data)],
  ];
  if (values.svg === undefined && values.json === undefined) io.stdout.write(formatBadgeJson(data));
  for (const [target, text] of outputs) {
    if (target === undefined) continue;
    try {
      writeFileSync(resolve(io.cwd, target), text);
    } catch (error) {
      throw new InputError(`cannot write ${target}: ${describeFsError(error)}`, { cause: error });
    }
    io.stdout.write(`wrote ${target} (${data.label}: ${data.message})\n`);
  }
  return 0;
}

/**
 * What `check` and `explain` share: their options, at most one playbook path and a known --format, then the
 * playbook linted; null once --help is printed.
 */
async function lintArgs(command: 'check' | 'explain', args: string[], io: CliIo) {
  const { values, positionals } = parseOptions(args, CHECK_OPTIONS, command);
  if (values.help) {
    await help(io, command);
    return null;
  }
  if (positionals.length > 1)
    throw new UsageError(`${command} takes one playbook path, got ${positionals.length}; run playbook-proof ${command} --help`);
  const format = values.format;
  if (format !== 'terminal' && format !== 'json') throw new UsageError(`--format must be "terminal" or "json", got "${format}"`);
  return { ...(await lintFile(positionals[0], values.config, io)), format, all: values.all ?? false };
}

async function check(args: string[], io: CliIo): Promise<number> {
  const linted = await lintArgs('check', args, io);
  if (linted === null) return 0;
  const { result, file, root, format, all } = linted;
  const { formatJson, formatTerminal } = await import('./core-chunk.js');
  if (format === 'json') {
    io.stdout.write(formatJson(result));
  } else {
    io.stdout.write(formatTerminal(result, { color: useColor(io), displayPath: file.displayPath, all, coverage: true }));
    const note = root === null ? null : inactiveHookNote(root);
    if (note !== null) io.stderr.write(`playbook-proof: note: ${note}\n`);
  }
  return result.passed ? 0 : 1;
}

/** `explain`: the outline exactly as read, so a learner can see whether the checker misread the playbook. */
async function explain(args: string[], io: CliIo): Promise<number> {
  const linted = await lintArgs('explain', args, io);
  if (linted === null) return 0;
  const { result, file, format } = linted;
  const { formatExplain, formatExplainJson, toExplainReport } = await import('../report/outline.js');
  const report = toExplainReport(result);
  io.stdout.write(format === 'json' ? formatExplainJson(report) : formatExplain(report, { color: useColor(io), displayPath: file.displayPath }));
  return result.passed ? 0 : 1;
}

/** Runs the CLI as a process: one top-level catch, a one-line error and the exit code `exitCode` gives (2 for a bug). */
export async function run(): Promise<void> {
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (error) {
    const code = exitCode(error);
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      code === null
        ? `playbook-proof: internal error: ${message} (please report it with the playbook that caused it)\n`
        : `playbook-proof: ${message}\n`,
    );
    process.exitCode = code ?? 2;
  }
}

/**
 * The exit code an expected error ends the CLI with: 1 when the commit or check is blocked, 2 for usage,
 * configuration, input and git errors, a command's own choice for an ExitError; null for anything else (a bug).
 */
export function exitCode(error: unknown): number | null {
  if (error instanceof ExitError) return error.code;
  if (error instanceof UnmergedError) return 1;
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof InputError || error instanceof GitCommandError) return 2;
  return null;
}
