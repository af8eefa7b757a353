/**
 * The errors a command ends with, each with a one-line message for the user. The layers that throw them know
 * nothing of exit codes: the CLI maps each class to its code in one place (`exitCode` in src/cli/main.ts).
 */

/** An error that ends a command with the exit code the command chose and a one-line message. */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly code: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ExitError';
  }
}

/** Bad command-line usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A configuration file or option that does not validate. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A playbook that cannot be read as text. */
export class InputError extends Error {
  override name = 'InputError';
}

/** git could not answer a question asked of it (a damaged repository or index, a git that cannot run). */
export class GitCommandError extends Error {
  override name = 'GitCommandError';
}

/** The playbook is in conflict in the index: the commit cannot be judged until the conflict is resolved. */
export class UnmergedError extends Error {
  override name = 'UnmergedError';
}
