/** Lists every fork of a repository (all pages). */
import type { Client } from './client.js';
import { repoUrl } from '../report/links.js';
import { apiError } from './errors.js';

export interface Fork {
  owner: string;
  name: string;
  /** "owner/name". */
  fullName: string;
  htmlUrl: string;
  archived: boolean;
}

/**
 * Every fork of `owner/repo`, 100 a page, oldest first; a missing template is a 404 GitHubApiError. A fork's
 * page is the API's `html_url`, or built from `serverUrl` (https://github.com, or the GitHub Enterprise Server).
 */
export async function listForks(client: Client, owner: string, repo: string, serverUrl: string): Promise<Fork[]> {
  try {
    const forks = await client.paginate(client.rest.repos.listForks, { owner, repo, per_page: 100, sort: 'oldest' });
    return forks.map((f) => ({
      owner: f.owner.login,
      name: f.name,
      fullName: f.full_name ?? `${f.owner.login}/${f.name}`,
      htmlUrl: f.html_url || repoUrl(serverUrl, f.owner.login, f.name),
      archived: f.archived ?? false,
    }));
  } catch (error) {
    throw apiError(`list the forks of ${owner}/${repo}`, error);
  }
}
