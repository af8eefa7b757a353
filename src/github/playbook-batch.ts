/**
 * Reads the playbook at the head of each fork's default branch, many forks per GraphQL query (aliases),
 * falling back to the contents API for what a query cannot answer (a text GraphQL will not return).
 */
import { posix } from 'node:path';
import { LIMITS, LINK_REASON, SUBMODULE_REASON, tooLargeReason } from '../core/decode.js';
import type { Client } from './client.js';
import { readFileAt, type PlaybookRead } from './contents.js';
import type { Fork } from './forks.js';

/** Forks per GraphQL query: 1,000 forks take 20 queries. */
export const BATCH_SIZE = 50;

/** GitHub returns a blob's `text` only up to about this size. */
const GRAPHQL_TEXT_LIMIT = 512_000;

export interface ForkPlaybook {
  fork: Fork;
  /** The default branch's head commit, or null for an empty or unreadable fork. */
  head: { sha: string; date: string } | null;
  /** What was found: the bytes, or why there are none. `empty`: the fork has no commits. */
  read: PlaybookRead | { kind: 'empty' };
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

/** Reads one batch of forks; a fork GraphQL could not resolve is `unreadable` with the reason GitHub gave. */
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
    // a partial answer: some repositories resolved, others carry an error (deleted, forbidden)
    const failure = error as GraphqlFailure;
    if (!failure.data) throw error;
    data = failure.data;
    errors = failure.errors ?? [];
  }
  const results: ForkPlaybook[] = [];
  for (const [i, fork] of forks.entries()) {
    const node = data[`r${i}`] ?? null;
    if (node === null) {
      const error = errors.find((e) => e.path?.[0] === `r${i}`);
      const reason =
        error?.type === 'NOT_FOUND'
          ? 'the fork no longer exists or the token cannot see it'
          : error?.type === 'FORBIDDEN'
            ? 'the token is not allowed to read this fork'
            : `GitHub could not read the fork${error?.message ? `: ${error.message}` : ''}`;
      results.push({ fork, head: null, read: { kind: 'unreadable', reason } });
      continue;
    }
    if (node.isEmpty) {
      results.push({ fork, head: null, read: { kind: 'empty' } });
      continue;
    }
    const target = node.defaultBranchRef?.target;
    const head = target?.oid ? { sha: target.oid, date: target.committedDate ?? '' } : null;
    results.push({ fork, head, read: entryRead(node, posix.basename(path)) });
  }
  // what GraphQL would not return as text: ask the contents API (its limit is 100 MB)
  for (const entry of results) {
    if (entry.read.kind === 'unreadable' && entry.read.reason === NEEDS_REST && entry.head) {
      entry.read = await readFileAt(client, { owner: entry.fork.owner, repo: entry.fork.name, path, ref: entry.head.sha });
    }
  }
  return results;
}

const NEEDS_REST = 'needs the contents API';

/** Git's modes for a symbolic link and a submodule, as GraphQL gives them (decimal). */
const LINK_MODE = 0o120000;
const SUBMODULE_MODE = 0o160000;

function entryRead(node: RepositoryNode, name: string): PlaybookRead {
  const mode = node.folder?.entries?.find((entry) => entry.name === name)?.mode;
  if (mode === LINK_MODE) return { kind: 'unreadable', reason: LINK_REASON };
  if (mode === SUBMODULE_MODE) return { kind: 'unreadable', reason: SUBMODULE_REASON };
  return blobRead(node.object);
}

function blobRead(object: RepositoryNode['object']): PlaybookRead {
  if (object === null) return { kind: 'missing' };
  if (object.isBinary) return { kind: 'unreadable', reason: 'is a binary file, not Markdown text' };
  if (typeof object.byteSize !== 'number') return { kind: 'unreadable', reason: 'is a directory, not a file' };
  if (object.byteSize > LIMITS.maxBytes) {
    return { kind: 'unreadable', reason: tooLargeReason(object.byteSize) };
  }
  if (typeof object.text === 'string') return { kind: 'ok', bytes: Buffer.from(object.text, 'utf8') };
  return object.byteSize > GRAPHQL_TEXT_LIMIT || object.text === null ? { kind: 'unreadable', reason: NEEDS_REST } : { kind: 'missing' };
}
