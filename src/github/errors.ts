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

  /** The request never got an answer: it timed out, or the host refused the connection or does not resolve. */
  get isNetwork(): boolean {
    return this.cause instanceof NetworkError;
  }

  /** GitHub's rate limit ran out and the wait for it was longer than the client would sleep. */
  get isRateLimit(): boolean {
    return (this.status === 403 || this.status === 429) && /rate limit/i.test(this.message);
  }
}

/**
 * A request that got no answer: no complete response within the deadline, or no connection at all. The
 * client never retries these: GitHub ends a request after 10 s itself, so silence means a broken path, and a
 * refused connection will be refused again.
 */
export class NetworkError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'refused' | 'unresolved',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

/** The HTTP status of an Octokit RequestError, or null. */
export function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/** Wraps an API failure: "could not <doing>: 403 Resource not accessible by integration". */
export function apiError(doing: string, error: unknown): GitHubApiError {
  if (error instanceof GitHubApiError) return error;
  if (error instanceof NetworkError) return new GitHubApiError(`could not ${doing}: ${error.message}`, null, { cause: error });
  const status = statusOf(error);
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new GitHubApiError(`could not ${doing}: ${status !== null ? `${status} ` : ''}${detail}${rateLimitNote(error)}`, status, { cause: error });
}

/** " (the limit resets at 14:05 UTC; not waiting that long)" for a rate-limited request, else "". */
function rateLimitNote(error: unknown): string {
  const status = statusOf(error);
  const headers = (error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers ?? {};
  if ((status !== 403 && status !== 429) || !(/rate limit/i.test(String((error as Error).message)) || headers['x-ratelimit-remaining'] === '0'))
    return '';
  const reset = Number(headers['x-ratelimit-reset']);
  const retryAfter = Number(headers['retry-after']);
  const at = reset > 0 ? new Date(reset * 1000) : retryAfter > 0 ? new Date(Date.now() + retryAfter * 1000) : null;
  return at ? ` (GitHub's rate limit resets at ${at.toISOString().slice(11, 16)} UTC; playbook-proof waits at most a minute)` : '';
}
