/**
 * Enforcement over a scanned cohort: a commit status on each fork's head, and one issue per failing fork
 * listing what to fix (found again by a marker, closed once the fork passes). Two runs at once can each open
 * an issue: the oldest marked issue is the one kept, and any newer open one is closed as a duplicate. Every
 * step is idempotent: a second run with nothing changed writes nothing. With dryRun, nothing is written at all.
 */
import pMap from 'p-map';
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
import { ISSUE_MARKER, issueBody } from '../report/cohort-issue.js';
import { stripControls } from '../report/sanitize.js';
import type { CohortReport, CohortRow } from './types.js';

export const STATUS_CONTEXT = 'playbook-proof';

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

/** Applies (or, dry, lists) the status and issue changes for every row; one fork's failure never stops the rest. */
export async function enforce(client: Client, report: CohortReport, options: EnforceOptions): Promise<EnforcementAction[]> {
  const actions: EnforcementAction[] = [];
  const rows = report.rows.filter((row) => row.state !== 'empty' && row.state !== 'unreadable');
  for (const row of rows) if (row.archived) actions.push({ fork: row.fork, what: 'skipped: the fork is archived (read-only)', write: false });
  const writable = rows.filter((row) => !row.archived);
  const perFork = await pMap(writable, (row) => enforceFork(client, row, report, options), { concurrency: options.concurrency ?? 4 });
  return [...actions, ...perFork.flat()].sort((a, b) => a.fork.localeCompare(b.fork));
}

/** One fork's status and issue; a failure is a `skipped` action, so the other forks go on. */
async function enforceFork(client: Client, row: CohortRow, report: CohortReport, options: EnforceOptions): Promise<EnforcementAction[]> {
  const actions: EnforcementAction[] = [];
  try {
    if (options.status) actions.push(...(await enforceStatus(client, row, options)));
    if (options.issue) actions.push(...(await enforceIssue(client, row, report, options)));
  } catch (error) {
    const message = error instanceof GitHubApiError ? error.message : String(error);
    actions.push({ fork: row.fork, what: `skipped: ${message}`, write: false });
  }
  return actions;
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
