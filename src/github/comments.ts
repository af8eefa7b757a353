/** Issue-comment endpoints, one function each, and the sync that keeps exactly one checklist comment. */
import type { Client } from './client.js';
import { apiError } from './errors.js';

export interface PullRef {
  owner: string;
  repo: string;
  number: number;
}

export interface IssueComment {
  id: number;
  body: string;
  login: string;
  /** Posted by a bot account (an app such as github-actions, or a machine user GitHub marks as a bot). */
  bot: boolean;
}

/** Every comment on the pull request, oldest first. */
export async function listComments(client: Client, pr: PullRef): Promise<IssueComment[]> {
  try {
    const all = await client.paginate(client.rest.issues.listComments, { owner: pr.owner, repo: pr.repo, issue_number: pr.number, per_page: 100 });
    return all.map((c) => ({ id: c.id, body: c.body ?? '', login: c.user?.login ?? '', bot: c.user?.type === 'Bot' }));
  } catch (error) {
    throw apiError(`list the comments of #${pr.number}`, error);
  }
}

export async function createComment(client: Client, pr: PullRef, body: string): Promise<number> {
  try {
    const { data } = await client.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body });
    return data.id;
  } catch (error) {
    throw apiError(`comment on #${pr.number}`, error);
  }
}

export async function updateComment(client: Client, pr: PullRef, id: number, body: string): Promise<void> {
  try {
    await client.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: id, body });
  } catch (error) {
    throw apiError(`update comment ${id} on #${pr.number}`, error);
  }
}

/** Deletes a comment; one already gone (a concurrent run deleted it) is fine. */
export async function deleteComment(client: Client, pr: PullRef, id: number): Promise<void> {
  try {
    await client.rest.issues.deleteComment({ owner: pr.owner, repo: pr.repo, comment_id: id });
  } catch (error) {
    if ((error as { status?: number }).status === 404) return;
    throw apiError(`delete duplicate comment ${id} on #${pr.number}`, error);
  }
}

/** The login the token acts as (`github-actions[bot]` for the workflow token), or null if GitHub will not say. */
export async function viewerLogin(client: Client): Promise<string | null> {
  try {
    const data = await client.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    return data.viewer.login;
  } catch {
    return null;
  }
}

export type CommentOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Which marked comments are ours: those written by the token's identity; when GitHub will not say who that
 * is, those a bot account wrote. A person who pastes the marker never gets their comment edited or deleted.
 */
function isOurs(comment: IssueComment, me: string | null): boolean {
  return me === null ? comment.bot : comment.login === me;
}

/**
 * Keeps one checklist comment on the pull request: ours is found by the hidden marker and by its author
 * being the token's identity, updated in place when its text changed, created when absent. Duplicates left
 * by concurrent runs are deleted, keeping the oldest.
 */
export async function syncComment(client: Client, pr: PullRef, marker: string, body: string): Promise<CommentOutcome> {
  const marked = (await listComments(client, pr)).filter((c) => c.body.includes(marker));
  if (marked.length === 0) {
    await createComment(client, pr, body);
    await removeDuplicates(client, pr, marker, undefined);
    return 'created';
  }
  // somebody could paste the marker: only comments written by this token's identity count
  const me = await viewerLogin(client);
  const ours = marked.filter((c) => isOurs(c, me));
  if (ours.length === 0) {
    await createComment(client, pr, body);
    await removeDuplicates(client, pr, marker, me);
    return 'created';
  }
  const [keep, ...extra] = ours;
  for (const comment of extra) await deleteComment(client, pr, comment.id);
  if (keep!.body === body) return 'unchanged';
  await updateComment(client, pr, keep!.id, body);
  return 'updated';
}

/** After creating: if concurrent runs created comments too, keep the oldest of ours and delete the rest. */
async function removeDuplicates(client: Client, pr: PullRef, marker: string, me: string | null | undefined): Promise<void> {
  const login = me === undefined ? await viewerLogin(client) : me;
  const ours = (await listComments(client, pr)).filter((c) => c.body.includes(marker) && isOurs(c, login));
  for (const comment of ours.slice(1)) await deleteComment(client, pr, comment.id);
}
