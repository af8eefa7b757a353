/** An error that ends a command with an exit code and a one-line message. */
export declare class ExitError extends Error {
    readonly code: number;
    constructor(message: string, code: number, options?: {
        cause?: unknown;
    });
}
/** Bad command-line usage: exit 2. */
export declare class UsageError extends ExitError {
    constructor(message: string);
}
/** A configuration file or option that does not validate: exit 2. */
export declare class ConfigError extends ExitError {
    constructor(message: string, options?: {
        cause?: unknown;
    });
}
/** A playbook that cannot be read as text: exit 2. */
export declare class InputError extends ExitError {
    constructor(message: string, options?: {
        cause?: unknown;
    });
}
