/** What the commands share: the I/O they are given, colour, and how configuration is found. */
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolveConfig, type Config } from '../config.js';
import { UsageError } from '../errors.js';
import { findConfigFile } from '../node/config-lookup.js';

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Colour on a terminal, never with NO_COLOR or TERM=dumb; FORCE_COLOR forces it. */
export function useColor(io: CliIo): boolean {
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
}

/** The configuration: an explicit file, else one found from `cwd` up to `root`, else the defaults. */
export async function readConfig(explicit: string | undefined, cwd: string, root: string): Promise<Config> {
  const file = explicit !== undefined ? (isAbsolute(explicit) ? explicit : resolve(cwd, explicit)) : findConfigFile(cwd, root);
  if (file === null) return resolveConfig();
  // the YAML and schema libraries load only when there is a file to read
  const { loadConfigFile } = await import('../node/config-file.js');
  return loadConfigFile(file, explicit ?? relative(cwd, file));
}

/**
 * Parses a command's arguments strictly; an unknown or malformed option is one plain sentence naming the
 * option and pointing at the command's own help (`playbook-proof <command> --help`).
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, command: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`${optionProblem(error, command)}; run playbook-proof ${command} --help`);
  }
}

function optionProblem(error: unknown, command: string): string {
  const { code, message } = error as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(message ?? '')?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `${command} has no option ${quoted}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "-f, --format <value>" → "--format"
    const name = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
    return /does not take/.test(message ?? '') ? `option ${name} takes no value` : `option ${name} needs a value`;
  }
  return `${command}: ${message ?? String(error)}`;
}
