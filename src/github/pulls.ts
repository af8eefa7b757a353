/** The pull request as it is now: its head commit and labels, read just before the Action writes anything. */
import type { Client } from './client.js';
import type { PullRef } from './comments.js';
import { apiError } from './errors.js';

export interface PullState {
  /** The head commit now; a push since the event moved it. */
  headSha: string;
  labels: string[];
}

/** Reads the pull request's current head SHA and labels. */
export async function readPull(client: Client, pr: PullRef): Promise<PullState> {
  try {
    const { data } = await client.rest.pulls.get({ owner: pr.owner, repo: pr.repo, pull_number: pr.number });
    return { headSha: data.head.sha, labels: data.labels.map((l) => l.name) };
  } catch (error) {
    throw apiError(`read #${pr.number} to confirm its head commit`, error);
  }
}
