/** API errors with the context of what was being done, and a hint when a permission is missing. */

export class GitHubApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GitHubApiError';
  }

  /** A read-only token: a fork's pull request under `pull_request`, or a token without the write permission. */
  get isPermission(): boolean {
    return this.status === 403 && /not accessible by integration|permission/i.test(this.message);
  }
}

/** The HTTP status of an Octokit RequestError, or null. */
export function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/** Wraps an API failure: "could not <doing>: 403 Resource not accessible by integration". */
export function apiError(doing: string, error: unknown): GitHubApiError {
  const status = statusOf(error);
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new GitHubApiError(`could not ${doing}: ${status !== null ? `${status} ` : ''}${detail}`, status, { cause: error });
}
