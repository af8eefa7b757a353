/**
 * Reads the playbook at the head of each fork's default branch, many forks per GraphQL query (aliases),
 * falling back to the contents API for what a query cannot answer (a text GraphQL will not return). A query
 * GitHub cannot answer is retried in halves, so one failing batch costs only the forks it cannot read.
 */
import { posix } from 'node:path';
import { LIMITS, LINK_REASON, SUBMODULE_REASON, tooLargeReason } from '../core/decode.js';
import type { Client } from './client.js';
import { readFileAt, type PlaybookRead } from './contents.js';
import { GitHubApiError, NetworkError, statusOf } from './errors.js';
import type { Fork } from './forks.js';

/** Forks per GraphQL query: 1,000 forks take 20 queries. */
export const BATCH_SIZE = 50;

/** GitHub returns a blob's `text` only up to about this size. */
const GRAPHQL_TEXT_LIMIT = 512_000;

export interface ForkPlaybook {
  fork: Fork;
  /** The default branch's head commit, or null for an empty or unreadable fork. */
  head: { sha: string; date: string } | null;
  /**
   * What was found: the bytes, or why there are none. `empty`: the fork has no commits; `failed`: the fork
   * itself could not be read (deleted, forbidden, GitHub could not answer), with the reason as a sentence.
   */
  read: PlaybookRead | { kind: 'empty' } | { kind: 'failed'; reason: string };
}

interface RepositoryNode {
  isEmpty: boolean;
  defaultBranchRef: { target: { oid?: string; committedDate?: string } | null } | null;
  object: { text?: string | null; isBinary?: boolean | null; byteSize?: number } | null;
  /** The folder holding the playbook: its entries' modes tell a link or a submodule from a file. */
  folder: { entries?: Array<{ name: string; mode: number }> } | null;
}

interface GraphqlFailure {
  data?: Record<string, RepositoryNode | null>;
  errors?: Array<{ type?: string; path?: Array<string | number>; message?: string }>;
}

/** The GraphQL query for one batch; owners, names and the expression travel as variables, never as query text. */
export function batchQuery(count: number): string {
  const variables = ['$expression: String!', '$folder: String!'];
  const fields: string[] = [];
  for (let i = 0; i < count; i++) {
    variables.push(`$o${i}: String!`, `$n${i}: String!`);
    fields.push(
      `r${i}: repository(owner: $o${i}, name: $n${i}) { isEmpty defaultBranchRef { target { ... on Commit { oid committedDate } } } object(expression: $expression) { ... on Blob { text isBinary byteSize } } folder: object(expression: $folder) { ... on Tree { entries { name mode } } } }`,
    );
  }
  return `query(${variables.join(', ')}) {\n${fields.join('\n')}\n}`;
}

/**
 * Reads forks in one query; when GitHub cannot answer it (5xx after the retries, `data: null`, resource
 * limits, no answer in time), in two halves, and again for a half that fails while the other answers. When
 * both halves fail the fault is not in the forks: each of them is `failed` with the reason. A refused token,
 * an exhausted rate limit or an unreachable host ends the scan instead.
 */
export async function readForks(client: Client, forks: Fork[], path: string): Promise<ForkPlaybook[]> {
  const first = await attempt(client, forks, path);
  return 'error' in first ? afterFailure(client, forks, path, first.error) : first.results;
}

async function afterFailure(client: Client, forks: Fork[], path: string, error: unknown): Promise<ForkPlaybook[]> {
  if (forks.length === 1) return [failedRead(forks[0]!, error)];
  const mid = Math.ceil(forks.length / 2);
  const halves = [forks.slice(0, mid), forks.slice(mid)];
  const attempts: Array<{ results: ForkPlaybook[] } | { error: unknown }> = [];
  for (const half of halves) attempts.push(await attempt(client, half, path));
  if (attempts.every((a) => 'error' in a))
    return halves.flatMap((half, i) => half.map((fork) => failedRead(fork, (attempts[i] as { error: unknown }).error)));
  const results: ForkPlaybook[] = [];
  for (const [i, a] of attempts.entries()) results.push(...('error' in a ? await afterFailure(client, halves[i]!, path, a.error) : a.results));
  return results;
}

async function attempt(client: Client, forks: Fork[], path: string): Promise<{ results: ForkPlaybook[] } | { error: unknown }> {
  try {
    return { results: await readBatch(client, forks, path) };
  } catch (error) {
    if (graphqlRateLimited(error))
      throw new GitHubApiError(`could not read the forks' playbooks: GitHub's GraphQL rate limit is exhausted${rateLimitReset(error)}`, null, {
        cause: error,
      });
    if (endsScan(error)) throw error;
    return { error };
  }
}

/**
 * GraphQL's own rate limit: answered 200 with a RATE_LIMITED error, which smaller queries only hit again. The
 * throttling plugin raises it with the answer as `data` (after waiting out a short reset); @octokit/graphql
 * with the errors on the error itself.
 */
function graphqlRateLimited(error: unknown): boolean {
  const failure = error as (GraphqlFailure & { data?: { errors?: GraphqlFailure['errors'] } }) | null;
  return [...(failure?.errors ?? []), ...(failure?.data?.errors ?? [])].some((e) => e.type === 'RATE_LIMITED');
}

/** Failures no smaller query fixes: a refused token, an exhausted rate limit, a host that cannot be reached. */
function endsScan(error: unknown): boolean {
  if (error instanceof NetworkError) return error.kind !== 'timeout';
  const status = statusOf(error);
  if (status === 401) return true;
  const message = error instanceof Error ? error.message : '';
  return (status === 403 || status === 429) && /rate limit/i.test(message);
}

/** " until 14:05 UTC" from the answer's x-ratelimit-reset, or "". */
function rateLimitReset(error: unknown): string {
  const reset = Number((error as { response?: { headers?: Record<string, string> } }).response?.headers?.['x-ratelimit-reset']);
  return reset > 0 ? ` until ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC` : '';
}

function failedRead(fork: Fork, error: unknown): ForkPlaybook {
  return { fork, head: null, read: { kind: 'failed', reason: `GitHub did not answer the query for this fork: ${describe(error)}` } };
}

/** One line for why a query failed: GitHub's GraphQL error, the HTTP status, or the network failure. */
function describe(error: unknown): string {
  const errors = (error as GraphqlFailure | null)?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const e = errors[0]!;
    return [e.type, e.message].filter(Boolean).join(': ') || 'an error without a message';
  }
  if (error instanceof BatchError) return error.message;
  const status = statusOf(error);
  const message = error instanceof Error ? error.message.split(' - ')[0]!.split('\n')[0]! : String(error);
  return status !== null && !(error instanceof NetworkError) ? `${status} ${message}` : message;
}

/** A query answered with errors that are not about one fork (resource limits, a timeout): the whole batch failed. */
class BatchError extends Error {}

/** Reads one batch of forks; a fork GraphQL could not resolve is `failed` with the reason GitHub gave. */
export async function readBatch(client: Client, forks: Fork[], path: string): Promise<ForkPlaybook[]> {
  const folder = posix.dirname(path);
  const variables: Record<string, string> = { expression: `HEAD:${path}`, folder: `HEAD:${folder === '.' ? '' : folder}` };
  forks.forEach((fork, i) => {
    variables[`o${i}`] = fork.owner;
    variables[`n${i}`] = fork.name;
  });
  let data: Record<string, RepositoryNode | null>;
  let errors: NonNullable<GraphqlFailure['errors']> = [];
  try {
    data = await client.graphql<Record<string, RepositoryNode | null>>(batchQuery(forks.length), variables);
  } catch (error) {
    // a partial answer (@octokit/graphql's GraphqlResponseError): some repositories resolved, others carry an
    // error (deleted, forbidden); anything else, such as the throttling plugin's rate-limit error, is no answer
    const failure = error as GraphqlFailure;
    if (!failure.data || !Array.isArray(failure.errors)) throw error;
    data = failure.data;
    errors = failure.errors ?? [];
    const general = errors.find((e) => !e.path || e.type === 'RESOURCE_LIMITS_EXCEEDED');
    if (general) throw new BatchError([general.type, general.message].filter(Boolean).join(': ') || 'GraphQL error without a path');
  }
  const results: ForkPlaybook[] = [];
  for (const [i, fork] of forks.entries()) {
    const node = data[`r${i}`] ?? null;
    if (node === null) {
      const error = errors.find((e) => e.path?.[0] === `r${i}`);
      const reason =
        error?.type === 'NOT_FOUND'
          ? 'the fork no longer exists, or the token cannot see it'
          : error?.type === 'FORBIDDEN'
            ? 'the token is not allowed to read this fork (403 Forbidden)'
            : `GitHub could not read this fork${error?.message ? `: ${error.message}` : ''}`;
      results.push({ fork, head: null, read: { kind: 'failed', reason } });
      continue;
    }
    if (node.isEmpty) {
      results.push({ fork, head: null, read: { kind: 'empty' } });
      continue;
    }
    const target = node.defaultBranchRef?.target;
    const head = target?.oid ? { sha: target.oid, date: target.committedDate ?? '' } : null;
    const read = entryRead(node, posix.basename(path));
    // what GraphQL would not return as text: ask the contents API (its limit is 100 MB)
    results.push({ fork, head, read: read.kind === 'needs-contents-api' ? await readThroughRest(client, fork, path, head) : read });
  }
  return results;
}

/** What GraphQL says of the playbook: a read, or that it did not return the text (too large for it), which the contents API must read. */
type GraphqlRead = PlaybookRead | { kind: 'needs-contents-api' };

/** The playbook through the contents API, for a text GraphQL would not return; a failure that does not end the scan is the fork's. */
async function readThroughRest(client: Client, fork: Fork, path: string, head: ForkPlaybook['head']): Promise<ForkPlaybook['read']> {
  if (head === null) return { kind: 'failed', reason: 'GitHub did not name the commit the playbook is at' };
  try {
    return await readFileAt(client, { owner: fork.owner, repo: fork.name, path, ref: head.sha });
  } catch (error) {
    if (endsScan(error instanceof GitHubApiError ? (error.cause ?? error) : error)) throw error;
    return { kind: 'failed', reason: `GitHub did not return the playbook's text: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Git's modes for a symbolic link and a submodule, as GraphQL gives them (decimal). */
const LINK_MODE = 0o120000;
const SUBMODULE_MODE = 0o160000;

function entryRead(node: RepositoryNode, name: string): GraphqlRead {
  const mode = node.folder?.entries?.find((entry) => entry.name === name)?.mode;
  if (mode === LINK_MODE) return { kind: 'unreadable', reason: LINK_REASON };
  if (mode === SUBMODULE_MODE) return { kind: 'unreadable', reason: SUBMODULE_REASON };
  return blobRead(node.object);
}

function blobRead(object: RepositoryNode['object']): GraphqlRead {
  if (object === null) return { kind: 'missing' };
  if (object.isBinary) return { kind: 'unreadable', reason: 'is a binary file, not Markdown text' };
  if (typeof object.byteSize !== 'number') return { kind: 'unreadable', reason: 'is a directory, not a file' };
  if (object.byteSize > LIMITS.maxBytes) {
    return { kind: 'unreadable', reason: tooLargeReason(object.byteSize) };
  }
  if (typeof object.text === 'string') return { kind: 'ok', bytes: Buffer.from(object.text, 'utf8') };
  return object.byteSize > GRAPHQL_TEXT_LIMIT || object.text === null ? { kind: 'needs-contents-api' } : { kind: 'missing' };
}
