/**
 * Every request has a deadline: a fetch whose whole answer, body included, must arrive within the timeout,
 * and an Octokit plugin that hands a request that never got an answer past the retry plugin untouched.
 */
import type { Octokit } from '@octokit/core';
import { NetworkError } from './errors.js';

/** GitHub ends an API request after 10 s; with the network on top, 30 s without an answer means none is coming. */
export const DEFAULT_TIMEOUT_MS = 30_000;

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Statuses whose response has no body (a Response cannot be built with one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** Wraps `fetch` so a request and its body must complete within `timeoutMs`, or fail with a NetworkError. */
export function fetchWithTimeout(timeoutMs: number, fetchImpl: Fetch = fetch): Fetch {
  return async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const what = `${init.method ?? 'GET'} ${decodePath(url.pathname)}`;
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new NetworkError(`${url.host} did not answer ${what} within ${seconds(timeoutMs)}`, 'timeout')),
      timeoutMs,
    );
    const signal = init.signal ? AbortSignal.any([init.signal, deadline.signal]) : deadline.signal;
    try {
      const response = await fetchImpl(input, { ...init, signal });
      // read the body under the same deadline: a server may send headers and then stall
      const body = NULL_BODY.has(response.status) ? null : await response.arrayBuffer();
      const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      Object.defineProperty(copy, 'url', { value: response.url });
      return copy;
    } catch (error) {
      if (deadline.signal.aborted) throw deadline.signal.reason;
      throw connectionFailure(error, url) ?? error;
    } finally {
      clearTimeout(timer);
    }
  };
}

/** A refused connection or a host that does not resolve, named; null for anything a retry might fix. */
function connectionFailure(error: unknown, url: URL): NetworkError | null {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (code === 'ECONNREFUSED') return new NetworkError(`cannot connect to ${url.host}: the connection was refused`, 'refused', { cause: error });
  if (code === 'ENOTFOUND') return new NetworkError(`cannot connect to ${url.host}: the host name does not resolve`, 'unresolved', { cause: error });
  return null;
}

/**
 * Octokit turns any fetch failure into a RequestError with status 500, which the retry plugin retries three
 * times with back-off (14 s). Registered before that plugin, this hook rethrows a NetworkError as itself,
 * which the retry plugin leaves alone: a timed-out request is not repeated, a refused connection fails at once.
 */
export function networkErrors(octokit: Octokit): void {
  octokit.hook.error('request', (error) => {
    const cause = (error as { cause?: unknown }).cause;
    throw cause instanceof NetworkError ? cause : error;
  });
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
