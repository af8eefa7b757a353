/** The authenticated API client, with retries on server errors, bounded waits on rate limits and a deadline on every request. */
import { getOctokit } from '@actions/github';
import { defaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { DEFAULT_TIMEOUT_MS, fetchWithTimeout, networkErrors } from './network.js';

/**
 * GitHub asks for a second between writes when making many of them. One run of the Action makes at most
 * four (comment, duplicates, label), so the Action spaces them 100 ms apart; the cohort scan, which can
 * write to a thousand forks, keeps GitHub's second unless told otherwise.
 */
export const ACTION_WRITE_INTERVAL_MS = 100;
export const BULK_WRITE_INTERVAL_MS = 1000;
/** Requests that notify people (a new issue, a comment) are spaced 3 s apart by default, as the throttling plugin does. */
export const NOTIFY_INTERVAL_MS = 3000;
/** The longest rate-limit wait the client sits out; a longer one fails the request with the time of the reset. */
export const MAX_RATE_LIMIT_WAIT_S = 60;

export type Client = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  /** Called with a line to log when a request waits on a rate limit. */
  log: (line: string) => void;
  /** REST base URL; default GITHUB_API_URL or https://api.github.com (GitHub Enterprise Server: https://HOST/api/v3). */
  baseUrl?: string;
  /** Milliseconds between two writes. */
  writeIntervalMs?: number;
  /** Milliseconds between two writes that notify people (issues, comments); default: the plugin's 3 s, or writeIntervalMs when it is set lower. */
  notifyIntervalMs?: number;
  /** GraphQL endpoint when it is not `<baseUrl>/graphql` (GITHUB_GRAPHQL_URL). */
  graphqlUrl?: string;
  /** Milliseconds a request may take, body included, before it fails unanswered (default 30 s). */
  timeoutMs?: number;
}

/** A client for the workflow's API (GITHUB_API_URL), retrying 5xx with back-off and honouring short retry-after waits. */
export function makeClient(token: string, options: ClientOptions): Client {
  const write = new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeIntervalMs ?? ACTION_WRITE_INTERVAL_MS });
  const notify = new Bottleneck.Group({ maxConcurrent: 1, minTime: options.notifyIntervalMs ?? NOTIFY_INTERVAL_MS });
  const client = getOctokit(
    token,
    {
      ...(options.baseUrl && { baseUrl: options.baseUrl }),
      // keeps @actions/github's proxy-aware fetch and agent, with a deadline around it
      request: { ...defaults.request, fetch: fetchWithTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, defaults.request?.fetch) },
      retry: { retries: 3 },
      throttle: {
        write,
        notifications: notify,
        onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) =>
          waitOrGiveUp(options.log, 'rate limit', retryAfter, request, retryCount),
        onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) =>
          waitOrGiveUp(options.log, 'secondary rate limit', retryAfter, request, retryCount),
      },
    },
    // first, so its hook sits inside the retry plugin's: see networkErrors
    networkErrors,
    retry,
    throttling,
  );
  if (options.graphqlUrl) client.graphql = client.graphql.defaults({ url: options.graphqlUrl });
  return client;
}

/** Waits out a rate limit of at most a minute, three times; a longer one is logged and the request fails. */
function waitOrGiveUp(
  log: (line: string) => void,
  kind: string,
  retryAfter: number,
  request: { method: string; url: string },
  retryCount: number,
): boolean {
  // a page of a listing comes with the API's origin and the query: the path is what identifies it
  const url = request.url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '');
  if (retryAfter > MAX_RATE_LIMIT_WAIT_S) {
    log(
      `${kind} on ${request.method} ${url}: GitHub asks to wait ${waitText(retryAfter)}, longer than the ${MAX_RATE_LIMIT_WAIT_S} s playbook-proof waits; giving up`,
    );
    return false;
  }
  if (retryCount >= 3) return false;
  log(`${kind} on ${request.method} ${url}; retrying in ${retryAfter} s`);
  return true;
}

function waitText(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

/** The GraphQL endpoint for a REST base URL: github.com's, or GitHub Enterprise Server's /api/graphql. */
export function graphqlUrlFor(apiUrl: string): string {
  const base = apiUrl.replace(/\/+$/, '');
  return /\/api\/v3$/.test(base) ? base.replace(/\/api\/v3$/, '/api/graphql') : `${base}/graphql`;
}

/** The web URL for a REST base URL: https://github.com for api.github.com, the host of a GitHub Enterprise Server. */
export function serverUrlFor(apiUrl: string): string {
  const url = new URL(apiUrl);
  return url.hostname === 'api.github.com' ? 'https://github.com' : url.origin;
}
