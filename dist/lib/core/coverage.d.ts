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
/** The map's topics in the lesson's order. */
export declare function lessonTopics(): Topic[];
/** The topic a question is about, or null when it names none of the map's topics. */
export declare function topicOf(question: Question): Topic | null;
/** Every map topic with the questions that cover it, in the lesson's order (computed once per playbook). */
export declare function topicCoverage(playbook: Playbook): TopicCoverage[];
