import { answerStructure } from './answer-structure.js';
import { cheatSheet } from './cheat-sheet.js';
import { coverage } from './coverage.js';
import { difficulty } from './difficulty.js';
import { gotchas } from './gotchas.js';
import { location } from './location.js';
import { misconception } from './misconception.js';
import { projectExample } from './project-example.js';
import { questionCount } from './question-count.js';
import { speakingTime } from './speaking-time.js';

/** Every rule, in checklist order. */
export const rules = [
  questionCount,
  projectExample,
  gotchas,
  difficulty,
  cheatSheet,
  answerStructure,
  location,
  speakingTime,
  misconception,
  coverage,
] as const;
