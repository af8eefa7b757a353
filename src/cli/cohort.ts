/** `playbook-proof cohort`: the instructor's view of every learner's fork, and optional enforcement. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { enforce } from '../cohort/enforce.js';
import { scanCohort } from '../cohort/scan.js';
import type { CohortReport } from '../cohort/types.js';
import { plural } from '../core/text.js';
import { ExitError, InputError, UsageError } from '../errors.js';
import { BULK_WRITE_INTERVAL_MS, graphqlUrlFor, makeClient, NOTIFY_INTERVAL_MS, serverUrlFor } from '../github/client.js';
import { viewerLogin } from '../github/comments.js';
import { apiError, GitHubApiError, NetworkError, statusOf } from '../github/errors.js';
import { DEFAULT_TIMEOUT_MS } from '../github/network.js';
import { describeFsError } from '../node/fs-errors.js';
import { findRepoRoot } from '../node/playbook-file.js';
import { formatCohortCsv, formatCohortJson, formatCohortTable } from '../report/cohort-text.js';
import { parseOptions, readConfig, useColor, type CliIo } from './shared.js';

export const COHORT_HELP = `playbook-proof cohort: check every learner's fork of the course template

Usage:
  playbook-proof cohort --template OWNER/REPO [options]

  --template OWNER/REPO   the course template whose forks to check
  --token TOKEN           default: GITHUB_TOKEN or GH_TOKEN
  --api-url URL           default: GITHUB_API_URL or https://api.github.com (GitHub Enterprise Server:
                          https://HOST/api/v3); GraphQL from GITHUB_GRAPHQL_URL or derived from it; fork
                          pages from GITHUB_SERVER_URL or derived from it
  --request-timeout S     seconds one API request may take before it fails unanswered (default ${DEFAULT_TIMEOUT_MS / 1000})
  --config FILE           the instructor's thresholds (a learner's own config never counts)
  --csv FILE, --json FILE, --html FILE   write the report (the table always goes to stdout)
  --status                set a "playbook-proof" commit status on each fork's head commit
  --issue                 open or update one issue per failing fork, closed once it passes
  --dry-run               with --status/--issue: print what would change, change nothing
  --write-interval MS     milliseconds between two writes (default ${BULK_WRITE_INTERVAL_MS}, GitHub's advice for bulk writes);
                          new issues, which notify the learner, wait three times as long (at most ${NOTIFY_INTERVAL_MS / 1000} s)
`;

const COHORT_OPTIONS = {
  template: { type: 'string' },
  token: { type: 'string' },
  'api-url': { type: 'string' },
  config: { type: 'string', short: 'c' },
  csv: { type: 'string' },
  json: { type: 'string' },
  html: { type: 'string' },
  status: { type: 'boolean' },
  issue: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'write-interval': { type: 'string' },
  'request-timeout': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Scans the cohort, prints the table, writes the files, then enforces if asked; exit 0 once the scan completes. */
export async function cohort(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, COHORT_OPTIONS, 'cohort');
  if (values.help) {
    io.stdout.write(COHORT_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`cohort takes options only, got "${positionals[0]}"; run playbook-proof cohort --help`);
  const template = values.template ?? '';
  const match = /^([\w.-]{1,100})\/([\w.-]{1,100})$/.exec(template);
  if (!match) throw new UsageError(`--template must be OWNER/REPO, got "${template.slice(0, 80)}"`);
  const token = values.token ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new UsageError('no token: pass --token or set GITHUB_TOKEN (or GH_TOKEN); it needs read access to the forks');
  const apiUrl = values['api-url'] ?? io.env.GITHUB_API_URL ?? 'https://api.github.com';
  if (!/^https?:\/\/[^\s]+$/.test(apiUrl)) throw new UsageError(`--api-url must be an http(s) URL, got "${apiUrl.slice(0, 80)}"`);
  const interval = values['write-interval'] === undefined ? BULK_WRITE_INTERVAL_MS : Number(values['write-interval']);
  if (!Number.isInteger(interval) || interval < 0)
    throw new UsageError(`--write-interval must be a whole number of milliseconds, got "${values['write-interval']}"`);
  if (values['dry-run'] && !values.status && !values.issue) throw new UsageError('--dry-run goes with --status or --issue');
  const timeoutText = values['request-timeout'];
  const timeout = timeoutText === undefined ? DEFAULT_TIMEOUT_MS / 1000 : Number(timeoutText);
  if (!/^\d+(\.\d+)?$/.test(timeoutText ?? '0') || timeout < 0.1 || timeout > 600) {
    throw new UsageError(`--request-timeout must be a number of seconds from 0.1 to 600, got "${timeoutText}"`);
  }

  const config = await readConfig(values.config, io.cwd, findRepoRoot(io.cwd) ?? io.cwd);
  const clientOptions = {
    baseUrl: apiUrl.replace(/\/+$/, ''),
    graphqlUrl: io.env.GITHUB_GRAPHQL_URL ?? graphqlUrlFor(apiUrl),
    log: (line: string) => io.stderr.write(`playbook-proof: ${line}\n`),
    timeoutMs: Math.round(timeout * 1000),
  };
  const serverUrl = (io.env.GITHUB_SERVER_URL ?? serverUrlFor(apiUrl)).replace(/\/+$/, '');
  // the throttling plugin spaces every POST like a write, GraphQL queries included: the scan only reads, so
  // its client spaces them like the Action does; statuses and issues go through a client with the bulk interval
  const client = makeClient(token, clientOptions);
  const writer = makeClient(token, { ...clientOptions, writeIntervalMs: interval, notifyIntervalMs: Math.min(NOTIFY_INTERVAL_MS, interval * 3) });

  const started = Date.now();
  const tty = Boolean((io.stderr as { isTTY?: boolean }).isTTY);
  const progress = (done: number, total: number): void => {
    if (!tty || Date.now() - started < 1000) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} forks`);
    if (done === total) io.stderr.write('\n');
  };
  let report: CohortReport;
  try {
    report = await scanCohort(client, { template: { owner: match[1]!, repo: match[2]! }, config, serverUrl, onProgress: progress });
  } catch (error) {
    throw explain(error, template, apiUrl);
  }

  io.stdout.write(formatCohortTable(report, { color: useColor(io) }));
  const files: Array<[string | undefined, () => string | Promise<string>]> = [
    [values.csv, () => formatCohortCsv(report)],
    [values.json, () => formatCohortJson(report)],
    [values.html, async () => (await import('../report/cohort-html.js')).formatCohortHtml(report)],
  ];
  for (const [target, render] of files) {
    if (target === undefined) continue;
    try {
      writeFileSync(resolve(io.cwd, target), await render());
    } catch (error) {
      throw new InputError(`cannot write ${target}: ${describeFsError(error)}`, { cause: error });
    }
    io.stdout.write(`wrote ${target}\n`);
  }

  if (values.status || values.issue) {
    const viewer = (await viewerLogin(writer)) ?? '';
    if (values.issue && viewer === '')
      throw new ExitError(
        'cannot tell which account the token belongs to, so its issues cannot be found; use a token that can read its own login',
        2,
      );
    const actions = await enforce(writer, report, {
      status: Boolean(values.status),
      issue: Boolean(values.issue),
      dryRun: Boolean(values['dry-run']),
      viewer,
    });
    const prefix = values['dry-run'] ? 'would ' : '';
    for (const action of actions) io.stdout.write(`${action.write ? prefix : ''}${action.what}  ${action.fork}\n`);
    const writes = actions.filter((a) => a.write).length;
    io.stdout.write(`${values['dry-run'] ? 'dry run: ' : ''}${plural(writes, 'change')}${values['dry-run'] ? ' would be made' : ' made'}\n`);
  }
  return 0;
}

/** Turns the scan's first API failure into a one-line error: a bad token, a wrong template, an unreachable API. */
function explain(error: unknown, template: string, apiUrl: string): Error {
  const network = error instanceof NetworkError ? error : error instanceof GitHubApiError && error.cause instanceof NetworkError ? error.cause : null;
  if (network && network.kind !== 'timeout') {
    return new ExitError(`${network.message}; check --api-url or GITHUB_API_URL (now ${apiUrl})`, 2, { cause: error });
  }
  if (error instanceof GitHubApiError) {
    if (error.status === 401)
      return new ExitError('GitHub refused the token (401 Bad credentials): check --token, GITHUB_TOKEN or GH_TOKEN', 2, { cause: error });
    if (error.status === 404) return new ExitError(`the template ${template} was not found, or the token cannot see it`, 2, { cause: error });
    return new ExitError(error.message, 2, { cause: error });
  }
  // a GraphQL batch that ended the scan: a refused token or an exhausted rate limit
  if (statusOf(error) !== null || network) return explain(apiError("read the forks' playbooks", error), template, apiUrl);
  return error instanceof Error ? error : new Error(String(error));
}
