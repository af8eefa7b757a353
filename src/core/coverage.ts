/**
 * The lesson's coverage map and which question covers each topic. A question belongs to the one topic its
 * title names most (a term or acronym of the topic counts twice, a related word once); ties and titles that
 * name no topic are settled by the answer text.
 */
import lesson from '../data/lesson.json' with { type: 'json' };
import { spokenParts } from './questions.js';
import type { Playbook, Question } from './types.js';

export type Level = 'L1' | 'L2' | 'L3';

export interface Topic {
  id: string;
  name: string;
  /** Where the lesson's map puts the topic. */
  level: Level;
}

export interface CoveringQuestion {
  number: number;
  title: string;
  line: number;
  /** The question's rating, or null when it has none (the difficulty rule reports that). */
  level: Level | null;
  /** The line of the rating, or the heading when there is none. */
  levelLine: number;
}

export interface TopicCoverage {
  topic: Topic;
  /** Questions about the topic, in document order; empty when no question covers it. */
  questions: CoveringQuestion[];
  /** A rated question of the topic sits at another level than the map's. */
  levelMismatch: boolean;
}

/** An answer whose title names no topic needs at least this weight of mentions in its text (three related words, or two terms). */
const MIN_TEXT_MENTIONS = 3;
/** Weight of mentions counted per topic in one answer: enough to rank, bounded for huge answers. */
const MAX_TEXT_MENTIONS = 50;

interface CompiledTopic extends Topic {
  /** Each pattern with its weight: 2 for a term or acronym that names the topic, 1 for a related word. */
  patterns: Array<{ pattern: RegExp; weight: number }>;
}

let compiled: CompiledTopic[] | null = null;

/** The map's topics in the lesson's order. */
export function lessonTopics(): Topic[] {
  return topics().map(({ id, name, level }) => ({ id, name, level }));
}

function topics(): CompiledTopic[] {
  compiled ??= lesson.topics.map((topic) => ({
    id: topic.id,
    name: topic.name,
    level: topic.level as Level,
    // terms ignore case; acronyms ("CAP", "CALM") must be written in capitals, so "snapshot cap" is not CAP
    patterns: [
      ...topic.terms.map((term) => ({ pattern: wordPattern(term, 'gi'), weight: 2 })),
      ...topic.acronyms.map((acronym) => ({ pattern: wordPattern(acronym, 'g'), weight: 2 })),
      ...topic.related.map((word) => ({ pattern: wordPattern(word, 'gi'), weight: 1 })),
    ],
  }));
  return compiled;
}

function wordPattern(source: string, flags: string): RegExp {
  // \b before (every term starts with a letter or digit), a lookahead after ("TLA+" ends in a symbol)
  return new RegExp(`\\b(?:${source})(?![A-Za-z0-9])`, flags);
}

/** Title scores of recent titles: a long playbook that repeats its titles scores each once. */
const titleScores = new Map<string, Array<{ topic: CompiledTopic; title: number }>>();
const TITLE_CACHE = 1_000;

/** The topic a question is about, or null when it names none of the map's topics. */
export function topicOf(question: Question): Topic | null {
  const scored = scoreTitle(question.title);
  const top = Math.max(...scored.map((s) => s.title));
  let candidates = scored.filter((s) => s.title === top);
  // a title that names one topic most decides alone; the answer text settles a tie or a title that names none
  if (candidates.length > 1) {
    const text = spokenParts(question)
      .map((part) => part.text)
      .join(' ');
    const bodies = candidates.map((s) => ({ ...s, body: mentions(s.topic.patterns, text) }));
    const most = Math.max(...bodies.map((s) => s.body));
    if (top === 0 && most < MIN_TEXT_MENTIONS) return null;
    candidates = bodies.filter((s) => s.body === most);
  }
  const { id, name, level } = candidates[0]!.topic;
  return { id, name, level };
}

function scoreTitle(title: string): Array<{ topic: CompiledTopic; title: number }> {
  const cached = titleScores.get(title);
  if (cached) return cached;
  const scored = topics().map((topic) => {
    let score = 0;
    for (const { pattern, weight } of topic.patterns) if (test(pattern, title)) score += weight;
    return { topic, title: score };
  });
  if (titleScores.size >= TITLE_CACHE) titleScores.clear();
  titleScores.set(title, scored);
  return scored;
}

function test(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

function mentions(patterns: CompiledTopic['patterns'], text: string): number {
  let count = 0;
  for (const { pattern, weight } of patterns) {
    pattern.lastIndex = 0;
    while (count < MAX_TEXT_MENTIONS && pattern.exec(text) !== null) count += weight;
  }
  return Math.min(count, MAX_TEXT_MENTIONS);
}

const cache = new WeakMap<Playbook, TopicCoverage[]>();

/** Every map topic with the questions that cover it, in the lesson's order (computed once per playbook). */
export function topicCoverage(playbook: Playbook): TopicCoverage[] {
  const cached = cache.get(playbook);
  if (cached) return cached;
  const coverage = computeCoverage(playbook);
  cache.set(playbook, coverage);
  return coverage;
}

function computeCoverage(playbook: Playbook): TopicCoverage[] {
  const byTopic = new Map<string, CoveringQuestion[]>();
  for (const question of playbook.questions) {
    const topic = topicOf(question);
    if (topic === null) continue;
    const list = byTopic.get(topic.id) ?? [];
    list.push({
      number: question.number,
      title: question.title,
      line: question.line,
      level: question.difficulty?.level ?? null,
      levelLine: question.difficulty?.line ?? question.line,
    });
    byTopic.set(topic.id, list);
  }
  return lessonTopics().map((topic) => {
    const questions = byTopic.get(topic.id) ?? [];
    return { topic, questions, levelMismatch: questions.some((q) => q.level !== null && q.level !== topic.level) };
  });
}
