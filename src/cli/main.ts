/** The command-line interface: parses arguments, runs a command, returns an exit code. */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { resolveConfig, type Config } from '../config.js';
import { lint } from '../core/lint.js';
import { ExitError, InputError, UsageError } from '../errors.js';
import { findConfigFile } from '../node/config-lookup.js';
import { findRepoRoot, readPlaybookFile } from '../node/playbook-file.js';
import { formatJson } from '../report/json.js';
import { formatTerminal } from '../report/terminal.js';


export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const HELP = `playbook-proof: check a distributed-systems interview playbook against the lesson's pass criteria

Usage:
  playbook-proof check [path] [--format terminal|json] [--config FILE]

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
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(HELP);
      return 0;
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

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'terminal' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}; run playbook-proof --help`);
  }
}

async function check(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`check takes one playbook path, got ${positionals.length}`);
  const format = values.format;
  if (format !== 'terminal' && format !== 'json') throw new UsageError(`--format must be "terminal" or "json", got "${format}"`);

  const root = findRepoRoot(io.cwd) ?? io.cwd;
  const config = await readConfig(values.config, io.cwd, root);
  const explicitPath = positionals[0];
  if (explicitPath === undefined && !existsSync(join(root, config.path))) {
    throw new InputError(`no playbook at ${config.path}: write it there (the lesson requires that path), or pass the path of the file to check`);
  }
  const file = readPlaybookFile(explicitPath ?? join(root, config.path), io.cwd);
  const result = lint(file.text, { path: file.repoPath, config });
  if (format === 'json') {
    io.stdout.write(formatJson(result));
  } else {
    const color = Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
    io.stdout.write(formatTerminal(result, { color: io.env.FORCE_COLOR ? true : color, displayPath: file.displayPath }));
  }
  return result.passed ? 0 : 1;
}

/** The configuration: an explicit file, else one found from `cwd` up to `root`, else the defaults. */
async function readConfig(explicit: string | undefined, cwd: string, root: string): Promise<Config> {
  const file = explicit !== undefined ? (isAbsolute(explicit) ? explicit : resolve(cwd, explicit)) : findConfigFile(cwd, root);
  if (file === null) return resolveConfig();
  // the YAML and schema libraries load only when there is a file to read
  const { loadConfigFile } = await import('../node/config-file.js');
  return loadConfigFile(file, explicit ?? relative(cwd, file));
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
