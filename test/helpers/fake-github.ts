/**
 * A small fake of the GitHub REST + GraphQL API for tests, on 127.0.0.1 over real HTTP (node:http only).
 *
 * It answers the handful of endpoints the Action uses the way api.github.com does (status codes, the JSON
 * fields a client reads, `Link` pagination), records every request, and lets a test inject faults,
 * latency and a read-only token. State lives in memory; nothing is shared between two fakes.
 *
 * Conventions worth knowing:
 * - owner/repo are case-insensitive, as on GitHub; a contents request without `?ref=` reads ref `main`,
 *   and `refs/heads/x` is the same ref as `x`.
 * - Any issue number exists (there is no issue store): comments and labels are kept per issue.
 * - Error bodies carry `message` plus `documentation_url` and `status`, as GitHub's do, so a client's
 *   RequestError message reads `<message> - <documentation_url>` exactly as it will in production.
 *   Bodies given to `fail()` are sent verbatim.
 * - `Call.path` is the percent-decoded path without the query; `FaultRule.path` is tested against it.
 */
import { createHash } from 'node:crypto';
import { STATUS_CODES, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

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

export interface FakeGitHub {
  /** `http://127.0.0.1:<port>`: use as baseUrl / GITHUB_API_URL; GraphQL is POST `${url}/graphql`. */
  url: string;
  /** Every request, in order of arrival, with the status answered. */
  calls: Call[];
  /** Login of the token's identity; read at request time, so a test may reassign it. */
  viewer: string;
  setFile(owner: string, repo: string, ref: string, path: string, content: string | Uint8Array): void;
  setDirectory(owner: string, repo: string, ref: string, path: string): void;
  setHugeFile(owner: string, repo: string, ref: string, path: string, size: number): void;
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
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------
// State

/** GitHub's contents API inlines files up to 1 MB; larger ones come back with content "" and encoding "none". */
const INLINE_LIMIT = 1024 * 1024;
const DEFAULT_REF = 'main';
const DOCS = 'https://docs.github.com/rest';
const READ_ONLY_MESSAGE = 'Resource not accessible by integration';
const SECONDARY_RATE_LIMIT =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

type Entry = { kind: 'file'; bytes: () => Buffer; size: number } | { kind: 'dir' };

interface StoredComment extends FakeComment {
  issue: number;
}

interface RepoState {
  owner: string;
  repo: string;
  /** ref → path → entry. Parent directories of a file are implied, not stored. */
  refs: Map<string, Map<string, Entry>>;
  /** issue → comments, oldest first. */
  comments: Map<number, StoredComment[]>;
  /** lower-cased name → label. */
  labels: Map<string, FakeLabel>;
  /** issue → label ids, in the order added. */
  issueLabels: Map<number, number[]>;
  readOnly: boolean;
}

const timestamp = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const isBot = (login: string) => login.endsWith('[bot]');
const normalizeRef = (ref: string) => ref.replace(/^refs\/heads\//, '');
const normalizePath = (path: string) => path.split('/').filter(Boolean).join('/');
const blobSha = (bytes: Buffer) =>
  createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
/** Base64 wrapped at 60 characters with a trailing newline, as the contents API sends it. */
const wrappedBase64 = (bytes: Buffer) => (bytes.toString('base64').match(/.{1,60}/g) ?? []).map((l) => `${l}\n`).join('');

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
}

interface Route {
  method: string;
  /** `/repos/:owner/:repo/...`; a final `*name` takes the rest of the path (possibly empty). */
  pattern: string;
  /** Writes to issues and labels: refused with 403 on a read-only repository. */
  write?: boolean;
  handle(ctx: Context): Reply;
}

const error = (status: number, message: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { message, ...extra, documentation_url: DOCS, status: String(status) },
});
const notFound = () => error(404, 'Not Found');
const validationFailed = (errors: unknown[]) => error(422, 'Validation Failed', { errors });

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
    ...(withContent &&
      (entry.size > INLINE_LIMIT
        ? { content: '', encoding: 'none' }
        : { content: wrappedBase64(bytes), encoding: 'base64' })),
    _links: { self: links.url, git: `${fake.url}/repos/${state.owner}/${state.repo}/git/blobs/${sha}`, html: links.html_url },
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
  return /vnd\.github\.v3\.raw/i.test(accept)
    ? 'application/vnd.github.v3.raw; charset=utf-8'
    : 'application/vnd.github.raw; charset=utf-8';
}

function getContents(ctx: Context): Reply {
  const state = ctx.fake.repoState(ctx.params.owner!, ctx.params.repo!);
  const ref = normalizeRef(ctx.query.ref || DEFAULT_REF);
  const path = normalizePath(ctx.params.path ?? '');
  const entries = state.refs.get(ref);
  if (!entries) return notFound();
  const entry = entries.get(path);
  const accept = String(ctx.headers.accept ?? '');
  if (entry?.kind === 'file') {
    if (RAW_ACCEPT.test(accept)) {
      return { status: 200, raw: { bytes: entry.bytes(), contentType: rawContentType(accept) } };
    }
    return { status: 200, body: fileJson(ctx.fake, state, ref, path, entry, true) };
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
    if (slash === -1) children.set(rest, e.kind === 'dir' ? 'dir' : children.get(rest) ?? 'file');
    else children.set(rest.slice(0, slash), 'dir');
  }
  if (!exists) return notFound();
  const listing = [...children.keys()].sort().map((name) => {
    const childPath = `${prefix}${name}`;
    const child = entries.get(childPath);
    return child?.kind === 'file'
      ? fileJson(ctx.fake, state, ref, childPath, child, false)
      : dirJson(ctx.fake, state, ref, childPath);
  });
  return { status: 200, body: listing };
}

function listComments(ctx: Context): Reply {
  const issue = issueNumber(ctx);
  if (issue === null) return notFound();
  const state = ctx.fake.repoState(ctx.params.owner!, ctx.params.repo!);
  const comments = state.comments.get(issue) ?? [];
  return paginate(ctx, comments.map((c) => commentJson(ctx.fake, state, c)));
}

function bodyField(body: unknown, field: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
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
  return paginate(ctx, ctx.fake.labelsOf(state, issue).map((l) => labelJson(ctx.fake, state, l)));
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
  const names = Array.isArray(given)
    ? given.map((l: unknown) => (typeof l === 'string' ? l : bodyField(l, 'name')))
    : null;
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
  state.issueLabels.set(issue, ids.filter((id) => id !== label.id));
  return { status: 200, body: ctx.fake.labelsOf(state, issue).map((l) => labelJson(ctx.fake, state, l)) };
}

function listRepoLabels(ctx: Context): Reply {
  const state = ctx.fake.repoState(ctx.params.owner!, ctx.params.repo!);
  return paginate(ctx, [...state.labels.values()].map((l) => labelJson(ctx.fake, state, l)));
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

// ---------------------------------------------------------------------------------------------------
// GraphQL: a list of resolvers, each owning the root fields its `matches` recognises. To support a new
// query, add a resolver; the data of every matching resolver is merged into `data`.

interface GraphqlResolver {
  /** For the 400 message and for readers. */
  field: string;
  matches(query: string): boolean;
  resolve(fake: Fake, variables: Record<string, unknown>): Record<string, unknown>;
}

const graphqlResolvers: GraphqlResolver[] = [
  {
    field: 'viewer',
    matches: (query) => /\bviewer\b/.test(query),
    resolve: (fake) => ({ viewer: { login: fake.viewer } }),
  },
];

function graphql(ctx: Context): Reply {
  const query = bodyField(ctx.body, 'query');
  if (typeof query !== 'string') return error(400, 'A query attribute must be specified and must be a string.');
  const variablesGiven = bodyField(ctx.body, 'variables');
  const variables =
    typeof variablesGiven === 'object' && variablesGiven !== null ? (variablesGiven as Record<string, unknown>) : {};
  const matching = graphqlResolvers.filter((r) => r.matches(query));
  if (matching.length === 0) {
    const known = graphqlResolvers.map((r) => r.field).join(', ');
    return error(400, `The fake GitHub answers only these GraphQL root fields: ${known}`);
  }
  const data = Object.assign({}, ...matching.map((r) => r.resolve(ctx.fake, variables)));
  return { status: 200, body: { data } };
}

// ---------------------------------------------------------------------------------------------------
// Routing

const routes: Route[] = [
  { method: 'GET', pattern: '/user', handle: getUser },
  { method: 'POST', pattern: '/graphql', handle: graphql },
  { method: 'GET', pattern: '/repos/:owner/:repo/contents/*path', handle: getContents },
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
];

// ---------------------------------------------------------------------------------------------------
// The fake

class Fake implements FakeGitHub {
  url = '';
  calls: Call[] = [];
  viewer = 'github-actions[bot]';
  private repos = new Map<string, RepoState>();
  private faults: (FaultRule & { remaining: number })[] = [];
  private delay = 0;
  private nextCommentId = 1_000_001;
  private nextLabelId = 5_000_001;
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
      state = { owner, repo, refs: new Map(), comments: new Map(), labels: new Map(), issueLabels: new Map(), readOnly: false };
      this.repos.set(key, state);
    }
    return state;
  }

  private entries(owner: string, repo: string, ref: string): Map<string, Entry> {
    const refs = this.repoState(owner, repo).refs;
    const key = normalizeRef(ref);
    let entries = refs.get(key);
    if (!entries) refs.set(key, (entries = new Map()));
    return entries;
  }

  setFile(owner: string, repo: string, ref: string, path: string, content: string | Uint8Array): void {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    this.entries(owner, repo, ref).set(normalizePath(path), { kind: 'file', bytes: () => bytes, size: bytes.length });
  }

  setDirectory(owner: string, repo: string, ref: string, path: string): void {
    this.entries(owner, repo, ref).set(normalizePath(path), { kind: 'dir' });
  }

  setHugeFile(owner: string, repo: string, ref: string, path: string, size: number): void {
    if (!Number.isInteger(size) || size <= INLINE_LIMIT) {
      throw new RangeError(`setHugeFile size ${size} is not a whole number above ${INLINE_LIMIT} (1 MB)`);
    }
    // Built on demand so a seeded 50 MB file costs nothing until read.
    this.entries(owner, repo, ref).set(normalizePath(path), { kind: 'file', bytes: () => Buffer.alloc(size, 'x'), size });
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
      user: { login, type: isBot(login) ? 'Bot' : 'User' },
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

    const reply = this.answer(req, method, url.pathname, call.path, query, body, badJson);
    call.status = reply.status;
    send(res, reply);
  }

  private answer(
    req: IncomingMessage,
    method: string,
    rawPath: string,
    path: string,
    query: Record<string, string>,
    body: unknown,
    badJson: boolean,
  ): Reply {
    const fault = this.faults.find((f) => f.remaining > 0 && (!f.method || f.method.toUpperCase() === method) && path.search(f.path) !== -1);
    if (fault) {
      fault.remaining--;
      const defaultMessage = fault.status === 429 ? SECONDARY_RATE_LIMIT : STATUS_CODES[fault.status] ?? 'Error';
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
      if (route.write && params.owner && params.repo && this.repoState(params.owner, params.repo).readOnly) {
        return error(403, READ_ONLY_MESSAGE);
      }
      return route.handle({ fake: this, method, params, query, body, headers: req.headers, rawPath });
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
