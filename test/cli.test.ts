import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, examplePath, tempRepo } from './helpers/cli.js';

const example = readFileSync(examplePath, 'utf8');
const PLAYBOOK = 'week-24/day1-dist-sys-qa.md';

/** The example with Q3's gotcha list cut down to a single item. */
function withOneGotchaOnQ3(): { text: string; labelLine: number } {
  const lines = example.split('\n');
  const q3 = lines.findIndex((line) => line.startsWith('## Q3:'));
  const label = lines.findIndex((line, i) => i > q3 && line.startsWith('**Gotcha'));
  const items = lines.reduce<number[]>((acc, line, i) => (i > label && line.startsWith('- ❌') && i < label + 12 ? [...acc, i] : acc), []);
  const next = lines.findIndex((line, i) => i > label && line.startsWith('## Q4:'));
  const kept = [...lines.slice(0, items[1]!), '', ...lines.slice(next)];
  return { text: kept.join('\n'), labelLine: label + 1 };
}

describe('playbook-proof check', () => {
  it('passes the shipped example with exit 0 and a full checklist', async () => {
    const dir = tempRepo({ [PLAYBOOK]: example });
    const { code, stdout, stderr } = await cli(['check'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('✔ ≥15 questions with full answers');
    expect(stdout).toContain('✔ 7/7 criteria pass: the playbook is complete.');
    expect(stdout).not.toContain('✖');
  });

  it('finds the default playbook from a subdirectory of the repository', async () => {
    const dir = tempRepo({ [PLAYBOOK]: example, 'notes/readme.md': 'x' });
    const { code, stdout } = await cli([], join(dir, 'notes'));
    expect(code).toBe(0);
    expect(stdout).toContain('Playbook checklist for ../week-24/day1-dist-sys-qa.md');
  });

  it('fails with exit 1 and names the question and line', async () => {
    const { text, labelLine } = withOneGotchaOnQ3();
    const dir = tempRepo({ [PLAYBOOK]: text });
    const { code, stdout } = await cli(['check', PLAYBOOK], dir);
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toBe(
      `${PLAYBOOK}:${labelLine}:1  error    Q3 has 1 wrong answer in its gotcha list, expected at least 2  gotchas`,
    );
    expect(stdout).toContain('✖ Gotcha section lists ≥2 wrong answers per question (Q3)');
    expect(stdout).toMatch(/✖ 6\/7 criteria pass\. Fix the 1 error above, starting at line \d+, then check again\.\n$/);
  });

  it('prints the JSON object with --format json', async () => {
    const { text, labelLine } = withOneGotchaOnQ3();
    const dir = tempRepo({ [PLAYBOOK]: text });
    const { code, stdout } = await cli(['check', '--format', 'json'], dir);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.file).toBe(PLAYBOOK);
    expect(report.passed).toBe(false);
    expect(report.score).toEqual({ passed: 6, total: 7 });
    expect(report.findings).toEqual([
      {
        ruleId: 'gotchas',
        messageId: 'tooFew',
        severity: 'error',
        message: 'Q3 has 1 wrong answer in its gotcha list, expected at least 2',
        line: labelLine,
        column: 1,
        question: 3,
      },
    ]);
    expect(report.questions.find((q: { number: number }) => q.number === 3).passed).toBe(false);
    expect(report.questions.filter((q: { passed: boolean }) => q.passed)).toHaveLength(14);
  });

  it('reports the location criterion when the playbook is elsewhere', async () => {
    const dir = tempRepo({ 'notes/qa.md': example });
    const { code, stdout } = await cli(['check', 'notes/qa.md'], dir);
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toBe(
      'notes/qa.md:1:1  error    The playbook is at notes/qa.md, expected week-24/day1-dist-sys-qa.md  location',
    );
  });

  it('never colours output that is not a TTY, and honours NO_COLOR', async () => {
    const dir = tempRepo({ [PLAYBOOK]: example });
    expect((await cli(['check'], dir)).stdout).not.toContain('\u001b[');
    expect((await cli(['check'], dir, { FORCE_COLOR: '1' })).stdout).toContain('\u001b[');
  });
});

describe('configuration', () => {
  it('reads an auto-discovered .playbook-proof.json', async () => {
    const dir = tempRepo({ [PLAYBOOK]: example, '.playbook-proof.json': '{"questions": 16}' });
    const { code, stdout } = await cli(['check', '--format', 'json'], dir);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings.map((f: { messageId: string }) => f.messageId)).toEqual(['tooFew']);
  });

  it('reads a .playbook-proof.yml and turns a rule off', async () => {
    const yml = 'rules:\n  location: off\n';
    const dir = tempRepo({ 'qa.md': example, '.playbook-proof.yml': yml });
    const { code, stdout } = await cli(['check', 'qa.md', '--format', 'json'], dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).score).toEqual({ passed: 6, total: 6 });
  });

  it('takes --config FILE', async () => {
    const dir = tempRepo({ [PLAYBOOK]: example, 'strict.json': '{"gotchas": 4}' });
    const { code } = await cli(['check', '--config', 'strict.json'], dir);
    expect(code).toBe(1);
  });

  it.each([
    ['{"questoins": 15}', 'strict.json: unknown option "questoins" (known: path, questions, words, gotchas, reasonWords, cheatSheetLines, lineWidth, rowChars, speakingMinutes, wordsPerMinute, rules)'],
    ['{"questions": "fifteen"}', 'strict.json: option "questions" must be a whole number from 1 to 10000 (got "fifteen")'],
    ['{"questions": 2.5}', 'strict.json: option "questions" must be a whole number from 1 to 10000 (got 2.5)'],
    ['{"rules": {"gotchas": "loud"}}', 'strict.json: option "rules.gotchas" must be "error", "warning" or "off" (got "loud")'],
    ['{"rules": {"spelling": "off"}}', 'strict.json: unknown option "rules.spelling" (known: question-count, project-example, gotchas, difficulty, cheat-sheet, answer-structure, location, speaking-time, misconception, coverage)'],
    ['{"path": "../elsewhere.md"}', 'strict.json: option "path" must be a path inside the repository, relative to its root (got "../elsewhere.md")'],
    ['[1, 2]', 'strict.json: the configuration must be an object of options\n'],
    ['{"questions": 15', 'strict.json is not valid JSON: '],
  ])('refuses %s with one line and exit 2', async (config, message) => {
    const dir = tempRepo({ [PLAYBOOK]: example, 'strict.json': config });
    const { code, stdout, stderr } = await cli(['check', '--config', 'strict.json'], dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.slice(0, `playbook-proof: ${message}`.length)).toBe(`playbook-proof: ${message}`);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses two config files side by side', async () => {
    const dir = tempRepo({ [PLAYBOOK]: example, '.playbook-proof.json': '{}', '.playbook-proof.yml': '{}' });
    const { code, stderr } = await cli(['check'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^playbook-proof: \.playbook-proof\.json and \.playbook-proof\.yml both exist in .+; keep one\n$/);
  });

  it('names a missing --config file', async () => {
    const dir = tempRepo({ [PLAYBOOK]: example });
    const { code, stderr } = await cli(['check', '--config', 'nope.json'], dir);
    expect(code).toBe(2);
    expect(stderr).toBe('playbook-proof: cannot read config file nope.json: no such file\n');
  });
});

describe('usage errors', () => {
  it.each([
    [['check', '--format', 'xml'], 'playbook-proof: --format must be "terminal" or "json", got "xml"\n'],
    [['frobnicate'], 'playbook-proof: unknown command "frobnicate"; run playbook-proof --help\n'],
    [['check', 'a.md', 'b.md'], 'playbook-proof: check takes one playbook path, got 2\n'],
  ])('%j exits 2 with one line', async (args, message) => {
    const { code, stderr } = await cli(args, tempRepo());
    expect(code).toBe(2);
    expect(stderr).toBe(message);
  });

  it('prints help with exit 0', async () => {
    const { code, stdout } = await cli(['--help'], tempRepo());
    expect(code).toBe(0);
    expect(stdout).toContain('Usage:\n  playbook-proof check [path]');
  });
});

describe('the default playbook', () => {
  it('says where the playbook must be when it is missing', async () => {
    const { code, stderr } = await cli(['check'], tempRepo({ 'README.md': '# hi' }));
    expect(code).toBe(2);
    expect(stderr).toBe(
      'playbook-proof: no playbook at week-24/day1-dist-sys-qa.md: write it there (the lesson requires that path), or pass the path of the file to check\n',
    );
  });
});
