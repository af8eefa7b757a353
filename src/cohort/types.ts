/** The cohort scan's result: one row per fork of the course template, whatever state the fork is in. */

/**
 * - `passed`: every criterion passes;
 * - `failing`: the playbook was read and a criterion fails;
 * - `missing`: no playbook at the path on the fork's default branch;
 * - `unreadable`: a binary, too large, a directory, or the fork could not be read (deleted, 403, GitHub
 *   could not answer its batch);
 * - `empty`: the fork has no commits.
 */
export type ForkState = 'passed' | 'failing' | 'missing' | 'unreadable' | 'empty';

export interface FailingCriterion {
  id: string;
  title: string;
  /** Numbers of the failing questions (empty for whole-document findings). */
  questions: number[];
}

/** A failing finding, for the issue that lists what to fix. */
export interface RowFinding {
  ruleId: string;
  line: number;
  message: string;
  question: number | null;
}

export interface CohortRow {
  /** "owner/name" of the fork. */
  fork: string;
  owner: string;
  /** The fork's page, e.g. https://github.com/learner/course (never empty). */
  url: string;
  state: ForkState;
  /** Criteria passed and counted (0/0 when the playbook could not be checked at all). */
  passed: number;
  total: number;
  failing: FailingCriterion[];
  /** The failing (error) findings with their lines, in line order; empty unless the playbook was checked. */
  findings: RowFinding[];
  /** ISO 8601 date of the head commit of the default branch, or null. */
  lastCommit: string | null;
  /** The head commit's SHA, or null (empty, unreadable fork). */
  headSha: string | null;
  /** Why a fork is missing, unreadable or empty, in one line; null otherwise. */
  reason: string | null;
  /** An archived fork is read-only: it gets a row, marked, but no status or issue. */
  archived: boolean;
  /** Ids of the lesson map's topics the playbook has a question on; null when it was not checked or the coverage rule is off. */
  topics?: string[] | null;
}

export interface CohortReport {
  /** "owner/name" of the course template. */
  template: string;
  /** The playbook's path checked in every fork. */
  path: string;
  /** ISO 8601 time of the scan. */
  generatedAt: string;
  /** The criteria counted in the score, in checklist order. */
  criteria: Array<{ id: string; title: string }>;
  rows: CohortRow[];
  /** Only in the Action's `result` output, when it had to be cut under GitHub's 1 MB: what was left out. */
  truncated?: { rows: number; findings: number };
}
