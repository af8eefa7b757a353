/**
 * The errors a command ends with, each with a one-line message for the user. The layers that throw them know
 * nothing of exit codes: the CLI maps each class to its code in one place (`exitCode` in src/cli/main.ts).
 */
/** An error that ends a command with the exit code the command chose and a one-line message. */
export declare class ExitError extends Error {
    readonly code: number;
    constructor(message: string, code: number, options?: {
        cause?: unknown;
    });
}
/** Bad command-line usage. */
export declare class UsageError extends Error {
    name: string;
}
/** A configuration file or option that does not validate. */
export declare class ConfigError extends Error {
    name: string;
}
/** A playbook that cannot be read as text. */
export declare class InputError extends Error {
    name: string;
}
/** git could not answer a question asked of it (a damaged repository or index, a git that cannot run). */
export declare class GitCommandError extends Error {
    name: string;
}
/** The playbook is in conflict in the index: the commit cannot be judged until the conflict is resolved. */
export declare class UnmergedError extends Error {
    name: string;
}
