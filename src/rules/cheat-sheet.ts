import { defineRule, integerOption, questionName } from '../core/rule.js';
import { distinctQuestions } from '../core/questions.js';
import { countWords, truncate } from '../core/text.js';

export const cheatSheet = defineRule({
  id: 'cheat-sheet',
  criterion: 'PASS 5, Done when 4',
  title: () => 'Cheat sheet has one-line summary per question',
  description: 'A cheat sheet gives every question a one-line summary and fits on one page',
  severity: 'error',
  options: {
    cheatSheetLines: integerOption("the cheat sheet's page: at most this many printed lines…", 60, 1, 10_000),
    lineWidth: integerOption('…of this many characters', 100, 20, 1_000),
    rowChars: integerOption('longest one-line answer in a cheat-sheet row (its Summary / One-line answer cell)', 200, 10, 10_000),
  },
  messages: {
    missing: 'The playbook has no cheat sheet, expected a "Cheat Sheet" section with one row per question',
    noRows: 'The cheat sheet has no rows, expected a table or list with one row per question',
    noRow: 'The cheat sheet has no row for {{question}}',
    emptyRow: 'The cheat-sheet row for {{row}} has no summary, expected a one-line answer',
    multiLine: 'The cheat-sheet row for {{row}} spans {{lines}} source lines, expected one line per row (a wrapped table row breaks the table)',
    longRow: 'The one-line answer in the cheat-sheet row for {{row}} has {{length}} characters, expected at most {{max}}',
    tooLong: 'The cheat sheet takes {{lines}} printed lines of {{width}} characters, expected it to fit one page of {{max}}',
  },
  fixes: {
    missing: 'Add a `## Cheat Sheet` section: a table with one row per question and its one-line answer.',
    noRows: 'Add one row per question to the cheat sheet: the question and its one-line answer.',
    noRow: 'Add a cheat-sheet row for {{question}} with its one-line answer.',
    emptyRow: 'Write the one-line answer in this row.',
    multiLine: 'Join the row onto one source line: a wrapped table row breaks the table.',
    longRow: 'Shorten the one-line answer to at most {{max}} characters.',
    tooLong: 'Shorten the cheat sheet to at most {{max}} printed lines of {{width}} characters.',
  },
  check({ doc, options, report }) {
    const sheet = doc.cheatSheet;
    if (sheet === null) {
      report({ messageId: 'missing', node: { line: doc.questions[doc.questions.length - 1]?.endLine ?? 1 } });
      return;
    }
    let printed = 0;
    for (const length of sheet.lineLengths) printed += Math.max(1, Math.ceil(length / options.lineWidth));
    if (printed > options.cheatSheetLines) {
      report({ messageId: 'tooLong', data: { lines: printed, width: options.lineWidth, max: options.cheatSheetLines }, node: sheet });
    }
    if (sheet.rows.length === 0) {
      report({ messageId: 'noRows', node: sheet });
      return;
    }
    const covered = new Set<number>();
    const byLine = new Map(doc.questions.map((question) => [question.line, question] as const));
    for (const row of sheet.rows) {
      const question = row.questionLine === null ? null : (byLine.get(row.questionLine) ?? null);
      if (question) covered.add(question.line);
      const name = question ? questionName(question) : `"${truncate(row.cells[0] ?? '', 40)}"`;
      if (countWords(row.summary) < 2) {
        report({ messageId: 'emptyRow', data: { row: name }, node: row, question });
      } else if (row.sourceLines > 1) {
        report({ messageId: 'multiLine', data: { row: name, lines: row.sourceLines }, node: row, question });
      } else if (row.summary.length > options.rowChars) {
        report({ messageId: 'longRow', data: { row: name, length: row.summary.length, max: options.rowChars }, node: row, question });
      }
    }
    for (const question of distinctQuestions(doc)) {
      if (!covered.has(question.line)) report({ messageId: 'noRow', data: { question: questionName(question) }, node: sheet, question });
    }
  },
});
