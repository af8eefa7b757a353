import { afterEach, describe, expect, it } from 'vitest';
import { readInputs } from '../src/action/inputs.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../src/config.js';
import { validateConfig } from '../src/config-schema.js';
import { lint } from '../src/core/lint.js';
import { repoPath } from '../src/core/repo-path.js';
import { ConfigError } from '../src/errors.js';
import { rules } from '../src/rules/index.js';
import { repoRoot } from './helpers/cli.js';

// One rule for the playbook's path, in the configuration file and in the Action's `path` input. Before, the two
// disagreed: the config schema refused a leading `\` and a drive but split `..` on both separators, the Action
// refused only a leading `/` and a `..` between slashes. The unified rule: a repository path, as git writes it,
// where a learner on Windows may have written `\`.
const cases: Array<[path: string, schemaBefore: 'accepted' | 'refused', actionBefore: 'accepted' | 'refused', now: string | null]> = [
  ['week-24/day1-dist-sys-qa.md', 'accepted', 'accepted', 'week-24/day1-dist-sys-qa.md'],
  ['C:foo', 'refused', 'accepted', null],
  ['C:\\x', 'refused', 'accepted', null],
  ['\\x', 'refused', 'accepted', null],
  ['a\\..\\b', 'refused', 'accepted', null],
  ['week-24\\day1-dist-sys-qa.md', 'accepted', 'accepted', 'week-24/day1-dist-sys-qa.md'],
  ['./week-24//day1.md', 'accepted', 'accepted', 'week-24/day1.md'],
  ['/etc/passwd', 'refused', 'refused', null],
  ['../elsewhere.md', 'refused', 'refused', null],
  ['a/../../b.md', 'refused', 'refused', null],
  ['\\\\server\\share\\x.md', 'refused', 'accepted', null],
  ['.', 'accepted', 'accepted', null],
  ['notes:v2.md', 'accepted', 'accepted', 'notes:v2.md'],
  ['a..b/c.md', 'accepted', 'accepted', 'a..b/c.md'],
];

describe('repoPath', () => {
  it.each(cases)('%s (config schema before: %s, Action before: %s) → %s', (path, _schema, _action, now) => {
    expect(repoPath(path)).toBe(now);
  });

  it('is idempotent on what it accepts', () => {
    for (const [, , , now] of cases) if (now !== null) expect(repoPath(now)).toBe(now);
  });
});

describe('the configuration file and the Action input apply it alike', () => {
  it.each(cases)('config "path": %s', (path, _schema, _action, now) => {
    if (now === null) {
      expect(() => validateConfig({ path }, 'x.json')).toThrow(
        new ConfigError(`x.json: option "path" must be a path inside the repository, relative to its root (got ${JSON.stringify(path)})`),
      );
    } else {
      expect(validateConfig({ path }, 'x.json').path).toBe(now);
    }
  });

  const saved = { ...process.env };
  afterEach(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  });

  it.each(cases)('Action input "path": %s', async (path, _schema, _action, now) => {
    process.env['INPUT_GITHUB-TOKEN'] = 'ghs_test';
    process.env.INPUT_PATH = path;
    const parser = () => Promise.reject(new Error('no config input was given'));
    if (now === null) {
      await expect(readInputs(parser)).rejects.toThrow(
        new ConfigError(`Input "path" must be a path inside the repository, relative to its root, got "${path}"`),
      );
    } else {
      const inputs = await readInputs(parser);
      expect([inputs.path, inputs.config.path]).toEqual([now, now]);
    }
  });
});

describe('the location rule reads one repository path however it is written', () => {
  const example = readFileSync(join(repoRoot, 'week-24', 'day1-dist-sys-qa.md'), 'utf8');
  const only = resolveConfig({ rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === 'location' ? 'error' : 'off'])) });
  it.each([
    ['week-24/day1-dist-sys-qa.md', []],
    ['./week-24/day1-dist-sys-qa.md', []],
    ['week-24\\day1-dist-sys-qa.md', []],
    ['week-24//day1-dist-sys-qa.md', []],
    [
      'Week-24/day1-dist-sys-qa.md',
      ['1 wrongCase The playbook is at Week-24/day1-dist-sys-qa.md, expected week-24/day1-dist-sys-qa.md (paths are case-sensitive on GitHub)'],
    ],
    ['notes/day1.md', ['1 wrongPath The playbook is at notes/day1.md, expected week-24/day1-dist-sys-qa.md']],
  ])('%s', (path, expected) => {
    const found = lint(example, { path, config: only }).findings.map((finding) => `${finding.line} ${finding.messageId} ${finding.message}`);
    expect(found).toEqual(expected);
  });
});
