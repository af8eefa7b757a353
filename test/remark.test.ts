import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { lint } from '../src/core/lint.js';
import { fixFor, fixUrl } from '../src/report/fixes.js';
import remarkPlaybookProof from '../src/remark/index.js';
import { bundle, examplePath, repoRoot, tempRepo } from './helpers/cli.js';

// The corpus is read where CI puts it (../shared beside the clone).
const corpusDir = join(repoRoot, '..', 'shared', 'corpus');
const corpus = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((name) => name.endsWith('.md'))
      .sort()
  : [];
const example = readFileSync(examplePath, 'utf8');
const PATH = 'week-24/day1-dist-sys-qa.md';

/** Parses with remark and runs the plugin on the tree, as remark does (no compiler: nothing is written). */
async function lintWithRemark(file: VFile, options?: Parameters<typeof remarkPlaybookProof>[0]): Promise<VFile> {
  const processor = unified().use(remarkParse).use(remarkPlaybookProof, options);
  await processor.run(processor.parse(file), file);
  return file;
}

async function messages(file: VFile, options?: Parameters<typeof remarkPlaybookProof>[0]) {
  await lintWithRemark(file, options);
  return file.messages.map((m) => ({ line: m.line, column: m.column, ruleId: m.ruleId, reason: m.reason, fatal: m.fatal, source: m.source }));
}

describe('the remark plugin gives the findings lint() gives', () => {
  it('has the corpus to compare on', () => {
    if (corpus.length === 0 && process.env.CI) throw new Error(`no corpus at ${corpusDir}`);
    expect(corpus.length).toBeGreaterThanOrEqual(16);
  });

  it.each(corpus)('%s', async (name) => {
    const text = readFileSync(join(corpusDir, name), 'utf8');
    const got = await messages(new VFile({ path: join(corpusDir, name), cwd: corpusDir, value: text }), { all: true });
    const expected = lint(text, { path: name }).findings.map((f) => ({
      line: f.line,
      column: f.column,
      ruleId: f.ruleId,
      reason: f.message,
      fatal: f.severity === 'error',
      source: 'playbook-proof',
    }));
    expect(got).toEqual(expected);
  });

  it('gives each message the rule page and the fix as url and note', async () => {
    const text = example.replace(/(## Q3:.*\n)\*\*Difficulty:\*\* .*\n/, '$1');
    const file = new VFile({ path: join(tempRepo({ [PATH]: text }), PATH), value: text });
    await lintWithRemark(file);
    const [finding] = lint(text).findings;
    expect(file.messages.map((m) => [m.line, m.ruleId, m.url, m.note])).toEqual([
      [finding!.line, 'difficulty', fixUrl('difficulty'), fixFor(finding!, resolveConfig())],
    ]);
  });
});

describe('which files and which configuration', () => {
  it('checks only the playbook at the configured path, unless told all; text without a path is checked', async () => {
    const dir = tempRepo({ [PATH]: example, 'README.md': '# Notes\n' });
    expect(await messages(new VFile({ path: join(dir, 'README.md'), cwd: dir, value: '# Notes\n' }))).toEqual([]);
    expect((await messages(new VFile({ path: join(dir, 'README.md'), cwd: dir, value: '# Notes\n' }), { all: true })).map((m) => m.ruleId)).toContain(
      'location',
    );
    expect(await messages(new VFile({ path: join(dir, PATH), cwd: dir, value: example }))).toEqual([]);
    expect(await messages(new VFile({ value: example }))).toEqual([]);
    // a playbook at the right path in the wrong case is checked, so the location rule says so
    const upper = PATH.replace('week', 'Week');
    expect((await messages(new VFile({ path: join(dir, upper), cwd: dir, value: example }))).map((m) => m.ruleId)).toEqual(['location']);
  });

  it('honours the configuration file `check` reads, from the working directory up to the repository root', async () => {
    const dir = tempRepo({ [PATH]: example, '.playbook-proof.yml': 'questions: 16\nrules:\n  speaking-time: "off"\n' });
    const got = await messages(new VFile({ path: join(dir, PATH), cwd: join(dir, 'week-24'), value: example }));
    expect(got.map((m) => [m.ruleId, m.reason])).toEqual([['question-count', 'The playbook has 15 questions, expected at least 16']]);
  });

  it('reports a bad configuration as one fatal message, not a crash', async () => {
    const dir = tempRepo({ [PATH]: example, '.playbook-proof.json': '{"questoins": 16}' });
    expect(await messages(new VFile({ path: join(dir, PATH), cwd: dir, value: example }))).toEqual([
      {
        line: 1,
        column: 1,
        ruleId: 'config',
        reason:
          '.playbook-proof.json: unknown option "questoins" (known: questions, words, gotchas, reasonWords, cheatSheetLines, lineWidth, rowChars, path, speakingMinutes, wordsPerMinute, rules)',
        fatal: true,
        source: 'playbook-proof',
      },
    ]);
  });

  it('refuses a binary file with the reason `check` gives', async () => {
    const dir = tempRepo();
    const got = await messages(new VFile({ path: join(dir, PATH), cwd: dir, value: new Uint8Array([35, 0, 1]) }));
    expect(got.map((m) => [m.ruleId, m.reason, m.fatal])).toEqual([
      ['question-count', 'The playbook is a binary file (it contains NUL bytes), not Markdown text', true],
    ]);
  });
});

describe('the remark CLI with playbook-proof/remark', () => {
  const remark = join(repoRoot, 'node_modules', '.bin', 'remark');
  /** A learner repository with this package installed under node_modules, as npm links it. */
  function learnerRepo(files: Record<string, string>): string {
    const dir = tempRepo(files);
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(repoRoot, join(dir, 'node_modules', 'playbook-proof'), 'dir');
    return dir;
  }
  const run = (dir: string, args: string[]) =>
    spawnSync(remark, ['--no-color', '--no-stdout', ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
  const reported = (stderr: string) =>
    stderr.split('\n').flatMap((line) => {
      const m = /^(\d+):(\d+)\s+(error|warning)\s+(.+?)\s+(\S+)\s+playbook-proof$/.exec(line.trim());
      return m ? [`${m[1]}:${m[2]} ${m[3]} ${m[4]} ${m[5]}`] : [];
    });
  const checked = (dir: string) => {
    const out = spawnSync(process.execPath, [bundle, 'check', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    return {
      code: out.status,
      lines: (JSON.parse(out.stdout).findings as Array<Record<string, unknown>>).map(
        (f) => `${f.line}:${f.column} ${f.severity} ${f.message} ${f.ruleId}`,
      ),
    };
  };

  it('prints the same findings as check, and fails the same way', () => {
    const text = example.replace(/(## Q3:.*\n)\*\*Difficulty:\*\* .*\n/, '$1').replace(/^\*\*Project Example:\*\*$/m, '');
    const dir = learnerRepo({ [PATH]: text, '.playbook-proof.yml': 'rules:\n  answer-structure: warning\n' });
    const out = run(dir, ['--use', 'playbook-proof/remark', PATH]);
    const check = checked(dir);
    expect(check.lines.length).toBeGreaterThanOrEqual(2);
    expect(reported(out.stderr)).toEqual(check.lines);
    expect([out.status, check.code]).toEqual([1, 1]);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('runs from a .remarkrc on the playbook only, as an editor does, and passes the example', () => {
    const dir = learnerRepo({ [PATH]: example, 'README.md': '# Course notes\n', '.remarkrc.json': '{ "plugins": ["playbook-proof/remark"] }\n' });
    const out = run(dir, ['.']);
    expect(out.stderr).toContain(`${PATH}: no issues found`);
    expect(out.stderr).toContain('README.md: no issues found');
    expect(out.status).toBe(0);
  }, 30_000);
});
