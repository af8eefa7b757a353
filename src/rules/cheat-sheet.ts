import { defineRule, questionName } from '../core/rule.js';
import { distinctQuestions } from '../core/parse.js';
import { countWords, truncate } from '../core/text.js';

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
    multiLine: 'The cheat-sheet row for {{row}} spans {{lines}} source lines, expected one line per row (a wrapped table row breaks the table)',
    longRow: 'The one-line answer in the cheat-sheet row for {{row}} has {{length}} characters, expected at most {{max}}',
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
      } else if (row.summary.length > config.rowChars) {
        report({ messageId: 'longRow', data: { row: name, length: row.summary.length, max: config.rowChars }, node: row, question });
      }
    }
    for (const question of distinctQuestions(doc)) {
      if (!covered.has(question.line)) report({ messageId: 'noRow', data: { question: questionName(question) }, node: sheet, question });
    }
  },
});
