/** Commit-status and issue endpoints for cohort enforcement, one small function each. */
import type { Client } from './client.js';
import { apiError, statusOf } from './errors.js';

export interface RepoAt {
  owner: string;
  repo: string;
}

export interface CommitStatus {
  state: 'success' | 'failure';
  description: string;
}

/** The latest status the `context` has on a commit, or null. */
export async function currentStatus(client: Client, repo: RepoAt, sha: string, context: string): Promise<CommitStatus | null> {
  try {
    const { data } = await client.rest.repos.getCombinedStatusForRef({ ...repo, ref: sha, per_page: 100 });
    const status = data.statuses.find((s) => s.context === context);
    return status ? { state: status.state as CommitStatus['state'], description: status.description ?? '' } : null;
  } catch (error) {
    throw apiError(`read the statuses of ${repo.owner}/${repo.repo}@${sha.slice(0, 7)}`, error);
  }
}

export async function setStatus(client: Client, repo: RepoAt, sha: string, context: string, status: CommitStatus, targetUrl?: string): Promise<void> {
  try {
    await client.rest.repos.createCommitStatus({
      ...repo,
      sha,
      context,
      state: status.state,
      description: status.description,
      ...(targetUrl && { target_url: targetUrl }),
    });
  } catch (error) {
    throw apiError(`set the ${context} status on ${repo.owner}/${repo.repo}@${sha.slice(0, 7)}`, error);
  }
}

export interface IssueSummary {
  number: number;
  state: 'open' | 'closed';
  body: string;
}

/** The issues `creator` opened with `marker` in their body (any state), oldest first; issues disabled reads as none. */
export async function findMarkedIssues(client: Client, repo: RepoAt, creator: string, marker: string): Promise<IssueSummary[]> {
  try {
    const issues = await client.paginate(client.rest.issues.listForRepo, {
      ...repo,
      creator,
      state: 'all',
      sort: 'created',
      direction: 'asc',
      per_page: 100,
    });
    return issues
      .filter((i) => !i.pull_request && (i.body ?? '').includes(marker))
      .map((i) => ({ number: i.number, state: i.state as IssueSummary['state'], body: i.body ?? '' }))
      .sort((a, b) => a.number - b.number);
  } catch (error) {
    if (statusOf(error) === 410) return [];
    throw apiError(`list the issues of ${repo.owner}/${repo.repo}`, error);
  }
}

export async function openIssue(client: Client, repo: RepoAt, title: string, body: string): Promise<number> {
  try {
    const { data } = await client.rest.issues.create({ ...repo, title, body });
    return data.number;
  } catch (error) {
    throw apiError(`open an issue on ${repo.owner}/${repo.repo}`, error);
  }
}

export async function editIssue(
  client: Client,
  repo: RepoAt,
  number: number,
  change: { title?: string; body?: string; state?: 'open' | 'closed'; state_reason?: 'completed' | 'not_planned' | 'reopened' },
): Promise<void> {
  try {
    await client.rest.issues.update({ ...repo, issue_number: number, ...change });
  } catch (error) {
    throw apiError(`update issue #${number} on ${repo.owner}/${repo.repo}`, error);
  }
}
