import { defineRule, questionName } from '../core/rule.js';
import { countWords, normalize, truncate } from '../core/text.js';
import type { CheatSheetRow, Question } from '../core/types.js';

const ROW_NUMBER = /^\s{0,3}(?:q(?:uestion)?\s{0,2}|#\s{0,2})?(\d{1,7})\b[\s.:)\-–—|]*/i;
/** Above this many title comparisons, rows are matched by number and exact title only. */
const MAX_FUZZY_COMPARISONS = 250_000;

export const cheatSheet = defineRule({
  id: 'cheat-sheet',
  criterion: 'PASS 5, Done when 4',
  title: () => 'Cheat sheet has one-line summary per question',
  description: 'A cheat sheet gives every question a one-line summary and fits on one page',
  severity: 'error',
  messages: {
    missing: 'The playbook has no cheat sheet, expected a "Cheat Sheet" section with one row per question',
    noRows: 'The cheat sheet has no rows, expected a table or list with one row per question',
    noRow: 'The cheat sheet has no row for {{question}}',
    emptyRow: 'The cheat-sheet row for {{row}} has no summary, expected a one-line answer',
    multiLine: 'The cheat-sheet row for {{row}} spans {{lines}} lines, expected a one-line summary',
    longRow: 'The cheat-sheet row for {{row}} has {{length}} characters, expected a one-line summary of at most {{max}}',
    tooLong: 'The cheat sheet takes {{lines}} printed lines of {{width}} characters, expected it to fit one page of {{max}}',
  },
  check({ doc, config, report }) {
    const sheet = doc.cheatSheet;
    if (sheet === null) {
      report({ messageId: 'missing', node: { line: doc.questions[doc.questions.length - 1]?.endLine ?? 1 } });
      return;
    }
    let printed = 0;
    for (const length of sheet.lineLengths) printed += Math.max(1, Math.ceil(length / config.lineWidth));
    if (printed > config.cheatSheetLines) {
      report({ messageId: 'tooLong', data: { lines: printed, width: config.lineWidth, max: config.cheatSheetLines }, node: sheet });
    }
    if (sheet.rows.length === 0) {
      report({ messageId: 'noRows', node: sheet });
      return;
    }
    const matcher = new RowMatcher(doc.questions, sheet.rows.length);
    const covered = new Set<Question>();
    for (const row of sheet.rows) {
      const { question, rest } = matcher.match(row);
      if (question) covered.add(question);
      const name = question ? questionName(question) : `"${truncate(row.cells[0] ?? '', 40)}"`;
      if (countWords(rest) < 2) {
        report({ messageId: 'emptyRow', data: { row: name }, node: row, question });
      } else if (row.sourceLines > 1) {
        report({ messageId: 'multiLine', data: { row: name, lines: row.sourceLines }, node: row, question });
      } else if (row.text.length > config.rowChars) {
        report({ messageId: 'longRow', data: { row: name, length: row.text.length, max: config.rowChars }, node: row, question });
      }
    }
    for (const question of doc.questions) {
      if (!covered.has(question)) report({ messageId: 'noRow', data: { question: questionName(question) }, node: sheet, question });
    }
  },
});

/** Matches cheat-sheet rows to questions by number, then by title (the `cards` command uses it too). */
export class RowMatcher {
  private readonly byNumber = new Map<number, Question>();
  private readonly byTitle = new Map<string, Question>();
  private readonly fuzzy: boolean;

  constructor(
    private readonly questions: readonly Question[],
    rows: number,
  ) {
    for (const question of questions) {
      if (!this.byNumber.has(question.number)) this.byNumber.set(question.number, question);
      const title = normalize(question.title);
      if (title.length > 0 && !this.byTitle.has(title)) this.byTitle.set(title, question);
    }
    this.fuzzy = questions.length * rows <= MAX_FUZZY_COMPARISONS;
  }

  /** The row's question (or null) and its summary: the cells that are not the number or the question. */
  match(row: CheatSheetRow): { question: Question | null; rest: string } {
    const cells = row.cells;
    const first = cells[0] ?? '';
    // an ordered list's own number names the row, unless the text names a question itself ("1. Q3: …")
    if (row.listNumber !== null && !/^\s{0,3}(?:q(?:uestion)?|#)\s{0,2}\d/i.test(first)) {
      const rest = cells.length > 1 ? cells.slice(1).join(' ') : first;
      return { question: this.byNumber.get(row.listNumber) ?? null, rest };
    }
    const numbered = ROW_NUMBER.exec(first);
    if (numbered) {
      const question = this.byNumber.get(Number(numbered[1])) ?? null;
      const inline = first.slice(numbered[0].length);
      // | 1 | question | answer | … : the second cell names the question
      const rest = cells.length >= 3 ? cells.slice(2) : [inline, ...cells.slice(1)];
      return { question, rest: rest.join(' ') };
    }
    for (let i = 0; i < cells.length; i++) {
      const cell = normalize(cells[i]!);
      const question = this.byTitle.get(cell) ?? (this.fuzzy ? this.containing(cell) : null);
      if (question) return { question, rest: cells.filter((_, j) => j !== i).join(' ') };
    }
    return { question: null, rest: cells.length > 1 ? cells.slice(1).join(' ') : first };
  }

  /** A question whose title holds the cell's words, or whose words the cell holds; unique matches only. */
  private containing(cell: string): Question | null {
    if (cell.split(' ').length < 2) return null;
    let found: Question | null = null;
    for (const question of this.questions) {
      const title = normalize(question.title);
      if (title.length === 0) continue;
      if (` ${title} `.includes(` ${cell} `) || ` ${cell} `.includes(` ${title} `)) {
        if (found !== null && found !== question) return null;
        found = question;
      }
    }
    return found;
  }
}
