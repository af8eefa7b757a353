/** The pull-request Action: check the playbook at the head commit, then report it everywhere GitHub shows it. */
import * as core from '@actions/core';
import * as github from '@actions/github';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { playbookText } from '../core/decode.js';
import { lint, type LintResult } from '../core/lint.js';
import type { Unavailable } from '../core/rule.js';
import { makeClient, type Client } from '../github/client.js';
import { syncComment } from '../github/comments.js';
import { readFileAt } from '../github/contents.js';
import { GitHubApiError } from '../github/errors.js';
import { addLabel, removeLabel } from '../github/labels.js';
import { readPull, type PullState } from '../github/pulls.js';
import { ANNOTATIONS_SHOWN, planAnnotations } from '../report/annotations.js';
import { COMMENT_MARKER, formatComment, formatUncheckedComment, type CommentContext } from '../report/comment.js';
import { inert } from '../report/escape.js';
import { jsonReportOutput } from '../report/json.js';
import { repoUrl, type FileAtCommit } from '../report/links.js';
import { formatSummary } from '../report/summary.js';
import { readEvent, type CommitTarget, type PullRequestTarget } from './event.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { prepareReview } from './review.js';

const LABEL_COLOR = '2da44e';
/** The orphan branch the badge lives on, and its two files. */
export const BADGE_BRANCH = 'badges';
export const BADGE_FILES = { svg: 'playbook.svg', json: 'playbook.json' } as const;
const LABEL_DESCRIPTION = 'playbook-proof: every criterion of the playbook passes';

/**
 * Runs the Action; the one place that turns an error into a failed step: its one-line message is the
 * failure, its stack and causes go to the debug log (shown with step debug logging, ACTIONS_STEP_DEBUG).
 */
export async function run(): Promise<void> {
  try {
    await check();
  } catch (error) {
    logStack(error);
    core.setFailed(messageOf(error));
  }
}

/** Logs at debug level the stack of `error` and of each cause under it, so a one-line message loses nothing. */
function logStack(error: unknown): void {
  core.debug(stackOf(error));
}

/** "GitHubApiError: could not … at …" then "Caused by: NetworkError: … at …", down the chain of causes. */
export function stackOf(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  for (let current = error; current !== undefined && !seen.has(current); current = current instanceof Error ? current.cause : undefined) {
    seen.add(current);
    const text = current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current);
    parts.push(parts.length === 0 ? text : `Caused by: ${text}`);
  }
  return parts.join('\n');
}

async function check(): Promise<void> {
  const inputs = await readInputs(async (text, label) => (await import('../node/config-file.js')).parseConfigInput(text, label));
  if (inputs.mode === 'cohort') {
    await runCohort(inputs);
    return;
  }
  const { context } = github;
  const target = readEvent(context.eventName, context.payload as never, context.repo, context.sha, context.ref);
  const client = makeClient(inputs.token, { log: (line) => core.info(line), timeoutMs: inputs.timeoutMs });
  const where = target.kind === 'pull_request' ? target.head : target;
  // links go to the repository the event belongs to: a fork's head commit is reachable there too
  const linked = target.kind === 'pull_request' ? target.pr : target;
  const file: FileAtCommit = { repoUrl: repoUrl(context.serverUrl, linked.owner, linked.repo), sha: where.sha, path: inputs.path };

  let checked: Checked;
  try {
    checked = await checkAt(client, { owner: where.owner, repo: where.repo, path: inputs.path, ref: where.sha }, inputs);
  } catch (error) {
    logStack(error);
    await reportUnchecked(client, target, inputs, context.serverUrl, messageOf(error));
    return;
  }
  const { result, unavailable } = checked;
  const plan = planAnnotations(result, inputs.path, ANNOTATIONS_SHOWN, unavailable);
  for (const a of plan.annotations) {
    const properties = { title: a.title, file: a.file, startLine: a.startLine, startColumn: a.startColumn };
    if (a.severity === 'error') core.error(a.message, properties);
    else core.warning(a.message, properties);
  }
  await core.summary.addRaw(formatSummary(result, { file, ...(unavailable && { unavailable }) }, plan)).write();

  core.setOutput('passed', String(result.passed));
  core.setOutput('score', `${result.score.passed}/${result.score.total}`);
  core.setOutput(
    'failing-criteria',
    result.criteria
      .filter((c) => !c.passed)
      .map((c) => c.id)
      .join(','),
  );
  core.setOutput('result', jsonReportOutput(result));
  core.setOutput('deck-path', result.passed ? await writeDeck(result, inputs.path) : '');

  if (target.kind === 'pull_request') await reportOnPullRequest(client, target, checked, inputs, context.serverUrl);
  if (target.kind === 'commit' && inputs.badge) {
    if (target.onDefaultBranch) await publishBadge(client, target, result);
    else core.info('badge: published only on pushes to the default branch');
  }

  if (!result.passed && inputs.failOnCriteria) {
    const failing = result.criteria.filter((c) => !c.passed).map((c) => c.id);
    core.setFailed(
      unavailable?.kind === 'missing'
        ? `No playbook at ${inputs.path} in commit ${where.sha.slice(0, 7)}: the lesson asks for it at that path`
        : unavailable
          ? `The playbook ${inputs.path} in commit ${where.sha.slice(0, 7)} ${unavailable.reason}`
          : `The playbook passes ${result.score.passed}/${result.score.total} criteria; failing: ${failing.join(', ')}`,
    );
  } else {
    core.info(`playbook-proof: ${result.score.passed}/${result.score.total} criteria pass`);
  }
}

/** Mode cohort: scans every fork of the template, writes the HTML report for an artifact step and the table to the summary. */
async function runCohort(inputs: ActionInputs): Promise<void> {
  const client = makeClient(inputs.token, { log: (line) => core.info(line), timeoutMs: inputs.timeoutMs });
  const { scanCohort } = await import('../cohort/scan.js');
  const { formatCohortHtml } = await import('../report/cohort-html.js');
  const { cohortOutput, formatCohortSummary } = await import('../report/cohort-text.js');
  const report = await scanCohort(client, {
    template: inputs.template!,
    config: inputs.config,
    serverUrl: github.context.serverUrl,
    onProgress: (done, total) => core.info(`read ${done}/${total} forks`),
  });
  const htmlPath = join(process.env.RUNNER_TEMP ?? tmpdir(), 'playbook-proof-cohort.html');
  writeFileSync(htmlPath, formatCohortHtml(report));
  await core.summary.addRaw(formatCohortSummary(report, 'the full report is in the html-path artifact')).write();
  core.setOutput('html-path', htmlPath);
  core.setOutput('result', cohortOutput(report));
  const passed = report.rows.filter((r) => r.state === 'passed').length;
  core.setOutput('passed', String(passed === report.rows.length));
  core.setOutput('score', `${passed}/${report.rows.length}`);
  core.info(`cohort: ${passed} of ${report.rows.length} forks pass every criterion`);
}

/** Writes the flashcards of a passing playbook (Anki text import) for an upload-artifact step; returns the path. */
async function writeDeck(result: LintResult, path: string): Promise<string> {
  const { buildCards } = await import('../cards/cards.js');
  const { formatAnki } = await import('../cards/formats.js');
  const deckPath = join(process.env.RUNNER_TEMP ?? tmpdir(), 'playbook-proof-cards.txt');
  const cards = buildCards(result.playbook);
  writeFileSync(deckPath, formatAnki(cards, { path }));
  core.info(`cards: ${cards.length} flashcards written to ${deckPath}`);
  return deckPath;
}

/** Commits playbook.svg and playbook.json to the `badges` branch when they changed. */
async function publishBadge(client: Client, target: CommitTarget, result: LintResult): Promise<void> {
  // badge-maker carries font metrics: loaded only when the badge is asked for
  const { endpointBadge, formatBadgeJson, formatBadgeSvg } = await import('../report/badge.js');
  const { publishFiles } = await import('../github/badges.js');
  const data = endpointBadge(result);
  const files = { [BADGE_FILES.svg]: formatBadgeSvg(data), [BADGE_FILES.json]: formatBadgeJson(data) };
  try {
    const outcome = await publishFiles(client, target, BADGE_BRANCH, files, `Update the playbook badge: ${data.message}`);
    core.info(`badge ${outcome} on the ${BADGE_BRANCH} branch (${data.message})`);
  } catch (error) {
    if (error instanceof GitHubApiError && error.isPermission) {
      core.warning(
        `playbook-proof could not publish the badge: the token cannot write (${error.message}). Give the workflow \`permissions: contents: write\`.`,
      );
      return;
    }
    throw error;
  }
}

interface Checked {
  result: LintResult;
  /** Set when the playbook is not at the path, or not text. */
  unavailable?: Unavailable;
}

/**
 * Reads the playbook at the commit through the API and lints it; a missing or unreadable one is a failing
 * result with the reason. Throws when the API does not answer (the commit was then not checked at all).
 */
async function checkAt(client: Client, file: { owner: string; repo: string; path: string; ref: string }, inputs: ActionInputs): Promise<Checked> {
  const { text, unavailable } = playbookText(await readFileAt(client, file));
  return {
    result: lint(text, { path: inputs.path, config: inputs.config, ...(unavailable && { unavailable }) }),
    ...(unavailable && { unavailable }),
  };
}

/**
 * The playbook could not be read (the API failed after its retries, timed out or is rate-limited): no result
 * stands for this commit. The label comes off and the comment says it is not current, with the reason.
 */
async function reportUnchecked(
  client: Client,
  target: PullRequestTarget | CommitTarget,
  inputs: ActionInputs,
  serverUrl: string,
  reason: string,
): Promise<void> {
  const sha = target.kind === 'pull_request' ? target.head.sha : target.sha;
  core.setOutput('passed', 'false');
  await core.summary.addRaw(`### ⚠️ Playbook proof: not checked at \`${sha.slice(0, 7)}\`\n\n${inert(reason, 1000)}\n`).write();
  if (target.kind === 'pull_request') await withdrawVerdict(client, target, inputs, serverUrl, reason);
  core.setFailed(`playbook-proof could not check ${inputs.path} at ${sha.slice(0, 7)}: ${reason}`);
}

/**
 * Best effort, as the API is failing: removes the label and marks the comment as not current, unless the
 * pull request has moved on to another head (that head's run owns them). A failing write is a warning.
 */
async function withdrawVerdict(client: Client, target: PullRequestTarget, inputs: ActionInputs, serverUrl: string, reason: string): Promise<void> {
  const { pr } = target;
  let pull: PullState | null = null;
  try {
    pull = await readPull(client, pr);
  } catch (error) {
    logStack(error);
    core.warning(`${messageOf(error)}; removing the label anyway`);
  }
  if (pull && headMoved(pull, target)) return;
  const attempt = async (what: string, write: () => Promise<unknown>): Promise<void> => {
    try {
      await write();
    } catch (error) {
      logStack(error);
      core.warning(`playbook-proof could not ${what} on #${pr.number}: ${messageOf(error)}`);
    }
  };
  if (pull === null || pull.labels.includes(inputs.label))
    await attempt(`remove the label "${inputs.label}"`, () => removeLabel(client, pr, inputs.label));
  if (inputs.comment) {
    const body = formatUncheckedComment(reason, commentContext(target, inputs, serverUrl));
    await attempt('mark the checklist comment as not current', () => syncComment(client, pr, COMMENT_MARKER, body));
  }
}

/** True (and says so) when the pull request's head is no longer the commit this run checked. */
function headMoved(pull: PullState, target: PullRequestTarget): boolean {
  if (pull.headSha === target.head.sha) return false;
  core.info(
    `#${target.pr.number}'s head is now ${pull.headSha.slice(0, 7)}, not ${target.head.sha.slice(0, 7)} which this run checked: ` +
      'the label and the comment are left to the run for the new head',
  );
  return true;
}

function commentContext(target: PullRequestTarget, inputs: ActionInputs, serverUrl: string, unavailable?: Unavailable): CommentContext {
  const { pr } = target;
  return {
    serverUrl,
    owner: pr.owner,
    repo: pr.repo,
    sha: target.head.sha,
    path: inputs.path,
    label: inputs.label,
    version: pkg.version,
    ...(unavailable && { unavailable }),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The comment and the label, written only while the pull request's head is still the commit checked (a
 * re-run of an old run, or runs finishing out of order, must not put back a verdict on a newer head); the
 * label's state is read from the pull request now, not from the event. A removal goes first, an addition
 * last. A read-only token (a fork's pull request under `pull_request`) cannot write either: that is one
 * warning with the fix, and the job's result still depends only on the criteria.
 */
async function reportOnPullRequest(
  client: Client,
  target: PullRequestTarget,
  checked: Checked,
  inputs: ActionInputs,
  serverUrl: string,
): Promise<void> {
  const { pr } = target;
  const { result, unavailable } = checked;
  let pull: PullState;
  try {
    pull = await readPull(client, pr);
  } catch (error) {
    // a token that may not even read the pull request cannot write to it either: the same one warning
    if (error instanceof GitHubApiError && error.isPermission) {
      warnReadOnly(target, error);
      return;
    }
    // the result cannot be tied to the current head: fail safe
    await withdrawVerdict(client, target, inputs, serverUrl, messageOf(error));
    throw error;
  }
  if (headMoved(pull, target)) return;
  const review = inputs.review ? await prepareReview(client, { pr, sha: target.head.sha, path: inputs.path, config: inputs.config }, result) : null;
  const writes: Array<() => Promise<void>> = [];
  const hasLabel = pull.labels.includes(inputs.label);
  if (!result.passed && hasLabel) writes.push(() => removeLabel(client, pr, inputs.label));
  if (inputs.comment) {
    const body = formatComment(result, { ...commentContext(target, inputs, serverUrl, unavailable), ...(review && { review: review.notice }) });
    writes.push(async () => {
      const outcome = await syncComment(client, pr, COMMENT_MARKER, body);
      core.info(`checklist comment ${outcome}`);
    });
  }
  if (review) writes.push(async () => core.info(await review.apply((message) => core.warning(message))));
  if (result.passed && !hasLabel) writes.push(() => addLabel(client, pr, { name: inputs.label, color: LABEL_COLOR, description: LABEL_DESCRIPTION }));

  for (const write of writes) {
    try {
      await write();
    } catch (error) {
      if (error instanceof GitHubApiError && error.isPermission) {
        warnReadOnly(target, error);
        return;
      }
      throw error;
    }
  }
}

/** One warning with the fix when the token may not comment on or label the pull request. */
function warnReadOnly(target: PullRequestTarget, error: GitHubApiError): void {
  core.warning(
    `playbook-proof could not comment on, review or label #${target.pr.number}: the token is read-only (${error.message}). ` +
      (target.fork
        ? 'Pull requests from forks get a read-only token under `pull_request`: run this Action on `pull_request_target` (see the README), '
        : 'Give the workflow `permissions: pull-requests: write` and `issues: write`, ') +
      'or pass a token with pull-requests: write. Annotations, the summary and the outputs are still written.',
  );
}
