/** Links to a playbook at a commit. GitHub renders Markdown files, so a line link asks for the plain text view. */

export interface FileAtCommit {
  /** The repository's page, e.g. https://github.com/learner/course. */
  repoUrl: string;
  /** The commit checked. */
  sha: string;
  /** The playbook's path in the repository. */
  path: string;
}

/** The repository page of `owner/repo` on a GitHub server (https://github.com or a GitHub Enterprise Server URL). */
export function repoUrl(serverUrl: string, owner: string, repo: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${owner}/${repo}`;
}

/** The file at the commit, rendered. */
export function fileUrl(file: FileAtCommit): string {
  return `${file.repoUrl}/blob/${file.sha}/${file.path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The line in the file's plain-text view (`?plain=1#L12`): a rendered page has no line anchors. */
export function lineUrl(file: FileAtCommit, line: number): string {
  return `${fileUrl(file)}?plain=1#L${line}`;
}

/** The commit's page. */
export function commitUrl(file: FileAtCommit): string {
  return `${file.repoUrl}/commit/${file.sha}`;
}
