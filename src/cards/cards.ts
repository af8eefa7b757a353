/**
 * Flashcards from a playbook: one card per question (its cheat-sheet line, its metric, its wrong answers on
 * the back) and one per wrong answer ("Why is … wrong?"), tagged with the level and the topic. Pure.
 */
import { topicOf } from '../core/coverage.js';
import { normalize } from '../core/text.js';
import type { Playbook, Question } from '../core/types.js';
import { stripControls } from '../report/sanitize.js';

/** What every card has. */
interface CardBase {
  /** Stable within the playbook: "q3" for a question (a repeated number gets "q3-2"), "q3-g1" for its first wrong answer. */
  id: string;
  /** The number of the question it comes from. */
  question: number;
  /** The line of the question, or of the wrong answer. */
  line: number;
  level: string | null;
  topic: string | null;
  /** The level and the topic, those the question has. */
  tags: string[];
  /** The question's title, or "Why is … wrong?". */
  front: string;
}

export interface QuestionCard extends CardBase {
  kind: 'question';
  /** The question's cheat-sheet row, without its number and title cells; null when it has none. */
  summary: string | null;
  /** The metric the project example lands on; null when the entry has no metric part. */
  metric: string | null;
  /** The wrong answers of its gotcha list. */
  gotchas: string[];
}

export interface GotchaCard extends CardBase {
  kind: 'gotcha';
  claim: string;
  /** Why it is wrong; empty when the playbook gives no reason. */
  reason: string;
  /** The question the wrong answer belongs to, "Q3: …". */
  from: string;
}

export type Card = QuestionCard | GotchaCard;

/** The cards of a playbook, each question followed by its wrong answers, in document order. */
export function buildCards(playbook: Playbook): Card[] {
  const summaries = new Map<Question, string>();
  const byLine = new Map(playbook.questions.map((question) => [question.line, question] as const));
  for (const row of playbook.cheatSheet?.rows ?? []) {
    // the model matched each row to its question
    const question = row.questionLine === null ? undefined : byLine.get(row.questionLine);
    if (question && !summaries.has(question)) summaries.set(question, summaryOf(row.cells, question));
  }
  const seen = new Map<number, number>();
  const cards: Card[] = [];
  for (const question of playbook.questions) {
    const count = (seen.get(question.number) ?? 0) + 1;
    seen.set(question.number, count);
    const id = count === 1 ? `q${question.number}` : `q${question.number}-${count}`;
    const topic = topicOf(question)?.id ?? null;
    const level = question.difficulty?.level ?? null;
    const tags = [level, topic].filter((tag): tag is string => tag !== null);
    const title = `Q${question.number}: ${clean(question.title).replace(/^Q\s*[:.]\s*/i, '')}`;
    const gotchas = question.gotchaItems.map((item) => clean(item.claim || item.text)).filter((claim) => claim.length > 0);
    cards.push({
      kind: 'question',
      id,
      question: question.number,
      line: question.line,
      level,
      topic,
      tags,
      front: title,
      summary: summaries.get(question) ?? null,
      metric: question.metric ? clean(question.metric.text) || null : null,
      gotchas,
    });
    question.gotchaItems.forEach((item, i) => {
      const claim = clean(item.claim || item.text);
      if (claim.length === 0) return;
      cards.push({
        kind: 'gotcha',
        id: `${id}-g${i + 1}`,
        question: question.number,
        line: item.line,
        level,
        topic,
        tags,
        front: `Why is “${claim}” wrong?`,
        claim,
        reason: clean(item.reason),
        from: title,
      });
    });
  }
  return cards;
}

/** A cheat-sheet row's cells without the question's number and title, joined with " · ". */
function summaryOf(cells: readonly string[], question: Question): string {
  const title = normalize(question.title);
  const kept = cells
    .map(clean)
    .filter((cell) => cell.length > 0 && !/^(?:q(?:uestion)?\s{0,2}|#\s{0,2})?\d{1,7}[.:)]?$/i.test(cell) && normalize(cell) !== title);
  return kept.join(' · ');
}

function clean(text: string): string {
  return stripControls(text).replace(/\s+/g, ' ').trim();
}
