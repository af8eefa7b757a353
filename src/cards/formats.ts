/** The deck as Anki's text import format, CSV or JSON. */
import { stringify } from 'csv-stringify/sync';
import lesson from '../data/lesson.json' with { type: 'json' };
import type { Card } from './cards.js';

export type DeckFormat = 'anki' | 'csv' | 'json';

export const DECK_FORMATS: readonly DeckFormat[] = ['anki', 'csv', 'json'];

/** The Anki deck the notes go to: the lesson's title. */
export const DECK_NAME: string = lesson.title;

export interface DeckOptions {
  /** The playbook's path in the repository: it names the deck and keeps note ids unique. */
  path: string;
  /** The Anki deck the notes go to (default: the lesson's title). */
  deck?: string;
}

/** Renders the deck in the chosen format. */
export function formatDeck(cards: readonly Card[], format: DeckFormat, options: DeckOptions): string {
  if (format === 'anki') return formatAnki(cards, options);
  if (format === 'csv') return formatCsv(cards);
  return formatDeckJson(cards, options);
}

/**
 * Anki's text import: header lines fix the separator, HTML, note type, deck and the tags and GUID columns,
 * so the file imports in one step; the GUID lets a later export update the same notes instead of adding copies.
 */
export function formatAnki(cards: readonly Card[], options: DeckOptions): string {
  const header = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    `#deck:${(options.deck ?? DECK_NAME).replace(/[\r\n]+/g, ' ')}`,
    '#columns:Front\tBack\tTags\tGUID',
    '#tags column:3',
    '#guid column:4',
  ];
  const records = cards.map((card) => [htmlFront(card), htmlBack(card), card.tags.join(' '), `playbook-proof:${options.path}:${card.id}`]);
  return `${header.join('\n')}\n${stringify(records, { delimiter: '\t', record_delimiter: 'unix' })}`;
}

/** CSV with a header row: front and back as plain text (the back on several lines), then the card's facts. */
export function formatCsv(cards: readonly Card[]): string {
  const records = cards.map((card) => [
    card.front,
    plainBack(card),
    card.tags.join(' '),
    card.kind,
    card.question,
    card.level ?? '',
    card.topic ?? '',
    card.id,
  ]);
  return stringify(records, {
    header: true,
    columns: ['front', 'back', 'tags', 'kind', 'question', 'level', 'topic', 'id'],
    record_delimiter: 'unix',
  });
}

/** JSON: the deck's source and every card with its fields and a plain-text back. */
export function formatDeckJson(cards: readonly Card[], options: DeckOptions): string {
  const deck = { file: options.path, deck: options.deck ?? DECK_NAME, cards: cards.map((card) => ({ ...card, back: plainBack(card) })) };
  return `${JSON.stringify(deck, null, 2)}\n`;
}

/** The back as plain text lines. */
export function plainBack(card: Card): string {
  if (card.kind === 'gotcha') return [card.reason || 'The playbook gives no reason yet.', `(${card.from})`].join('\n');
  const lines: string[] = [];
  if (card.summary) lines.push(`Cheat sheet: ${card.summary}`);
  if (card.metric) lines.push(`Metric: ${card.metric}`);
  if (card.gotchas.length > 0) lines.push('Wrong answers:', ...card.gotchas.map((claim) => `- ${claim}`));
  return lines.join('\n');
}

function htmlFront(card: Card): string {
  if (card.kind === 'question') return escapeHtml(card.front);
  return `Why is “${escapeHtml(card.claim)}” wrong?<br><small>${escapeHtml(card.from)}</small>`;
}

function htmlBack(card: Card): string {
  if (card.kind === 'gotcha') return escapeHtml(card.reason || 'The playbook gives no reason yet.');
  const parts: string[] = [];
  if (card.summary) parts.push(`<b>Cheat sheet:</b> ${escapeHtml(card.summary)}`);
  if (card.metric) parts.push(`<b>Metric:</b> ${escapeHtml(card.metric)}`);
  if (card.gotchas.length > 0) parts.push(`<b>Wrong answers:</b><ul>${card.gotchas.map((claim) => `<li>${escapeHtml(claim)}</li>`).join('')}</ul>`);
  return parts.join('<br>');
}

/** Learner text as inert HTML for an Anki field: no markup, no tabs or line breaks. */
function escapeHtml(text: string): string {
  return text
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
