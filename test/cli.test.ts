import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skeleton } from '../src/cli/init-templates.js';
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
    expect(stdout).toContain(
      '  ✖ Gotcha section lists ≥2 wrong answers per question (Q3)\n' +
        `      ${PLAYBOOK}:${labelLine}:1  Q3 has 1 wrong answer in its gotcha list, expected at least 2\n` +
        '  ✔ Difficulty ratings cover L1, L2, and L3\n',
    );
    expect(stdout).toMatch(new RegExp(`✖ 6/7 criteria pass\\. Fix the 1 error, starting at line ${labelLine}, then check again\\.\\n$`));
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
    expect(stdout).toContain(
      '  ✖ Document committed to week-24/day1-dist-sys-qa.md (1 problem)\n' +
        '      notes/qa.md:1:1  The playbook is at notes/qa.md, expected week-24/day1-dist-sys-qa.md\n',
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
    [
      '{"questoins": 15}',
      'strict.json: unknown option "questoins" (known: questions, words, gotchas, reasonWords, cheatSheetLines, lineWidth, rowChars, path, speakingMinutes, wordsPerMinute, rules)',
    ],
    ['{"questions": "fifteen"}', 'strict.json: option "questions" must be a whole number from 1 to 10000 (got "fifteen")'],
    ['{"questions": 2.5}', 'strict.json: option "questions" must be a whole number from 1 to 10000 (got 2.5)'],
    ['{"rules": {"gotchas": "loud"}}', 'strict.json: option "rules.gotchas" must be "error", "warning" or "off" (got "loud")'],
    [
      '{"rules": {"spelling": "off"}}',
      'strict.json: unknown option "rules.spelling" (known: question-count, project-example, gotchas, difficulty, cheat-sheet, answer-structure, location, speaking-time, misconception, coverage)',
    ],
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
    [['check', 'a.md', 'b.md'], 'playbook-proof: check takes one playbook path, got 2; run playbook-proof check --help\n'],
    [['check', '--frobnicate'], 'playbook-proof: check has no option --frobnicate; run playbook-proof check --help\n'],
    [['--frobnicate'], 'playbook-proof: check has no option --frobnicate; run playbook-proof check --help\n'],
    [['check', '-x'], 'playbook-proof: check has no option -x; run playbook-proof check --help\n'],
    [['check', '--format'], 'playbook-proof: option --format needs a value; run playbook-proof check --help\n'],
    [['hook', '--verbose'], 'playbook-proof: hook has no option --verbose; run playbook-proof hook --help\n'],
    [['init', '--dry-run=yes'], 'playbook-proof: option --dry-run takes no value; run playbook-proof init --help\n'],
    [['init', 'here'], 'playbook-proof: init takes no path, got "here"; run playbook-proof init --help\n'],
    [['badge', '--png', 'x.png'], 'playbook-proof: badge has no option --png; run playbook-proof badge --help\n'],
    [['cohort', '--templat', 'a/b'], 'playbook-proof: cohort has no option --templat; run playbook-proof cohort --help\n'],
    [['--format', 'json', 'check'], 'playbook-proof: put the command before its options: playbook-proof check --format json\n'],
    [['-f', 'json', 'badge'], 'playbook-proof: put the command before its options: playbook-proof badge -f json\n'],
    [['help', 'frobnicate'], 'playbook-proof: unknown command "frobnicate"; run playbook-proof --help\n'],
  ])('%j exits 2 with one line', async (args, message) => {
    const { code, stderr } = await cli(args, tempRepo());
    expect(code).toBe(2);
    expect(stderr).toBe(message);
  });

  it('prints help with exit 0', async () => {
    const { code, stdout } = await cli(['--help'], tempRepo());
    expect(code).toBe(0);
    expect(stdout).toContain('Usage:\n  playbook-proof check [path] [options]     check the playbook in the working tree\n');
    expect(stdout).toContain("Run playbook-proof <command> --help for a command's options.");
  });

  it.each([
    [['check', '--help'], 'playbook-proof check: check the playbook in the working tree\n', '  --all '],
    [['check', '-h'], 'playbook-proof check: check the playbook in the working tree\n', '  --format, -f '],
    [['help', 'check'], 'playbook-proof check: check the playbook in the working tree\n', '  --config, -c FILE '],
    [['hook', '--help'], 'playbook-proof hook: the pre-commit check, run by the hook playbook-proof init installs\n', '  --all '],
    [['init', '--help'], "playbook-proof init: set up a learner's repository\n", '  --dry-run '],
    [['badge', '--help'], 'playbook-proof badge: the completeness badge\n', '  --svg FILE '],
    [['cohort', '--help'], "playbook-proof cohort: check every learner's fork of the course template\n", '  --template OWNER/REPO '],
    [['help', 'cohort'], "playbook-proof cohort: check every learner's fork of the course template\n", '  --issue '],
  ])("%j prints that command's own help, exit 0", async (args, first, option) => {
    const { code, stdout, stderr } = await cli(args, tempRepo());
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.startsWith(first)).toBe(true);
    expect(stdout).toContain(option);
  });
});

describe('check --help lists the criteria from the rules themselves', () => {
  it('gives each rule id its default severity, description and options with their defaults', async () => {
    const { code, stdout } = await cli(['check', '--help'], tempRepo());
    expect(code).toBe(0);
    const block = stdout.slice(stdout.indexOf('Criteria ('));
    expect(block.split('\n').slice(0, 9)).toEqual([
      'Criteria (id, severity by default; set each under "rules" in the configuration):',
      '  question-count    error    The playbook has enough distinct questions, each with a full answer',
      '                             options: questions 15, words 30',
      "  project-example   error    Each question has a project example that names the learner's own",
      '                             component or product, with a measured figure',
      '  gotchas           error    Each question lists common wrong answers, each with the reason it is',
      '                             wrong',
      '                             options: gotchas 2, reasonWords 3',
      '  difficulty        error    Each question is rated L1, L2 or L3, and the playbook uses all three',
    ]);
    expect(block).toContain('  speaking-time     warning  An answer, gotchas aside,');
    expect(Math.max(...block.split('\n').map((line) => line.length))).toBeLessThanOrEqual(100);
  });
});

describe('the terminal report', () => {
  it('shows three findings per failing criterion, and every one with --all', async () => {
    const dir = tempRepo({ [PLAYBOOK]: skeleton() });
    const heading = (n: number) =>
      skeleton()
        .split('\n')
        .indexOf(
          skeleton()
            .split('\n')
            .find((line) => line.startsWith(`## Q${n}:`))!,
        ) + 1;
    const short = await cli(['check'], dir);
    expect(short.code).toBe(1);
    const listed = (out: string) => out.split('\n').filter((line) => line.startsWith(`      ${PLAYBOOK}:`));
    expect(listed(short.stdout)).toHaveLength(15);
    expect(short.stdout).toContain(
      '  ✖ ≥15 questions with full answers (Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8 and 7 more)\n' +
        `      ${PLAYBOOK}:${heading(1)}:1  Q1 has no answer; add an Answer part that explains the concept\n` +
        `      ${PLAYBOOK}:${heading(2)}:1  Q2 has no answer; add an Answer part that explains the concept\n` +
        `      ${PLAYBOOK}:${heading(3)}:1  Q3 has no answer; add an Answer part that explains the concept\n` +
        '      … and 12 more (--all lists every one)\n',
    );
    expect(short.stdout.endsWith(`✖ 2/7 criteria pass. Fix the 120 errors, starting at line ${heading(1)}, then check again.\n`)).toBe(true);
    const all = await cli(['check', '--all'], dir);
    expect(listed(all.stdout)).toHaveLength(120);
    expect(all.stdout).not.toContain('more (--all');
  });

  it('sets warnings apart from the checklist the score counts', async () => {
    const dir = tempRepo({ [PLAYBOOK]: example, '.playbook-proof.json': '{"speakingMinutes": 1, "wordsPerMinute": 100}' });
    const { code, stdout } = await cli(['check'], dir);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const advice = lines.indexOf('Advice (warnings, not counted in the score)');
    // seven criteria above the advice, as the score counts them
    expect(lines.slice(1, advice).filter((line) => line.startsWith('  ✔ '))).toHaveLength(7);
    expect(lines[advice + 1]).toBe('  ⚠ Each answer takes at most 1 minutes spoken (15 warnings: Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8 and 7 more)');
    expect(lines[advice + 2]).toMatch(new RegExp(`^      ${PLAYBOOK}:17:1  Q1's answer has \\d+ words, about `));
    expect(stdout).toContain('\n✔ 7/7 criteria pass: the playbook is complete.\n');
  });

  it('names no question after warnings that concern the whole playbook', async () => {
    const config =
      '{"rules": {"question-count": "off", "project-example": "off", "gotchas": "off", "difficulty": "off", "cheat-sheet": "off", "answer-structure": "off"}}';
    const dir = tempRepo({ [PLAYBOOK]: '## Q1: What does the CAP theorem say? [L1]\n', '.playbook-proof.json': config });
    const { code, stdout } = await cli(['check'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain("  ⚠ Questions cover the 15 topics of the lesson's map, each at its level (14 warnings)\n");
    expect(stdout).toContain(`      ${PLAYBOOK}:1:1  No question covers Consensus, an L1 topic of the lesson's coverage map\n`);
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

describe('a symbolic link', () => {
  it('at the playbook path is refused with the reason the hook and the Action give', async () => {
    const dir = tempRepo({ 'notes/playbook.md': example });
    mkdirSync(join(dir, 'week-24'));
    symlinkSync('../notes/playbook.md', join(dir, PLAYBOOK));
    const reason =
      'is a symbolic link; GitHub and the pull-request check read the link, not the file it points to: put the playbook file itself at that path\n';
    for (const args of [['check'], ['check', PLAYBOOK]]) {
      const { code, stdout, stderr } = await cli(args, dir);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`playbook-proof: ${PLAYBOOK} ${reason}`);
    }
    // a linked folder on the way counts too
    const folder = tempRepo({ 'drafts/day1-dist-sys-qa.md': example });
    symlinkSync('drafts', join(folder, 'week-24'));
    expect((await cli(['check'], folder)).stderr).toBe(
      `playbook-proof: ${PLAYBOOK} is inside a folder that is a symbolic link, which GitHub and the pull-request check do not follow: put the playbook file itself at that path\n`,
    );
  });

  it('elsewhere is followed, as any file path is', async () => {
    const dir = tempRepo({ [PLAYBOOK]: example });
    symlinkSync(PLAYBOOK, join(dir, 'link.md'));
    const { code, stdout } = await cli(['check', 'link.md', '--format', 'json'], dir);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings.map((f: { messageId: string }) => f.messageId)).toEqual(['wrongPath']);
  });
});
