/** The authenticated API client, with retries on server errors and waits on rate limits. */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';

/**
 * GitHub asks for a second between writes when making many of them; one run of the Action makes at most
 * four (comment, duplicates, label), so they are spaced 100 ms apart instead of the plugin's 1 s.
 */
const FEW_WRITES = new Bottleneck.Group({ id: 'playbook-proof-write', maxConcurrent: 1, minTime: 100 });

export type Client = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  /** Called with a line to log when a request waits on a rate limit. */
  log: (line: string) => void;
}

/** A client for the workflow's API (GITHUB_API_URL), retrying 5xx with back-off and honouring retry-after. */
export function makeClient(token: string, options: ClientOptions): Client {
  return getOctokit(
    token,
    {
      retry: { retries: 3 },
      throttle: {
        write: FEW_WRITES,
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
}
