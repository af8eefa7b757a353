/** The pull-request Action: check the playbook at the head commit, then report it everywhere GitHub shows it. */
import * as core from '@actions/core';
import * as github from '@actions/github';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { decodePlaybook } from '../core/decode.js';
import { lint, type LintResult } from '../core/lint.js';
import type { Unavailable } from '../core/rule.js';
import { makeClient, type Client } from '../github/client.js';
import { syncComment } from '../github/comments.js';
import { readFileAt } from '../github/contents.js';
import { GitHubApiError } from '../github/errors.js';
import { addLabel, removeLabel } from '../github/labels.js';
import { planAnnotations } from '../report/annotations.js';
import { COMMENT_MARKER, formatComment } from '../report/comment.js';
import { toJsonReport } from '../report/json.js';
import { formatSummary } from '../report/summary.js';
import { readEvent, type CommitTarget, type PullRequestTarget } from './event.js';
import { readInputs, type ActionInputs } from './inputs.js';

const LABEL_COLOR = '2da44e';
/** The orphan branch the badge lives on, and its two files. */
export const BADGE_BRANCH = 'badges';
export const BADGE_FILES = { svg: 'playbook.svg', json: 'playbook.json' } as const;
const LABEL_DESCRIPTION = 'playbook-proof: every criterion of the playbook passes';

/** Runs the Action; the one place that turns an error into a failed step. */
export async function run(): Promise<void> {
  try {
    await check();
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

async function check(): Promise<void> {
  const inputs = await readInputs(async (text, label) => (await import('../node/config-file.js')).parseConfigInput(text, label));
  if (inputs.mode === 'cohort') {
    await runCohort(inputs);
    return;
  }
  const { context } = github;
  const target = readEvent(context.eventName, context.payload as never, context.repo, context.sha, context.ref);
  const client = makeClient(inputs.token, { log: (line) => core.info(line) });
  const where = target.kind === 'pull_request' ? target.head : target;

  const result = await checkAt(client, { owner: where.owner, repo: where.repo, path: inputs.path, ref: where.sha }, inputs);
  const plan = planAnnotations(result, inputs.path);
  for (const a of plan.annotations) {
    const properties = { title: a.title, file: a.file, startLine: a.startLine, startColumn: a.startColumn };
    if (a.severity === 'error') core.error(a.message, properties);
    else core.warning(a.message, properties);
  }
  await core.summary.addRaw(formatSummary(result, inputs.path, where.sha, plan)).write();

  core.setOutput('passed', String(result.passed));
  core.setOutput('score', `${result.score.passed}/${result.score.total}`);
  core.setOutput('failing-criteria', result.criteria.filter((c) => !c.passed).map((c) => c.id).join(','));
  core.setOutput('result', JSON.stringify(toJsonReport(result)));
  core.setOutput('deck-path', result.passed ? await writeDeck(result, inputs.path) : '');

  if (target.kind === 'pull_request') await reportOnPullRequest(client, target, result, inputs, context.serverUrl);
  if (target.kind === 'commit' && inputs.badge) {
    if (target.onDefaultBranch) await publishBadge(client, target, result);
    else core.info('badge: published only on pushes to the default branch');
  }

  if (!result.passed && inputs.failOnCriteria) {
    const failing = result.criteria.filter((c) => !c.passed).map((c) => c.id);
    core.setFailed(`The playbook passes ${result.score.passed}/${result.score.total} criteria; failing: ${failing.join(', ')}`);
  } else {
    core.info(`playbook-proof: ${result.score.passed}/${result.score.total} criteria pass`);
  }
}

/** Mode cohort: scans every fork of the template, writes the HTML report for an artifact step and the table to the summary. */
async function runCohort(inputs: ActionInputs): Promise<void> {
  const client = makeClient(inputs.token, { log: (line) => core.info(line) });
  const { scanCohort } = await import('../cohort/scan.js');
  const { formatCohortHtml } = await import('../report/cohort-html.js');
  const { formatCohortSummary } = await import('../report/cohort-text.js');
  const report = await scanCohort(client, {
    template: inputs.template!,
    config: inputs.config,
    onProgress: (done, total) => core.info(`read ${done}/${total} forks`),
  });
  const htmlPath = join(process.env.RUNNER_TEMP ?? tmpdir(), 'playbook-proof-cohort.html');
  writeFileSync(htmlPath, formatCohortHtml(report));
  await core.summary.addRaw(formatCohortSummary(report, 'the full report is in the html-path artifact')).write();
  core.setOutput('html-path', htmlPath);
  core.setOutput('result', JSON.stringify(report));
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
      core.warning(`playbook-proof could not publish the badge: the token cannot write (${error.message}). Give the workflow \`permissions: contents: write\`.`);
      return;
    }
    throw error;
  }
}

/** Reads the playbook at the commit through the API and lints it; an unreadable one fails with the reason. */
async function checkAt(client: Client, file: { owner: string; repo: string; path: string; ref: string }, inputs: ActionInputs): Promise<LintResult> {
  const read = await readFileAt(client, file);
  let unavailable: Unavailable | undefined;
  let text = '';
  if (read.kind === 'missing') unavailable = { kind: 'missing', reason: 'not found' };
  else if (read.kind === 'unreadable') unavailable = { kind: 'unreadable', reason: read.reason };
  else {
    const decoded = decodePlaybook(read.bytes);
    if (decoded.ok) text = decoded.text;
    else unavailable = { kind: 'unreadable', reason: decoded.reason };
  }
  return lint(text, { path: inputs.path, config: inputs.config, ...(unavailable && { unavailable }) });
}

/**
 * The comment and the label. A read-only token (a fork's pull request under `pull_request`) cannot write
 * either: that is one warning with the fix, and the job's result still depends only on the criteria.
 */
async function reportOnPullRequest(client: Client, target: PullRequestTarget, result: LintResult, inputs: ActionInputs, serverUrl: string): Promise<void> {
  const { pr } = target;
  const writes: Array<() => Promise<void>> = [];
  if (inputs.comment) {
    const body = formatComment(result, { serverUrl, owner: pr.owner, repo: pr.repo, sha: target.head.sha, path: inputs.path, label: inputs.label, version: pkg.version });
    writes.push(async () => {
      const outcome = await syncComment(client, pr, COMMENT_MARKER, body);
      core.info(`checklist comment ${outcome}`);
    });
  }
  const hasLabel = target.labels.includes(inputs.label);
  if (result.passed && !hasLabel) writes.push(() => addLabel(client, pr, { name: inputs.label, color: LABEL_COLOR, description: LABEL_DESCRIPTION }));
  if (!result.passed && hasLabel) writes.push(() => removeLabel(client, pr, inputs.label));

  for (const write of writes) {
    try {
      await write();
    } catch (error) {
      if (error instanceof GitHubApiError && error.isPermission) {
        core.warning(
          `playbook-proof could not comment on or label #${pr.number}: the token is read-only (${error.message}). ` +
            (target.fork
              ? 'Pull requests from forks get a read-only token under `pull_request`: run this Action on `pull_request_target` (see the README), '
              : 'Give the workflow `permissions: pull-requests: write` and `issues: write`, ') +
            'or pass a token with pull-requests: write. Annotations, the summary and the outputs are still written.',
        );
        return;
      }
      throw error;
    }
  }
}
