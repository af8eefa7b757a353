/** An error that ends a command with an exit code and a one-line message. */
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

/** Bad command-line usage: exit 2. */
export class UsageError extends ExitError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** A configuration file or option that does not validate: exit 2. */
export class ConfigError extends ExitError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 2, options);
    this.name = 'ConfigError';
  }
}

/** A playbook that cannot be read as text: exit 2. */
export class InputError extends ExitError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 2, options);
    this.name = 'InputError';
  }
}
