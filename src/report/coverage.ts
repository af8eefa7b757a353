/** The topic coverage table (topic · level · question · ✔/–) for the terminal, the JSON report and the PR comment. */
import pc from 'picocolors';
import { topicCoverage, type TopicCoverage } from '../core/coverage.js';
import type { LintResult } from '../core/lint.js';

/** One row of the table as the JSON report gives it. */
export interface CoverageRow {
  topic: string;
  name: string;
  /** The level the lesson's map gives the topic. */
  level: string;
  /** The questions that cover it, with the level each is rated at (null when unrated). */
  questions: Array<{ number: number; line: number; level: string | null }>;
  covered: boolean;
  /** Every rated question of the topic sits at the map's level. */
  levelMatches: boolean;
}

/** The table, or null when the coverage rule is off or there are no questions to map. */
export function coverageRows(result: LintResult): CoverageRow[] | null {
  if (!result.criteria.some((criterion) => criterion.id === 'coverage') || result.playbook.questions.length === 0) return null;
  return topicCoverage(result.playbook).map(toRow);
}

function toRow({ topic, questions, levelMismatch }: TopicCoverage): CoverageRow {
  return {
    topic: topic.id,
    name: topic.name,
    level: topic.level,
    questions: questions.map(({ number, line, level }) => ({ number, line, level })),
    covered: questions.length > 0,
    levelMatches: !levelMismatch,
  };
}

/** "14 of 15 topics covered, 1 at another level". */
export function coverageSummary(rows: readonly CoverageRow[]): string {
  const covered = rows.filter((row) => row.covered).length;
  const off = rows.filter((row) => row.covered && !row.levelMatches).length;
  return `${covered} of ${rows.length} topics covered${off > 0 ? `, ${off} at another level` : ''}`;
}

/** "Q12 (L2)": the covering questions, each with its rating where that differs from the map's. */
function questionCell(row: CoverageRow): string {
  if (!row.covered) return '–';
  return row.questions.map((q) => (q.level !== null && q.level !== row.level ? `Q${q.number} (${q.level})` : `Q${q.number}`)).join(', ');
}

function mark(row: CoverageRow): '✔' | '–' | '⚠' {
  if (!row.covered) return '–';
  return row.levelMatches ? '✔' : '⚠';
}

/** The table for a terminal, aligned in columns, with a heading line. */
export function formatCoverageTerminal(rows: readonly CoverageRow[], color: boolean): string {
  const c = pc.createColors(color);
  const nameWidth = Math.max(5, ...rows.map((row) => row.name.length));
  const cells = rows.map(questionCell);
  const questionWidth = Math.max(8, ...cells.map((cell) => cell.length));
  const out = [c.bold(`Topic coverage of the lesson's map: ${coverageSummary(rows)}`)];
  out.push(c.dim(`  ${'Topic'.padEnd(nameWidth)}  Level  ${'Question'.padEnd(questionWidth)}`));
  rows.forEach((row, i) => {
    const symbol = mark(row);
    const painted = symbol === '✔' ? c.green(symbol) : symbol === '⚠' ? c.yellow(symbol) : c.dim(symbol);
    out.push(`  ${row.name.padEnd(nameWidth)}  ${row.level.padEnd(5)}  ${cells[i]!.padEnd(questionWidth)}  ${painted}`);
  });
  return `${out.join('\n')}\n`;
}

/** The table as GitHub Markdown, collapsed in a `<details>` block. Holds no learner text. */
export function formatCoverageMarkdown(rows: readonly CoverageRow[]): string {
  const lines = [
    `<details><summary>Topic coverage of the lesson's map: ${coverageSummary(rows)}</summary>`,
    '',
    '| Topic | Level | Question | |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.name} | ${row.level} | ${questionCell(row)} | ${mark(row) === '⚠' ? '⚠️' : mark(row)} |`),
    '',
    '</details>',
  ];
  return lines.join('\n');
}
