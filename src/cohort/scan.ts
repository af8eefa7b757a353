/** The cohort scan: every fork of the course template, each playbook checked with the instructor's config. */
import pMap from 'p-map';
import type { Config } from '../config.js';
import { topicCoverage } from '../core/coverage.js';
import { playbookText } from '../core/decode.js';
import { lint } from '../core/lint.js';
import { rules } from '../rules/index.js';
import type { Client } from '../github/client.js';
import { listForks } from '../github/forks.js';
import { BATCH_SIZE, readForks, type ForkPlaybook } from '../github/playbook-batch.js';
import type { CohortReport, CohortRow } from './types.js';

export interface ScanOptions {
  template: { owner: string; repo: string };
  /** The instructor's configuration: a learner's own config, workflow or badge never counts. */
  config: Config;
  /** The GitHub server's web URL, for a fork page the API does not give (default https://github.com). */
  serverUrl?: string;
  /** GraphQL queries in flight at once. */
  concurrency?: number;
  /** Called after each batch with the forks read so far and in all. */
  onProgress?: (done: number, total: number) => void;
  now?: () => Date;
}

/** Lists the forks, reads their playbooks in batches and checks each; every fork gets a row. */
export async function scanCohort(client: Client, options: ScanOptions): Promise<CohortReport> {
  const { owner, repo } = options.template;
  const forks = await listForks(client, owner, repo, options.serverUrl ?? 'https://github.com');
  const batches: (typeof forks)[] = [];
  for (let i = 0; i < forks.length; i += BATCH_SIZE) batches.push(forks.slice(i, i + BATCH_SIZE));
  let done = 0;
  const read = async (batch: typeof forks): Promise<ForkPlaybook[]> => {
    const results = await readForks(client, batch, options.config.path);
    done += batch.length;
    options.onProgress?.(done, forks.length);
    return results;
  };
  const results = await pMap(batches, read, { concurrency: options.concurrency ?? 4 });
  const counted = rules.filter((rule) => options.config.rules[rule.id] === 'error');
  return {
    template: `${owner}/${repo}`,
    path: options.config.path,
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    criteria: counted.map((rule) => ({ id: rule.id, title: rule.title(options.config) })),
    rows: results.flat().map((entry) => toRow(entry, options.config, counted.length)),
  };
}

/** One fork's row: its state, score and failing criteria with their question numbers. */
export function toRow(entry: ForkPlaybook, config: Config, total: number): CohortRow {
  const base = {
    fork: entry.fork.fullName,
    owner: entry.fork.owner,
    url: entry.fork.htmlUrl,
    lastCommit: entry.head?.date || null,
    headSha: entry.head?.sha ?? null,
    archived: entry.fork.archived,
    findings: [],
  };
  const read = entry.read;
  if (read.kind === 'empty') return { ...base, state: 'empty', passed: 0, total, failing: [], reason: 'the fork has no commits', topics: null };
  if (read.kind === 'failed') return { ...base, state: 'unreadable', passed: 0, total, failing: [], reason: read.reason, topics: null };
  const { text, unavailable } = playbookText(read);
  if (unavailable?.kind === 'unreadable')
    return { ...base, state: 'unreadable', passed: 0, total, failing: [], reason: `the playbook ${unavailable.reason}`, topics: null };
  const result = lint(text, { path: config.path, config, ...(unavailable && { unavailable }) });
  const failing = result.criteria.filter((c) => !c.passed).map((c) => ({ id: c.id, title: c.title, questions: c.questions }));
  if (read.kind === 'missing') {
    return {
      ...base,
      state: 'missing',
      topics: null,
      passed: result.score.passed,
      total: result.score.total,
      failing,
      reason: `no playbook at ${config.path} on the default branch`,
    };
  }
  const findings = result.findings
    .filter((f) => f.severity === 'error')
    .map(({ ruleId, line, message, question }) => ({ ruleId, line, message, question }));
  const topics =
    config.rules.coverage === 'off'
      ? null
      : topicCoverage(result.playbook)
          .filter((t) => t.questions.length > 0)
          .map((t) => t.topic.id);
  return {
    ...base,
    state: result.passed ? 'passed' : 'failing',
    passed: result.score.passed,
    total: result.score.total,
    failing,
    findings,
    reason: null,
    topics,
  };
}
