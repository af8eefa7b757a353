/**
 * `explain`: the playbook's outline exactly as the checker read it. Per question: its heading, difficulty
 * (where and how it was found), each part with its lines and how it was recognised, the gotcha items split
 * into claim and reason, the cheat-sheet row matched, and what was looked for where something is missing.
 */
import pc from 'picocolors';
import type { Finding, LintResult } from '../core/lint.js';
import { countWords, plural, truncate } from '../core/text.js';
import { coverageRows, type CoverageRow } from './coverage.js';
import type { Difficulty, LabelStyle, NearMiss, Part, PartKind, Question } from '../core/types.js';
import { stripControls } from './sanitize.js';

const SPOKEN: readonly PartKind[] = ['theory', 'project', 'tradeoff', 'metric'];

export interface ExplainPart {
  kind: PartKind;
  line: number;
  endLine: number;
  /** How the part was recognised (see the README). */
  how: LabelStyle;
  /** The label as written; empty when found by wording or position. */
  label: string;
  words: number;
}

export interface ExplainQuestion {
  number: number;
  title: string;
  line: number;
  endLine: number;
  passed: boolean;
  /** The earlier question this one repeats, or null. */
  copyOf: { number: number; line: number; similarity: number } | null;
  difficulty: { level: string | null; raw: string; line: number; how: Difficulty['how'] } | null;
  parts: ExplainPart[];
  /** Spoken parts (theory, project, tradeoff, metric) that were not found. */
  missing: PartKind[];
  gotchas: Array<{ line: number; claim: string; reason: string | null }>;
  /** Line of the cheat-sheet row matched to the question, or null. */
  cheatSheetRow: number | null;
  nearMisses: NearMiss[];
  findings: Array<{ ruleId: string; messageId: string; severity: string; line: number; message: string }>;
}

export interface ExplainReport {
  file: string;
  passed: boolean;
  score: { passed: number; total: number };
  questions: ExplainQuestion[];
  cheatSheet: { line: number; endLine: number; rows: Array<{ line: number; question: number | null; sourceLines: number }> } | null;
  /** Findings about the whole document (no question of their own). */
  findings: ExplainQuestion['findings'];
  /** Topic coverage of the lesson's map, as in the JSON report; null when the coverage rule is off or there are no questions. */
  coverage: CoverageRow[] | null;
}

/** Builds the outline report from a lint result. */
export function toExplainReport(result: LintResult): ExplainReport {
  const doc = result.playbook;
  const passedLines = new Set(result.questions.filter((q) => q.passed).map((q) => q.line));
  const rowByQuestion = new Map<number, number>();
  for (const row of doc.cheatSheet?.rows ?? [])
    if (row.question !== null && !rowByQuestion.has(row.question)) rowByQuestion.set(row.question, row.line);
  const byLine = new Map<number, Finding[]>();
  const documentFindings: Finding[] = [];
  for (const finding of result.findings) {
    if (finding.questionLine === null) documentFindings.push(finding);
    else byLine.set(finding.questionLine, [...(byLine.get(finding.questionLine) ?? []), finding]);
  }
  return {
    file: result.file,
    passed: result.passed,
    score: { ...result.score },
    questions: doc.questions.map((question) =>
      explainQuestion(question, passedLines.has(question.line), rowByQuestion, byLine.get(question.line) ?? []),
    ),
    cheatSheet: doc.cheatSheet && {
      line: doc.cheatSheet.line,
      endLine: doc.cheatSheet.endLine,
      rows: doc.cheatSheet.rows.map((row) => ({ line: row.line, question: row.question, sourceLines: row.sourceLines })),
    },
    findings: documentFindings.map(findingOut),
    coverage: coverageRows(result),
  };
}

function explainQuestion(question: Question, passed: boolean, rows: Map<number, number>, findings: Finding[]): ExplainQuestion {
  const d = question.difficulty;
  return {
    number: question.number,
    title: clean(question.title, 120),
    line: question.line,
    endLine: question.endLine,
    passed,
    copyOf: question.copyOf && { ...question.copyOf },
    difficulty: d && { level: d.level, raw: clean(d.raw, 40), line: d.line, how: d.how },
    parts: question.parts.map(partOut),
    missing: SPOKEN.filter((kind) => !question.parts.some((part) => part.kind === kind && countWords(part.text) > 0)),
    gotchas: question.gotchaItems.map((item) => ({
      line: item.line,
      claim: clean(item.claim.length > 0 ? item.claim : item.text, 120),
      reason: item.reason.length > 0 ? clean(item.reason, 160) : null,
    })),
    cheatSheetRow: question.copyOf ? null : (rows.get(question.number) ?? null),
    nearMisses: question.nearMisses.map((miss) => ({ ...miss, text: clean(miss.text, 60) })),
    findings: findings.map(findingOut),
  };
}

function partOut(part: Part): ExplainPart {
  return { kind: part.kind, line: part.line, endLine: part.endLine, how: part.style, label: clean(part.label, 60), words: countWords(part.text) };
}

function findingOut(finding: Finding): ExplainQuestion['findings'][number] {
  return { ruleId: finding.ruleId, messageId: finding.messageId, severity: finding.severity, line: finding.line, message: finding.message };
}

function clean(text: string, max: number): string {
  return truncate(stripControls(text).replace(/\s+/g, ' ').trim(), max);
}

/** How each way of finding a part reads in the terminal. */
const HOW: Record<LabelStyle, string> = {
  heading: 'sub-heading',
  bold: 'emphasised label',
  plain: 'plain label',
  list: 'list-item label',
  table: 'table-row label',
  callout: 'callout title',
  html: '<summary> label',
  wording: 'unlabelled paragraph, by its wording',
  position: 'prose before any label',
};

const HOW_RATED: Record<Difficulty['how'], string> = {
  heading: 'tag in the heading',
  label: 'label line',
  badge: 'badge or tag line',
  section: "the section heading's level",
};

/** Serialises the outline as JSON, two-space indented, ending in a newline. */
export function formatExplainJson(report: ExplainReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Renders the outline for a terminal. */
export function formatExplain(report: ExplainReport, options: { color: boolean; displayPath?: string }): string {
  const c = pc.createColors(options.color);
  const out: string[] = [];
  const sheet = report.cheatSheet;
  const sheetNote = sheet ? `cheat sheet at line ${sheet.line} (${plural(sheet.rows.length, 'row')})` : 'no cheat sheet';
  out.push(`${options.displayPath ?? report.file}: ${plural(report.questions.length, 'question')} read, ${sheetNote}`);
  for (const q of report.questions) {
    out.push('');
    const mark = q.copyOf ? c.yellow('copy') : q.passed ? c.green('✔') : c.red('✖');
    out.push(`${c.bold(`Q${q.number}`)} "${q.title}"  lines ${q.line}–${q.endLine}  ${mark}`);
    if (q.copyOf) {
      out.push(
        `  repeats Q${q.copyOf.number} at line ${q.copyOf.line} (${Math.round(q.copyOf.similarity * 100)}% the same text): a copy is not a distinct question`,
      );
      continue;
    }
    const d = q.difficulty;
    if (d) out.push(`  ${'difficulty'.padEnd(10)} ${d.level ?? `"${d.raw}" (not L1–L3)`}  line ${d.line}, ${HOW_RATED[d.how]}`);
    else out.push(`  ${'difficulty'.padEnd(10)} ${c.red('not found')}`);
    for (const kind of [...SPOKEN, 'gotchas'] as const) {
      const part = q.parts.find((p) => p.kind === kind);
      if (part === undefined || (kind !== 'gotchas' && q.missing.includes(kind))) {
        if (!q.copyOf) out.push(`  ${kind.padEnd(10)} ${c.red('not found')}`);
        continue;
      }
      const label = part.label ? ` "${part.label}"` : '';
      const extra = kind === 'gotchas' ? plural(q.gotchas.length, 'wrong answer') : plural(part.words, 'word');
      out.push(`  ${kind.padEnd(10)} lines ${part.line}–${part.endLine}, ${HOW[part.how]}${label}; ${extra}`);
      if (kind === 'gotchas') {
        for (const item of q.gotchas) out.push(`    ${String(item.line).padStart(4)}  "${item.claim}" — ${item.reason ?? c.red('no reason')}`);
      }
    }
    if (!q.copyOf) out.push(`  ${'cheat row'.padEnd(10)} ${q.cheatSheetRow === null ? c.red('not found') : `line ${q.cheatSheetRow}`}`);
    for (const miss of q.nearMisses)
      out.push(`  ${c.yellow('near miss')}  line ${miss.line} "${miss.text}" looks like ${miss.kind}, but ${miss.why}`);
    for (const finding of q.findings)
      out.push(`  ${finding.severity === 'error' ? c.red('✖') : c.yellow('!')} ${finding.line}: ${finding.message}  ${c.dim(finding.ruleId)}`);
  }
  if (report.findings.length > 0) {
    out.push('', 'Whole document:');
    for (const finding of report.findings)
      out.push(`  ${finding.severity === 'error' ? c.red('✖') : c.yellow('!')} ${finding.line}: ${finding.message}  ${c.dim(finding.ruleId)}`);
  }
  out.push('', `${report.passed ? c.green('✔') : c.red('✖')} ${report.score.passed}/${report.score.total} criteria pass.`);
  return `${out.join('\n')}\n`;
}
