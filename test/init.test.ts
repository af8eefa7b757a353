import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PRE_COMMIT } from '../bench/hook-repo.mjs';
import { PRE_COMMIT_LINE, WORKFLOW, lefthookSnippet, skeleton } from '../src/cli/init-templates.js';
import { parsePlaybook } from '../src/core/parse.js';
import { bundle, cli, examplePath, repoRoot } from './helpers/cli.js';

// Real repositories made with `git init`; init runs in-process through main(). Nothing about git or fs is mocked.
const PLAYBOOK = 'week-24/day1-dist-sys-qa.md';
const WORKFLOW_FILE = '.github/workflows/playbook-proof.yml';
const VERSION_RANGE = `^${JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version}`;

const NEXT_HUSKY = `
Next:
  1. npm install (installs husky, lint-staged and playbook-proof; its prepare script turns the hook on)
  2. write your answers in ${PLAYBOOK}, then git add and git commit it: the hook checks it first
  HUSKY=0 git commit … skips the hook for one commit (the pull-request check still runs).
  Node from nvm or another version manager not found in the hook? husky 9 runs ~/.config/husky/init.sh
  before every hook: put the lines that load your version manager there, for nvm:
      export NVM_DIR="$HOME/.nvm"
      [ -s "$NVM_DIR/nvm.sh" ] && . "$NVM_DIR/nvm.sh"
`;

/** A new repository (`git init`) in a folder called `name`, holding `files`. */
function gitRepo(files: Record<string, string> = {}, name = 'my-course'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'playbook-proof-init-')), name);
  mkdirSync(dir);
  git(dir, 'init', '-q', '-b', 'main');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
}

/** Every file under `dir` but .git, with its bytes. */
function tree(dir: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.name === '.git' && folder === dir) continue;
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path);
    }
  };
  walk(dir);
  return files;
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('playbook-proof init', () => {
  it('sets up an empty repository: package.json, the husky hook, the workflow and the skeleton', async () => {
    const dir = gitRepo({}, 'My Course Work');
    const { code, stdout, stderr } = await cli(['init'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      `created package.json\ncreated .husky/pre-commit\ncreated ${WORKFLOW_FILE}\ncreated ${PLAYBOOK}\n${NEXT_HUSKY}`,
    );
    expect(read(dir, 'package.json')).toBe(
      `{
  "name": "my-course-work",
  "private": true,
  "scripts": {
    "prepare": "husky"
  },
  "devDependencies": {
    "husky": "^9.1.7",
    "lint-staged": "^16.4.0",
    "playbook-proof": "${VERSION_RANGE}"
  },
  "lint-staged": {
    "week-24/day1-dist-sys-qa.md": "playbook-proof hook"
  }
}
`,
    );
    expect(read(dir, '.husky/pre-commit')).toBe('lint-staged --diff-filter=ACMRD --verbose\n');
    expect(statSync(join(dir, '.husky/pre-commit')).mode & 0o777).toBe(0o755);
    expect(read(dir, WORKFLOW_FILE)).toBe(WORKFLOW);
    expect(read(dir, PLAYBOOK)).toBe(skeleton());
    expect(Object.keys(tree(dir)).sort()).toEqual(['.github/workflows/playbook-proof.yml', '.husky/pre-commit', 'package.json', PLAYBOOK]);
  });

  it('changes nothing on a second run and reports every item unchanged', async () => {
    const dir = gitRepo();
    expect((await cli(['init'], dir)).code).toBe(0);
    const before = tree(dir);
    const { code, stdout } = await cli(['init'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe(`unchanged package.json\nunchanged .husky/pre-commit\nunchanged ${WORKFLOW_FILE}\nunchanged ${PLAYBOOK}\n${NEXT_HUSKY}`);
    expect(tree(dir)).toEqual(before);
  });

  it('--dry-run says what it would create and writes nothing', async () => {
    const dir = gitRepo();
    const config = read(dir, '.git/config');
    const { code, stdout } = await cli(['init', '--dry-run'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `would create package.json\nwould create .husky/pre-commit\nwould create ${WORKFLOW_FILE}\nwould create ${PLAYBOOK}\n` +
        '\nNext: run playbook-proof init without --dry-run to make these changes (nothing was written).\n',
    );
    expect(tree(dir)).toEqual({});
    expect(read(dir, '.git/config')).toBe(config);
  });

  it.each([
    ['npm test\n', 'npm test\nlint-staged --diff-filter=ACMRD --verbose\n'],
    ['npm test', 'npm test\nlint-staged --diff-filter=ACMRD --verbose\n'],
    ['npm test\r\n', 'npm test\nlint-staged --diff-filter=ACMRD --verbose\n'],
  ])('appends the lint-staged line once to a husky pre-commit hook holding %j', async (existing, expected) => {
    const dir = gitRepo({ '.husky/pre-commit': existing });
    const first = await cli(['init'], dir);
    expect(first.stdout.split('\n')[1]).toBe('updated .husky/pre-commit (added lint-staged --diff-filter=ACMRD --verbose)');
    expect(read(dir, '.husky/pre-commit')).toBe(expected);
    expect(statSync(join(dir, '.husky/pre-commit')).mode & 0o777).toBe(0o755);
    const second = await cli(['init'], dir);
    expect(second.stdout.split('\n')[1]).toBe('unchanged .husky/pre-commit');
    expect(read(dir, '.husky/pre-commit')).toBe(expected);
  });

  it('leaves a hook that runs lint-staged alone, with a note when its flags differ', async () => {
    const same = gitRepo({ '.husky/pre-commit': 'npx lint-staged --verbose --diff-filter=ACMRD\n' });
    expect((await cli(['init'], same)).stdout.split('\n')[1]).toBe('unchanged .husky/pre-commit');
    const other = gitRepo({ '.husky/pre-commit': 'npx lint-staged\nnpm test\n' });
    const { stdout } = await cli(['init'], other);
    expect(stdout.split('\n')[1]).toBe(
      'skipped .husky/pre-commit (it runs lint-staged already, with other flags; use lint-staged --diff-filter=ACMRD --verbose so a deleted or renamed playbook is checked too)',
    );
    expect(read(other, '.husky/pre-commit')).toBe('npx lint-staged\nnpm test\n');
  });

  it('adds only what package.json lacks, keeping its indentation and key order', async () => {
    const original = `{
    "name": "course",
    "version": "1.0.0",
    "scripts": {
        "prepare": "tsc"
    },
    "devDependencies": {
        "lint-staged": "^15.0.0",
        "typescript": "^5.9.0"
    },
    "lint-staged": {
        "*.ts": "eslint"
    }
}
`;
    const dir = gitRepo({ 'package.json': original });
    const { stdout } = await cli(['init'], dir);
    expect(stdout.split('\n')[0]).toBe(
      'updated package.json (added "&& husky" to scripts.prepare; added husky and playbook-proof to devDependencies; added the lint-staged entry for the playbook)',
    );
    expect(read(dir, 'package.json')).toBe(`{
    "name": "course",
    "version": "1.0.0",
    "scripts": {
        "prepare": "tsc && husky"
    },
    "devDependencies": {
        "husky": "^9.1.7",
        "lint-staged": "^15.0.0",
        "playbook-proof": "${VERSION_RANGE}",
        "typescript": "^5.9.0"
    },
    "lint-staged": {
        "*.ts": "eslint",
        "week-24/day1-dist-sys-qa.md": "playbook-proof hook"
    }
}
`);
    expect((await cli(['init'], dir)).stdout.split('\n')[0]).toBe('unchanged package.json');
  });

  it('keeps a tab-indented package.json tab-indented', async () => {
    const dir = gitRepo({ 'package.json': '{\n\t"name": "course",\n\t"scripts": {\n\t\t"prepare": "husky"\n\t}\n}' });
    await cli(['init'], dir);
    expect(read(dir, 'package.json')).toBe(
      `{\n\t"name": "course",\n\t"scripts": {\n\t\t"prepare": "husky"\n\t},\n\t"devDependencies": {\n\t\t"husky": "^9.1.7",\n\t\t"lint-staged": "^16.4.0",\n\t\t"playbook-proof": "${VERSION_RANGE}"\n\t},\n\t"lint-staged": {\n\t\t"week-24/day1-dist-sys-qa.md": "playbook-proof hook"\n\t}\n}\n`,
    );
  });

  it('does not edit a separate lint-staged configuration file, and prints the entry to add', async () => {
    const rc = '{\n  "*.js": "eslint"\n}\n';
    const dir = gitRepo({ '.lintstagedrc.json': rc });
    const { code, stdout } = await cli(['init'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'created package.json\n' +
        'skipped .lintstagedrc.json (lint-staged is configured in this file, which init does not edit; add the entry below)\n' +
        `created .husky/pre-commit\ncreated ${WORKFLOW_FILE}\ncreated ${PLAYBOOK}\n` +
        '\nAdd this entry to .lintstagedrc.json:\n\n    "week-24/day1-dist-sys-qa.md": "playbook-proof hook"\n' +
        NEXT_HUSKY.replace('  2. write', '  2. add the snippet above\n  3. write'),
    );
    expect(read(dir, '.lintstagedrc.json')).toBe(rc);
    expect(JSON.parse(read(dir, 'package.json'))['lint-staged']).toBeUndefined();
  });

  it('with lefthook set up, installs no husky and prints the lefthook command to add', async () => {
    const lefthook = 'pre-push:\n  commands:\n    test:\n      run: npm test\n';
    const dir = gitRepo({ 'lefthook.yml': lefthook });
    const { code, stdout } = await cli(['init'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `found lefthook (lefthook.yml)
created package.json
created ${WORKFLOW_FILE}
created ${PLAYBOOK}

Add this to lefthook.yml (merge it into its pre-commit: section if it has one):

    pre-commit:
      commands:
        playbook-proof:
          glob: week-24/day1-dist-sys-qa.md
          run: npx --no playbook-proof hook

Next:
  1. npm install (installs playbook-proof)
  2. add the snippet above
  3. write your answers in ${PLAYBOOK}, then git add and git commit it: the hook checks it first
`,
    );
    expect(JSON.parse(read(dir, 'package.json'))).toEqual({ name: 'my-course', private: true, devDependencies: { 'playbook-proof': VERSION_RANGE } });
    expect(Object.keys(tree(dir)).sort()).toEqual([WORKFLOW_FILE, 'lefthook.yml', 'package.json', PLAYBOOK]);
    expect(read(dir, 'lefthook.yml')).toBe(lefthook);

    // once the learner adds the command, init says so and asks for nothing more
    writeFileSync(join(dir, 'lefthook.yml'), `${lefthook}${lefthookSnippet(PLAYBOOK)}\n`);
    const second = await cli(['init'], dir);
    expect(second.stdout.split('\n').slice(0, 4)).toEqual([
      'found lefthook (lefthook.yml), which already runs playbook-proof',
      'unchanged package.json',
      `unchanged ${WORKFLOW_FILE}`,
      `unchanged ${PLAYBOOK}`,
    ]);
    expect(second.stdout).not.toContain('snippet');
  });

  it('names the pre-commit framework and a custom core.hooksPath', async () => {
    const framework = gitRepo({ '.pre-commit-config.yaml': 'repos: []\n' });
    const { stdout } = await cli(['init'], framework);
    expect(stdout).toContain('found pre-commit (.pre-commit-config.yaml)\n');
    expect(stdout).toContain(
      '    - repo: local\n      hooks:\n        - id: playbook-proof\n          name: playbook-proof\n' +
        '          entry: npx --no playbook-proof hook\n          language: system\n' +
        '          files: ^week-24/day1-dist-sys-qa\\.md$\n          pass_filenames: false\n',
    );
    expect(tree(framework)['.husky/pre-commit']).toBeUndefined();

    const hooks = gitRepo({ '.githooks/pre-commit': '#!/bin/sh\nnpm test\n' });
    git(hooks, 'config', 'core.hooksPath', '.githooks');
    const custom = await cli(['init'], hooks);
    expect(custom.stdout).toContain('found core.hooksPath (.githooks)\n');
    expect(custom.stdout).toContain('\nAdd this line to .githooks/pre-commit:\n\n    npx --no playbook-proof hook\n');
    expect(tree(hooks)['.husky/pre-commit']).toBeUndefined();
  });

  it('finds simple-git-hooks configured in package.json, and sees when it runs the hook', async () => {
    const dir = gitRepo({ 'package.json': '{\n  "name": "course",\n  "simple-git-hooks": {\n    "pre-commit": "npm test"\n  }\n}\n' });
    const first = await cli(['init'], dir);
    expect(first.stdout.split('\n').slice(0, 2)).toEqual([
      'found simple-git-hooks (package.json)',
      'updated package.json (added playbook-proof to devDependencies)',
    ]);
    expect(first.stdout).toContain('\n    "pre-commit": "npx --no playbook-proof hook"\n');
    // the devDependency names playbook-proof too: that alone does not count as the hook being set up
    expect((await cli(['init'], dir)).stdout.split('\n')[0]).toBe('found simple-git-hooks (package.json)');
    const json = JSON.parse(read(dir, 'package.json'));
    json['simple-git-hooks']['pre-commit'] = 'npm test && npx --no playbook-proof hook';
    writeFileSync(join(dir, 'package.json'), JSON.stringify(json, null, 2));
    const configured = await cli(['init'], dir);
    expect(configured.stdout.split('\n').slice(0, 2)).toEqual([
      'found simple-git-hooks (package.json), which already runs playbook-proof',
      'unchanged package.json',
    ]);
  });

  it('leaves an existing playbook byte-identical', async () => {
    const playbook = readFileSync(examplePath, 'utf8').replace(/\n/g, '\r\n');
    const dir = gitRepo({ [PLAYBOOK]: playbook });
    const { stdout } = await cli(['init'], dir);
    expect(stdout.split('\n')[3]).toBe(`unchanged ${PLAYBOOK}`);
    expect(read(dir, PLAYBOOK)).toBe(playbook);
  });

  it('refuses an invalid package.json with exit 2 and one line, writing nothing', async () => {
    const broken = '{ "name": "course", }\n';
    const dir = gitRepo({ 'package.json': broken });
    let parserMessage = '';
    try {
      JSON.parse(broken);
    } catch (error) {
      parserMessage = (error as Error).message.split('\n')[0]!;
    }
    const { code, stdout, stderr } = await cli(['init'], dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`playbook-proof: package.json is not valid JSON: ${parserMessage}\n`);
    expect(tree(dir)).toEqual({ 'package.json': Buffer.from(broken) });
  });

  it('refuses to run outside a git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playbook-proof-init-nogit-'));
    const { code, stderr } = await cli(['init'], dir);
    expect(code).toBe(2);
    expect(stderr).toBe('playbook-proof: init must run inside a git repository: run git init first\n');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('init templates', () => {
  it('writes the pre-commit line the hook benchmark uses', () => {
    expect(`${PRE_COMMIT_LINE}\n`).toBe(PRE_COMMIT);
  });

  it('the skeleton has 15 questions across L1 ×5, L2 ×6, L3 ×4, each part labelled, and a 15-row cheat sheet', () => {
    const doc = parsePlaybook(skeleton());
    expect(doc.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const levels = doc.questions.map((q) => q.difficulty?.level);
    expect(levels).toEqual([...Array(5).fill('L1'), ...Array(6).fill('L2'), ...Array(4).fill('L3')]);
    for (const q of doc.questions) {
      expect(q.parts.map((part) => part.kind)).toEqual(['difficulty', 'theory', 'project', 'tradeoff', 'metric', 'gotchas']);
      expect(q.gotchaItems).toHaveLength(2);
    }
    expect(doc.cheatSheet?.rows.map((row) => row.cells[0])).toEqual(doc.questions.map((q) => String(q.number)));
  });
});

describe('init end to end', () => {
  it('the hook it sets up blocks a commit of the untouched skeleton', async () => {
    readFileSync(bundle); // the hook runs the built CLI: fail clearly if it is missing
    const dir = gitRepo({ 'README.md': '# My course work\n', '.gitignore': 'node_modules/\n' });
    git(dir, 'config', 'user.email', 'learner@example.com');
    git(dir, 'config', 'user.name', 'Learner');
    git(dir, 'config', 'commit.gpgsign', 'false');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Start', '--no-verify');
    const before = git(dir, 'rev-parse', 'HEAD');

    expect((await cli(['init'], dir)).code).toBe(0);

    // what `npm install` would do: node_modules with husky, lint-staged and our bin, then husky's prepare
    const modules = join(dir, 'node_modules');
    mkdirSync(join(modules, '.bin'), { recursive: true });
    for (const name of ['husky', 'lint-staged']) symlinkSync(join(repoRoot, 'node_modules', name), join(modules, name), 'dir');
    symlinkSync(join(repoRoot, 'node_modules', 'lint-staged', 'bin', 'lint-staged.js'), join(modules, '.bin', 'lint-staged'));
    symlinkSync(join(repoRoot, 'node_modules', 'husky', 'bin.js'), join(modules, '.bin', 'husky'));
    symlinkSync(bundle, join(modules, '.bin', 'playbook-proof'));
    execFileSync(process.execPath, [join(modules, 'husky', 'bin.js')], { cwd: dir, stdio: 'pipe' });

    const env = { ...process.env };
    // as in a learner's terminal: lint-staged switches to a JSON renderer under NODE_ENV=test
    delete env.NODE_ENV;
    delete env.VITEST;
    delete env.HUSKY;
    git(dir, 'add', '-A');
    const result = spawnSync('git', ['commit', '-m', 'Start the playbook'], { cwd: dir, encoding: 'utf8', env });
    const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`);
    expect(result.status).not.toBe(0);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(before);
    expect(output).toContain('Q1 has no answer');
    expect(output).toContain('This commit is blocked.');
  });
});
