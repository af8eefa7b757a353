/** The authenticated API client, with retries on server errors and waits on rate limits. */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';

/**
 * GitHub asks for a second between writes when making many of them. One run of the Action makes at most
 * four (comment, duplicates, label), so the Action spaces them 100 ms apart; the cohort scan, which can
 * write to a thousand forks, keeps GitHub's second unless told otherwise.
 */
export const ACTION_WRITE_INTERVAL_MS = 100;
export const BULK_WRITE_INTERVAL_MS = 1000;
/** Requests that notify people (a new issue, a comment) are spaced 3 s apart by default, as the throttling plugin does. */
export const NOTIFY_INTERVAL_MS = 3000;

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
}

/** A client for the workflow's API (GITHUB_API_URL), retrying 5xx with back-off and honouring retry-after. */
export function makeClient(token: string, options: ClientOptions): Client {
  const write = new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeIntervalMs ?? ACTION_WRITE_INTERVAL_MS });
  const notify = new Bottleneck.Group({ maxConcurrent: 1, minTime: options.notifyIntervalMs ?? NOTIFY_INTERVAL_MS });
  const client = getOctokit(
    token,
    {
      ...(options.baseUrl && { baseUrl: options.baseUrl }),
      retry: { retries: 3 },
      throttle: {
        write,
        notifications: notify,
        onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          options.log(`rate limited on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
          return retryCount < 3;
        },
        onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          options.log(`secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
          return retryCount < 3;
        },
      },
    },
    retry,
    throttling,
  );
  if (options.graphqlUrl) client.graphql = client.graphql.defaults({ url: options.graphqlUrl });
  return client;
}

/** The GraphQL endpoint for a REST base URL: github.com's, or GitHub Enterprise Server's /api/graphql. */
export function graphqlUrlFor(apiUrl: string): string {
  const base = apiUrl.replace(/\/+$/, '');
  return /\/api\/v3$/.test(base) ? base.replace(/\/api\/v3$/, '/api/graphql') : `${base}/graphql`;
}
