// Docs are tests: each rule page's failing example is checked as `playbook-proof check` checks it, in-process, and
// what it prints is compared with the page's console transcript; each excerpt is compared with the lines `check`
// prints under the page's criterion; each "How to fix" example, applied, makes the example pass. README blocks that
// show a page's failing example are compared with what `check` prints for it too.
// UPDATE_DOCS=1 (npm run docs:update) writes the real output into the files instead of failing on a difference.
// How the examples are found on a page: test/helpers/doc-pages.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint.js';
import { rules } from '../src/rules/index.js';
import { cli, repoRoot, tempRepo } from './helpers/cli.js';
import {
  applyFix,
  collectFences,
  DOCS_PLAYBOOK_PATH,
  overlaps,
  readDocPage,
  rewriteFences,
  transcriptBody,
  type DocPage,
  type Fence,
  type Fix,
} from './helpers/doc-pages.js';

const docsDir = join(repoRoot, 'docs', 'rules');
const pageFile = (rule: string) => join(docsDir, `${rule}.md`);
const pages = readdirSync(docsDir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => readDocPage(basename(name, '.md'), readFileSync(join(docsDir, name), 'utf8')));

const readmeFile = join(repoRoot, 'README.md');
/** README blocks that show a page's failing example: `$ npx playbook-proof check      # the failing example of docs/rules/x.md…`. */
const README_COPY = /^\$ npx playbook-proof check +# the failing example of docs\/rules\/([\w-]+)\.md.*\n/;

const updating = process.env.UPDATE_DOCS === '1';
/** Per file, the fences whose body differs from the real output, with that output. */
const drifted = new Map<string, Map<Fence, string>>();

afterAll(() => {
  for (const [file, bodies] of drifted) writeFileSync(file, rewriteFences(readFileSync(file, 'utf8'), bodies));
});

/** Compares a fence's body with the real output; under UPDATE_DOCS=1, records the output to write instead. */
function expectFence(file: string, fence: Fence, actual: string): void {
  if (!updating) {
    expect(actual, `${relative(repoRoot, file)}:${fence.line} differs from the real output (npm run docs:update writes it)`).toBe(fence.text);
    return;
  }
  if (actual === fence.text) return;
  const bodies = drifted.get(file) ?? new Map<Fence, string>();
  drifted.set(file, bodies.set(fence, actual));
}

function configFile(page: DocPage): Record<string, string> {
  return page.failing.config === null ? {} : { '.playbook-proof.json': page.failing.config };
}

/** The criterion lines that fail or warn and their findings: empty when the playbook passes cleanly. */
function complaints(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^ {2}[✖⚠] |^ {6}\S/.test(line));
}

/** The lines `check` printed for the criterion titled `title`: its checklist line and the findings under it. */
function criterionLines(stdout: string, title: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => /^ {2}[✔✖⚠] /.test(line) && line.slice(4).startsWith(title));
  if (start === -1) return [];
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('      '));
  return lines.slice(start, end === -1 ? undefined : end);
}

/** The failing example with `fix` and every other fix of the page it does not overlap (those are alternatives). */
function fixedText(page: DocPage, fix: Exclude<Fix, { kind: 'shell' }>): string {
  const together = [fix, ...page.fixes.filter((other) => other !== fix && !overlaps(other, fix))];
  const bottomUp = together.sort((a, b) => (b.kind === 'replace' ? b.from : 0) - (a.kind === 'replace' ? a.from : 0));
  return bottomUp.reduce((text, each) => (each.kind === 'shell' ? text : applyFix(text, each)), page.failing.markdown);
}

/** A real repository (`git init`) holding `files` in one commit, as a learner would have it. */
function committedRepo(files: Record<string, string>): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'playbook-proof-docs-'));
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Learner',
    GIT_AUTHOR_EMAIL: 'learner@example.com',
    GIT_COMMITTER_NAME: 'Learner',
    GIT_COMMITTER_EMAIL: 'learner@example.com',
  };
  const git = (args: string[]) => execFileSync('git', args, { cwd: dir, env, stdio: 'pipe' });
  git(['init', '-q', '-b', 'main']);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'Add the playbook']);
  return { dir, env };
}

it('reads a failing example with its output and at least one fix from the page of every rule', () => {
  expect(pages.map((page) => page.rule)).toEqual(rules.map((rule) => rule.id).sort());
  for (const page of pages) expect(page.fixes.length, page.rule).toBeGreaterThan(0);
});

for (const page of pages)
  describe(`docs/rules/${page.rule}.md`, () => {
    for (const transcript of page.failing.transcripts) {
      it(`the failing example prints what the transcript at line ${transcript.fence.line} shows`, async () => {
        const dir = tempRepo({ ...configFile(page), [transcript.path]: page.failing.markdown });
        const run = await cli(transcript.args, dir);
        expect(run.stderr).toBe('');
        expect(complaints(run.stdout).length, 'a failing example fails or warns').toBeGreaterThan(0);
        expect(run.code).toBe(/^✖ /m.test(run.stdout) ? 1 : 0);
        expectFence(pageFile(page.rule), transcript.fence, transcriptBody(transcript, run.stdout));
      });
    }

    for (const excerpt of page.excerpts) {
      it(`the example above line ${excerpt.fence.line} gets the ${page.rule} lines shown`, async () => {
        const dir = tempRepo({ [DOCS_PLAYBOOK_PATH]: excerpt.markdown });
        const run = await cli(['check'], dir);
        const title = lint(excerpt.markdown).criteria.find((criterion) => criterion.id === page.rule)!.title;
        expectFence(pageFile(page.rule), excerpt.fence, `${criterionLines(run.stdout, title).join('\n')}\n`);
      });
    }

    for (const fix of page.fixes) {
      it(`the fix at line ${fix.line} makes the failing example pass`, async () => {
        const [first] = page.failing.transcripts;
        const run = fix.kind === 'shell' ? await runShellFix(page, fix.text) : await runFixed(page, fix, first!.args, first!.path);
        expect(complaints(run.stdout)).toEqual([]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
      });
    }
  });

describe('README.md', () => {
  const copies = collectFences(readFileSync(readmeFile, 'utf8')).filter((fence) => README_COPY.test(fence.text));

  it('shows two failing examples of the rule pages', () => {
    expect(copies.map((fence) => README_COPY.exec(fence.text)![1])).toEqual(['misconception', 'coverage']);
  });

  for (const fence of copies) {
    const [command] = README_COPY.exec(fence.text)!;
    it(`the block at line ${fence.line} is the output on its rule page`, async () => {
      const page = pages.find((each) => each.rule === README_COPY.exec(fence.text)![1])!;
      const [transcript] = page.failing.transcripts;
      const run = await cli(transcript!.args, tempRepo({ ...configFile(page), [transcript!.path]: page.failing.markdown }));
      expectFence(readmeFile, fence, command + run.stdout);
    });
  }
});

/** Applies a fix to the failing example and checks it with the first transcript's command. */
function runFixed(page: DocPage, fix: Exclude<Fix, { kind: 'shell' }>, args: string[], path: string) {
  return cli(args, tempRepo({ ...configFile(page), [path]: fixedText(page, fix) }));
}

/** Runs a shell fix in a committed repository holding the failing example, then `check` with no path. */
function runShellFix(page: DocPage, script: string) {
  const { dir, env } = committedRepo({ ...configFile(page), [page.failing.transcripts[0]!.path]: page.failing.markdown });
  execFileSync('sh', ['-e', '-c', script], { cwd: dir, env, stdio: 'pipe' });
  return cli(['check'], dir);
}
