/** The cohort report as a terminal table, CSV and JSON: pure functions of the scan's result. */
import pc from 'picocolors';
import type { CohortReport, CohortRow, ForkState } from '../cohort/types.js';
import { codeSpan, inert } from './escape.js';
import { fitJson, OUTPUT_LIMIT_BYTES } from './json.js';
import { stripControls } from './sanitize.js';
import { questionList } from '../core/text.js';

const STATE_ORDER: Record<ForkState, number> = { failing: 0, missing: 1, unreadable: 2, empty: 3, passed: 4 };

/** Rows in reading order: the learners who need attention first, then by fork name. */
export function sortedRows(report: CohortReport): CohortRow[] {
  return [...report.rows].sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.fork.localeCompare(b.fork));
}

/** "gotchas (Q3, Q7); cheat-sheet". */
export function failingText(row: CohortRow): string {
  return row.failing.map((c) => (c.questions.length > 0 ? `${c.id} (${questionList(c.questions, 5)})` : c.id)).join('; ');
}

/** Counts per state, in a fixed order. */
export function stateCounts(report: CohortReport): Record<ForkState, number> {
  const counts: Record<ForkState, number> = { passed: 0, failing: 0, missing: 0, unreadable: 0, empty: 0 };
  for (const row of report.rows) counts[row.state]++;
  return counts;
}

/** The fork's name, marked when it is archived (read-only: no status or issue is set on it). */
export function forkLabel(row: CohortRow): string {
  return row.archived ? `${row.fork} (archived)` : row.fork;
}

/** What to show about a row: the failing criteria, or why it could not be checked. */
function detail(row: CohortRow): string {
  return row.state === 'failing' || row.state === 'missing' ? failingText(row) : (row.reason ?? '');
}

/** A fixed-width table for the terminal, with a one-line total; text from GitHub and learners has no control characters. */
export function formatCohortTable(report: CohortReport, options: { color: boolean }): string {
  const c = pc.createColors(options.color);
  const paint: Record<ForkState, (s: string) => string> = { passed: c.green, failing: c.red, missing: c.yellow, unreadable: c.magenta, empty: c.dim };
  const rows = sortedRows(report);
  const header = ['fork', 'state', 'score', 'failing', 'last commit'];
  const line1 = (text: string) => stripControls(text).replace(/\s+/g, ' ');
  const cells = rows.map((r) => [line1(forkLabel(r)), r.state, `${r.passed}/${r.total}`, line1(detail(r)), r.lastCommit?.slice(0, 10) ?? '']);
  const width = header.map((h, i) => Math.min(i === 3 ? 60 : 40, Math.max(h.length, ...cells.map((row) => row[i]!.length))));
  const line = (row: string[], color?: (s: string) => string) =>
    row
      .map((cell, i) => {
        const text = cell.length > width[i]! ? `${cell.slice(0, width[i]! - 1)}…` : cell.padEnd(width[i]!);
        return i === 1 && color ? color(text) : text;
      })
      .join('  ')
      .trimEnd();
  const out = [c.bold(line(header)), ...cells.map((row, i) => line(row, paint[rows[i]!.state]))];
  const counts = stateCounts(report);
  out.push(
    '',
    `${report.rows.length} forks of ${report.template}: ${counts.passed} passed, ${counts.failing} failing, ${counts.missing} missing, ${counts.unreadable} unreadable, ${counts.empty} empty`,
  );
  return `${out.join('\n')}\n`;
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
function csvCell(value: string | number | boolean): string {
  let text = stripControls(String(value));
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One header line, then one line per fork (RFC 4180). */
export function formatCohortCsv(report: CohortReport): string {
  const header = ['fork', 'owner', 'state', 'passed', 'total', 'failing', 'last_commit', 'reason', 'url', 'archived'];
  const lines = sortedRows(report).map((r) =>
    [r.fork, r.owner, r.state, r.passed, r.total, failingText(r), r.lastCommit ?? '', r.reason ?? '', r.url, r.archived].map(csvCell).join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** The documented JSON object: the CohortReport as it is, rows in reading order. */
export function formatCohortJson(report: CohortReport): string {
  return `${JSON.stringify({ ...report, rows: sortedRows(report) }, null, 2)}\n`;
}

/** The job summary for a cohort scan: the counts, then one table row per fork (names made inert). */
export function formatCohortSummary(report: CohortReport, htmlNote: string): string {
  const counts = stateCounts(report);
  const out = [
    `### Cohort: ${report.rows.length} forks of ${codeSpan(report.template)}`,
    '',
    `${counts.passed} passed · ${counts.failing} failing · ${counts.missing} missing · ${counts.unreadable} unreadable · ${counts.empty} empty — ${htmlNote}`,
    '',
    '| Fork | State | Score | Failing | Last commit |',
    '|---|---|---|---|---|',
  ];
  for (const r of sortedRows(report)) {
    out.push(
      `| ${inert(forkLabel(r), 120)} | ${r.state} | ${r.passed}/${r.total} | ${inert(detail(r), 200)} | ${r.lastCommit?.slice(0, 10) ?? ''} |`,
    );
  }
  return `${out.join('\n')}\n`;
}

/**
 * The cohort report as one line for the Action's `result` output, under `limit` bytes: the rows' findings
 * are dropped first, then rows from the end of the reading order, and `truncated` counts what was left out.
 */
export function cohortOutput(report: CohortReport, limit = OUTPUT_LIMIT_BYTES): string {
  const rows = sortedRows(report);
  const findings = rows.reduce((n, r) => n + r.findings.length, 0);
  const whole = JSON.stringify({ ...report, rows });
  if (Buffer.byteLength(whole, 'utf8') <= limit) return whole;
  const bare = rows.map((r) => ({ ...r, findings: [] }));
  const keep = (n: number) => ({ ...report, rows: bare.slice(0, n), truncated: { rows: rows.length - n, findings } });
  return fitJson(keep, rows.length, limit)?.json ?? JSON.stringify(keep(0));
}
