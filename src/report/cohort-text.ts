/** The cohort report as a terminal table, CSV and JSON: pure functions of the scan's result. */
import pc from 'picocolors';
import type { CohortReport, CohortRow, ForkState } from '../cohort/types.js';
import { codeSpan, inert } from './escape.js';
import { questionList } from './terminal.js';

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

/** A fixed-width table for the terminal, with a one-line total. */
export function formatCohortTable(report: CohortReport, options: { color: boolean }): string {
  const c = pc.createColors(options.color);
  const paint: Record<ForkState, (s: string) => string> = { passed: c.green, failing: c.red, missing: c.yellow, unreadable: c.magenta, empty: c.dim };
  const rows = sortedRows(report);
  const header = ['fork', 'state', 'score', 'failing', 'last commit'];
  const cells = rows.map((r) => [r.fork, r.state, `${r.passed}/${r.total}`, r.state === 'failing' || r.state === 'missing' ? failingText(r) : (r.reason ?? ''), r.lastCommit?.slice(0, 10) ?? '']);
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
function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One header line, then one line per fork (RFC 4180). */
export function formatCohortCsv(report: CohortReport): string {
  const header = ['fork', 'owner', 'state', 'passed', 'total', 'failing', 'last_commit', 'reason', 'url'];
  const lines = sortedRows(report).map((r) => [r.fork, r.owner, r.state, r.passed, r.total, failingText(r), r.lastCommit ?? '', r.reason ?? '', r.url].map(csvCell).join(','));
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
    const detail = r.state === 'failing' || r.state === 'missing' ? failingText(r) : (r.reason ?? '');
    out.push(`| ${inert(r.fork, 100)} | ${r.state} | ${r.passed}/${r.total} | ${inert(detail, 200)} | ${r.lastCommit?.slice(0, 10) ?? ''} |`);
  }
  return `${out.join('\n')}\n`;
}
