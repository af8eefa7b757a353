/**
 * A small fake of the GitHub REST + GraphQL API for tests, on 127.0.0.1 over real HTTP (node:http only).
 *
 * It answers the endpoints the Action and the cohort scan use the way api.github.com does (status codes,
 * the JSON fields a client reads, `Link` pagination), records every request, and lets a test inject
 * faults, latency and a read-only token. State lives in memory; nothing is shared between two fakes.
 *
 * Conventions worth knowing:
 * - owner/repo are case-insensitive, as on GitHub; a contents request without `?ref=` reads the default
 *   branch of a repository added with `addRepository`, else ref `main`; `refs/heads/x` is the same ref as `x`.
 * - Two kinds of repository. Any owner/repo exists implicitly for contents, comments, labels, issues,
 *   statuses and the Git Data API. Only repositories added with `addRepository` (or `generateForks`) have
 *   metadata: GET /repos/{o}/{r}, forks and GraphQL `repository` answer 404 / NOT_FOUND for the others.
 *   An added repository can be deleted (404 everywhere), forbidden (403 everywhere), archived or
 *   read-only (403 to writes), empty (no commits) or have issues disabled (410 on issue endpoints).
 * - Files seeded with setFile/setDirectory/setHugeFile live under a ref name and shadow a git branch or
 *   commit of the same name; files of an added repository, and everything written through the Git Data
 *   API, are real git objects (blob, tree and commit SHAs are the ones git computes).
 * - Comments and labels exist on any issue number (no issue is needed); GET/PATCH /issues/{n} need an
 *   issue created through POST /issues or `addIssue`.
 * - Statuses on an implicit repository accept any 40-hex SHA; on an added one, only known commits.
 * - Error bodies carry `message` plus `documentation_url` and `status`, as GitHub's do, so a client's
 *   RequestError message reads `<message> - <documentation_url>` exactly as it will in production.
 *   Bodies given to `fail()` are sent verbatim.
 * - `Call.path` is the percent-decoded path without the query; `FaultRule.path` is tested against it.
 * - GraphQL: a small parser and executor for the query subset the cohort scan sends (see
 *   `graphqlTypes`); a field the fake does not model answers HTTP 400 naming it, so a test never passes
 *   on a silently-null field.
 */
import { createHash } from 'node:crypto';
import { STATUS_CODES, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { diffLines, structuredPatch } from 'diff';

export interface Call {
  method: string;
  /** Percent-decoded path, without the query string. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body; the raw text when it did not parse; undefined when empty. */
  body: unknown;
  /** Status answered; 0 while the request is still in flight. */
  status: number;
  /** When the request arrived, in milliseconds since the epoch (sub-millisecond precision). */
  at: number;
  /** POST /graphql only: root fields the operation selected (each `rN: repository(…)` alias is one). */
  graphqlAliases?: number;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  created_at: string;
  updated_at: string;
  html_url: string;
}

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface FaultRule {
  /** Any method when absent; compared case-insensitively. */
  method?: string;
  /** Tested against the percent-decoded path, without the query string. */
  path: RegExp;
  status: number;
  /** Default: `{ message: <reason phrase> }`; for 429 GitHub's secondary-rate-limit message. */
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests get the fault; default 1, Infinity = always. */
  times?: number;
}

/**
 * path → content (UTF-8 text or bytes), or `{ symlink: target }` for a symbolic link (a 120000 blob holding the
 * target, as git stores one). In a fork's spec, `null` deletes a file of the parent.
 */
export type FileTree = Record<string, string | Uint8Array | { symlink: string } | null>;

export interface RepositorySpec {
  owner: string;
  name: string;
  /** "owner/name" of the repository this is a fork of, added before it; null or absent: not a fork. */
  parent?: string | null;
  /** Default: the parent's default branch, else `main`. */
  defaultBranch?: string;
  archived?: boolean;
  /** No commits: no default branch ref, contents answer 404 "This repository is empty.", size 0. */
  empty?: boolean;
  /** Answers 404 to every request and is left out of its parent's forks (see deleteRepository). */
  deleted?: boolean;
  /** Answers 403 to every request, reads included; GraphQL gives null and a FORBIDDEN error. */
  forbidden?: boolean;
  /** Writes answer 403 Resource not accessible by integration; reads are served (as readOnly()). */
  readOnly?: boolean;
  /** Default true. False: issue endpoints answer 410 Issues are disabled for this repo (GitHub's default for forks). */
  hasIssues?: boolean;
  /**
   * Files at the head of the default branch. Not a fork: the whole tree (default: none). A fork: with
   * neither `files` nor `head`, the fork's head is its parent's head commit (a fresh fork); otherwise a new
   * commit on top of the parent's head whose tree is the parent's files with these changes (`null` deletes).
   */
  files?: FileTree;
  /** The head commit: `sha` stores it under that SHA instead of the computed one; dates default to createdAt. */
  head?: { sha?: string; committedDate?: string; message?: string };
  /** ISO 8601; default: a fixed clock one minute later per repository added, so `sort=newest` is stable. */
  createdAt?: string;
  /** ISO 8601; default: the head commit's date, else createdAt. */
  pushedAt?: string;
}

/** A fork's spec for generateForks: `owner` defaults to `learner-<i+1>`, `name` to the template's name. */
export type ForkSpec = Omit<RepositorySpec, 'parent' | 'name' | 'owner'> & { owner?: string; name?: string };

/** A snapshot of an added repository's state. */
export interface RepositoryInfo {
  owner: string;
  name: string;
  /** "owner/name". */
  fullName: string;
  parent: string | null;
  defaultBranch: string;
  archived: boolean;
  /** True while the repository has no branch. */
  empty: boolean;
  deleted: boolean;
  forbidden: boolean;
  readOnly: boolean;
  hasIssues: boolean;
  /** The default branch's head commit, or null when empty. */
  headSha: string | null;
  committedDate: string | null;
  createdAt: string;
  pushedAt: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | null;
  user: { login: string; type: 'Bot' | 'User' };
  labels: string[];
  /** True for a pull request seeded with addIssue: GitHub lists pull requests among issues. */
  isPullRequest: boolean;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  html_url: string;
}

export interface IssueSpec {
  title: string;
  body?: string | null;
  labels?: string[];
  state?: 'open' | 'closed';
  /** Default: the viewer. */
  login?: string;
  /** Seeds a pull request, which GET /issues lists with a `pull_request` field, as GitHub does. */
  pullRequest?: boolean;
}

export type StatusState = 'error' | 'failure' | 'pending' | 'success';

export interface FakeStatus {
  id: number;
  sha: string;
  state: StatusState;
  context: string;
  description: string | null;
  target_url: string | null;
  /** Login of the token that created it. */
  creator: string;
  created_at: string;
}

export interface FakeCommit {
  sha: string;
  message: string;
  tree: string;
  parents: string[];
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
}

export interface HangRule {
  /** Any method when absent; compared case-insensitively. */
  method?: string;
  /** Tested against the percent-decoded path, without the query string. */
  path: RegExp;
  times?: number;
}

export interface MatchFault {
  match: (call: Call) => boolean;
  status: number;
  /** Sent verbatim; default `{ message: <reason phrase> }`. */
  body?: unknown;
  headers?: Record<string, string>;
  times?: number;
}

export interface PullRequestSpec {
  number: number;
  headSha: string;
  /** "owner/name" the head commit lives in (a fork); default the base repository. */
  headRepo?: string;
  state?: 'open' | 'closed';
}

export interface FakeGitHub {
  /** `http://127.0.0.1:<port>`: use as baseUrl / GITHUB_API_URL; GraphQL is POST `${url}/graphql`. */
  url: string;
  /** Pull requests: changed files, reviews, review comments and threads (see the section at the end). */
  pulls: FakePullRequests;
  /** Every request, in order of arrival, with the status answered. */
  calls: Call[];
  /** Login of the token's identity; read at request time, so a test may reassign it. */
  viewer: string;
  setFile(owner: string, repo: string, ref: string, path: string, content: string | Uint8Array): void;
  setDirectory(owner: string, repo: string, ref: string, path: string): void;
  setHugeFile(owner: string, repo: string, ref: string, path: string, size: number): void;
  /**
   * A symbolic link at `path` to `target` (relative to the link's folder). The contents API answers for it
   * as GitHub does: with the target file's content under the target's path when the target is a file at
   * that ref, else with `type: "symlink"` and the target.
   */
  setSymlink(owner: string, repo: string, ref: string, path: string, target: string): void;
  /** A submodule (gitlink) at `path` pinned to commit `sha`: the contents API answers `type: "submodule"`. */
  setSubmodule(owner: string, repo: string, ref: string, path: string, sha: string): void;
  /** A copy of the issue's comments, oldest first. */
  comments(owner: string, repo: string, issue: number): FakeComment[];
  /** Seeds a comment; `login` defaults to the viewer. */
  addComment(owner: string, repo: string, issue: number, body: string, login?: string): FakeComment;
  issueLabels(owner: string, repo: string, issue: number): string[];
  /** Replaces the issue's labels, creating unknown repository labels as GitHub does. */
  setIssueLabels(owner: string, repo: string, issue: number, names: string[]): void;
  repoLabels(owner: string, repo: string): FakeLabel[];
  /** Throws when the label already exists (compared case-insensitively, as GitHub does). */
  addRepoLabel(owner: string, repo: string, name: string, color?: string, description?: string | null): FakeLabel;
  fail(rule: FaultRule): void;
  latency(ms: number): void;
  readOnly(owner: string, repo: string): void;
  /** Matching requests are accepted and never answered (until close()); `times` default 1, Infinity = always. */
  hang(rule: HangRule): void;
  /** Answers the requests `match` picks (e.g. the GraphQL batch naming one fork) with this reply, `times` times (default 1). */
  failWhen(fault: MatchFault): void;
  /** Creates pull request `number`, or moves its head (GET /repos/{o}/{r}/pulls/{n}); its labels are the issue's. */
  setPullRequest(owner: string, repo: string, spec: PullRequestSpec): void;

  /** Adds a repository with metadata and a git history (see RepositorySpec); throws if already added or the parent is unknown. */
  addRepository(spec: RepositorySpec): RepositoryInfo;
  /**
   * Adds `count` forks of `template` ("owner/name", added before), fork i from `make(i)` (default `{}`: owner
   * `learner-<i+1>`, a fresh fork sharing the template's head commit). Returns them in the order added (oldest first).
   */
  generateForks(template: string, count: number, make?: (i: number) => ForkSpec): RepositoryInfo[];
  /** Marks an added repository deleted: 404 from then on, gone from its parent's forks (later pages shift, as on GitHub). */
  deleteRepository(owner: string, name: string): void;
  /** A snapshot of an added repository, or null. */
  repository(owner: string, name: string): RepositoryInfo | null;
  /** The repository's issues (and seeded pull requests), by number. */
  issues(owner: string, repo: string): FakeIssue[];
  /** Seeds an issue (or pull request) with the next number. */
  addIssue(owner: string, repo: string, spec: IssueSpec): FakeIssue;
  /** Statuses of a commit (SHA or branch name), newest first. */
  statuses(owner: string, repo: string, ref: string): FakeStatus[];
  /** Commits `files` as the whole tree of a new commit on `branch` (parent: its tip, if any); returns the commit SHA. */
  commitFiles(owner: string, repo: string, branch: string, files: Record<string, string | Uint8Array>, message?: string): string;
  /** The files at the tip of `branch`, decoded as UTF-8, or null when there is no such branch. */
  branchFiles(owner: string, repo: string, branch: string): Record<string, string> | null;
  /** The branch's history along first parents, newest first; [] when there is no such branch. */
  branchLog(owner: string, repo: string, branch: string): FakeCommit[];
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------
// State

/** GitHub's contents API inlines files up to 1 MB; larger ones come back with content "" and encoding "none". */
const INLINE_LIMIT = 1024 * 1024;
/** GraphQL `Blob.text` is null above this many bytes (`isTruncated`). */
const GRAPHQL_TEXT_LIMIT = 512_000;
const DEFAULT_REF = 'main';
const DOCS = 'https://docs.github.com/rest';
const READ_ONLY_MESSAGE = 'Resource not accessible by integration';
const ARCHIVED_MESSAGE = 'Repository was archived so is read-only.';
const SECONDARY_RATE_LIMIT = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
/** The clock for repositories added without createdAt: one minute apart from here. */
const CLOCK_START = Date.parse('2025-09-01T00:00:00Z');

type Entry =
  { kind: 'file'; bytes: () => Buffer; size: number } | { kind: 'dir' } | { kind: 'symlink'; target: string } | { kind: 'submodule'; sha: string };

interface StoredComment extends FakeComment {
  issue: number;
}

interface StoredIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: FakeIssue['state_reason'];
  login: string;
  pullRequest: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Increases on every change, so sort=updated is stable within one second. */
  updatedSeq: number;
}

interface RepoMeta {
  parent: RepoState | null;
  defaultBranch: string;
  archived: boolean;
  deleted: boolean;
  forbidden: boolean;
  hasIssues: boolean;
  createdAt: string;
  pushedAt: string;
  /** Order of addition; also the repository id's low digits. */
  order: number;
}

interface RepoState {
  owner: string;
  repo: string;
  /** Seeded files: ref → path → entry. Parent directories of a file are implied, not stored. */
  refs: Map<string, Map<string, Entry>>;
  /** issue → comments, oldest first. */
  comments: Map<number, StoredComment[]>;
  /** lower-cased name → label. */
  labels: Map<string, FakeLabel>;
  /** issue → label ids, in the order added. */
  issueLabels: Map<number, number[]>;
  readOnly: boolean;
  /** Set by addRepository: metadata for GET /repos, forks and GraphQL. */
  meta: RepoMeta | null;
  /** The repository network's git objects: a fork shares its parent's, as on GitHub. */
  objects: Map<string, GitObject>;
  /** Branch name → commit SHA. */
  heads: Map<string, string>;
  issues: Map<number, StoredIssue>;
  /** Oldest first. */
  statuses: FakeStatus[];
}

type Registered = RepoState & { meta: RepoMeta };

const timestamp = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const isBot = (login: string) => login.endsWith('[bot]');
const userType = (login: string): 'Bot' | 'User' => (isBot(login) ? 'Bot' : 'User');
const normalizeRef = (ref: string) => ref.replace(/^refs\/heads\//, '');
const normalizePath = (path: string) => path.split('/').filter(Boolean).join('/');
const isSha = (text: string) => /^[0-9a-f]{40}$/.test(text);
const isSymlinkSpec = (content: unknown): content is { symlink: string } => typeof content === 'object' && content !== null && 'symlink' in content;
const toBuffer = (content: string | Uint8Array) => (typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content));
const gitSha = (type: string, body: Buffer) => createHash('sha1').update(`${type} ${body.length}\0`).update(body).digest('hex');
const blobSha = (bytes: Buffer) => gitSha('blob', bytes);
/** Base64 wrapped at 60 characters with a trailing newline, as the contents API sends it. */
const wrappedBase64 = (bytes: Buffer) => (bytes.toString('base64').match(/.{1,60}/g) ?? []).map((l) => `${l}\n`).join('');
const nodeId = (prefix: string, key: string) => `${prefix}_${Buffer.from(key).toString('base64url')}`;
const fullName = (state: RepoState) => `${state.owner}/${state.repo}`;

function splitFullName(text: string): [string, string] {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(text);
  if (!match) throw new Error(`"${text}" is not an owner/name repository name`);
  return [match[1]!, match[2]!];
}

// ---------------------------------------------------------------------------------------------------
// Git objects, with the SHA-1s git computes

interface GitSignature {
  name: string;
  email: string;
  /** ISO 8601, seconds precision, UTC. */
  date: string;
}

interface GitTreeEntry {
  name: string;
  /** As the REST API writes it: 100644, 100755, 120000, 040000 (tree) or 160000 (submodule). */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

interface GitCommit {
  type: 'commit';
  tree: string;
  parents: string[];
  message: string;
  author: GitSignature;
  committer: GitSignature;
}

type GitObject = { type: 'blob'; bytes: Buffer } | { type: 'tree'; entries: GitTreeEntry[] } | GitCommit;

/** A tree flattened to its leaves (blobs and submodules), path → entry; git has no empty directories. */
type FlatTree = Map<string, Omit<GitTreeEntry, 'name'>>;

const FILE_MODES = new Set(['100644', '100755', '120000']);
const modeType = (mode: string): GitTreeEntry['type'] | null =>
  FILE_MODES.has(mode) ? 'blob' : mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : null;

function writeBlob(objects: Map<string, GitObject>, bytes: Buffer): string {
  const sha = blobSha(bytes);
  if (!objects.has(sha)) objects.set(sha, { type: 'blob', bytes });
  return sha;
}

/** Git orders tree entries by name, a directory's name compared as if it ended with "/". */
function gitOrder(a: GitTreeEntry, b: GitTreeEntry): number {
  const key = (e: GitTreeEntry) => Buffer.from(e.type === 'tree' ? `${e.name}/` : e.name);
  return Buffer.compare(key(a), key(b));
}

function writeTree(objects: Map<string, GitObject>, entries: GitTreeEntry[]): string {
  const sorted = [...entries].sort(gitOrder);
  const body = Buffer.concat(sorted.flatMap((e) => [Buffer.from(`${e.mode.replace(/^0+/, '')} ${e.name}\0`), Buffer.from(e.sha, 'hex')]));
  const sha = gitSha('tree', body);
  if (!objects.has(sha)) objects.set(sha, { type: 'tree', entries: sorted });
  return sha;
}

function writeFlatTree(objects: Map<string, GitObject>, flat: FlatTree): string {
  const here: GitTreeEntry[] = [];
  const below = new Map<string, FlatTree>();
  for (const [path, entry] of flat) {
    const slash = path.indexOf('/');
    if (slash === -1) {
      here.push({ name: path, ...entry });
      continue;
    }
    const dir = path.slice(0, slash);
    let sub = below.get(dir);
    if (!sub) below.set(dir, (sub = new Map()));
    sub.set(path.slice(slash + 1), entry);
  }
  for (const [name, sub] of below) here.push({ name, mode: '040000', type: 'tree', sha: writeFlatTree(objects, sub) });
  return writeTree(objects, here);
}

function flattenTree(objects: Map<string, GitObject>, sha: string, prefix = '', into: FlatTree = new Map()): FlatTree {
  const tree = objects.get(sha);
  if (tree?.type !== 'tree') return into;
  for (const e of tree.entries) {
    const path = `${prefix}${e.name}`;
    if (e.type === 'tree') flattenTree(objects, e.sha, `${path}/`, into);
    else into.set(path, { mode: e.mode, type: e.type, sha: e.sha });
  }
  return into;
}

/** Removes `path` from a flat tree, whether a file or a directory. */
function removePath(flat: FlatTree, path: string): void {
  flat.delete(path);
  for (const p of [...flat.keys()]) if (p.startsWith(`${path}/`)) flat.delete(p);
}

/** Sets a leaf, replacing a directory at the same path and any file where one of its directories goes. */
function setPath(flat: FlatTree, path: string, entry: Omit<GitTreeEntry, 'name'>): void {
  removePath(flat, path);
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) flat.delete(parts.slice(0, i).join('/'));
  flat.set(path, entry);
}

function writeCommit(objects: Map<string, GitObject>, commit: Omit<GitCommit, 'type'>, forcedSha?: string): string {
  const sig = (s: GitSignature) => `${s.name} <${s.email}> ${Math.floor(Date.parse(s.date) / 1000)} +0000`;
  const text =
    `tree ${commit.tree}\n${commit.parents.map((p) => `parent ${p}\n`).join('')}` +
    `author ${sig(commit.author)}\ncommitter ${sig(commit.committer)}\n\n${commit.message}`;
  const sha = forcedSha ?? gitSha('commit', Buffer.from(text, 'utf8'));
  objects.set(sha, { type: 'commit', ...commit });
  return sha;
}

/** Walks `path` down from a tree; '' is the tree itself. */
function lookupPath(objects: Map<string, GitObject>, treeSha: string, path: string): Omit<GitTreeEntry, 'name'> | null {
  let current: Omit<GitTreeEntry, 'name'> = { mode: '040000', type: 'tree', sha: treeSha };
  for (const part of path.split('/').filter(Boolean)) {
    const tree = objects.get(current.sha);
    if (tree?.type !== 'tree') return null;
    const next = tree.entries.find((e) => e.name === part);
    if (!next) return null;
    current = next;
  }
  return current;
}

/** True when `ancestor` is `sha` or reachable from it through parents. */
function reaches(objects: Map<string, GitObject>, sha: string, ancestor: string): boolean {
  const seen = new Set<string>();
  const queue = [sha];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (next === ancestor) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    const object = objects.get(next);
    if (object?.type === 'commit') queue.push(...object.parents);
  }
  return false;
}

function signatureFor(login: string, date: string): GitSignature {
  return { name: login, email: `${userId(login)}+${login}@users.noreply.github.com`, date };
}

// ---------------------------------------------------------------------------------------------------
// HTTP plumbing

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as-is instead of JSON (raw contents). */
  raw?: { bytes: Buffer; contentType: string };
}

interface Context {
  fake: Fake;
  method: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  headers: IncomingMessage['headers'];
  /** The raw (still percent-encoded) path, for building `Link` URLs. */
  rawPath: string;
  /** This request's record, for handlers that annotate it. */
  call: Call;
}

interface Route {
  method: string;
  /** `/repos/:owner/:repo/...`; a final `*name` takes the rest of the path (possibly empty). */
  pattern: string;
  /** Writes: refused with 403 on a read-only or archived repository. */
  write?: boolean;
  handle(ctx: Context): Reply;
}

const error = (status: number, message: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { message, ...extra, documentation_url: DOCS, status: String(status) },
});
const notFound = () => error(404, 'Not Found');
const validationFailed = (errors: unknown[]) => error(422, 'Validation Failed', { errors });
const notSupplied = (field: string) => error(422, `Invalid request.\n\n"${field}" wasn't supplied.`);

function matchRoute(pattern: string, segments: string[]): Record<string, string> | null {
  const parts = pattern.split('/').slice(1);
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    if (part.startsWith('*')) {
      params[part.slice(1)] = segments.slice(i).map(decode).join('/');
      return params;
    }
    const segment = segments[i];
    if (segment === undefined) return null;
    if (part.startsWith(':')) params[part.slice(1)] = decode(segment);
    else if (part !== segment) return null;
  }
  return segments.length === parts.length ? params : null;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Applies GitHub's per_page (default 30, max 100) and page, adding a `Link` header when there are more pages. */
function paginate(ctx: Context, items: unknown[]): Reply {
  const perPageAsked = Number.parseInt(ctx.query.per_page ?? '', 10);
  const perPage = perPageAsked > 0 ? Math.min(perPageAsked, 100) : 30;
  const pageAsked = Number.parseInt(ctx.query.page ?? '', 10);
  const page = pageAsked > 0 ? pageAsked : 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const body = items.slice((page - 1) * perPage, page * perPage);
  const link = (n: number, rel: string) => {
    const params = new URLSearchParams(ctx.query);
    params.set('per_page', String(perPage));
    params.set('page', String(n));
    return `<${ctx.fake.url}${ctx.rawPath}?${params}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { status: 200, body, ...(links.length > 0 && { headers: { link: links.join(', ') } }) };
}

function issueNumber(ctx: Context): number | null {
  const text = ctx.params.issue ?? '';
  return /^[1-9]\d*$/.test(text) ? Number(text) : null;
}

function bodyField(body: unknown, field: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
}

/** The repository a `/repos/:owner/:repo/...` route names (created implicitly, as for the older endpoints). */
const repoOf = (ctx: Context) => ctx.fake.repoState(ctx.params.owner!, ctx.params.repo!);

// ---------------------------------------------------------------------------------------------------
// JSON shapes

function commentJson(fake: Fake, state: RepoState, c: StoredComment) {
  const base = `${fake.url}/repos/${state.owner}/${state.repo}`;
  return {
    id: c.id,
    node_id: `IC_${Buffer.from(String(c.id)).toString('base64url')}`,
    url: `${base}/issues/comments/${c.id}`,
    html_url: c.html_url,
    issue_url: `${base}/issues/${c.issue}`,
    body: c.body,
    user: { login: c.user.login, id: userId(c.user.login), type: c.user.type },
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    performed_via_github_app: null,
  };
}

function labelJson(fake: Fake, state: RepoState, l: FakeLabel) {
  return {
    id: l.id,
    node_id: `LA_${Buffer.from(String(l.id)).toString('base64url')}`,
    url: `${fake.url}/repos/${state.owner}/${state.repo}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    color: l.color,
    description: l.description,
    default: l.default,
  };
}

/** A stable small number per login, so `user.id` looks real. */
function userId(login: string): number {
  return createHash('sha1').update(login).digest().readUInt32BE(0) % 100_000_000;
}

function contentLinks(fake: Fake, state: RepoState, ref: string, path: string, type: 'file' | 'dir') {
  const api = `${fake.url}/repos/${state.owner}/${state.repo}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const html = `https://github.com/${state.owner}/${state.repo}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${path}`;
  return { url: api, html_url: html };
}

function fileJson(fake: Fake, state: RepoState, ref: string, path: string, entry: Entry & { kind: 'file' }, withContent: boolean) {
  const bytes = entry.bytes();
  const links = contentLinks(fake, state, ref, path, 'file');
  const sha = blobSha(bytes);
  return {
    type: 'file',
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    sha,
    size: entry.size,
    ...links,
    git_url: `${fake.url}/repos/${state.owner}/${state.repo}/git/blobs/${sha}`,
    download_url: `https://raw.githubusercontent.com/${state.owner}/${state.repo}/${ref}/${path}`,
    ...(withContent && (entry.size > INLINE_LIMIT ? { content: '', encoding: 'none' } : { content: wrappedBase64(bytes), encoding: 'base64' })),
    _links: { self: links.url, git: `${fake.url}/repos/${state.owner}/${state.repo}/git/blobs/${sha}`, html: links.html_url },
  };
}

/** `a/b` joined with a relative link target such as `../c.md`; `..` past the root stays at the root. */
function posixJoin(folder: string, target: string): string {
  const parts = folder === '' ? [] : folder.split('/');
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function linkJson(fake: Fake, state: RepoState, ref: string, path: string, entry: Entry & { kind: 'symlink' }) {
  const links = contentLinks(fake, state, ref, path, 'file');
  const sha = blobSha(Buffer.from(entry.target));
  return {
    type: 'symlink',
    target: entry.target,
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    sha,
    size: Buffer.byteLength(entry.target),
    ...links,
    git_url: `${fake.url}/repos/${state.owner}/${state.repo}/git/blobs/${sha}`,
    download_url: `https://raw.githubusercontent.com/${state.owner}/${state.repo}/${ref}/${path}`,
    _links: { self: links.url, git: `${fake.url}/repos/${state.owner}/${state.repo}/git/blobs/${sha}`, html: links.html_url },
  };
}

function submoduleJson(fake: Fake, state: RepoState, ref: string, path: string, entry: Entry & { kind: 'submodule' }) {
  const links = contentLinks(fake, state, ref, path, 'dir');
  return {
    type: 'submodule',
    submodule_git_url: `https://github.com/${state.owner}/${path.slice(path.lastIndexOf('/') + 1)}.git`,
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    sha: entry.sha,
    size: 0,
    ...links,
    git_url: `${fake.url}/repos/${state.owner}/${state.repo}/git/trees/${entry.sha}`,
    download_url: null,
    _links: { self: links.url, git: `${fake.url}/repos/${state.owner}/${state.repo}/git/trees/${entry.sha}`, html: links.html_url },
  };
}

function dirJson(fake: Fake, state: RepoState, ref: string, path: string) {
  const links = contentLinks(fake, state, ref, path, 'dir');
  const sha = createHash('sha1').update(`tree ${ref}:${path}`).digest('hex');
  return {
    type: 'dir',
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    sha,
    size: 0,
    ...links,
    git_url: `${fake.url}/repos/${state.owner}/${state.repo}/git/trees/${sha}`,
    download_url: null,
    _links: { self: links.url, git: `${fake.url}/repos/${state.owner}/${state.repo}/git/trees/${sha}`, html: links.html_url },
  };
}

function userJson(login: string) {
  const id = userId(login);
  return {
    login,
    id,
    node_id: nodeId('U', login),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    url: `https://api.github.com/users/${encodeURIComponent(login)}`,
    html_url: `https://github.com/${login}`,
    type: userType(login),
    site_admin: false,
  };
}

const repoId = (state: Registered) => 700_000_000 + state.meta.order;

/** GitHub's repository JSON: the "minimal" shape of list endpoints, or the full one of GET /repos/{o}/{r} (with parent and source). */
function repoJson(fake: Fake, state: Registered, full: boolean): Record<string, unknown> {
  const { meta } = state;
  const name = fullName(state);
  const api = `${fake.url}/repos/${name}`;
  const writable = !state.readOnly && !meta.archived;
  const forks = fake.forksOf(state).length;
  const openIssues = [...state.issues.values()].filter((i) => i.state === 'open').length;
  const json: Record<string, unknown> = {
    id: repoId(state),
    node_id: nodeId('R', name.toLowerCase()),
    name: state.repo,
    full_name: name,
    private: false,
    owner: userJson(state.owner),
    html_url: `https://github.com/${name}`,
    description: null,
    fork: meta.parent !== null,
    url: api,
    forks_url: `${api}/forks`,
    issues_url: `${api}/issues{/number}`,
    statuses_url: `${api}/statuses/{sha}`,
    contents_url: `${api}/contents/{+path}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    created_at: meta.createdAt,
    updated_at: meta.pushedAt,
    pushed_at: meta.pushedAt,
    git_url: `git://github.com/${name}.git`,
    clone_url: `https://github.com/${name}.git`,
    size: fake.sizeKb(state),
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: meta.hasIssues,
    forks_count: forks,
    archived: meta.archived,
    disabled: false,
    open_issues_count: openIssues,
    visibility: 'public',
    forks,
    open_issues: openIssues,
    watchers: 0,
    default_branch: meta.defaultBranch,
    permissions: { admin: false, maintain: false, push: writable, triage: writable, pull: true },
  };
  if (full && meta.parent) {
    let source: Registered = meta.parent as Registered;
    while (source.meta.parent) source = source.meta.parent as Registered;
    json.parent = repoJson(fake, meta.parent as Registered, false);
    json.source = repoJson(fake, source, false);
  }
  return json;
}

function issueJson(fake: Fake, state: RepoState, issue: StoredIssue) {
  const base = `${fake.url}/repos/${fullName(state)}`;
  const html = `https://github.com/${fullName(state)}/${issue.pullRequest ? 'pull' : 'issues'}/${issue.number}`;
  return {
    url: `${base}/issues/${issue.number}`,
    repository_url: base,
    labels_url: `${base}/issues/${issue.number}/labels{/name}`,
    comments_url: `${base}/issues/${issue.number}/comments`,
    events_url: `${base}/issues/${issue.number}/events`,
    html_url: html,
    id: issue.id,
    node_id: nodeId(issue.pullRequest ? 'PR' : 'I', String(issue.id)),
    number: issue.number,
    title: issue.title,
    user: userJson(issue.login),
    labels: fake.labelsOf(state, issue.number).map((l) => labelJson(fake, state, l)),
    state: issue.state,
    state_reason: issue.stateReason,
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: state.comments.get(issue.number)?.length ?? 0,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: issue.login.toLowerCase() === state.owner.toLowerCase() ? 'OWNER' : 'NONE',
    active_lock_reason: null,
    body: issue.body,
    ...(issue.pullRequest && {
      pull_request: {
        url: `${base}/pulls/${issue.number}`,
        html_url: html,
        diff_url: `${html}.diff`,
        patch_url: `${html}.patch`,
        merged_at: null,
      },
    }),
  };
}

function statusJson(fake: Fake, state: RepoState, s: FakeStatus, withCreator: boolean) {
  return {
    url: `${fake.url}/repos/${fullName(state)}/statuses/${s.sha}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${userId(s.creator)}?v=4`,
    id: s.id,
    node_id: nodeId('SC', String(s.id)),
    state: s.state,
    description: s.description,
    target_url: s.target_url,
    context: s.context,
    created_at: s.created_at,
    updated_at: s.created_at,
    ...(withCreator && { creator: userJson(s.creator) }),
  };
}

function refJson(fake: Fake, state: RepoState, branch: string, sha: string) {
  const api = `${fake.url}/repos/${fullName(state)}/git`;
  return {
    ref: `refs/heads/${branch}`,
    node_id: nodeId('REF', `${fullName(state)}:refs/heads/${branch}`),
    url: `${api}/refs/heads/${branch}`,
    object: { sha, type: 'commit', url: `${api}/commits/${sha}` },
  };
}

function gitCommitJson(fake: Fake, state: RepoState, sha: string, commit: GitCommit) {
  const api = `${fake.url}/repos/${fullName(state)}`;
  return {
    sha,
    node_id: nodeId('C', sha),
    url: `${api}/git/commits/${sha}`,
    html_url: `https://github.com/${fullName(state)}/commit/${sha}`,
    author: { ...commit.author },
    committer: { ...commit.committer },
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((p) => ({
      sha: p,
      url: `${api}/git/commits/${p}`,
      html_url: `https://github.com/${fullName(state)}/commit/${p}`,
    })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

/** A tree's JSON: direct entries, or with `recursive` every entry below it with its full path. */
function treeJson(fake: Fake, state: RepoState, sha: string, recursive: boolean) {
  const api = `${fake.url}/repos/${fullName(state)}/git`;
  const entries: Array<Record<string, unknown>> = [];
  const walk = (treeSha: string, prefix: string) => {
    const tree = state.objects.get(treeSha);
    if (tree?.type !== 'tree') return;
    for (const e of tree.entries) {
      const object = state.objects.get(e.sha);
      entries.push({
        path: `${prefix}${e.name}`,
        mode: e.mode,
        type: e.type,
        sha: e.sha,
        ...(object?.type === 'blob' && { size: object.bytes.length }),
        ...(e.type !== 'commit' && { url: `${api}/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}` }),
      });
      if (recursive && e.type === 'tree') walk(e.sha, `${prefix}${e.name}/`);
    }
  };
  walk(sha, '');
  return { sha, url: `${api}/trees/${sha}`, tree: entries, truncated: false };
}

// ---------------------------------------------------------------------------------------------------
// REST handlers

/**
 * Raw format: octokit's `mediaType: { format: 'raw' }` sends `Accept: application/vnd.github.v3.raw`;
 * GitHub's docs name `application/vnd.github.raw+json`. Both (and `.raw`) select raw bytes.
 */
const RAW_ACCEPT = /application\/vnd\.github(?:\.v3)?\.raw(?:\+json)?(?:[\s;,]|$)/i;

/**
 * Raw content-type: `application/vnd.github.raw; charset=utf-8` (`.v3.raw` when that was asked for),
 * which is what GitHub sends. @octokit/request's getResponseData() parses only application/json as
 * JSON, decodes any other type carrying `charset=utf-8` (except application/octet-stream) as text, and
 * returns an ArrayBuffer otherwise — so a raw request from octokit yields the file content as a string,
 * exactly as against github.com (binary files get mangled there too; use
 * `request: { parseSuccessResponseBody: false }` for bytes). Without the charset, octokit would hand
 * back an ArrayBuffer, which is not what production code will see.
 */
function rawContentType(accept: string): string {
  return /vnd\.github\.v3\.raw/i.test(accept) ? 'application/vnd.github.v3.raw; charset=utf-8' : 'application/vnd.github.raw; charset=utf-8';
}

function getContents(ctx: Context): Reply {
  const state = ctx.fake.repoState(ctx.params.owner!, ctx.params.repo!);
  const ref = normalizeRef(ctx.query.ref || (state.meta?.defaultBranch ?? DEFAULT_REF));
  const path = normalizePath(ctx.params.path ?? '');
  const entries = ctx.fake.entriesAt(state, ref);
  if (!entries) return state.meta && state.heads.size === 0 ? error(404, 'This repository is empty.') : notFound();
  let entry = entries.get(path);
  const accept = String(ctx.headers.accept ?? '');
  let served = path;
  if (entry?.kind === 'symlink') {
    // GitHub follows a link to a file at the same ref and answers with that file, under its own path
    const target = normalizePath(posixJoin(path.slice(0, Math.max(0, path.lastIndexOf('/'))), entry.target));
    const file = entries.get(target);
    if (file?.kind !== 'file') return { status: 200, body: linkJson(ctx.fake, state, ref, path, entry) };
    entry = file;
    served = target;
  }
  if (entry?.kind === 'submodule') return { status: 200, body: submoduleJson(ctx.fake, state, ref, path, entry) };
  if (entry?.kind === 'file') {
    if (RAW_ACCEPT.test(accept)) {
      return { status: 200, raw: { bytes: entry.bytes(), contentType: rawContentType(accept) } };
    }
    return { status: 200, body: fileJson(ctx.fake, state, ref, served, entry, true) };
  }
  // A directory: stored explicitly, implied by a file below it, or the root of a known ref.
  const prefix = path === '' ? '' : `${path}/`;
  const children = new Map<string, 'file' | 'dir'>();
  let exists = entry?.kind === 'dir' || path === '';
  for (const [p, e] of entries) {
    if (!p.startsWith(prefix) || p === path) continue;
    exists = true;
    const rest = p.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash === -1) children.set(rest, e.kind === 'dir' ? 'dir' : (children.get(rest) ?? 'file'));
    else children.set(rest.slice(0, slash), 'dir');
  }
  if (!exists) return notFound();
  const listing = [...children.keys()].sort().map((name) => {
    const childPath = `${prefix}${name}`;
    const child = entries.get(childPath);
    if (child?.kind === 'file') return fileJson(ctx.fake, state, ref, childPath, child, false);
    if (child?.kind === 'symlink') return linkJson(ctx.fake, state, ref, childPath, child);
    if (child?.kind === 'submodule') return submoduleJson(ctx.fake, state, ref, childPath, child);
    return dirJson(ctx.fake, state, ref, childPath);
  });
  return { status: 200, body: listing };
}

function listComments(ctx: Context): Reply {
  const issue = issueNumber(ctx);
  if (issue === null) return notFound();
  const state = ctx.fake.repoState(ctx.params.owner!, ctx.params.repo!);
  const comments = state.comments.get(issue) ?? [];
  return paginate(
    ctx,
    comments.map((c) => commentJson(ctx.fake, state, c)),
  );
}

function createComment(ctx: Context): Reply {
  const issue = issueNumber(ctx);
  if (issue === null) return notFound();
  const text = bodyField(ctx.body, 'body');
  if (typeof text !== 'string') return error(422, 'Invalid request.\n\n"body" wasn\'t supplied.');
  const state = ctx.fake.repoState(ctx.params.owner!, ctx.params.repo!);
  const comment = ctx.fake.storeComment(state, issue, text, ctx.fake.viewer);
  return { status: 201, body: commentJson(ctx.fake, state, comment) };
}

function findComment(ctx: Context): { state: RepoState; list: StoredComment[]; index: number } | null {
  const state = ctx.fake.repoState(ctx.params.owner!, ctx.params.repo!);
  const id = Number(ctx.params.id);
  for (const list of state.comments.values()) {
    const index = list.findIndex((c) => c.id === id);
    if (index !== -1) return { state, list, index };
  }
  return null;
}

function updateComment(ctx: Context): Reply {
  const found = findComment(ctx);
  if (!found) return notFound();
  const text = bodyField(ctx.body, 'body');
  if (typeof text !== 'string') return error(422, 'Invalid request.\n\n"body" wasn\'t supplied.');
  const comment = found.list[found.index]!;
  comment.body = text;
  comment.updated_at = timestamp();
  return { status: 200, body: commentJson(ctx.fake, found.state, comment) };
}

function deleteComment(ctx: Context): Reply {
  const found = findComment(ctx);
  if (!found) return notFound();
  found.list.splice(found.index, 1);
  return { status: 204 };
}

function issueLabelsReply(ctx: Context, state: RepoState, issue: number): Reply {
  return paginate(
    ctx,
    ctx.fake.labelsOf(state, issue).map((l) => labelJson(ctx.fake, state, l)),
  );
}

function listIssueLabels(ctx: Context): Reply {
  const issue = issueNumber(ctx);
  if (issue === null) return notFound();
  return issueLabelsReply(ctx, ctx.fake.repoState(ctx.params.owner!, ctx.params.repo!), issue);
}

function addIssueLabels(ctx: Context): Reply {
  const issue = issueNumber(ctx);
  if (issue === null) return notFound();
  // GitHub takes {labels: [...]} or a bare array, of names or {name} objects.
  const given = Array.isArray(ctx.body) ? ctx.body : bodyField(ctx.body, 'labels');
  const names = Array.isArray(given) ? given.map((l: unknown) => (typeof l === 'string' ? l : bodyField(l, 'name'))) : null;
  if (!names || names.length === 0 || !names.every((n): n is string => typeof n === 'string' && n.trim() !== '')) {
    return error(422, 'Invalid request.\n\nNo subschema in "anyOf" matched.');
  }
  const state = ctx.fake.repoState(ctx.params.owner!, ctx.params.repo!);
  ctx.fake.addLabelsToIssue(state, issue, names);
  // GitHub answers the issue's whole label list, unpaginated.
  return { status: 200, body: ctx.fake.labelsOf(state, issue).map((l) => labelJson(ctx.fake, state, l)) };
}

function removeIssueLabel(ctx: Context): Reply {
  const issue = issueNumber(ctx);
  if (issue === null) return notFound();
  const state = ctx.fake.repoState(ctx.params.owner!, ctx.params.repo!);
  const label = state.labels.get(ctx.params.name!.toLowerCase());
  const ids = state.issueLabels.get(issue) ?? [];
  if (!label || !ids.includes(label.id)) return error(404, 'Label does not exist');
  state.issueLabels.set(
    issue,
    ids.filter((id) => id !== label.id),
  );
  return { status: 200, body: ctx.fake.labelsOf(state, issue).map((l) => labelJson(ctx.fake, state, l)) };
}

function listRepoLabels(ctx: Context): Reply {
  const state = ctx.fake.repoState(ctx.params.owner!, ctx.params.repo!);
  return paginate(
    ctx,
    [...state.labels.values()].map((l) => labelJson(ctx.fake, state, l)),
  );
}

function getRepoLabel(ctx: Context): Reply {
  const state = ctx.fake.repoState(ctx.params.owner!, ctx.params.repo!);
  const label = state.labels.get(ctx.params.name!.toLowerCase());
  return label ? { status: 200, body: labelJson(ctx.fake, state, label) } : notFound();
}

const COLOR = /^#?[0-9a-f]{6}$/i;

function createRepoLabel(ctx: Context): Reply {
  const name = bodyField(ctx.body, 'name');
  const color = bodyField(ctx.body, 'color') ?? 'ededed';
  const description = bodyField(ctx.body, 'description') ?? null;
  if (typeof name !== 'string' || name.trim() === '') {
    return validationFailed([{ resource: 'Label', code: 'missing_field', field: 'name' }]);
  }
  if (typeof color !== 'string' || !COLOR.test(color)) {
    return validationFailed([{ resource: 'Label', code: 'invalid', field: 'color' }]);
  }
  const state = ctx.fake.repoState(ctx.params.owner!, ctx.params.repo!);
  if (state.labels.has(name.toLowerCase())) {
    return validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
  }
  const label = ctx.fake.storeLabel(state, name, color, typeof description === 'string' ? description : null);
  return { status: 201, body: labelJson(ctx.fake, state, label) };
}

function updateRepoLabel(ctx: Context): Reply {
  const state = ctx.fake.repoState(ctx.params.owner!, ctx.params.repo!);
  const label = state.labels.get(ctx.params.name!.toLowerCase());
  if (!label) return notFound();
  const newName = bodyField(ctx.body, 'new_name');
  const color = bodyField(ctx.body, 'color');
  const description = bodyField(ctx.body, 'description');
  if (color !== undefined && (typeof color !== 'string' || !COLOR.test(color))) {
    return validationFailed([{ resource: 'Label', code: 'invalid', field: 'color' }]);
  }
  if (typeof newName === 'string' && newName.trim() !== '' && newName.toLowerCase() !== label.name.toLowerCase()) {
    if (state.labels.has(newName.toLowerCase())) {
      return validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
    }
    state.labels.delete(label.name.toLowerCase());
    state.labels.set(newName.toLowerCase(), label);
  }
  if (typeof newName === 'string' && newName.trim() !== '') label.name = newName;
  if (typeof color === 'string') label.color = color.replace(/^#/, '').toLowerCase();
  if (description === null || typeof description === 'string') label.description = description;
  return { status: 200, body: labelJson(ctx.fake, state, label) };
}

function getUser(ctx: Context): Reply {
  const login = ctx.fake.viewer;
  return {
    status: 200,
    body: { login, id: userId(login), node_id: `U_${userId(login)}`, type: isBot(login) ? 'Bot' : 'User', site_admin: false },
  };
}

// Repositories and forks (added repositories only).

function getRepository(ctx: Context): Reply {
  const state = ctx.fake.findRegistered(ctx.params.owner!, ctx.params.repo!);
  return state ? { status: 200, body: repoJson(ctx.fake, state, true) } : notFound();
}

/** GitHub's sort for forks: newest (default), oldest, stargazers, watchers (no stars here: newest). */
function listForks(ctx: Context): Reply {
  const state = ctx.fake.findRegistered(ctx.params.owner!, ctx.params.repo!);
  if (!state) return notFound();
  const byAge = (a: Registered, b: Registered) => a.meta.createdAt.localeCompare(b.meta.createdAt) || a.meta.order - b.meta.order;
  const forks = ctx.fake.forksOf(state).sort(byAge);
  if (ctx.query.sort !== 'oldest') forks.reverse();
  return paginate(
    ctx,
    forks.map((f) => repoJson(ctx.fake, f, false)),
  );
}

// Commit statuses.

const STATUS_STATES: readonly string[] = ['error', 'failure', 'pending', 'success'];

function optionalString(body: unknown, field: string): string | null | undefined | false {
  const value = bodyField(body, field);
  if (value === undefined || value === null) return value;
  return typeof value === 'string' ? value : false;
}

function createStatus(ctx: Context): Reply {
  const state = repoOf(ctx);
  const given = bodyField(ctx.body, 'state');
  if (typeof given !== 'string' || !STATUS_STATES.includes(given)) {
    return validationFailed([{ resource: 'Status', code: 'custom', field: 'state', message: 'state is not included in the list' }]);
  }
  const context = optionalString(ctx.body, 'context');
  const description = optionalString(ctx.body, 'description');
  const targetUrl = optionalString(ctx.body, 'target_url');
  if (context === false || description === false || targetUrl === false) {
    return error(422, 'Invalid request.\n\nFor "context", "description" and "target_url" a string or null is expected.');
  }
  const sha = ctx.fake.commitForStatus(state, ctx.params.sha!);
  if (!sha) return error(422, `No commit found for SHA: ${ctx.params.sha}`);
  const status: FakeStatus = {
    id: ctx.fake.nextId(),
    sha,
    state: given as StatusState,
    context: context || 'default',
    description: description ?? null,
    target_url: targetUrl ?? null,
    creator: ctx.fake.viewer,
    created_at: timestamp(),
  };
  state.statuses.push(status);
  return { status: 201, body: statusJson(ctx.fake, state, status, true) };
}

function statusesOf(ctx: Context): { state: RepoState; sha: string; list: FakeStatus[] } | null {
  const state = repoOf(ctx);
  const sha = ctx.fake.commitForStatus(state, ctx.params.ref!);
  if (!sha) return null;
  return { state, sha, list: state.statuses.filter((s) => s.sha === sha).reverse() };
}

function listStatuses(ctx: Context): Reply {
  const found = statusesOf(ctx);
  if (!found) return error(422, `No commit found for SHA: ${ctx.params.ref}`);
  return paginate(
    ctx,
    found.list.map((s) => statusJson(ctx.fake, found.state, s, true)),
  );
}

/** failure if any latest status is error or failure; pending if there is none or one is pending; else success. */
function combinedStatus(ctx: Context): Reply {
  const found = statusesOf(ctx);
  if (!found) return error(422, `No commit found for SHA: ${ctx.params.ref}`);
  const { state, sha, list } = found;
  // The newest status of each context (the list is newest first).
  const seen = new Set<string>();
  const newest = list.filter((s) => !seen.has(s.context) && Boolean(seen.add(s.context)));
  const states = newest.map((s) => s.state);
  const combined = states.some((s) => s === 'error' || s === 'failure')
    ? 'failure'
    : states.length === 0 || states.includes('pending')
      ? 'pending'
      : 'success';
  const api = `${ctx.fake.url}/repos/${fullName(state)}`;
  return {
    status: 200,
    body: {
      state: combined,
      statuses: newest.map((s) => statusJson(ctx.fake, state, s, false)),
      sha,
      total_count: newest.length,
      repository: state.meta
        ? repoJson(ctx.fake, state as Registered, false)
        : { name: state.repo, full_name: fullName(state), owner: userJson(state.owner), html_url: `https://github.com/${fullName(state)}`, url: api },
      commit_url: `${api}/commits/${sha}`,
      url: `${api}/commits/${sha}/status`,
    },
  };
}

// Issues (GitHub lists pull requests among them; none exist unless seeded with addIssue).

const ISSUE_STATES: readonly string[] = ['open', 'closed'];

function issuesEnabled(ctx: Context): Reply | null {
  const meta = ctx.fake.findRegistered(ctx.params.owner!, ctx.params.repo!)?.meta;
  return meta && !meta.hasIssues ? error(410, 'Issues are disabled for this repo') : null;
}

function listIssues(ctx: Context): Reply {
  const disabled = issuesEnabled(ctx);
  if (disabled) return disabled;
  const state = repoOf(ctx);
  const wanted = ctx.query.state ?? 'open';
  const creator = ctx.query.creator?.toLowerCase();
  const labels = (ctx.query.labels ?? '')
    .split(',')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const issues = [...state.issues.values()].filter((issue) => {
    if (wanted !== 'all' && issue.state !== wanted) return false;
    if (creator !== undefined && issue.login.toLowerCase() !== creator) return false;
    const own = ctx.fake.labelsOf(state, issue.number).map((l) => l.name.toLowerCase());
    return labels.every((l) => own.includes(l));
  });
  const key =
    ctx.query.sort === 'updated'
      ? (i: StoredIssue) => i.updatedSeq
      : ctx.query.sort === 'comments'
        ? (i: StoredIssue) => state.comments.get(i.number)?.length ?? 0
        : (i: StoredIssue) => i.number;
  const sign = ctx.query.direction === 'asc' ? 1 : -1;
  issues.sort((a, b) => sign * (key(a) - key(b)) || sign * (a.number - b.number));
  return paginate(
    ctx,
    issues.map((i) => issueJson(ctx.fake, state, i)),
  );
}

function getIssue(ctx: Context): Reply {
  const disabled = issuesEnabled(ctx);
  if (disabled) return disabled;
  const state = repoOf(ctx);
  const issue = state.issues.get(issueNumber(ctx) ?? 0);
  return issue ? { status: 200, body: issueJson(ctx.fake, state, issue) } : notFound();
}

function labelNames(given: unknown): string[] | null {
  if (given === undefined) return [];
  if (!Array.isArray(given)) return null;
  const names = given.map((l: unknown) => (typeof l === 'string' ? l : bodyField(l, 'name')));
  return names.every((n): n is string => typeof n === 'string' && n.trim() !== '') ? names : null;
}

function createIssue(ctx: Context): Reply {
  const disabled = issuesEnabled(ctx);
  if (disabled) return disabled;
  const title = bodyField(ctx.body, 'title');
  if (typeof title !== 'string' && typeof title !== 'number') return notSupplied('title');
  if (String(title).trim() === '') {
    return validationFailed([{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
  }
  const body = optionalString(ctx.body, 'body');
  const labels = labelNames(bodyField(ctx.body, 'labels'));
  if (body === false || labels === null) return error(422, 'Invalid request.\n\nNo subschema in "anyOf" matched.');
  const state = repoOf(ctx);
  const issue = ctx.fake.storeIssue(state, { title: String(title), body: body ?? null, labels, login: ctx.fake.viewer });
  return { status: 201, body: issueJson(ctx.fake, state, issue) };
}

function updateIssue(ctx: Context): Reply {
  const disabled = issuesEnabled(ctx);
  if (disabled) return disabled;
  const state = repoOf(ctx);
  const issue = state.issues.get(issueNumber(ctx) ?? 0);
  if (!issue) return notFound();
  const title = bodyField(ctx.body, 'title');
  const body = optionalString(ctx.body, 'body');
  const next = bodyField(ctx.body, 'state');
  const reason = bodyField(ctx.body, 'state_reason');
  const labels = bodyField(ctx.body, 'labels') === undefined ? undefined : labelNames(bodyField(ctx.body, 'labels'));
  if (title !== undefined && (typeof title !== 'string' || title.trim() === '')) {
    return validationFailed([{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
  }
  if (next !== undefined && (typeof next !== 'string' || !ISSUE_STATES.includes(next))) {
    return validationFailed([{ resource: 'Issue', code: 'invalid', field: 'state' }]);
  }
  if (reason !== undefined && reason !== null && !['completed', 'not_planned', 'reopened'].includes(String(reason))) {
    return validationFailed([{ resource: 'Issue', code: 'invalid', field: 'state_reason' }]);
  }
  if (body === false || labels === null) return error(422, 'Invalid request.\n\nNo subschema in "anyOf" matched.');
  const now = timestamp();
  if (typeof title === 'string') issue.title = title;
  if (body !== undefined) issue.body = body;
  if (next === 'closed' && issue.state === 'open') {
    issue.state = 'closed';
    issue.closedAt = now;
    issue.stateReason = (reason as FakeIssue['state_reason']) ?? 'completed';
  } else if (next === 'open' && issue.state === 'closed') {
    issue.state = 'open';
    issue.closedAt = null;
    issue.stateReason = 'reopened';
  } else if (reason !== undefined && issue.state === 'closed') {
    issue.stateReason = (reason as FakeIssue['state_reason']) ?? 'completed';
  }
  if (labels) {
    state.issueLabels.set(issue.number, []);
    ctx.fake.addLabelsToIssue(state, issue.number, labels);
  }
  issue.updatedAt = now;
  issue.updatedSeq = ctx.fake.nextId();
  return { status: 200, body: issueJson(ctx.fake, state, issue) };
}

// Git Data API: refs, blobs, trees, commits.

const EMPTY_REPOSITORY = 'Git Repository is empty.';

/** GitHub refuses Git Data writes on an added repository without commits (409). */
function emptyRepository(state: RepoState): Reply | null {
  return state.meta && state.heads.size === 0 ? error(409, EMPTY_REPOSITORY) : null;
}

/** `heads/x` (or `refs/heads/x`) → `x`; null for other namespaces, which the fake does not store. */
function branchOfRef(ref: string): string | null {
  const match = /^(?:refs\/)?heads\/(.+)$/.exec(ref);
  return match ? match[1]! : null;
}

function getGitRef(ctx: Context): Reply {
  const state = repoOf(ctx);
  if (state.meta && state.heads.size === 0) return error(409, EMPTY_REPOSITORY);
  const branch = branchOfRef(ctx.params.ref ?? '');
  const sha = branch === null ? undefined : state.heads.get(branch);
  return branch !== null && sha ? { status: 200, body: refJson(ctx.fake, state, branch, sha) } : notFound();
}

function createGitRef(ctx: Context): Reply {
  const state = repoOf(ctx);
  const ref = bodyField(ctx.body, 'ref');
  const sha = bodyField(ctx.body, 'sha');
  if (typeof ref !== 'string') return notSupplied('ref');
  if (typeof sha !== 'string') return notSupplied('sha');
  if (!/^refs\/[^/]+\/./.test(ref)) return error(422, 'Reference name must contain at least three slash-separated components.');
  const branch = branchOfRef(ref);
  if (branch === null) return error(422, `The fake GitHub stores only refs/heads/ references, not ${ref}`);
  if (!isValidBranch(branch)) return error(422, `${ref} is not a valid ref name.`);
  if (state.objects.get(sha)?.type !== 'commit') return error(422, 'Object does not exist');
  if (state.heads.has(branch)) return error(422, 'Reference already exists');
  ctx.fake.moveBranch(state, branch, sha);
  return { status: 201, body: refJson(ctx.fake, state, branch, sha) };
}

/** git check-ref-format's rules, the ones a branch name meets in practice. */
function isValidBranch(name: string): boolean {
  // eslint-disable-next-line no-control-regex -- git refuses control characters in ref names
  return !/(^[/.]|[/.]$|\.\.|\/\/|@\{|[\s~^:?*[\\\x00-\x1f\x7f]|\.lock$|\/\.)/.test(name) && name !== '@';
}

function updateGitRef(ctx: Context): Reply {
  const state = repoOf(ctx);
  const branch = branchOfRef(ctx.params.ref ?? '');
  const sha = bodyField(ctx.body, 'sha');
  if (typeof sha !== 'string') return notSupplied('sha');
  const current = branch === null ? undefined : state.heads.get(branch);
  if (branch === null || !current) return error(422, 'Reference does not exist');
  if (state.objects.get(sha)?.type !== 'commit') return error(422, 'Object does not exist');
  if (bodyField(ctx.body, 'force') !== true && !reaches(state.objects, sha, current)) {
    return error(422, 'Update is not a fast forward');
  }
  ctx.fake.moveBranch(state, branch, sha);
  return { status: 200, body: refJson(ctx.fake, state, branch, sha) };
}

function deleteGitRef(ctx: Context): Reply {
  const state = repoOf(ctx);
  const branch = branchOfRef(ctx.params.ref ?? '');
  if (branch === null || !state.heads.delete(branch)) return error(422, 'Reference does not exist');
  return { status: 204 };
}

function createBlob(ctx: Context): Reply {
  const state = repoOf(ctx);
  const empty = emptyRepository(state);
  if (empty) return empty;
  const content = bodyField(ctx.body, 'content');
  const encoding = bodyField(ctx.body, 'encoding') ?? 'utf-8';
  if (typeof content !== 'string') return notSupplied('content');
  if (encoding !== 'utf-8' && encoding !== 'utf8' && encoding !== 'base64') {
    return error(422, `encoding must be "utf-8" or "base64", not ${JSON.stringify(encoding)}`);
  }
  const bytes = encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
  const sha = writeBlob(state.objects, bytes);
  return { status: 201, body: { sha, url: `${ctx.fake.url}/repos/${fullName(state)}/git/blobs/${sha}` } };
}

function getBlob(ctx: Context): Reply {
  const state = repoOf(ctx);
  const sha = ctx.params.sha!;
  const blob = state.objects.get(sha);
  if (blob?.type !== 'blob') return notFound();
  return {
    status: 200,
    body: {
      sha,
      node_id: nodeId('B', sha),
      size: blob.bytes.length,
      url: `${ctx.fake.url}/repos/${fullName(state)}/git/blobs/${sha}`,
      content: wrappedBase64(blob.bytes),
      encoding: 'base64',
    },
  };
}

/** A tree-ish: a tree SHA, a commit SHA or a branch name → the tree SHA. */
function treeOf(fake: Fake, state: RepoState, treeIsh: string): string | null {
  const object = state.objects.get(treeIsh);
  if (object?.type === 'tree') return treeIsh;
  const commit = fake.commitAt(state, treeIsh);
  return commit ? (state.objects.get(commit) as GitCommit).tree : null;
}

function getTree(ctx: Context): Reply {
  const state = repoOf(ctx);
  const sha = treeOf(ctx.fake, state, ctx.params.sha!);
  if (!sha) return notFound();
  const recursive = ctx.query.recursive !== undefined && !['0', 'false', ''].includes(ctx.query.recursive);
  return { status: 200, body: treeJson(ctx.fake, state, sha, recursive) };
}

/**
 * POST /git/trees: each item sets `path` (slashes make subtrees) to `content` (a new blob) or `sha`
 * (blob, tree or submodule commit); `sha: null` deletes the path. With `base_tree`, unmentioned paths stay.
 */
function createTree(ctx: Context): Reply {
  const state = repoOf(ctx);
  const empty = emptyRepository(state);
  if (empty) return empty;
  const items = bodyField(ctx.body, 'tree');
  if (!Array.isArray(items)) return notSupplied('tree');
  const base = bodyField(ctx.body, 'base_tree');
  let flat: FlatTree = new Map();
  if (base !== undefined && base !== null) {
    const baseSha = typeof base === 'string' ? treeOf(ctx.fake, state, base) : null;
    if (!baseSha) return error(422, 'base_tree is not a valid tree oid');
    flat = flattenTree(state.objects, baseSha);
  }
  for (const item of items) {
    const path = bodyField(item, 'path');
    const mode = bodyField(item, 'mode');
    const type = bodyField(item, 'type');
    const sha = bodyField(item, 'sha');
    const content = bodyField(item, 'content');
    if (typeof path !== 'string' || path === '' || path.split('/').some((p) => p === '' || p === '.' || p === '..')) {
      return error(422, 'tree.path contains a malformed path component');
    }
    const expected = typeof mode === 'string' ? modeType(mode) : null;
    if (!expected) return error(422, `tree.mode ${JSON.stringify(mode)} is not a valid mode`);
    if (type !== undefined && type !== expected) return error(422, `tree.type ${JSON.stringify(type)} does not match mode ${mode}`);
    if (sha === null && content === undefined) {
      removePath(flat, path);
    } else if (typeof content === 'string') {
      if (expected !== 'blob') return error(422, 'tree.content can only be given for a blob');
      setPath(flat, path, { mode: mode as string, type: 'blob', sha: writeBlob(state.objects, Buffer.from(content, 'utf8')) });
    } else if (typeof sha === 'string') {
      const object = state.objects.get(sha);
      if (expected === 'commit') {
        if (!isSha(sha)) return error(422, `tree.sha ${sha} is not a valid commit`);
        setPath(flat, path, { mode: '160000', type: 'commit', sha });
      } else if (object?.type !== expected) {
        return error(422, `tree.sha ${sha} is not a valid ${expected}`);
      } else if (expected === 'tree') {
        removePath(flat, path);
        for (const [p, e] of flattenTree(state.objects, sha)) setPath(flat, `${path}/${p}`, e);
      } else {
        setPath(flat, path, { mode: mode as string, type: 'blob', sha });
      }
    } else {
      return error(422, 'Must supply either tree.sha or tree.content');
    }
  }
  const sha = writeFlatTree(state.objects, flat);
  return { status: 201, body: treeJson(ctx.fake, state, sha, false) };
}

function signature(given: unknown, fallback: GitSignature): GitSignature | null {
  if (given === undefined) return fallback;
  const name = bodyField(given, 'name');
  const email = bodyField(given, 'email');
  const date = bodyField(given, 'date');
  if (typeof name !== 'string' || typeof email !== 'string') return null;
  if (date !== undefined && (typeof date !== 'string' || Number.isNaN(Date.parse(date)))) return null;
  return { name, email, date: date === undefined ? fallback.date : isoSeconds(Date.parse(date)) };
}

function createCommit(ctx: Context): Reply {
  const state = repoOf(ctx);
  const empty = emptyRepository(state);
  if (empty) return empty;
  const message = bodyField(ctx.body, 'message');
  const tree = bodyField(ctx.body, 'tree');
  const parents = bodyField(ctx.body, 'parents') ?? [];
  if (typeof message !== 'string') return notSupplied('message');
  if (typeof tree !== 'string') return notSupplied('tree');
  if (state.objects.get(tree)?.type !== 'tree') return error(422, 'Tree SHA does not exist');
  if (!Array.isArray(parents) || !parents.every((p): p is string => typeof p === 'string')) {
    return error(422, 'Invalid request.\n\nFor "parents", an array of strings is expected.');
  }
  if (!parents.every((p) => state.objects.get(p)?.type === 'commit')) {
    return error(422, 'Parent SHA does not exist or is not a commit object');
  }
  const author = signature(bodyField(ctx.body, 'author'), signatureFor(ctx.fake.viewer, timestamp()));
  const committer = author && signature(bodyField(ctx.body, 'committer'), author);
  if (!author || !committer) return error(422, 'Invalid request.\n\nauthor and committer need a name, an email and an ISO 8601 date.');
  const commit: GitCommit = { type: 'commit', tree, parents, message, author, committer };
  const sha = writeCommit(state.objects, commit);
  return { status: 201, body: gitCommitJson(ctx.fake, state, sha, commit) };
}

function getGitCommit(ctx: Context): Reply {
  const state = repoOf(ctx);
  const sha = ctx.params.sha!;
  const commit = state.objects.get(sha);
  return commit?.type === 'commit' ? { status: 200, body: gitCommitJson(ctx.fake, state, sha, commit) } : notFound();
}

// ---------------------------------------------------------------------------------------------------
// GraphQL: a parser for the query language (operations, variables with defaults, aliases, arguments,
// inline and named fragments, @include/@skip) and an executor over the few object types below, modelled
// on GitHub's schema. To answer a new field, add it to its type; to answer a new root field, to Query.

interface Loc {
  line: number;
  column: number;
}

/** A query-level error (syntax, validation, variables): HTTP 200 with `errors` and no `data`, as GitHub answers. */
class GraphqlError extends Error {
  constructor(
    message: string,
    readonly locations: Loc[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Something the fake does not model: HTTP 400 naming it, so a test cannot pass on a silently missing field. */
class GraphqlUnsupported extends Error {}

type ValueNode =
  | { kind: 'variable'; name: string; loc: Loc }
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'list'; values: ValueNode[] }
  | { kind: 'object'; fields: Record<string, ValueNode> };

interface Directive {
  name: string;
  args: Record<string, ValueNode>;
}

interface FieldNode {
  kind: 'field';
  alias: string | null;
  name: string;
  args: Record<string, ValueNode>;
  directives: Directive[];
  selections: Selection[] | null;
  loc: Loc;
}

type Selection =
  | FieldNode
  | { kind: 'inline'; on: string | null; directives: Directive[]; selections: Selection[] }
  | { kind: 'spread'; name: string; directives: Directive[]; loc: Loc };

interface VariableDefinition {
  name: string;
  type: string;
  defaultValue: ValueNode | null;
  loc: Loc;
}

interface Operation {
  type: string;
  name: string | null;
  variables: VariableDefinition[];
  selections: Selection[];
}

interface GraphqlDocument {
  operations: Operation[];
  fragments: Map<string, { on: string; selections: Selection[] }>;
}

interface Token {
  kind: 'punct' | 'name' | 'number' | 'string' | 'eof';
  value: string;
  loc: Loc;
}

const NAME = /[_A-Za-z][_0-9A-Za-z]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const locAt = (at: number): Loc => ({ line, column: at - lineStart + 1 });
  const sticky = (re: RegExp) => {
    re.lastIndex = i;
    return re.exec(source)?.[0];
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\n' || ch === '\r') {
      i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line++;
      lineStart = i;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === ',' || ch === '\ufeff') {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
      continue;
    }
    const loc = locAt(i);
    if (source.startsWith('...', i)) {
      tokens.push({ kind: 'punct', value: '...', loc });
      i += 3;
      continue;
    }
    if ('!$&()[]{}:=@|'.includes(ch)) {
      tokens.push({ kind: 'punct', value: ch, loc });
      i++;
      continue;
    }
    const name = sticky(NAME);
    if (name) {
      tokens.push({ kind: 'name', value: name, loc });
      i += name.length;
      continue;
    }
    const number = sticky(NUMBER);
    if (number) {
      tokens.push({ kind: 'number', value: number, loc });
      i += number.length;
      continue;
    }
    if (source.startsWith('"""', i)) {
      const end = source.indexOf('"""', i + 3);
      if (end === -1) throw new GraphqlError('Unterminated string', [loc]);
      const raw = source.slice(i + 3, end);
      tokens.push({ kind: 'string', value: blockString(raw), loc });
      for (const m of raw.matchAll(/\r\n|\n|\r/g)) {
        line++;
        lineStart = i + 3 + m.index + m[0].length;
      }
      i = end + 3;
      continue;
    }
    if (ch === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const c = source[j];
        if (c === undefined || c === '\n' || c === '\r') throw new GraphqlError('Unterminated string', [loc]);
        if (c === '"') break;
        if (c !== '\\') {
          value += c;
          j++;
          continue;
        }
        const escape = source[j + 1] ?? '';
        const hex = source.slice(j + 2, j + 6);
        if (ESCAPES[escape] !== undefined) {
          value += ESCAPES[escape];
          j += 2;
        } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) {
          value += String.fromCharCode(Number.parseInt(hex, 16));
          j += 6;
        } else {
          throw new GraphqlError(`Invalid escape sequence \\${escape} in a string`, [loc]);
        }
      }
      tokens.push({ kind: 'string', value, loc });
      i = j + 1;
      continue;
    }
    throw new GraphqlError(`Parse error on "${ch}" at [${loc.line}, ${loc.column}]`, [loc]);
  }
  tokens.push({ kind: 'eof', value: '', loc: locAt(i) });
  return tokens;
}

/** A block string's value: common indentation and blank first/last lines removed, as the spec says. */
function blockString(raw: string): string {
  const lines = raw.replace(/\\"""/g, '"""').split(/\r\n|\n|\r/);
  const indents = lines
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  const out = lines.map((l, n) => (n === 0 ? l : l.slice(common)));
  while (out.length > 0 && out[0]!.trim() === '') out.shift();
  while (out.length > 0 && out.at(-1)!.trim() === '') out.pop();
  return out.join('\n');
}

class GraphqlParser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  document(): GraphqlDocument {
    const doc: GraphqlDocument = { operations: [], fragments: new Map() };
    do {
      if (this.is('{')) {
        doc.operations.push({ type: 'query', name: null, variables: [], selections: this.selectionSet() });
      } else if (this.isName('fragment')) {
        this.next();
        const name = this.name().value;
        if (!this.isName('on')) this.fail(this.peek());
        this.next();
        const on = this.name().value;
        this.directives();
        if (doc.fragments.has(name)) throw new GraphqlError(`Fragment name "${name}" must be unique`);
        doc.fragments.set(name, { on, selections: this.selectionSet() });
      } else if (this.isName('query') || this.isName('mutation') || this.isName('subscription')) {
        const type = this.next().value;
        const name = this.isName() ? this.next().value : null;
        const variables = this.is('(') ? this.variableDefinitions() : [];
        this.directives();
        doc.operations.push({ type, name, variables, selections: this.selectionSet() });
      } else {
        this.fail(this.peek());
      }
    } while (this.peek().kind !== 'eof');
    return doc;
  }

  private peek(): Token {
    return this.tokens[Math.min(this.pos, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.pos++;
    return token;
  }

  private is(punct: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.value === punct;
  }

  private isName(value?: string): boolean {
    const token = this.peek();
    return token.kind === 'name' && (value === undefined || token.value === value);
  }

  private fail(token: Token): never {
    const shown = token.kind === 'eof' ? 'end of file' : `"${token.value}"`;
    throw new GraphqlError(`Parse error on ${shown} at [${token.loc.line}, ${token.loc.column}]`, [token.loc]);
  }

  private expect(punct: string): Token {
    const token = this.next();
    if (token.kind !== 'punct' || token.value !== punct) this.fail(token);
    return token;
  }

  private name(): Token {
    const token = this.next();
    if (token.kind !== 'name') this.fail(token);
    return token;
  }

  private variableDefinitions(): VariableDefinition[] {
    this.expect('(');
    const definitions: VariableDefinition[] = [];
    do {
      const { loc } = this.expect('$');
      const name = this.name().value;
      this.expect(':');
      const type = this.type();
      const defaultValue = this.is('=') ? (this.next(), this.value(true)) : null;
      this.directives();
      definitions.push({ name, type, defaultValue, loc });
    } while (!this.is(')'));
    this.next();
    return definitions;
  }

  private type(): string {
    let type: string;
    if (this.is('[')) {
      this.next();
      type = `[${this.type()}]`;
      this.expect(']');
    } else {
      type = this.name().value;
    }
    if (this.is('!')) {
      this.next();
      type += '!';
    }
    return type;
  }

  private directives(): Directive[] {
    const directives: Directive[] = [];
    while (this.is('@')) {
      this.next();
      const name = this.name().value;
      directives.push({ name, args: this.is('(') ? this.arguments() : {} });
    }
    return directives;
  }

  private arguments(): Record<string, ValueNode> {
    this.expect('(');
    const args: Record<string, ValueNode> = {};
    do {
      const name = this.name().value;
      this.expect(':');
      args[name] = this.value(false);
    } while (!this.is(')'));
    this.next();
    return args;
  }

  private value(constant: boolean): ValueNode {
    const token = this.next();
    if (token.kind === 'punct' && token.value === '$' && !constant) {
      return { kind: 'variable', name: this.name().value, loc: token.loc };
    }
    if (token.kind === 'punct' && token.value === '[') {
      const values: ValueNode[] = [];
      while (!this.is(']')) values.push(this.value(constant));
      this.next();
      return { kind: 'list', values };
    }
    if (token.kind === 'punct' && token.value === '{') {
      const fields: Record<string, ValueNode> = {};
      while (!this.is('}')) {
        const name = this.name().value;
        this.expect(':');
        fields[name] = this.value(constant);
      }
      this.next();
      return { kind: 'object', fields };
    }
    if (token.kind === 'string') return { kind: 'literal', value: token.value };
    if (token.kind === 'number') return { kind: 'literal', value: Number(token.value) };
    if (token.kind === 'name') {
      const words: Record<string, boolean | null> = { true: true, false: false, null: null };
      // An enum value is kept as its name.
      return { kind: 'literal', value: token.value in words ? words[token.value]! : token.value };
    }
    return this.fail(token);
  }

  private selectionSet(): Selection[] {
    this.expect('{');
    const selections: Selection[] = [];
    do selections.push(this.selection());
    while (!this.is('}'));
    this.next();
    return selections;
  }

  private selection(): Selection {
    if (this.is('...')) {
      const { loc } = this.next();
      if (this.isName('on')) {
        this.next();
        const on = this.name().value;
        const directives = this.directives();
        return { kind: 'inline', on, directives, selections: this.selectionSet() };
      }
      if (this.isName()) return { kind: 'spread', name: this.next().value, directives: this.directives(), loc };
      const directives = this.directives();
      return { kind: 'inline', on: null, directives, selections: this.selectionSet() };
    }
    const first = this.name();
    let alias: string | null = null;
    let name = first.value;
    if (this.is(':')) {
      this.next();
      alias = first.value;
      name = this.name().value;
    }
    const args = this.is('(') ? this.arguments() : {};
    const directives = this.directives();
    const selections = this.is('{') ? this.selectionSet() : null;
    return { kind: 'field', alias, name, args, directives, selections, loc: first.loc };
  }
}

type Path = Array<string | number>;

interface Execution {
  fake: Fake;
  operation: Operation;
  variables: Record<string, unknown>;
  fragments: GraphqlDocument['fragments'];
  /** Field errors (NOT_FOUND, FORBIDDEN), in the order met. */
  errors: Record<string, unknown>[];
  rootFields: number;
  /** Fragments being spread, to refuse a cycle. */
  spreading: Set<string>;
}

type Resolver<S> = (source: S, args: Record<string, unknown>, ex: Execution, field: FieldNode, path: Path) => unknown;

interface ObjectType<S> {
  name: string;
  /** Interfaces and unions a fragment may name to match this type. */
  abstract: readonly string[];
  fields: Record<string, Resolver<S>>;
}

/** A resolved object value and its type; the executor resolves its sub-selection against the type. */
class Typed {
  constructor(
    /** Any object type: `never` as source accepts every type's resolvers. */
    readonly type: ObjectType<never>,
    readonly value: unknown,
  ) {}
}

interface GitObjectSource {
  repo: RepoState;
  sha: string;
  /** Path from the root tree, '' for the root; null when looked up by SHA. */
  path: string | null;
}

function gitObject(repo: RepoState, sha: string, path: string | null): Typed | null {
  const object = repo.objects.get(sha);
  if (!object) return null;
  const type = object.type === 'blob' ? BlobType : object.type === 'tree' ? TreeType : CommitType;
  return new Typed(type, { repo, sha, path } satisfies GitObjectSource);
}

const blobOf = (s: GitObjectSource) => (s.repo.objects.get(s.sha) as { type: 'blob'; bytes: Buffer }).bytes;
const commitOf = (s: GitObjectSource) => s.repo.objects.get(s.sha) as GitCommit;
/** git's rule: a NUL byte in the first 8000 bytes makes a file binary. */
const isBinary = (bytes: Buffer) => bytes.subarray(0, 8000).includes(0);

const gitObjectFields: Record<string, Resolver<GitObjectSource>> = {
  id: (s) => nodeId(s.repo.objects.get(s.sha)?.type === 'blob' ? 'B' : 'O', s.sha),
  oid: (s) => s.sha,
  abbreviatedOid: (s) => s.sha.slice(0, 7),
};

const BlobType: ObjectType<GitObjectSource> = {
  name: 'Blob',
  abstract: ['GitObject', 'Node'],
  fields: {
    ...gitObjectFields,
    byteSize: (s) => blobOf(s).length,
    isBinary: (s) => isBinary(blobOf(s)),
    isTruncated: (s) => blobOf(s).length > GRAPHQL_TEXT_LIMIT,
    text: (s) => {
      const bytes = blobOf(s);
      return isBinary(bytes) || bytes.length > GRAPHQL_TEXT_LIMIT ? null : bytes.toString('utf8');
    },
  },
};

const TreeEntryType: ObjectType<GitObjectSource & { entry: GitTreeEntry }> = {
  name: 'TreeEntry',
  abstract: [],
  fields: {
    name: (s) => s.entry.name,
    path: (s) => (s.path ? `${s.path}/${s.entry.name}` : s.entry.name),
    type: (s) => s.entry.type,
    mode: (s) => Number.parseInt(s.entry.mode, 8),
    oid: (s) => s.entry.sha,
    size: (s) => {
      const object = s.repo.objects.get(s.entry.sha);
      return object?.type === 'blob' ? object.bytes.length : 0;
    },
    object: (s) => gitObject(s.repo, s.entry.sha, s.path ? `${s.path}/${s.entry.name}` : s.entry.name),
  },
};

const TreeType: ObjectType<GitObjectSource> = {
  name: 'Tree',
  abstract: ['GitObject', 'Node'],
  fields: {
    ...gitObjectFields,
    entries: (s) => {
      const tree = s.repo.objects.get(s.sha) as { type: 'tree'; entries: GitTreeEntry[] };
      return tree.entries.map((entry) => new Typed(TreeEntryType, { ...s, entry }));
    },
  },
};

const GitActorType: ObjectType<GitSignature> = {
  name: 'GitActor',
  abstract: [],
  fields: { name: (s) => s.name, email: (s) => s.email, date: (s) => s.date },
};

const CommitConnectionType: ObjectType<GitObjectSource[]> = {
  name: 'CommitConnection',
  abstract: [],
  fields: {
    totalCount: (list) => list.length,
    nodes: (list) => list.map((s) => new Typed(CommitType, s)),
  },
};

const CommitType: ObjectType<GitObjectSource> = {
  name: 'Commit',
  abstract: ['GitObject', 'Node', 'Subscribable', 'UniformResourceLocatable'],
  fields: {
    ...gitObjectFields,
    url: (s) => `https://github.com/${fullName(s.repo)}/commit/${s.sha}`,
    committedDate: (s) => commitOf(s).committer.date,
    authoredDate: (s) => commitOf(s).author.date,
    message: (s) => commitOf(s).message,
    messageHeadline: (s) => commitOf(s).message.split('\n')[0],
    messageBody: (s) => commitOf(s).message.split('\n').slice(1).join('\n').trim(),
    author: (s) => new Typed(GitActorType, commitOf(s).author),
    committer: (s) => new Typed(GitActorType, commitOf(s).committer),
    tree: (s) => new Typed(TreeType, { repo: s.repo, sha: commitOf(s).tree, path: '' } satisfies GitObjectSource),
    parents: (s, args) => {
      const first = typeof args.first === 'number' ? args.first : Infinity;
      return new Typed(
        CommitConnectionType,
        commitOf(s)
          .parents.slice(0, first)
          .map((sha) => ({ repo: s.repo, sha, path: null })),
      );
    },
  },
};

const RefType: ObjectType<{ repo: Registered; name: string; sha: string }> = {
  name: 'Ref',
  abstract: ['Node'],
  fields: {
    id: (s) => nodeId('REF', `${fullName(s.repo)}:refs/heads/${s.name}`),
    name: (s) => s.name,
    prefix: () => 'refs/heads/',
    target: (s) => gitObject(s.repo, s.sha, null),
  },
};

const UserType: ObjectType<string> = {
  name: 'User',
  abstract: ['Actor', 'RepositoryOwner', 'Node', 'UniformResourceLocatable'],
  fields: {
    id: (login) => nodeId('U', login),
    login: (login) => login,
    url: (login) => `https://github.com/${login}`,
  },
};

const RepositoryType: ObjectType<Registered> = {
  name: 'Repository',
  abstract: ['Node', 'RepositoryInfo', 'UniformResourceLocatable', 'Starrable', 'Subscribable'],
  fields: {
    id: (r) => nodeId('R', fullName(r).toLowerCase()),
    databaseId: (r) => repoId(r),
    name: (r) => r.repo,
    nameWithOwner: (r) => fullName(r),
    url: (r) => `https://github.com/${fullName(r)}`,
    owner: (r) => new Typed(UserType, r.owner),
    isEmpty: (r) => r.heads.size === 0,
    isArchived: (r) => r.meta.archived,
    isFork: (r) => r.meta.parent !== null,
    isPrivate: () => false,
    isDisabled: () => false,
    isLocked: () => false,
    hasIssuesEnabled: (r) => r.meta.hasIssues,
    createdAt: (r) => r.meta.createdAt,
    pushedAt: (r) => r.meta.pushedAt,
    updatedAt: (r) => r.meta.pushedAt,
    diskUsage: (r, _args, ex) => ex.fake.sizeKb(r),
    parent: (r) => (r.meta.parent && !r.meta.parent.meta?.deleted ? new Typed(RepositoryType, r.meta.parent) : null),
    defaultBranchRef: (r) => {
      const sha = r.heads.get(r.meta.defaultBranch);
      return sha ? new Typed(RefType, { repo: r, name: r.meta.defaultBranch, sha }) : null;
    },
    ref: (r, args) => {
      const qualified = typeof args.qualifiedName === 'string' ? args.qualifiedName : '';
      const name = branchOfRef(qualified) ?? qualified;
      const sha = r.heads.get(name);
      return sha ? new Typed(RefType, { repo: r, name, sha }) : null;
    },
    /** `expression` is "<rev>:<path>" (a Blob or Tree) or "<rev>" (a Commit); rev is HEAD, a branch or a SHA. */
    object: (r, args, ex) => {
      if (typeof args.oid === 'string') return gitObject(r, args.oid, null);
      if (typeof args.expression !== 'string') return null;
      const colon = args.expression.indexOf(':');
      if (colon === -1) {
        const sha = ex.fake.commitAt(r, args.expression);
        return sha ? gitObject(r, sha, null) : null;
      }
      const tree = ex.fake.treeAt(r, args.expression.slice(0, colon));
      if (!tree) return null;
      const path = normalizePath(args.expression.slice(colon + 1));
      const found = lookupPath(r.objects, tree, path);
      return found ? gitObject(r, found.sha, path) : null;
    },
  },
};

const RateLimitType: ObjectType<Execution> = {
  name: 'RateLimit',
  abstract: ['Node'],
  fields: {
    cost: () => 1,
    limit: () => 5000,
    used: (ex) => ex.fake.graphqlQueries,
    remaining: (ex) => Math.max(0, 5000 - ex.fake.graphqlQueries),
    resetAt: () => isoSeconds(Math.ceil(Date.now() / 3_600_000) * 3_600_000),
    nodeCount: (ex) => ex.rootFields,
  },
};

const QueryType: ObjectType<Fake> = {
  name: 'Query',
  abstract: [],
  fields: {
    viewer: (fake) => new Typed(UserType, fake.viewer),
    /** Like GitHub: a deleted or unknown repository is null with a NOT_FOUND error, a forbidden one null with FORBIDDEN. */
    repository: (fake, args, ex, field, path) => {
      const missing = ['owner', 'name'].filter((a) => typeof args[a] !== 'string');
      if (missing.length > 0) {
        throw new GraphqlError(`Field 'repository' is missing required arguments: ${missing.join(', ')}`, [field.loc]);
      }
      const [owner, name] = [args.owner as string, args.name as string];
      const state = fake.findRegistered(owner, name);
      if (!state || state.meta.deleted) {
        ex.errors.push({
          type: 'NOT_FOUND',
          path,
          locations: [field.loc],
          message: `Could not resolve to a Repository with the name '${owner}/${name}'.`,
        });
        return null;
      }
      if (state.meta.forbidden) {
        ex.errors.push({ type: 'FORBIDDEN', path, extensions: { saml_failure: false }, locations: [field.loc], message: READ_ONLY_MESSAGE });
        return null;
      }
      return new Typed(RepositoryType, state);
    },
    rateLimit: (_fake, _args, ex) => new Typed(RateLimitType, ex),
  },
};

function argumentValue(ex: Execution, node: ValueNode): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'list':
      return node.values.map((v) => argumentValue(ex, v));
    case 'object':
      return Object.fromEntries(Object.entries(node.fields).map(([k, v]) => [k, argumentValue(ex, v)]));
    case 'variable': {
      if (!ex.operation.variables.some((d) => d.name === node.name)) {
        const operation = ex.operation.name ?? 'anonymous query';
        throw new GraphqlError(`Variable $${node.name} is used by ${operation} but not declared`, [node.loc]);
      }
      return ex.variables[node.name] ?? null;
    }
  }
}

function argumentValues(ex: Execution, args: Record<string, ValueNode>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, argumentValue(ex, v)]));
}

function included(ex: Execution, directives: Directive[]): boolean {
  for (const d of directives) {
    if (d.name !== 'include' && d.name !== 'skip') throw new GraphqlUnsupported(`The fake GitHub does not answer the directive @${d.name}`);
    const condition = d.args.if ? argumentValue(ex, d.args.if) : undefined;
    if (typeof condition !== 'boolean') throw new GraphqlError(`Directive @${d.name} needs a Boolean argument "if"`);
    if (condition !== (d.name === 'include')) return false;
  }
  return true;
}

/** Merges two results for one response key (the same field selected twice), as GraphQL does. */
function mergeResults(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return a.map((x, i) => mergeResults(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const merged: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b)) merged[k] = k in merged ? mergeResults(merged[k], v) : v;
    return merged;
  }
  return b;
}

function executeSelections<S>(
  ex: Execution,
  type: ObjectType<S>,
  source: S,
  selections: Selection[],
  path: Path,
  into: Record<string, unknown> = {},
): Record<string, unknown> {
  const matches = (name: string) => name === type.name || type.abstract.includes(name);
  for (const selection of selections) {
    if (!included(ex, selection.directives)) continue;
    if (selection.kind === 'inline') {
      if (selection.on === null || matches(selection.on)) executeSelections(ex, type, source, selection.selections, path, into);
      continue;
    }
    if (selection.kind === 'spread') {
      const fragment = ex.fragments.get(selection.name);
      if (!fragment) throw new GraphqlError(`Fragment ${selection.name} was used, but not defined`, [selection.loc]);
      if (ex.spreading.has(selection.name)) throw new GraphqlError(`Fragment ${selection.name} contains an infinite loop`, [selection.loc]);
      if (!matches(fragment.on)) continue;
      ex.spreading.add(selection.name);
      executeSelections(ex, type, source, fragment.selections, path, into);
      ex.spreading.delete(selection.name);
      continue;
    }
    const key = selection.alias ?? selection.name;
    if (path.length === 0) ex.rootFields++;
    let value: unknown;
    if (selection.name === '__typename') {
      value = type.name;
    } else {
      const resolve = type.fields[selection.name];
      if (!resolve) {
        const known = Object.keys(type.fields).join(', ');
        throw new GraphqlUnsupported(
          path.length === 0
            ? `The fake GitHub answers only these GraphQL root fields: ${known}`
            : `The fake GitHub does not answer the GraphQL field ${type.name}.${selection.name}; it answers ${known}`,
        );
      }
      const at = [...path, key];
      value = complete(ex, resolve(source, argumentValues(ex, selection.args), ex, selection, at), selection, at);
    }
    into[key] = key in into ? mergeResults(into[key], value) : value;
  }
  return into;
}

function complete(ex: Execution, value: unknown, field: FieldNode, path: Path): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v, i) => complete(ex, v, field, [...path, i]));
  if (value instanceof Typed) {
    if (!field.selections) {
      throw new GraphqlError(
        `Field must have selections (field '${field.name}' returns ${value.type.name} but has no selections. Did you mean '${field.name} { ... }'?)`,
        [field.loc],
      );
    }
    return executeSelections(ex, value.type, value.value as never, field.selections, path);
  }
  if (field.selections) {
    throw new GraphqlError(`Selections can't be made on scalars (field '${field.name}' returns a scalar but has selections)`, [field.loc]);
  }
  return value;
}

function coerceVariables(operation: Operation, given: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const def of operation.variables) {
    const value = Object.hasOwn(given, def.name)
      ? given[def.name]
      : def.defaultValue
        ? argumentValue({ operation, variables: {} } as Execution, def.defaultValue)
        : undefined;
    const base = def.type.replace(/!$/, '');
    const problem =
      (value === undefined || value === null) && def.type.endsWith('!')
        ? 'Expected value to not be null'
        : value !== undefined && value !== null && (base === 'String' || base === 'ID') && typeof value !== 'string'
          ? `Could not coerce value ${JSON.stringify(value)} to ${base}`
          : null;
    if (problem) {
      throw new GraphqlError(`Variable $${def.name} of type ${def.type} was provided invalid value`, [def.loc], {
        extensions: { value: value ?? null, problems: [{ path: [], explanation: problem }] },
      });
    }
    values[def.name] = value ?? null;
  }
  return values;
}

function pickOperation(doc: GraphqlDocument, name: unknown): Operation {
  if (typeof name === 'string' && name !== '') {
    const found = doc.operations.find((o) => o.name === name);
    if (!found) throw new GraphqlError(`No operation named "${name}"`);
    return found;
  }
  if (doc.operations.length !== 1) {
    throw new GraphqlError(doc.operations.length === 0 ? 'No operations in query document' : 'An operation name is required');
  }
  return doc.operations[0]!;
}

function graphql(ctx: Context): Reply {
  const query = bodyField(ctx.body, 'query');
  if (typeof query !== 'string') return error(400, 'A query attribute must be specified and must be a string.');
  const variablesGiven = bodyField(ctx.body, 'variables');
  const variables =
    typeof variablesGiven === 'object' && variablesGiven !== null && !Array.isArray(variablesGiven)
      ? (variablesGiven as Record<string, unknown>)
      : {};
  ctx.fake.graphqlQueries++;
  try {
    const doc = new GraphqlParser(tokenize(query)).document();
    const operation = pickOperation(doc, bodyField(ctx.body, 'operationName'));
    const root = operation.type === 'query' ? QueryType : operation.type === 'mutation' ? MutationType : null;
    if (!root) throw new GraphqlUnsupported(`The fake GitHub answers only GraphQL queries and mutations, not a ${operation.type}`);
    const ex: Execution = {
      fake: ctx.fake,
      operation,
      variables: coerceVariables(operation, variables),
      fragments: doc.fragments,
      errors: [],
      rootFields: 0,
      spreading: new Set(),
    };
    const data = executeSelections(ex, root as ObjectType<Fake>, ctx.fake, operation.selections, []);
    ctx.call.graphqlAliases = ex.rootFields;
    return { status: 200, body: ex.errors.length > 0 ? { data, errors: ex.errors } : { data } };
  } catch (e) {
    if (e instanceof GraphqlUnsupported) return error(400, e.message);
    if (e instanceof GraphqlError) {
      return { status: 200, body: { errors: [{ message: e.message, locations: e.locations, ...e.extra }] } };
    }
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------
// Routing

const routes: Route[] = [
  { method: 'GET', pattern: '/user', handle: getUser },
  { method: 'POST', pattern: '/graphql', handle: graphql },
  { method: 'GET', pattern: '/repos/:owner/:repo', handle: getRepository },
  { method: 'GET', pattern: '/repos/:owner/:repo/forks', handle: listForks },
  { method: 'GET', pattern: '/repos/:owner/:repo/contents/*path', handle: getContents },
  { method: 'GET', pattern: '/repos/:owner/:repo/issues', handle: listIssues },
  { method: 'POST', pattern: '/repos/:owner/:repo/issues', write: true, handle: createIssue },
  { method: 'GET', pattern: '/repos/:owner/:repo/issues/:issue', handle: getIssue },
  { method: 'PATCH', pattern: '/repos/:owner/:repo/issues/:issue', write: true, handle: updateIssue },
  { method: 'GET', pattern: '/repos/:owner/:repo/issues/:issue/comments', handle: listComments },
  { method: 'POST', pattern: '/repos/:owner/:repo/issues/:issue/comments', write: true, handle: createComment },
  { method: 'PATCH', pattern: '/repos/:owner/:repo/issues/comments/:id', write: true, handle: updateComment },
  { method: 'DELETE', pattern: '/repos/:owner/:repo/issues/comments/:id', write: true, handle: deleteComment },
  { method: 'GET', pattern: '/repos/:owner/:repo/issues/:issue/labels', handle: listIssueLabels },
  { method: 'POST', pattern: '/repos/:owner/:repo/issues/:issue/labels', write: true, handle: addIssueLabels },
  { method: 'DELETE', pattern: '/repos/:owner/:repo/issues/:issue/labels/:name', write: true, handle: removeIssueLabel },
  { method: 'GET', pattern: '/repos/:owner/:repo/labels', handle: listRepoLabels },
  { method: 'POST', pattern: '/repos/:owner/:repo/labels', write: true, handle: createRepoLabel },
  { method: 'GET', pattern: '/repos/:owner/:repo/labels/:name', handle: getRepoLabel },
  { method: 'PATCH', pattern: '/repos/:owner/:repo/labels/:name', write: true, handle: updateRepoLabel },
  { method: 'POST', pattern: '/repos/:owner/:repo/statuses/:sha', write: true, handle: createStatus },
  { method: 'GET', pattern: '/repos/:owner/:repo/commits/:ref/statuses', handle: listStatuses },
  { method: 'GET', pattern: '/repos/:owner/:repo/commits/:ref/status', handle: combinedStatus },
  { method: 'GET', pattern: '/repos/:owner/:repo/git/ref/*ref', handle: getGitRef },
  { method: 'POST', pattern: '/repos/:owner/:repo/git/refs', write: true, handle: createGitRef },
  { method: 'PATCH', pattern: '/repos/:owner/:repo/git/refs/*ref', write: true, handle: updateGitRef },
  { method: 'DELETE', pattern: '/repos/:owner/:repo/git/refs/*ref', write: true, handle: deleteGitRef },
  { method: 'POST', pattern: '/repos/:owner/:repo/git/blobs', write: true, handle: createBlob },
  { method: 'GET', pattern: '/repos/:owner/:repo/git/blobs/:sha', handle: getBlob },
  { method: 'POST', pattern: '/repos/:owner/:repo/git/trees', write: true, handle: createTree },
  { method: 'GET', pattern: '/repos/:owner/:repo/git/trees/:sha', handle: getTree },
  { method: 'POST', pattern: '/repos/:owner/:repo/git/commits', write: true, handle: createCommit },
  { method: 'GET', pattern: '/repos/:owner/:repo/git/commits/:sha', handle: getGitCommit },
];

// Pull requests (seeded with setPullRequest): the fields a client reads to learn the current head.

function getPullRequest(ctx: Context): Reply {
  // seeded with setPullRequest, or else the head the review section's pull request was pushed to
  const reviewed = ctx.fake.pulls.get(ctx.params.owner!, ctx.params.repo!, Number(ctx.params.number));
  const pull: (PullRequestSpec & { owner: string; repo: string }) | undefined =
    ctx.fake.pullSpecs.get(`${ctx.params.owner}/${ctx.params.repo}#${ctx.params.number}`.toLowerCase()) ??
    (reviewed.headSha ? { number: reviewed.number, headSha: reviewed.headSha, owner: reviewed.owner, repo: reviewed.repo } : undefined);
  if (!pull) return notFound();
  const state = repoOf(ctx);
  const [headOwner, headName] = pull.headRepo ? splitFullName(pull.headRepo) : [state.owner, state.repo];
  const base = `https://github.com/${fullName(state)}`;
  const repoRef = (o: string, n: string) => ({ name: n, full_name: `${o}/${n}`, owner: userJson(o), html_url: `https://github.com/${o}/${n}` });
  return {
    status: 200,
    body: {
      url: `${ctx.fake.url}/repos/${fullName(state)}/pulls/${pull.number}`,
      number: pull.number,
      state: pull.state ?? 'open',
      html_url: `${base}/pull/${pull.number}`,
      labels: ctx.fake.labelsOf(state, pull.number).map((l) => labelJson(ctx.fake, state, l)),
      head: { label: `${headOwner}:main`, ref: 'main', sha: pull.headSha, user: userJson(headOwner), repo: repoRef(headOwner, headName) },
      base: { label: `${state.owner}:main`, ref: 'main', user: userJson(state.owner), repo: repoRef(state.owner, state.repo) },
    },
  };
}

routes.push({ method: 'GET', pattern: '/repos/:owner/:repo/pulls/:number', handle: getPullRequest });

// ---------------------------------------------------------------------------------------------------
// The fake

class Fake implements FakeGitHub {
  url = '';
  readonly pulls: PullRequests = new PullRequests(this);
  calls: Call[] = [];
  viewer = 'github-actions[bot]';
  /** POST /graphql requests answered so far (for rateLimit). */
  graphqlQueries = 0;
  private repos = new Map<string, RepoState>();
  private faults: (FaultRule & { remaining: number })[] = [];
  private injected: Array<{ hang: HangRule | null; fault: MatchFault | null; remaining: number }> = [];
  /** "owner/repo#number" (lower case) → the pull request. */
  pullSpecs = new Map<string, PullRequestSpec & { owner: string; repo: string }>();
  private delay = 0;
  private nextCommentId = 1_000_001;
  private nextLabelId = 5_000_001;
  private idCounter = 9_000_001;
  private added = 0;
  private server = createServer((req, res) => {
    this.handle(req, res).catch((cause: unknown) => {
      // A bug in the fake: answer 500 so the test sees it rather than hanging.
      if (!res.headersSent) send(res, { status: 500, body: { message: `fake-github: ${String(cause)}` } });
    });
  });

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', resolve);
    });
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  repoState(owner: string, repo: string): RepoState {
    const key = `${owner}/${repo}`.toLowerCase();
    let state = this.repos.get(key);
    if (!state) {
      state = {
        owner,
        repo,
        refs: new Map(),
        comments: new Map(),
        labels: new Map(),
        issueLabels: new Map(),
        readOnly: false,
        meta: null,
        objects: new Map(),
        heads: new Map(),
        issues: new Map(),
        statuses: [],
      };
      this.repos.set(key, state);
    }
    return state;
  }

  /** An added repository (deleted and forbidden ones included), or null; never creates one. */
  findRegistered(owner: string, repo: string): Registered | null {
    const state = this.repos.get(`${owner}/${repo}`.toLowerCase());
    return state?.meta ? (state as Registered) : null;
  }

  /** The direct forks of a repository that are not deleted, in the order added. */
  forksOf(state: RepoState): Registered[] {
    return [...this.repos.values()].filter((s): s is Registered => s.meta?.parent === state && !s.meta.deleted);
  }

  /** GitHub's `size`: kilobytes at the head of the default branch, 0 for an empty repository. */
  sizeKb(state: Registered): number {
    const tree = this.treeAt(state, state.meta.defaultBranch);
    if (!tree || state.heads.size === 0) return 0;
    let bytes = 0;
    for (const e of flattenTree(state.objects, tree).values()) {
      const object = state.objects.get(e.sha);
      if (object?.type === 'blob') bytes += object.bytes.length;
    }
    return bytes === 0 ? 0 : Math.max(1, Math.ceil(bytes / 1024));
  }

  nextId(): number {
    return this.idCounter++;
  }

  /** A revision → commit SHA: HEAD (the default branch), a branch name, or a commit's full SHA. */
  commitAt(state: RepoState, rev: string): string | null {
    const name = normalizeRef(rev);
    const branch = name === 'HEAD' ? (state.meta?.defaultBranch ?? DEFAULT_REF) : name;
    const head = state.heads.get(branch);
    if (head) return head;
    return state.objects.get(name)?.type === 'commit' ? name : null;
  }

  /** A revision → root tree SHA; files seeded under that ref name are written as git objects first. */
  treeAt(state: RepoState, rev: string): string | null {
    const seeded = state.refs.get(normalizeRef(rev));
    if (seeded) {
      const flat: FlatTree = new Map();
      for (const [path, entry] of seeded) {
        if (entry.kind === 'file') setPath(flat, path, { mode: '100644', type: 'blob', sha: writeBlob(state.objects, entry.bytes()) });
        if (entry.kind === 'symlink') setPath(flat, path, { mode: '120000', type: 'blob', sha: writeBlob(state.objects, Buffer.from(entry.target)) });
        if (entry.kind === 'submodule') setPath(flat, path, { mode: '160000', type: 'commit', sha: entry.sha });
      }
      return writeFlatTree(state.objects, flat);
    }
    const commit = this.commitAt(state, rev);
    return commit ? (state.objects.get(commit) as GitCommit).tree : null;
  }

  /** The files at a ref for the contents API: seeded ones, else the git tree of a branch or commit. */
  entriesAt(state: RepoState, ref: string): Map<string, Entry> | null {
    const seeded = state.refs.get(normalizeRef(ref));
    if (seeded) return seeded;
    const commit = this.commitAt(state, ref);
    if (!commit) return null;
    const entries = new Map<string, Entry>();
    for (const [path, e] of flattenTree(state.objects, (state.objects.get(commit) as GitCommit).tree)) {
      const object = state.objects.get(e.sha);
      if (e.mode === '160000') entries.set(path, { kind: 'submodule', sha: e.sha });
      else if (object?.type === 'blob' && e.mode === '120000') entries.set(path, { kind: 'symlink', target: object.bytes.toString('utf8') });
      else if (object?.type === 'blob') entries.set(path, { kind: 'file', bytes: () => object.bytes, size: object.bytes.length });
    }
    return entries;
  }

  /** The commit a status is for: a known commit or branch, a ref seeded with setFile, or (implicit repositories) any SHA. */
  commitForStatus(state: RepoState, ref: string): string | null {
    const commit = this.commitAt(state, ref);
    if (commit) return commit;
    if (state.refs.has(normalizeRef(ref))) return normalizeRef(ref);
    return !state.meta && /^[0-9a-f]{40}$/i.test(ref) ? ref.toLowerCase() : null;
  }

  moveBranch(state: RepoState, branch: string, sha: string): void {
    state.heads.set(branch, sha);
    if (state.meta) state.meta.pushedAt = timestamp();
  }

  setFile(owner: string, repo: string, ref: string, path: string, content: string | Uint8Array): void {
    const bytes = toBuffer(content);
    this.entries(owner, repo, ref).set(normalizePath(path), { kind: 'file', bytes: () => bytes, size: bytes.length });
  }

  setDirectory(owner: string, repo: string, ref: string, path: string): void {
    this.entries(owner, repo, ref).set(normalizePath(path), { kind: 'dir' });
  }

  setSymlink(owner: string, repo: string, ref: string, path: string, target: string): void {
    this.entries(owner, repo, ref).set(normalizePath(path), { kind: 'symlink', target });
  }

  setSubmodule(owner: string, repo: string, ref: string, path: string, sha: string): void {
    this.entries(owner, repo, ref).set(normalizePath(path), { kind: 'submodule', sha });
  }

  setHugeFile(owner: string, repo: string, ref: string, path: string, size: number): void {
    if (!Number.isInteger(size) || size <= INLINE_LIMIT) {
      throw new RangeError(`setHugeFile size ${size} is not a whole number above ${INLINE_LIMIT} (1 MB)`);
    }
    // Built on demand so a seeded 50 MB file costs nothing until read.
    this.entries(owner, repo, ref).set(normalizePath(path), { kind: 'file', bytes: () => Buffer.alloc(size, 'x'), size });
  }

  private entries(owner: string, repo: string, ref: string): Map<string, Entry> {
    const refs = this.repoState(owner, repo).refs;
    const key = normalizeRef(ref);
    let entries = refs.get(key);
    if (!entries) refs.set(key, (entries = new Map()));
    return entries;
  }

  comments(owner: string, repo: string, issue: number): FakeComment[] {
    return (this.repoState(owner, repo).comments.get(issue) ?? []).map(publicComment);
  }

  addComment(owner: string, repo: string, issue: number, body: string, login = this.viewer): FakeComment {
    return publicComment(this.storeComment(this.repoState(owner, repo), issue, body, login));
  }

  storeComment(state: RepoState, issue: number, body: string, login: string): StoredComment {
    const id = this.nextCommentId++;
    const now = timestamp();
    const comment: StoredComment = {
      id,
      issue,
      body,
      user: { login, type: userType(login) },
      created_at: now,
      updated_at: now,
      html_url: `https://github.com/${state.owner}/${state.repo}/issues/${issue}#issuecomment-${id}`,
    };
    let list = state.comments.get(issue);
    if (!list) state.comments.set(issue, (list = []));
    list.push(comment);
    return comment;
  }

  issueLabels(owner: string, repo: string, issue: number): string[] {
    return this.labelsOf(this.repoState(owner, repo), issue).map((l) => l.name);
  }

  setIssueLabels(owner: string, repo: string, issue: number, names: string[]): void {
    const state = this.repoState(owner, repo);
    state.issueLabels.set(issue, []);
    this.addLabelsToIssue(state, issue, names);
  }

  labelsOf(state: RepoState, issue: number): FakeLabel[] {
    const byId = new Map([...state.labels.values()].map((l) => [l.id, l]));
    return (state.issueLabels.get(issue) ?? []).flatMap((id) => byId.get(id) ?? []);
  }

  /** Adds labels to an issue, creating unknown repository labels with color ededed, as GitHub does. */
  addLabelsToIssue(state: RepoState, issue: number, names: string[]): void {
    const ids = state.issueLabels.get(issue) ?? [];
    for (const name of names) {
      const label = state.labels.get(name.toLowerCase()) ?? this.storeLabel(state, name, 'ededed', null);
      if (!ids.includes(label.id)) ids.push(label.id);
    }
    state.issueLabels.set(issue, ids);
  }

  repoLabels(owner: string, repo: string): FakeLabel[] {
    return [...this.repoState(owner, repo).labels.values()].map((l) => ({ ...l }));
  }

  addRepoLabel(owner: string, repo: string, name: string, color = 'ededed', description: string | null = null): FakeLabel {
    const state = this.repoState(owner, repo);
    if (state.labels.has(name.toLowerCase())) throw new Error(`Label "${name}" already exists in ${owner}/${repo}`);
    return { ...this.storeLabel(state, name, color, description) };
  }

  storeLabel(state: RepoState, name: string, color: string, description: string | null): FakeLabel {
    const label: FakeLabel = { id: this.nextLabelId++, name, color: color.replace(/^#/, '').toLowerCase(), description, default: false };
    state.labels.set(name.toLowerCase(), label);
    return label;
  }

  fail(rule: FaultRule): void {
    this.faults.push({ ...rule, remaining: rule.times ?? 1 });
  }

  latency(ms: number): void {
    this.delay = ms;
  }

  readOnly(owner: string, repo: string): void {
    this.repoState(owner, repo).readOnly = true;
  }

  hang(rule: HangRule): void {
    this.injected.push({ hang: rule, fault: null, remaining: rule.times ?? 1 });
  }

  failWhen(fault: MatchFault): void {
    this.injected.push({ hang: null, fault, remaining: fault.times ?? 1 });
  }

  /** 'hang' to leave the request unanswered, a reply for a matching fault, or null to answer normally. */
  private injectedFault(call: Call): 'hang' | Reply | null {
    const hit = this.injected.find(
      (i) =>
        i.remaining > 0 &&
        (i.hang ? (!i.hang.method || i.hang.method.toUpperCase() === call.method) && call.path.search(i.hang.path) !== -1 : i.fault!.match(call)),
    );
    if (!hit) return null;
    hit.remaining--;
    if (hit.hang) return 'hang';
    const { status, body, headers } = hit.fault!;
    return {
      status,
      body: body === undefined ? { message: STATUS_CODES[status] ?? 'Error', documentation_url: DOCS, status: String(status) } : body,
      ...(headers && { headers }),
    };
  }

  setPullRequest(owner: string, repo: string, spec: PullRequestSpec): void {
    if (!isSha(spec.headSha)) throw new Error(`setPullRequest: headSha "${spec.headSha}" is not 40 lower-case hex digits`);
    this.repoState(owner, repo);
    this.pullSpecs.set(`${owner}/${repo}#${spec.number}`.toLowerCase(), { ...spec, owner, repo });
  }

  addRepository(spec: RepositorySpec): RepositoryInfo {
    const { owner, name } = spec;
    const where = `addRepository ${owner}/${name}`;
    if (!/^[^/\s]+$/.test(owner) || !/^[^/\s]+$/.test(name)) throw new Error(`${where}: not an owner/name repository name`);
    if (this.findRegistered(owner, name)) throw new Error(`${where}: already added`);
    let parent: Registered | null = null;
    if (spec.parent) {
      parent = this.findRegistered(...splitFullName(spec.parent));
      if (!parent) throw new Error(`${where}: the parent ${spec.parent} must be added first`);
    }
    if (spec.empty && Object.keys(spec.files ?? {}).length > 0) throw new Error(`${where}: an empty repository has no files`);
    if (spec.head?.sha !== undefined && !isSha(spec.head.sha)) throw new Error(`${where}: head.sha is not 40 lower-case hex digits`);
    const dates = [spec.createdAt, spec.pushedAt, spec.head?.committedDate].filter((d) => d !== undefined);
    if (dates.some((d) => Number.isNaN(Date.parse(d)))) throw new Error(`${where}: a date is not ISO 8601`);

    const order = ++this.added;
    const createdAt = spec.createdAt ? isoSeconds(Date.parse(spec.createdAt)) : isoSeconds(CLOCK_START + order * 60_000);
    const state = this.repoState(owner, name);
    state.owner = owner;
    state.repo = name;
    if (parent) {
      // One object store per repository network, as on GitHub.
      for (const [sha, object] of state.objects) parent.objects.set(sha, object);
      state.objects = parent.objects;
    }
    state.readOnly = spec.readOnly ?? state.readOnly;
    const meta: RepoMeta = {
      parent,
      defaultBranch: spec.defaultBranch ?? parent?.meta.defaultBranch ?? DEFAULT_REF,
      archived: spec.archived ?? false,
      deleted: spec.deleted ?? false,
      forbidden: spec.forbidden ?? false,
      hasIssues: spec.hasIssues ?? true,
      createdAt,
      pushedAt: createdAt,
      order,
    };
    state.meta = meta;
    if (!spec.empty) {
      const parentHead = parent?.heads.get(parent.meta.defaultBranch);
      if (parentHead && spec.files === undefined && spec.head === undefined) {
        state.heads.set(meta.defaultBranch, parentHead);
      } else {
        const flat: FlatTree = parentHead ? flattenTree(state.objects, (state.objects.get(parentHead) as GitCommit).tree) : new Map();
        for (const [path, content] of Object.entries(spec.files ?? {})) {
          if (content === null) removePath(flat, normalizePath(path));
          else if (isSymlinkSpec(content))
            setPath(flat, normalizePath(path), { mode: '120000', type: 'blob', sha: writeBlob(state.objects, Buffer.from(content.symlink)) });
          else setPath(flat, normalizePath(path), { mode: '100644', type: 'blob', sha: writeBlob(state.objects, toBuffer(content)) });
        }
        const date = spec.head?.committedDate ? isoSeconds(Date.parse(spec.head.committedDate)) : createdAt;
        const signature = signatureFor(owner, date);
        const commit = {
          tree: writeFlatTree(state.objects, flat),
          parents: parentHead ? [parentHead] : [],
          message: spec.head?.message ?? (parentHead ? 'Update files' : 'Initial commit'),
          author: signature,
          committer: signature,
        };
        state.heads.set(meta.defaultBranch, writeCommit(state.objects, commit, spec.head?.sha));
      }
    }
    const head = state.heads.get(meta.defaultBranch);
    meta.pushedAt = spec.pushedAt ? isoSeconds(Date.parse(spec.pushedAt)) : head ? (state.objects.get(head) as GitCommit).committer.date : createdAt;
    return this.info(state as Registered);
  }

  generateForks(template: string, count: number, make: (i: number) => ForkSpec = () => ({})): RepositoryInfo[] {
    const parent = this.findRegistered(...splitFullName(template));
    if (!parent) throw new Error(`generateForks: the template ${template} must be added first`);
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`generateForks: count ${count} is not a whole number`);
    return Array.from({ length: count }, (_, i) => {
      const spec = make(i);
      return this.addRepository({ ...spec, owner: spec.owner ?? `learner-${i + 1}`, name: spec.name ?? parent.repo, parent: fullName(parent) });
    });
  }

  deleteRepository(owner: string, name: string): void {
    const state = this.findRegistered(owner, name);
    if (!state) throw new Error(`deleteRepository: ${owner}/${name} was not added`);
    state.meta.deleted = true;
  }

  repository(owner: string, name: string): RepositoryInfo | null {
    const state = this.findRegistered(owner, name);
    return state ? this.info(state) : null;
  }

  private info(state: Registered): RepositoryInfo {
    const { meta } = state;
    const head = state.heads.get(meta.defaultBranch) ?? null;
    return {
      owner: state.owner,
      name: state.repo,
      fullName: fullName(state),
      parent: meta.parent ? fullName(meta.parent) : null,
      defaultBranch: meta.defaultBranch,
      archived: meta.archived,
      empty: state.heads.size === 0,
      deleted: meta.deleted,
      forbidden: meta.forbidden,
      readOnly: state.readOnly,
      hasIssues: meta.hasIssues,
      headSha: head,
      committedDate: head ? (state.objects.get(head) as GitCommit).committer.date : null,
      createdAt: meta.createdAt,
      pushedAt: meta.pushedAt,
    };
  }

  issues(owner: string, repo: string): FakeIssue[] {
    const state = this.repoState(owner, repo);
    return [...state.issues.values()].sort((a, b) => a.number - b.number).map((i) => this.publicIssue(state, i));
  }

  addIssue(owner: string, repo: string, spec: IssueSpec): FakeIssue {
    const state = this.repoState(owner, repo);
    const issue = this.storeIssue(state, {
      title: spec.title,
      body: spec.body ?? null,
      labels: spec.labels ?? [],
      login: spec.login ?? this.viewer,
      closed: spec.state === 'closed',
      pullRequest: spec.pullRequest ?? false,
    });
    return this.publicIssue(state, issue);
  }

  storeIssue(
    state: RepoState,
    given: { title: string; body: string | null; labels: string[]; login: string; closed?: boolean; pullRequest?: boolean },
  ): StoredIssue {
    const number = state.issues.size + 1;
    const now = timestamp();
    const issue: StoredIssue = {
      id: this.nextId(),
      number,
      title: given.title,
      body: given.body,
      state: given.closed ? 'closed' : 'open',
      stateReason: given.closed ? 'completed' : null,
      login: given.login,
      pullRequest: given.pullRequest ?? false,
      createdAt: now,
      updatedAt: now,
      closedAt: given.closed ? now : null,
      updatedSeq: this.nextId(),
    };
    state.issues.set(number, issue);
    state.issueLabels.set(number, []);
    this.addLabelsToIssue(state, number, given.labels);
    return issue;
  }

  private publicIssue(state: RepoState, issue: StoredIssue): FakeIssue {
    return {
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      state_reason: issue.stateReason,
      user: { login: issue.login, type: userType(issue.login) },
      labels: this.labelsOf(state, issue.number).map((l) => l.name),
      isPullRequest: issue.pullRequest,
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      closed_at: issue.closedAt,
      html_url: `https://github.com/${fullName(state)}/${issue.pullRequest ? 'pull' : 'issues'}/${issue.number}`,
    };
  }

  statuses(owner: string, repo: string, ref: string): FakeStatus[] {
    const state = this.repoState(owner, repo);
    const sha = this.commitForStatus(state, ref) ?? ref;
    return state.statuses
      .filter((s) => s.sha === sha)
      .reverse()
      .map((s) => ({ ...s }));
  }

  commitFiles(owner: string, repo: string, branch: string, files: Record<string, string | Uint8Array>, message = 'Update files'): string {
    const state = this.repoState(owner, repo);
    const flat: FlatTree = new Map();
    for (const [path, content] of Object.entries(files)) {
      setPath(flat, normalizePath(path), { mode: '100644', type: 'blob', sha: writeBlob(state.objects, toBuffer(content)) });
    }
    const name = normalizeRef(branch);
    const tip = state.heads.get(name);
    const signature = signatureFor(this.viewer, timestamp());
    const sha = writeCommit(state.objects, {
      tree: writeFlatTree(state.objects, flat),
      parents: tip ? [tip] : [],
      message,
      author: signature,
      committer: signature,
    });
    this.moveBranch(state, name, sha);
    return sha;
  }

  branchFiles(owner: string, repo: string, branch: string): Record<string, string> | null {
    const state = this.repos.get(`${owner}/${repo}`.toLowerCase());
    const sha = state?.heads.get(normalizeRef(branch));
    if (!state || !sha) return null;
    const files: Record<string, string> = {};
    for (const [path, e] of flattenTree(state.objects, (state.objects.get(sha) as GitCommit).tree)) {
      const object = state.objects.get(e.sha);
      if (object?.type === 'blob') files[path] = object.bytes.toString('utf8');
    }
    return files;
  }

  branchLog(owner: string, repo: string, branch: string): FakeCommit[] {
    const state = this.repos.get(`${owner}/${repo}`.toLowerCase());
    const log: FakeCommit[] = [];
    let sha = state?.heads.get(normalizeRef(branch));
    while (state && sha) {
      const commit = state.objects.get(sha);
      if (commit?.type !== 'commit') break;
      const { tree, parents, message, author, committer } = commit;
      log.push({ sha, message, tree, parents: [...parents], author: { ...author }, committer: { ...committer } });
      sha = parents[0];
    }
    return log;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
    // fetch keeps connections alive; without this, close() would wait for them to time out.
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.timeOrigin + performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const text = await readBody(req);
    let body: unknown;
    let badJson = false;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
        badJson = true;
      }
    }
    const call: Call = { method, path: decode(url.pathname), query, body, status: 0, at };
    this.calls.push(call);

    // Wait until `delay` ms have really passed: timers may fire a fraction of a millisecond early.
    const start = performance.now();
    while (this.delay > 0 && performance.now() - start < this.delay) {
      await sleep(Math.max(1, Math.ceil(this.delay - (performance.now() - start))));
    }

    const injected = this.injectedFault(call);
    if (injected === 'hang') return;
    const reply = injected ?? this.answer(req, method, url.pathname, call, badJson);
    call.status = reply.status;
    send(res, reply);
  }

  private answer(req: IncomingMessage, method: string, rawPath: string, call: Call, badJson: boolean): Reply {
    const { path, query, body } = call;
    const fault = this.faults.find((f) => f.remaining > 0 && (!f.method || f.method.toUpperCase() === method) && path.search(f.path) !== -1);
    if (fault) {
      fault.remaining--;
      const defaultMessage = fault.status === 429 ? SECONDARY_RATE_LIMIT : (STATUS_CODES[fault.status] ?? 'Error');
      return {
        status: fault.status,
        body: fault.body === undefined ? { message: defaultMessage, documentation_url: DOCS, status: String(fault.status) } : fault.body,
        ...(fault.headers && { headers: fault.headers }),
      };
    }
    if (!req.headers.authorization) return error(401, 'Bad credentials');
    if (badJson) return error(400, 'Problems parsing JSON');

    const segments = rawPath.split('/').slice(1);
    for (const route of routes) {
      if (route.method !== method) continue;
      const params = matchRoute(route.pattern, segments);
      if (!params) continue;
      const state = params.owner && params.repo ? this.repos.get(`${params.owner}/${params.repo}`.toLowerCase()) : undefined;
      if (state?.meta?.deleted) return notFound();
      if (state?.meta?.forbidden) return error(403, READ_ONLY_MESSAGE);
      if (route.write && state?.readOnly) return error(403, READ_ONLY_MESSAGE);
      if (route.write && state?.meta?.archived) return error(403, ARCHIVED_MESSAGE);
      return route.handle({ fake: this, method, params, query, body, headers: req.headers, rawPath, call });
    }
    return notFound();
  }
}

function publicComment({ issue: _issue, ...comment }: StoredComment): FakeComment {
  return { ...comment, user: { ...comment.user } };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

let requestCount = 0;

function send(res: ServerResponse, reply: Reply): void {
  const headers = Object.fromEntries(Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  let payload: Buffer | undefined;
  if (reply.raw) {
    payload = reply.raw.bytes;
    headers['content-type'] = reply.raw.contentType;
  } else if (reply.status !== 204 && reply.body !== undefined) {
    payload = Buffer.from(JSON.stringify(reply.body));
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  if (payload) headers['content-length'] = String(payload.length);
  headers['x-github-request-id'] ??= `FAKE:${(++requestCount).toString(16).toUpperCase().padStart(8, '0')}`;
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** Starts a fake GitHub API on 127.0.0.1 on a free port; `close()` it when done. */
export async function startFakeGitHub(): Promise<FakeGitHub> {
  const fake = new Fake();
  await fake.listen();
  return fake;
}

// ---------------------------------------------------------------------------------------------------
// Pull requests and reviews. Self-contained: its state hangs off `fake.pulls`, and its REST routes,
// GraphQL fields (`Repository.pullRequest`) and mutations (`resolveReviewThread`, `unresolveReviewThread`)
// are registered at the end of this section.
//
// - A pull request exists implicitly, as issues do for comments: one never pushed has no changed files,
//   no reviews and no threads. `pulls.push()` opens it or moves its head, with the files it changes.
// - The patch of each file is a real unified diff of base and head (jsdiff, 3 lines of context, as GitHub
//   shows it); a review comment is accepted only on a line of its commit's diff (right side: added or
//   context lines; left side: deleted or context lines), else 422 as on GitHub.
// - On a new head, each thread follows its line through the change from the old head to the new one; a
//   line that changed, or that is no longer in the diff, makes the thread outdated (`line` null).
// - GraphQL names a bot author without `[bot]` (`github-actions`), REST and `viewer` with it, as GitHub does.

/** A changed file: its text at the base and at the head; null where it does not exist (added, removed). */
export interface PullFileSpec {
  base: string | null;
  head: string | null;
}

export interface FakeReview {
  id: number;
  body: string;
  state: 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'PENDING';
  commitId: string;
  login: string;
}

export interface FakeReviewComment {
  id: number;
  reviewId: number | null;
  path: string;
  /** The line in the current head's diff; null once outdated. */
  line: number | null;
  originalLine: number;
  side: 'LEFT' | 'RIGHT';
  commitId: string;
  originalCommitId: string;
  body: string;
  login: string;
  inReplyTo: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface FakeReviewThread {
  /** GraphQL node id. */
  id: string;
  isResolved: boolean;
  resolvedBy: string | null;
  isOutdated: boolean;
  comments: FakeReviewComment[];
}

export interface FakePullRequests {
  /** Opens the pull request or moves its head to `headSha`: `files` are all the files it changes, against its base. */
  push(owner: string, repo: string, number: number, headSha: string, files: Record<string, PullFileSpec>): void;
  /** The unified diff GitHub lists for the file at the current head (no file headers), or null. */
  patch(owner: string, repo: string, number: number, path: string): string | null;
  reviews(owner: string, repo: string, number: number): FakeReview[];
  /** Review comments, oldest first. */
  reviewComments(owner: string, repo: string, number: number): FakeReviewComment[];
  threads(owner: string, repo: string, number: number): FakeReviewThread[];
  /** Seeds a comment starting a thread on the current head, as `login`'s own review would. */
  addReviewComment(
    owner: string,
    repo: string,
    number: number,
    comment: { path: string; line: number; body: string; login: string },
  ): FakeReviewComment;
  /** Resolves a thread as `login` would in the UI. */
  resolveThread(threadId: string, login: string): void;
}

interface FileVersion {
  status: 'added' | 'removed' | 'modified';
  base: string | null;
  head: string | null;
  patch: string;
  additions: number;
  deletions: number;
  /** Lines a comment can take: new-file lines (RIGHT) and old-file lines (LEFT) inside the hunks. */
  right: Set<number>;
  left: Set<number>;
}

interface StoredPull {
  owner: string;
  repo: string;
  number: number;
  headSha: string | null;
  /** Head SHA → the files changed at that head. */
  versions: Map<string, Map<string, FileVersion>>;
  reviews: FakeReview[];
  comments: FakeReviewComment[];
  /** Root comment id → thread state. */
  threads: Map<number, { id: string; isResolved: boolean; resolvedBy: string | null }>;
}

function fileVersion(base: string | null, head: string | null): FileVersion {
  const structured = structuredPatch('a', 'b', base ?? '', head ?? '', '', '', { context: 3 });
  const right = new Set<number>();
  const left = new Set<number>();
  let additions = 0;
  let deletions = 0;
  const text: string[] = [];
  for (const hunk of structured.hunks) {
    // GitHub writes an empty side as 0,0 and a one-line side without its count
    const range = (start: number, count: number) => (count === 1 ? `${start}` : `${count === 0 ? Math.max(0, start - 1) : start},${count}`);
    text.push(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`);
    let oldLine = hunk.oldStart;
    let newLine = hunk.newStart;
    for (const line of hunk.lines) {
      text.push(line);
      if (line.startsWith('+')) {
        right.add(newLine++);
        additions++;
      } else if (line.startsWith('-')) {
        left.add(oldLine++);
        deletions++;
      } else if (line.startsWith(' ')) {
        right.add(newLine++);
        left.add(oldLine++);
      }
    }
  }
  const status = base === null ? 'added' : head === null ? 'removed' : 'modified';
  return { status, base, head, patch: text.join('\n'), additions, deletions, right, left };
}

/** Where `line` of `before` is in `after`, when that line is unchanged; else null. */
function followLine(before: string, after: string, line: number): number | null {
  let oldLine = 1;
  let newLine = 1;
  for (const change of diffLines(before, after)) {
    const count = change.count ?? 0;
    if (change.added) newLine += count;
    else if (change.removed) {
      if (line >= oldLine && line < oldLine + count) return null;
      oldLine += count;
    } else {
      if (line >= oldLine && line < oldLine + count) return newLine + (line - oldLine);
      oldLine += count;
      newLine += count;
    }
  }
  return null;
}

class PullRequests implements FakePullRequests {
  private store = new Map<string, StoredPull>();
  private nextReviewId = 80_000_001;
  private nextReviewCommentId = 60_000_001;

  constructor(private readonly fake: Fake) {}

  /** The pull request, created empty on first use (pull requests exist implicitly, as issues do). */
  get(owner: string, repo: string, number: number): StoredPull {
    const key = `${owner}/${repo}#${number}`.toLowerCase();
    let pull = this.store.get(key);
    if (!pull) {
      pull = { owner, repo, number, headSha: null, versions: new Map(), reviews: [], comments: [], threads: new Map() };
      this.store.set(key, pull);
    }
    return pull;
  }

  files(pull: StoredPull, sha: string | null = pull.headSha): Map<string, FileVersion> {
    return (sha && pull.versions.get(sha)) || new Map();
  }

  push(owner: string, repo: string, number: number, headSha: string, files: Record<string, PullFileSpec>): void {
    if (!isSha(headSha)) throw new Error(`pulls.push: head ${headSha} is not 40 lower-case hex digits`);
    const pull = this.get(owner, repo, number);
    const before = this.files(pull);
    const after = new Map(Object.entries(files).map(([path, spec]) => [normalizePath(path), fileVersion(spec.base, spec.head)] as const));
    pull.versions.set(headSha, after);
    pull.headSha = headSha;
    for (const comment of pull.comments) {
      if (comment.line === null || comment.side !== 'RIGHT') continue;
      comment.line = this.relocate(before.get(comment.path), after.get(comment.path), comment.line);
      if (comment.line !== null) comment.commitId = headSha;
    }
  }

  /** A right-side line carried from one version of a file to the next, or null when it changed or left the diff. */
  private relocate(from: FileVersion | undefined, to: FileVersion | undefined, line: number): number | null {
    if (!from?.head || !to?.head) return null;
    const moved = followLine(from.head, to.head, line);
    return moved !== null && to.right.has(moved) ? moved : null;
  }

  patch(owner: string, repo: string, number: number, path: string): string | null {
    const pull = this.get(owner, repo, number);
    return this.files(pull).get(normalizePath(path))?.patch ?? null;
  }

  reviews(owner: string, repo: string, number: number): FakeReview[] {
    return this.get(owner, repo, number).reviews.map((r) => ({ ...r }));
  }

  reviewComments(owner: string, repo: string, number: number): FakeReviewComment[] {
    return this.get(owner, repo, number).comments.map((c) => ({ ...c }));
  }

  threads(owner: string, repo: string, number: number): FakeReviewThread[] {
    const pull = this.get(owner, repo, number);
    return this.threadList(pull).map((t) => ({
      id: t.id,
      isResolved: t.isResolved,
      resolvedBy: t.resolvedBy,
      isOutdated: t.isOutdated,
      comments: t.comments.map((c) => ({ ...c })),
    }));
  }

  /** Threads in order of their first comment, each with its comments. */
  threadList(
    pull: StoredPull,
  ): Array<{ id: string; isResolved: boolean; resolvedBy: string | null; isOutdated: boolean; pull: StoredPull; comments: FakeReviewComment[] }> {
    return [...pull.threads.entries()]
      .filter(([root]) => pull.comments.some((c) => c.id === root))
      .sort(([a], [b]) => a - b)
      .map(([root, state]) => {
        const comments = pull.comments.filter((c) => c.id === root || c.inReplyTo === root);
        return { ...state, isOutdated: comments[0]!.line === null, pull, comments };
      });
  }

  addReviewComment(
    owner: string,
    repo: string,
    number: number,
    comment: { path: string; line: number; body: string; login: string },
  ): FakeReviewComment {
    const pull = this.get(owner, repo, number);
    if (!pull.headSha) throw new Error('pulls.addReviewComment: push the pull request first');
    if (!this.files(pull).get(comment.path)?.right.has(comment.line))
      throw new Error(`pulls.addReviewComment: line ${comment.line} of ${comment.path} is not in the diff`);
    return {
      ...this.storeComment(pull, null, { path: comment.path, line: comment.line, side: 'RIGHT', body: comment.body }, pull.headSha, comment.login),
    };
  }

  storeComment(
    pull: StoredPull,
    reviewId: number | null,
    c: { path: string; line: number; side: 'LEFT' | 'RIGHT'; body: string },
    commitId: string,
    login: string,
  ): FakeReviewComment {
    const now = timestamp();
    const comment: FakeReviewComment = {
      id: this.nextReviewCommentId++,
      reviewId,
      path: c.path,
      line: c.line,
      originalLine: c.line,
      side: c.side,
      commitId,
      originalCommitId: commitId,
      body: c.body,
      login,
      inReplyTo: null,
      createdAt: now,
      updatedAt: now,
    };
    // a comment on an older head follows its line to the current one
    if (commitId !== pull.headSha && c.side === 'RIGHT') {
      comment.line = this.relocate(this.files(pull, commitId).get(c.path), this.files(pull).get(c.path), c.line);
      if (comment.line !== null) comment.commitId = pull.headSha!;
    }
    pull.comments.push(comment);
    pull.threads.set(comment.id, {
      id: nodeId('PRRT', `${pull.owner}/${pull.repo}#${pull.number}:${comment.id}`),
      isResolved: false,
      resolvedBy: null,
    });
    return comment;
  }

  storeReview(pull: StoredPull, review: Omit<FakeReview, 'id'>): FakeReview {
    const stored = { id: this.nextReviewId++, ...review };
    pull.reviews.push(stored);
    return stored;
  }

  /** The thread with this GraphQL id, wherever it is. */
  findThread(threadId: string): { pull: StoredPull; state: { id: string; isResolved: boolean; resolvedBy: string | null } } | null {
    for (const pull of this.store.values()) {
      for (const [root, state] of pull.threads) {
        if (state.id === threadId && pull.comments.some((c) => c.id === root)) return { pull, state };
      }
    }
    return null;
  }

  resolveThread(threadId: string, login: string): void {
    const found = this.findThread(threadId);
    if (!found) throw new Error(`pulls.resolveThread: no thread ${threadId}`);
    found.state.isResolved = true;
    found.state.resolvedBy = login;
  }

  /** The comment with this REST id in any pull request of the repository, or null. */
  findComment(owner: string, repo: string, id: number): { pull: StoredPull; comment: FakeReviewComment } | null {
    const prefix = `${owner}/${repo}#`.toLowerCase();
    for (const [key, pull] of this.store) {
      if (!key.startsWith(prefix)) continue;
      const comment = pull.comments.find((c) => c.id === id);
      if (comment) return { pull, comment };
    }
    return null;
  }
}

const pullNumber = (ctx: Context): number | null => (/^[1-9]\d*$/.test(ctx.params.pull ?? '') ? Number(ctx.params.pull) : null);

function reviewCommentJson(fake: Fake, pull: StoredPull, c: FakeReviewComment) {
  const base = `${fake.url}/repos/${pull.owner}/${pull.repo}`;
  const html = `https://github.com/${pull.owner}/${pull.repo}/pull/${pull.number}`;
  return {
    id: c.id,
    node_id: nodeId('PRRC', String(c.id)),
    url: `${base}/pulls/comments/${c.id}`,
    pull_request_review_id: c.reviewId,
    diff_hunk: '',
    path: c.path,
    position: c.line,
    original_position: c.originalLine,
    commit_id: c.commitId,
    original_commit_id: c.originalCommitId,
    ...(c.inReplyTo !== null && { in_reply_to_id: c.inReplyTo }),
    user: { login: c.login, id: userId(c.login), type: userType(c.login) },
    body: c.body,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    html_url: `${html}#discussion_r${c.id}`,
    pull_request_url: `${base}/pulls/${pull.number}`,
    author_association: isBot(c.login) ? 'NONE' : 'CONTRIBUTOR',
    start_line: null,
    original_start_line: null,
    start_side: null,
    line: c.line,
    original_line: c.originalLine,
    side: c.side,
    subject_type: 'line',
  };
}

function reviewJson(fake: Fake, pull: StoredPull, r: FakeReview) {
  return {
    id: r.id,
    node_id: nodeId('PRR', String(r.id)),
    user: { login: r.login, id: userId(r.login), type: userType(r.login) },
    body: r.body,
    state: r.state,
    html_url: `https://github.com/${pull.owner}/${pull.repo}/pull/${pull.number}#pullrequestreview-${r.id}`,
    pull_request_url: `${fake.url}/repos/${pull.owner}/${pull.repo}/pulls/${pull.number}`,
    author_association: isBot(r.login) ? 'NONE' : 'CONTRIBUTOR',
    submitted_at: r.state === 'PENDING' ? undefined : timestamp(),
    commit_id: r.commitId,
  };
}

function listPullFiles(ctx: Context): Reply {
  const number = pullNumber(ctx);
  if (number === null) return notFound();
  const pull = ctx.fake.pulls.get(ctx.params.owner!, ctx.params.repo!, number);
  const files = [...ctx.fake.pulls.files(pull)].map(([filename, f]) => ({
    sha: f.head === null ? '0000000000000000000000000000000000000000' : blobSha(Buffer.from(f.head)),
    filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.additions + f.deletions,
    blob_url: `https://github.com/${pull.owner}/${pull.repo}/blob/${pull.headSha}/${filename}`,
    raw_url: `https://github.com/${pull.owner}/${pull.repo}/raw/${pull.headSha}/${filename}`,
    contents_url: `${ctx.fake.url}/repos/${pull.owner}/${pull.repo}/contents/${filename}?ref=${pull.headSha}`,
    // GitHub leaves out the patch of a diff too large to show
    ...(f.patch.length <= PATCH_LIMIT && { patch: f.patch }),
  }));
  return paginate(ctx, files);
}

/** Above this many characters of diff, GitHub lists the file without its `patch`. */
const PATCH_LIMIT = 1_000_000;

function listPullComments(ctx: Context): Reply {
  const number = pullNumber(ctx);
  if (number === null) return notFound();
  const pull = ctx.fake.pulls.get(ctx.params.owner!, ctx.params.repo!, number);
  return paginate(
    ctx,
    pull.comments.map((c) => reviewCommentJson(ctx.fake, pull, c)),
  );
}

function listPullReviews(ctx: Context): Reply {
  const number = pullNumber(ctx);
  if (number === null) return notFound();
  const pull = ctx.fake.pulls.get(ctx.params.owner!, ctx.params.repo!, number);
  return paginate(
    ctx,
    pull.reviews.map((r) => reviewJson(ctx.fake, pull, r)),
  );
}

const unprocessable = (...errors: string[]) => error(422, 'Unprocessable Entity', { errors });

function createPullReview(ctx: Context): Reply {
  const number = pullNumber(ctx);
  if (number === null) return notFound();
  const pull = ctx.fake.pulls.get(ctx.params.owner!, ctx.params.repo!, number);
  const event = bodyField(ctx.body, 'event');
  const text = bodyField(ctx.body, 'body');
  const commitId = bodyField(ctx.body, 'commit_id') ?? pull.headSha;
  const given = bodyField(ctx.body, 'comments') ?? [];
  const states: Record<string, FakeReview['state']> = { COMMENT: 'COMMENTED', APPROVE: 'APPROVED', REQUEST_CHANGES: 'CHANGES_REQUESTED' };
  if (event !== undefined && (typeof event !== 'string' || !states[event])) return unprocessable(`Invalid event: ${String(event)}`);
  if ((event === 'COMMENT' || event === 'REQUEST_CHANGES') && (typeof text !== 'string' || text.trim() === '')) {
    return unprocessable('Body is required when the event is COMMENT or REQUEST_CHANGES');
  }
  if (typeof commitId !== 'string' || !pull.versions.has(commitId)) return unprocessable('Commit id is not part of the pull request');
  if (!Array.isArray(given)) return notSupplied('comments');
  const files = ctx.fake.pulls.files(pull, commitId);
  const comments: Array<{ path: string; line: number; side: 'LEFT' | 'RIGHT'; body: string }> = [];
  for (const c of given as unknown[]) {
    if (bodyField(c, 'position') !== undefined || bodyField(c, 'start_line') !== undefined) {
      return error(400, 'The fake GitHub does not model review comments by position or over several lines');
    }
    const path = bodyField(c, 'path');
    const line = bodyField(c, 'line');
    const side = bodyField(c, 'side') ?? 'RIGHT';
    const body = bodyField(c, 'body');
    if (typeof path !== 'string' || typeof body !== 'string' || typeof line !== 'number' || (side !== 'LEFT' && side !== 'RIGHT')) {
      return unprocessable('Invalid review comment: path, line, side and body are required');
    }
    const file = files.get(normalizePath(path));
    if (!file) return unprocessable('Path could not be resolved');
    if (!(side === 'RIGHT' ? file.right : file.left).has(line)) return unprocessable('Pull request review thread line must be part of the diff');
    comments.push({ path: normalizePath(path), line, side, body });
  }
  const review = ctx.fake.pulls.storeReview(pull, {
    body: typeof text === 'string' ? text : '',
    state: event === undefined ? 'PENDING' : states[event as string]!,
    commitId,
    login: ctx.fake.viewer,
  });
  for (const c of comments) ctx.fake.pulls.storeComment(pull, review.id, c, commitId, ctx.fake.viewer);
  return { status: 200, body: reviewJson(ctx.fake, pull, review) };
}

function updatePullComment(ctx: Context): Reply {
  const found = ctx.fake.pulls.findComment(ctx.params.owner!, ctx.params.repo!, Number(ctx.params.id));
  if (!found) return notFound();
  const text = bodyField(ctx.body, 'body');
  if (typeof text !== 'string') return notSupplied('body');
  found.comment.body = text;
  found.comment.updatedAt = timestamp();
  return { status: 200, body: reviewCommentJson(ctx.fake, found.pull, found.comment) };
}

function deletePullComment(ctx: Context): Reply {
  const found = ctx.fake.pulls.findComment(ctx.params.owner!, ctx.params.repo!, Number(ctx.params.id));
  if (!found) return notFound();
  found.pull.comments.splice(found.pull.comments.indexOf(found.comment), 1);
  return { status: 204 };
}

routes.push(
  { method: 'GET', pattern: '/repos/:owner/:repo/pulls/:pull/files', handle: listPullFiles },
  { method: 'GET', pattern: '/repos/:owner/:repo/pulls/:pull/comments', handle: listPullComments },
  { method: 'GET', pattern: '/repos/:owner/:repo/pulls/:pull/reviews', handle: listPullReviews },
  { method: 'POST', pattern: '/repos/:owner/:repo/pulls/:pull/reviews', write: true, handle: createPullReview },
  { method: 'PATCH', pattern: '/repos/:owner/:repo/pulls/comments/:id', write: true, handle: updatePullComment },
  { method: 'DELETE', pattern: '/repos/:owner/:repo/pulls/comments/:id', write: true, handle: deletePullComment },
);

// GraphQL

const BotType: ObjectType<string> = {
  name: 'Bot',
  abstract: ['Actor', 'Node', 'UniformResourceLocatable'],
  fields: {
    id: (login) => nodeId('BOT', login),
    login: (login) => login.replace(/\[bot\]$/, ''),
    url: (login) => `https://github.com/apps/${login.replace(/\[bot\]$/, '')}`,
  },
};

const actor = (login: string) => new Typed(isBot(login) ? BotType : UserType, login);

/** A connection page: GitHub refuses one without `first` or `last`, and `first` above 100. */
function page<T>(items: T[], args: Record<string, unknown>, field: FieldNode): { nodes: T[]; start: number; end: number; total: number } {
  const first = args.first;
  if (typeof first !== 'number') {
    throw new GraphqlError(`You must provide a \`first\` value to properly paginate the \`${field.name}\` connection.`, [field.loc]);
  }
  if (first < 0 || first > 100) {
    throw new GraphqlError(`Requesting ${first} records on the \`${field.name}\` connection exceeds the \`first\` limit of 100 records.`, [
      field.loc,
    ]);
  }
  const start =
    typeof args.after === 'string'
      ? Number(
          Buffer.from(args.after, 'base64')
            .toString('utf8')
            .replace(/^cursor:/, ''),
        )
      : 0;
  const nodes = items.slice(start, start + first);
  return { nodes, start, end: start + nodes.length, total: items.length };
}

const cursor = (index: number) => Buffer.from(`cursor:${index}`).toString('base64');

function connection<T>(name: string, items: T[], args: Record<string, unknown>, field: FieldNode, wrap: (item: T) => Typed): Typed {
  const { nodes, start, end, total } = page(items, args, field);
  const PageInfoType: ObjectType<null> = {
    name: 'PageInfo',
    abstract: [],
    fields: {
      hasNextPage: () => end < total,
      hasPreviousPage: () => start > 0,
      startCursor: () => (nodes.length > 0 ? cursor(start) : null),
      endCursor: () => (nodes.length > 0 ? cursor(end) : null),
    },
  };
  const ConnectionType: ObjectType<null> = {
    name,
    abstract: [],
    fields: { totalCount: () => total, nodes: () => nodes.map(wrap), pageInfo: () => new Typed(PageInfoType, null) },
  };
  return new Typed(ConnectionType, null);
}

type ThreadSource = ReturnType<PullRequests['threadList']>[number];

const ReviewCommentType: ObjectType<{ pull: StoredPull; comment: FakeReviewComment }> = {
  name: 'PullRequestReviewComment',
  abstract: ['Node', 'Comment', 'UniformResourceLocatable'],
  fields: {
    id: (s) => nodeId('PRRC', String(s.comment.id)),
    databaseId: (s) => s.comment.id,
    body: (s) => s.comment.body,
    path: (s) => s.comment.path,
    line: (s) => s.comment.line,
    originalLine: (s) => s.comment.originalLine,
    createdAt: (s) => s.comment.createdAt,
    url: (s) => `https://github.com/${s.pull.owner}/${s.pull.repo}/pull/${s.pull.number}#discussion_r${s.comment.id}`,
    author: (s) => actor(s.comment.login),
  },
};

const ReviewThreadType: ObjectType<ThreadSource> = {
  name: 'PullRequestReviewThread',
  abstract: ['Node'],
  fields: {
    id: (t) => t.id,
    isResolved: (t) => t.isResolved,
    isOutdated: (t) => t.isOutdated,
    resolvedBy: (t) => (t.resolvedBy ? actor(t.resolvedBy) : null),
    path: (t) => t.comments[0]!.path,
    line: (t) => t.comments[0]!.line,
    originalLine: (t) => t.comments[0]!.originalLine,
    diffSide: (t) => t.comments[0]!.side,
    comments: (t, args, _ex, field) =>
      connection('PullRequestReviewCommentConnection', t.comments, args, field, (comment) => new Typed(ReviewCommentType, { pull: t.pull, comment })),
  },
};

const PullRequestType: ObjectType<StoredPull> = {
  name: 'PullRequest',
  abstract: ['Node', 'Comment', 'UniformResourceLocatable'],
  fields: {
    id: (p) => nodeId('PR', `${p.owner}/${p.repo}#${p.number}`.toLowerCase()),
    number: (p) => p.number,
    headRefOid: (p) => p.headSha,
    reviewThreads: (p, args, ex, field) =>
      connection('PullRequestReviewThreadConnection', ex.fake.pulls.threadList(p), args, field, (t) => new Typed(ReviewThreadType, t)),
  },
};

RepositoryType.fields.pullRequest = (r, args, ex, field) => {
  if (typeof args.number !== 'number') throw new GraphqlError("Field 'pullRequest' is missing required arguments: number", [field.loc]);
  return new Typed(PullRequestType, ex.fake.pulls.get(r.owner, r.repo, args.number));
};

/** resolveReviewThread / unresolveReviewThread: null with NOT_FOUND or FORBIDDEN, as GitHub answers. */
function setResolved(resolved: boolean): Resolver<Fake> {
  return (fake, args, ex, field, path) => {
    const threadId = bodyField(args.input, 'threadId');
    const found = typeof threadId === 'string' ? fake.pulls.findThread(threadId) : null;
    if (!found) {
      ex.errors.push({
        type: 'NOT_FOUND',
        path,
        locations: [field.loc],
        message: `Could not resolve to a node with the global id of '${String(threadId)}'`,
      });
      return null;
    }
    const repo = fake.repoState(found.pull.owner, found.pull.repo);
    if (repo.readOnly) {
      ex.errors.push({ type: 'FORBIDDEN', path, extensions: { saml_failure: false }, locations: [field.loc], message: READ_ONLY_MESSAGE });
      return null;
    }
    found.state.isResolved = resolved;
    found.state.resolvedBy = resolved ? fake.viewer : null;
    const thread = fake.pulls.threadList(found.pull).find((t) => t.id === found.state.id)!;
    const PayloadType: ObjectType<null> = {
      name: resolved ? 'ResolveReviewThreadPayload' : 'UnresolveReviewThreadPayload',
      abstract: [],
      fields: { clientMutationId: () => bodyField(args.input, 'clientMutationId') ?? null, thread: () => new Typed(ReviewThreadType, thread) },
    };
    return new Typed(PayloadType, null);
  };
}

const MutationType: ObjectType<Fake> = {
  name: 'Mutation',
  abstract: [],
  fields: { resolveReviewThread: setResolved(true), unresolveReviewThread: setResolved(false) },
};
