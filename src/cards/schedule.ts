/** The review days as an iCalendar file, written with ical.js. */
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import lesson from '../data/lesson.json' with { type: 'json' };
import type { Card } from './cards.js';

export interface ScheduleOptions {
  /** The first day, YYYY-MM-DD; reviews fall this many days after it. */
  start: string;
  /** Days after the start: the lesson's review_schedule_days. */
  days: readonly number[];
  /** The playbook's path, named in each event and part of its UID. */
  path: string;
  /** The time the calendar is made (DTSTAMP). */
  now: Date;
}

/** The lesson's review days after a start date: its `review_schedule_days` (3, 7, 21, 60). */
export function lessonReviewDays(): number[] {
  return [...lesson.reviewScheduleDays];
}

/** Parses a YYYY-MM-DD calendar date; null when it is not one (2026-02-30 included). */
export function parseDate(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text ? text : null;
}

/** One all-day event per review day, each describing the deck to review. */
export function reviewCalendar(cards: readonly Card[], options: ScheduleOptions): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//playbook-proof//review schedule//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  const questions = cards.filter((card) => card.kind === 'question').length;
  const gotchas = cards.length - questions;
  const stamp = ICAL.Time.fromJSDate(options.now, true);
  options.days.forEach((offset, i) => {
    const start = ICAL.Time.fromDateString(options.start);
    start.adjust(offset, 0, 0, 0);
    const end = start.clone();
    end.adjust(1, 0, 0, 0);
    const vevent = new ICAL.Component('vevent');
    const event = new ICAL.Event(vevent);
    event.uid = `${createHash('sha256').update(`${options.path}\n${options.start}\n${offset}`).digest('hex').slice(0, 32)}@playbook-proof`;
    vevent.addPropertyWithValue('dtstamp', stamp);
    event.startDate = start;
    event.endDate = end;
    event.summary = `Review the interview playbook (${i + 1} of ${options.days.length}, day ${offset})`;
    event.description =
      `Review the ${cards.length} cards made from ${options.path}: ${questions} questions and ${gotchas} wrong answers. ` +
      'Start with the L1 cards, say each answer aloud in under two minutes, then run playbook-proof cards again if the playbook changed.';
    vevent.addPropertyWithValue('transp', 'TRANSPARENT');
    calendar.addSubcomponent(vevent);
  });
  // ical.js folds after foldLength characters and prefixes each continuation with a space: 74 keeps every line
  // of ASCII text within RFC 5545's 75 octets
  ICAL.foldLength = 74;
  return `${calendar.toString()}\r\n`;
}
