/** The command-line interface: parses arguments, runs a command, returns an exit code. */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { ExitError, InputError, UsageError } from '../errors.js';
import { hook } from './hook.js';
import { parseOptions, readConfig, useColor, type CliIo } from './shared.js';
import { describeFsError } from '../node/fs-errors.js';
import { findRepoRoot, readPlaybookFile } from '../node/playbook-file.js';


const HELP = `playbook-proof: check a distributed-systems interview playbook against the lesson's pass criteria

Usage:
  playbook-proof check [path] [--format terminal|json] [--config FILE]
  playbook-proof hook [files...] [--config FILE]     the pre-commit check of the staged playbook
  playbook-proof init [--dry-run]                     set up the hook, the workflow and a playbook skeleton
  playbook-proof badge [path] [--svg FILE] [--json FILE]   the completeness badge (SVG, shields.io endpoint JSON)
  playbook-proof cards [path] [--format anki|csv|json] [--out FILE] [--schedule DATE]   flashcards (run cards --help)
  playbook-proof cohort --template OWNER/REPO [options]    check every learner's fork (run cohort --help)

  path             the playbook (default: week-24/day1-dist-sys-qa.md at the repository root)
  --format, -f     terminal (default) or json
  --config, -c     a .json or .yml configuration file (default: .playbook-proof.json or
                   .playbook-proof.yml, looked up from here to the repository root)
  --help, -h       this help
  --version, -v    the version

Exit codes: 0 every criterion passes, 1 a criterion fails, 2 usage, configuration or input error.
`;

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      return check([], io);
    case 'check':
      return check(rest, io);
    case 'init': {
      const { values, positionals } = parseOptions(rest, { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
      if (values.help) return help(io);
      if (positionals.length > 0) throw new UsageError(`init takes no path, got "${positionals[0]}"`);
      const { init } = await import('./init.js');
      return init({ dryRun: values['dry-run'] ?? false }, io);
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
      const { values, positionals } = parseOptions(rest, CHECK_OPTIONS);
      if (values.help) return help(io);
      return hook({ config: values.config, files: positionals }, io);
    }
    case 'help':
    case '--help':
    case '-h':
      return help(io);
    case 'version':
    case '--version':
    case '-v':
      io.stdout.write(`${pkg.version}\n`);
      return 0;
    default:
      if (command.startsWith('-')) return check(argv, io);
      throw new UsageError(`unknown command "${command}"; run playbook-proof --help`);
  }
}

function help(io: CliIo): number {
  io.stdout.write(HELP);
  return 0;
}

const CHECK_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'terminal' },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Finds, reads and lints the playbook: the path given, else the configured path at the repository root. */
async function lintFile(explicitPath: string | undefined, configFile: string | undefined, io: CliIo) {
  const root = findRepoRoot(io.cwd) ?? io.cwd;
  const config = await readConfig(configFile, io.cwd, root);
  if (explicitPath === undefined && !existsSync(join(root, config.path))) {
    throw new InputError(`no playbook at ${config.path}: write it there (the lesson requires that path), or pass the path of the file to check`);
  }
  const file = readPlaybookFile(explicitPath ?? join(root, config.path), io.cwd);
  const { lint } = await import('./core-chunk.js');
  return { result: lint(file.text, { path: file.repoPath, config }), file };
}

/** `badge`: the completeness badge as an SVG and/or a shields.io endpoint JSON (stdout when no file is named). */
async function badge(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    svg: { type: 'string' },
    json: { type: 'string' },
    config: { type: 'string', short: 'c' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return help(io);
  if (positionals.length > 1) throw new UsageError(`badge takes one playbook path, got ${positionals.length}`);
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

async function check(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, CHECK_OPTIONS);
  if (values.help) return help(io);
  if (positionals.length > 1) throw new UsageError(`check takes one playbook path, got ${positionals.length}`);
  const format = values.format;
  if (format !== 'terminal' && format !== 'json') throw new UsageError(`--format must be "terminal" or "json", got "${format}"`);

  const { result, file } = await lintFile(positionals[0], values.config, io);
  const { formatJson, formatTerminal } = await import('./core-chunk.js');
  if (format === 'json') {
    io.stdout.write(formatJson(result));
  } else {
    io.stdout.write(formatTerminal(result, { color: useColor(io), displayPath: file.displayPath, coverage: true }));
  }
  return result.passed ? 0 : 1;
}

/** Runs the CLI as a process: one top-level catch, a one-line error and exit code 2. */
export async function run(): Promise<void> {
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (error) {
    if (error instanceof ExitError) {
      io.stderr.write(`playbook-proof: ${error.message}\n`);
      process.exitCode = error.code;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      io.stderr.write(`playbook-proof: internal error: ${message} (please report it with the playbook that caused it)\n`);
      process.exitCode = 2;
    }
  }
}
