/** Reads the playbook's bytes at a commit through the contents API; never checks out or runs anything. */
import { LIMITS, LINK_REASON, SUBMODULE_REASON, tooLargeReason, type PlaybookRead } from '../core/decode.js';
import type { Client } from './client.js';
import { apiError, statusOf } from './errors.js';

export interface FileAt {
  owner: string;
  repo: string;
  path: string;
  /** A commit SHA. */
  ref: string;
}

export type { PlaybookRead };

/** The file's bytes, or why there are none: missing (404), a directory, a link or submodule, or too large. */
export async function readFileAt(client: Client, file: FileAt): Promise<PlaybookRead> {
  let data: unknown;
  try {
    ({ data } = await client.rest.repos.getContent({ owner: file.owner, repo: file.repo, path: file.path, ref: file.ref }));
  } catch (error) {
    if (statusOf(error) === 404) return { kind: 'missing' };
    if (statusOf(error) === 403 && /too.?large/i.test(String((error as Error).message))) {
      return { kind: 'unreadable', reason: 'is too large for the contents API' };
    }
    throw apiError(`read ${file.path} at ${file.ref.slice(0, 7)} in ${file.owner}/${file.repo}`, error);
  }
  if (Array.isArray(data)) return { kind: 'unreadable', reason: 'is a directory, not a file' };
  const entry = data as { type?: string; path?: string; size?: number; encoding?: string; content?: string };
  // a link to a file in the repository comes back as that file, under the target's path
  if (entry.type === 'symlink' || (entry.type === 'file' && entry.path !== undefined && entry.path !== file.path)) {
    return { kind: 'unreadable', reason: LINK_REASON };
  }
  if (entry.type === 'submodule') return { kind: 'unreadable', reason: SUBMODULE_REASON };
  if (entry.type !== 'file') return { kind: 'unreadable', reason: `is a ${entry.type ?? 'non-file'}, not a file` };
  if ((entry.size ?? 0) > LIMITS.maxBytes) {
    return { kind: 'unreadable', reason: tooLargeReason(entry.size ?? 0) };
  }
  if (entry.encoding === 'base64' && typeof entry.content === 'string') return { kind: 'ok', bytes: Buffer.from(entry.content, 'base64') };
  // files over 1 MB come without content in JSON: ask for the raw bytes
  try {
    const { data: raw } = await client.rest.repos.getContent({
      owner: file.owner,
      repo: file.repo,
      path: file.path,
      ref: file.ref,
      mediaType: { format: 'raw' },
    });
    const rawData: unknown = raw;
    if (typeof rawData === 'string') return { kind: 'ok', bytes: Buffer.from(rawData, 'utf8') };
    if (rawData instanceof ArrayBuffer) return { kind: 'ok', bytes: new Uint8Array(rawData) };
    return { kind: 'unreadable', reason: 'came back from the contents API in a form that is not text' };
  } catch (error) {
    throw apiError(`read the raw ${file.path} at ${file.ref.slice(0, 7)}`, error);
  }
}
