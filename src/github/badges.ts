/**
 * Publishes the badge files to a branch of their own with the Git Data API and the workflow token: no
 * personal token, no gist, no checkout. A commit is made only when a file's content changed.
 */
import { createHash } from 'node:crypto';
import type { Client } from './client.js';
import { apiError, statusOf } from './errors.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export type PublishOutcome = 'created' | 'updated' | 'unchanged';

/** The SHA git gives a blob with this content (`git hash-object`). */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The branch's head commit SHA, or null when the branch does not exist. */
export async function branchHead(client: Client, repo: RepoRef, branch: string): Promise<string | null> {
  try {
    const { data } = await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw apiError(`read the branch ${branch}`, error);
  }
}

/** The files (path → blob SHA) at the top of a commit's tree. */
export async function commitFiles(client: Client, repo: RepoRef, commit: string): Promise<{ tree: string; files: Map<string, string> }> {
  try {
    const { data: c } = await client.rest.git.getCommit({ ...repo, commit_sha: commit });
    const { data: t } = await client.rest.git.getTree({ ...repo, tree_sha: c.tree.sha });
    return { tree: c.tree.sha, files: new Map(t.tree.map((entry) => [entry.path ?? '', entry.sha ?? ''])) };
  } catch (error) {
    throw apiError(`read commit ${commit.slice(0, 7)}`, error);
  }
}

/** Commits `files` to `branch` (an orphan branch when it does not exist yet), unless they are already there. */
export async function publishFiles(
  client: Client,
  repo: RepoRef,
  branch: string,
  files: Record<string, string>,
  message: string,
): Promise<PublishOutcome> {
  const head = await branchHead(client, repo, branch);
  let baseTree: string | undefined;
  if (head !== null) {
    const current = await commitFiles(client, repo, head);
    const changed = Object.entries(files).some(([path, content]) => current.files.get(path) !== gitBlobSha(content));
    if (!changed) return 'unchanged';
    baseTree = current.tree;
  }
  try {
    const { data: tree } = await client.rest.git.createTree({
      ...repo,
      ...(baseTree && { base_tree: baseTree }),
      tree: Object.entries(files).map(([path, content]) => ({ path, mode: '100644' as const, type: 'blob' as const, content })),
    });
    const { data: commit } = await client.rest.git.createCommit({ ...repo, message, tree: tree.sha, parents: head ? [head] : [] });
    if (head) await client.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: commit.sha, force: false });
    else await client.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: commit.sha });
  } catch (error) {
    throw apiError(`commit the badge to the ${branch} branch`, error);
  }
  return head ? 'updated' : 'created';
}
