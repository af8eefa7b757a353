/**
 * Enforcement over a scanned cohort: a commit status on each fork's head, and one issue per failing fork
 * listing what to fix (found again by a marker, closed once the fork passes). Two runs at once can each open
 * an issue: the oldest marked issue is the one kept, and any newer open one is closed as a duplicate. Every
 * step is idempotent: a second run with nothing changed writes nothing. With dryRun, nothing is written at all.
 */
import type { Client } from '../github/client.js';
import {
  currentStatus,
  editIssue,
  findMarkedIssues,
  openIssue,
  setStatus,
  type CommitStatus,
  type IssueSummary,
  type RepoAt,
} from '../github/enforce.js';
import { GitHubApiError } from '../github/errors.js';
import { codeSpan, inert } from '../report/escape.js';
import { commitUrl, lineUrl, type FileAtCommit } from '../report/links.js';
import { stripControls } from '../report/sanitize.js';
import { questionList } from '../report/terminal.js';
import type { CohortReport, CohortRow } from './types.js';

export const STATUS_CONTEXT = 'playbook-proof';
export const ISSUE_MARKER = '<!-- playbook-proof:cohort -->';

export interface EnforceOptions {
  status: boolean;
  issue: boolean;
  dryRun: boolean;
  /** Login of the token's identity: only issues it opened are ours. */
  viewer: string;
  /** Forks handled at once. */
  concurrency?: number;
}

export interface EnforcementAction {
  fork: string;
  /** e.g. "set status failure", "open issue", "close issue #3", "skipped: issues are disabled". */
  what: string;
  /** True when it was (or, in a dry run, would be) a write. */
  write: boolean;
}

/** The status a row calls for, or null when there is no commit to put it on. */
export function desiredStatus(row: CohortRow): CommitStatus | null {
  if (row.headSha === null) return null;
  if (row.state === 'passed') return { state: 'success', description: `${row.passed}/${row.total} criteria pass` };
  const failing = row.failing.map((c) => c.id).join(', ');
  const text = stripControls(
    row.state === 'failing' ? `${row.passed}/${row.total} criteria pass; failing: ${failing}` : (row.reason ?? row.state),
  ).replace(/\s+/g, ' ');
  return { state: 'failure', description: text.length > 140 ? `${text.slice(0, 139)}…` : text };
}

/** Findings listed in an issue; the rest are counted (`npx playbook-proof check` prints them all). */
export const ISSUE_FINDINGS = 50;

/** The issue body for a fork that must fix something: each failing finding linked to its line at the commit checked. */
export function issueBody(row: CohortRow, report: CohortReport): string {
  const file: FileAtCommit | null = row.headSha ? { repoUrl: row.url, sha: row.headSha, path: report.path } : null;
  const commit = file ? `commit [\`${file.sha.slice(0, 7)}\`](${commitUrl(file)})` : 'the default branch';
  if (row.state === 'missing') {
    return [
      ISSUE_MARKER,
      `No playbook at ${codeSpan(report.path)} on your default branch (checked at ${commit}): the course asks for it at that path. Add it there, or move it.`,
      '',
      'This issue is updated by the course and closed once every criterion passes.',
    ].join('\n');
  }
  const lines = [
    ISSUE_MARKER,
    `Your playbook ${codeSpan(report.path)} passes ${row.passed}/${row.total} of the course's criteria, checked at ${commit}.`,
    '',
  ];
  let listed = 0;
  for (const c of row.failing) {
    const which = c.questions.length > 0 ? `: ${questionList(c.questions, 15)}` : '';
    lines.push(`- ❌ ${c.title}${which}`);
    for (const f of row.findings.filter((f) => f.ruleId === c.id)) {
      if (listed++ >= ISSUE_FINDINGS) continue;
      lines.push(`  - ${file ? `[line ${f.line}](${lineUrl(file, f.line)})` : `line ${f.line}`}: ${inert(f.message, 300)}`);
    }
  }
  if (listed > ISSUE_FINDINGS) lines.push('', `…and ${listed - ISSUE_FINDINGS} more findings.`);
  lines.push(
    '',
    'Run `npx playbook-proof check` in your repository to see every finding. This issue is updated by the course and closed once every criterion passes.',
  );
  return lines.join('\n');
}

/** Applies (or, dry, lists) the status and issue changes for every row; one fork's failure never stops the rest. */
export async function enforce(client: Client, report: CohortReport, options: EnforceOptions): Promise<EnforcementAction[]> {
  const actions: EnforcementAction[] = [];
  const rows = report.rows.filter((row) => row.state !== 'empty' && row.state !== 'unreadable');
  for (const row of rows) if (row.archived) actions.push({ fork: row.fork, what: 'skipped: the fork is archived (read-only)', write: false });
  const writable = rows.filter((row) => !row.archived);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < writable.length) {
      const row = writable[next++]!;
      try {
        if (options.status) actions.push(...(await enforceStatus(client, row, options)));
        if (options.issue) actions.push(...(await enforceIssue(client, row, report, options)));
      } catch (error) {
        const message = error instanceof GitHubApiError ? error.message : String(error);
        actions.push({ fork: row.fork, what: `skipped: ${message}`, write: false });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, writable.length)) }, worker));
  return actions.sort((a, b) => a.fork.localeCompare(b.fork));
}

async function enforceStatus(client: Client, row: CohortRow, options: EnforceOptions): Promise<EnforcementAction[]> {
  const desired = desiredStatus(row);
  if (desired === null) return [];
  const repo = { owner: row.owner, repo: row.fork.slice(row.owner.length + 1) };
  const current = await currentStatus(client, repo, row.headSha!, STATUS_CONTEXT);
  if (current && current.state === desired.state && current.description === desired.description) return [];
  if (!options.dryRun) await setStatus(client, repo, row.headSha!, STATUS_CONTEXT, desired);
  return [{ fork: row.fork, what: `set status ${desired.state} (${desired.description})`, write: true }];
}

async function enforceIssue(client: Client, row: CohortRow, report: CohortReport, options: EnforceOptions): Promise<EnforcementAction[]> {
  const repo = { owner: row.owner, repo: row.fork.slice(row.owner.length + 1) };
  const marked = await findMarkedIssues(client, repo, options.viewer, ISSUE_MARKER);
  const act = async (what: string, write: () => Promise<unknown>): Promise<EnforcementAction[]> => {
    if (!options.dryRun) await write();
    return [{ fork: row.fork, what, write: true }];
  };
  // the oldest marked issue is the fork's issue; newer open ones are duplicates
  const [existing, ...duplicates] = marked;
  const actions = await closeDuplicates(client, repo, duplicates, act);
  if (row.state === 'passed') {
    if (existing?.state !== 'open') return actions;
    return [...actions, ...(await act(`close issue #${existing.number}`, () => editIssue(client, repo, existing.number, { state: 'closed' })))];
  }
  const body = issueBody(row, report);
  const title = `Playbook proof: ${row.passed}/${row.total} criteria pass`;
  if (existing === undefined) {
    actions.push(...(await act('open issue', () => openIssue(client, repo, title, body))));
    // another run may have opened one at the same time: keep the oldest
    if (!options.dryRun) {
      const [, ...raced] = await findMarkedIssues(client, repo, options.viewer, ISSUE_MARKER);
      actions.push(...(await closeDuplicates(client, repo, raced, act)));
    }
    return actions;
  }
  if (existing.state === 'closed')
    return [
      ...actions,
      ...(await act(`reopen issue #${existing.number}`, () => editIssue(client, repo, existing.number, { title, body, state: 'open' }))),
    ];
  if (existing.body === body) return actions;
  return [...actions, ...(await act(`update issue #${existing.number}`, () => editIssue(client, repo, existing.number, { title, body })))];
}

/** Closes, as not planned, the open issues among `duplicates`. */
async function closeDuplicates(
  client: Client,
  repo: RepoAt,
  duplicates: IssueSummary[],
  act: (what: string, write: () => Promise<unknown>) => Promise<EnforcementAction[]>,
): Promise<EnforcementAction[]> {
  const actions: EnforcementAction[] = [];
  for (const issue of duplicates.filter((d) => d.state === 'open')) {
    actions.push(
      ...(await act(`close duplicate issue #${issue.number}`, () =>
        editIssue(client, repo, issue.number, { state: 'closed', state_reason: 'not_planned' }),
      )),
    );
  }
  return actions;
}
