/** The issue cohort enforcement opens on a failing fork: what to fix, each finding linked to its line. */
import type { CohortReport, CohortRow } from '../cohort/types.js';
import { questionList } from '../core/text.js';
import { codeSpan, inert } from './escape.js';
import { commitUrl, lineUrl, type FileAtCommit } from './links.js';

/** Marks the issues playbook-proof opened, so a later run finds them again. */
export const ISSUE_MARKER = '<!-- playbook-proof:cohort -->';

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
