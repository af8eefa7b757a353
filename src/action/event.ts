/** What the workflow event asks to check: a pull request's head, or a pushed commit. */
import type { PullRef } from '../github/comments.js';

export interface PullRequestTarget {
  kind: 'pull_request';
  pr: PullRef;
  /** Where the head commit's files live: the fork for a fork's pull request. */
  head: { owner: string; repo: string; sha: string };
  labels: string[];
  fork: boolean;
}

export interface CommitTarget {
  kind: 'commit';
  owner: string;
  repo: string;
  sha: string;
  /** Whether this is a push to the repository's default branch (where the badge is published). */
  onDefaultBranch: boolean;
}

interface Payload {
  pull_request?: {
    number: number;
    labels?: Array<{ name: string }>;
    head: { sha: string; repo: { name: string; owner: { login: string }; full_name?: string } | null };
    base: { repo: { name: string; owner: { login: string } } };
  };
  after?: string;
  ref?: string;
  repository?: { default_branch?: string };
}

/** Reads the event: pull_request / pull_request_target give the head commit; anything else the pushed SHA. */
export function readEvent(
  eventName: string,
  payload: Payload,
  repo: { owner: string; repo: string },
  sha: string,
  ref: string,
): PullRequestTarget | CommitTarget {
  const pull = payload.pull_request;
  if (pull && (eventName === 'pull_request' || eventName === 'pull_request_target')) {
    const base = { owner: pull.base.repo.owner.login, repo: pull.base.repo.name };
    const headRepo = pull.head.repo;
    if (headRepo === null) throw new Error(`the head repository of #${pull.number} was deleted; nothing to check`);
    const head = { owner: headRepo.owner.login, repo: headRepo.name, sha: pull.head.sha };
    return {
      kind: 'pull_request',
      pr: { ...base, number: pull.number },
      head,
      labels: (pull.labels ?? []).map((l) => l.name),
      fork: head.owner !== base.owner || head.repo !== base.repo,
    };
  }
  const defaultBranch = payload.repository?.default_branch;
  return {
    kind: 'commit',
    ...repo,
    sha: payload.after && !/^0+$/.test(payload.after) ? payload.after : sha,
    onDefaultBranch: eventName === 'push' && defaultBranch !== undefined && (payload.ref ?? ref) === `refs/heads/${defaultBranch}`,
  };
}
