import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, optionSpecs, resolveConfig } from '../src/config.js';
import { configSchema, validateConfig } from '../src/config-schema.js';
import { lint } from '../src/core/lint.js';
import { defineRule, integerOption, questionName, type Rule } from '../src/core/rule.js';
import { fixFor } from '../src/report/fixes.js';
import { formatTerminal } from '../src/report/terminal.js';
import { rules } from '../src/rules/index.js';
import { repoRoot } from './helpers/cli.js';

// A made-up criterion, written the way a course author would add one: its metadata, severity, option, messages
// and fixes in one object. Nothing else in the code base is edited: the rule list below is the only change.
const titleLength = defineRule({
  id: 'title-length',
  criterion: 'Made up for this test',
  title: ({ titleWords }) => `Question titles have at most ${titleWords} words`,
  description: 'Each question title is short enough to say in one breath',
  severity: 'warning',
  options: { titleWords: integerOption('longest question title, in words', 12, 1, 100) },
  messages: { long: '{{question}} has a title of {{words}} words, expected at most {{max}}' },
  fixes: { long: 'Cut the title of {{question}} to {{titleWords}} words.' },
  check({ doc, options, report }) {
    for (const question of doc.questions) {
      const words = question.title.split(/\s+/).filter(Boolean).length;
      if (words > options.titleWords) {
        report({ messageId: 'long', data: { question: questionName(question), words, max: options.titleWords }, node: question, question });
      }
    }
  },
});

const withTitleLength = [...rules, titleLength];
const example = readFileSync(join(repoRoot, 'week-24', 'day1-dist-sys-qa.md'), 'utf8');

describe('a rule added to the rule list', () => {
  it('gets its option and severity defaults in the resolved configuration, and the built-in ones keep theirs', () => {
    const config = resolveConfig({}, withTitleLength) as unknown as Record<string, unknown> & typeof DEFAULT_CONFIG;
    expect(config.titleWords).toBe(12);
    expect(config.rules['title-length']).toBe('warning');
    expect({ ...config, titleWords: undefined, rules: { ...config.rules, 'title-length': undefined } }).toEqual({
      ...DEFAULT_CONFIG,
      titleWords: undefined,
      rules: { ...DEFAULT_CONFIG.rules, 'title-length': undefined },
    });
    expect([...optionSpecs(withTitleLength).keys()].at(-1)).toBe('titleWords');
  });

  it('is validated from the same flat configuration file, with the same one-line errors', () => {
    expect(validateConfig({ titleWords: 6, rules: { 'title-length': 'error' } }, 'course.yml', withTitleLength)).toEqual({
      titleWords: 6,
      rules: { 'title-length': 'error' },
    });
    expect(() => validateConfig({ titleWords: 0 }, 'course.yml', withTitleLength)).toThrow(
      'course.yml: option "titleWords" must be a whole number from 1 to 100 (got 0)',
    );
    expect(() => validateConfig({ rules: { 'title-lenght': 'off' } }, 'course.yml', withTitleLength)).toThrow(
      'course.yml: unknown option "rules.title-lenght" (known: question-count, project-example, gotchas, difficulty, cheat-sheet, answer-structure, location, speaking-time, misconception, coverage, title-length)',
    );
    // without the rule in the list its option is unknown, as before
    expect(() => validateConfig({ titleWords: 6 }, 'course.yml')).toThrow('course.yml: unknown option "titleWords"');
    expect(Object.keys(configSchema(withTitleLength).shape)).toContain('titleWords');
  });

  it('runs after the built-in rules, reports at the question line, and joins the checklist with its title', () => {
    const config = resolveConfig(validateConfig({ titleWords: 12, rules: { 'title-length': 'error' } }, 'inline', withTitleLength), withTitleLength);
    const result = lint(example, { rules: withTitleLength, config });
    const own = result.findings.filter((finding) => finding.ruleId === 'title-length');
    expect(own.map((finding) => `${finding.line} ${finding.message}`)).toEqual([
      '17 Q1 has a title of 13 words, expected at most 12',
      '97 Q3 has a title of 13 words, expected at most 12',
      '134 Q4 has a title of 13 words, expected at most 12',
      '173 Q5 has a title of 13 words, expected at most 12',
      '251 Q7 has a title of 13 words, expected at most 12',
      '517 Q14 has a title of 15 words, expected at most 12',
      '555 Q15 has a title of 13 words, expected at most 12',
    ]);
    expect(result.criteria.at(-1)).toEqual({
      id: 'title-length',
      title: 'Question titles have at most 12 words',
      severity: 'error',
      passed: false,
      findings: 7,
      questions: [1, 3, 4, 5, 7, 14, 15],
    });
    expect(result.passed).toBe(false);
    expect(result.score).toEqual({ passed: 7, total: 8 });
    expect(fixFor(own[0]!, config, undefined, withTitleLength)).toBe('Cut the title of Q1 to 12 words.');
    expect(formatTerminal(result, { color: false })).toContain('Q1 has a title of 13 words, expected at most 12');
  });

  it('is off when the configuration turns it off, and the built-in verdict is untouched', () => {
    const config = resolveConfig({ rules: { 'title-length': 'off' } }, withTitleLength);
    const result = lint(example, { rules: withTitleLength, config });
    expect(result.criteria.map((criterion) => criterion.id)).not.toContain('title-length');
    expect(result.passed).toBe(true);
    expect(result.score).toEqual({ passed: 7, total: 7 });
  });

  it('may not take an option name another rule owns, nor reuse a rule id', () => {
    const clash: Rule = { ...(titleLength as Rule), id: 'clash', options: { words: integerOption('words again', 1, 1, 2) } };
    expect(() => resolveConfig({}, [...rules, clash])).toThrow('Rules question-count and clash both declare the option "words"');
    expect(() => resolveConfig({}, [...rules, titleLength, titleLength])).toThrow('Two rules have the id "title-length"');
  });
});
