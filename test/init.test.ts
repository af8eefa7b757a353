import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PRE_COMMIT, installHusky, linkModules } from '../bench/hook-repo.mjs';
import { PRE_COMMIT_LINE, WORKFLOW, lefthookSnippet, releaseTarball, skeleton } from '../src/cli/init-templates.js';
import { parsePlaybook } from '../src/core/parse.js';
import { bundle, cli, examplePath, repoRoot } from './helpers/cli.js';

// Real repositories made with `git init`; init runs in-process through main(). Nothing about git or fs is mocked.
const PLAYBOOK = 'week-24/day1-dist-sys-qa.md';
const WORKFLOW_FILE = '.github/workflows/playbook-proof.yml';
const VERSION = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
const TARBALL = `https://github.com/playbook-proof/playbook-proof/releases/download/v${VERSION}/playbook-proof-${VERSION}.tgz`;

const STEPS = (playbook = PLAYBOOK) => `
Next:
  1. npm install    (installs husky and playbook-proof; husky, as the prepare script, turns the hook on)
  2. write your answers in ${playbook}; npx playbook-proof check shows what is still missing
  3. git add -A && git commit -m "Write the playbook"    (the hook checks the playbook first)
`;
const SWITCH = `  playbook-proof is installed from its v${VERSION} release (the URL in package.json). Once it is on the npm
  registry, switch to it with: npm install --save-dev playbook-proof@^${VERSION}
`;
const HUSKY_NOTES = `  A new clone or git worktree runs no hook until npm install has run in it.
  HUSKY=0 git commit … skips the hook for one commit (the pull-request check still runs).
  Node from nvm or another version manager not found in the hook? husky 9 runs ~/.config/husky/init.sh
  before every hook: put the lines that load your version manager there, for nvm:
      export NVM_DIR="$HOME/.nvm"
      [ -s "$NVM_DIR/nvm.sh" ] && . "$NVM_DIR/nvm.sh"
`;
const NEXT_HUSKY = `${STEPS()}${SWITCH}${HUSKY_NOTES}`;

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
  it('sets up an empty repository: package.json, .gitignore, the husky hook, the workflow and the skeleton', async () => {
    const dir = gitRepo({}, 'My Course Work');
    const { code, stdout, stderr } = await cli(['init'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      `created package.json\ncreated .gitignore\ncreated .husky/pre-commit\ncreated ${WORKFLOW_FILE}\ncreated ${PLAYBOOK}\n${NEXT_HUSKY}`,
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
    "playbook-proof": "${TARBALL}"
  }
}
`,
    );
    expect(releaseTarball(VERSION)).toBe(TARBALL);
    expect(read(dir, '.gitignore')).toBe('node_modules/\n');
    expect(read(dir, '.husky/pre-commit')).toBe('playbook-proof hook\n');
    expect(statSync(join(dir, '.husky/pre-commit')).mode & 0o777).toBe(0o755);
    expect(read(dir, WORKFLOW_FILE)).toBe(WORKFLOW);
    expect(read(dir, PLAYBOOK)).toBe(skeleton());
    expect(Object.keys(tree(dir)).sort()).toEqual([
      '.github/workflows/playbook-proof.yml',
      '.gitignore',
      '.husky/pre-commit',
      'package.json',
      PLAYBOOK,
    ]);
  });

  it('changes nothing on a second run and reports every item unchanged', async () => {
    const dir = gitRepo();
    expect((await cli(['init'], dir)).code).toBe(0);
    const before = tree(dir);
    const { code, stdout } = await cli(['init'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `unchanged package.json\nunchanged .gitignore\nunchanged .husky/pre-commit\nunchanged ${WORKFLOW_FILE}\nunchanged ${PLAYBOOK}\n${STEPS()}${HUSKY_NOTES}`,
    );
    expect(tree(dir)).toEqual(before);
  });

  it('--dry-run says what it would create and writes nothing', async () => {
    const dir = gitRepo();
    const config = read(dir, '.git/config');
    const { code, stdout } = await cli(['init', '--dry-run'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `would create package.json\nwould create .gitignore\nwould create .husky/pre-commit\nwould create ${WORKFLOW_FILE}\nwould create ${PLAYBOOK}\n` +
        '\nNext: run playbook-proof init without --dry-run to make these changes (nothing was written).\n',
    );
    expect(tree(dir)).toEqual({});
    expect(read(dir, '.git/config')).toBe(config);
  });

  it('run from a subfolder, names every path as typed from there', async () => {
    const dir = gitRepo({ 'week-24/notes.md': '# notes\n' });
    const { code, stdout } = await cli(['init'], join(dir, 'week-24'));
    expect(code).toBe(0);
    expect(stdout).toBe(
      `created ../package.json\ncreated ../.gitignore\ncreated ../.husky/pre-commit\ncreated ../${WORKFLOW_FILE}\ncreated day1-dist-sys-qa.md\n` +
        `${STEPS('day1-dist-sys-qa.md')}${SWITCH}${HUSKY_NOTES}`,
    );
    expect(read(dir, PLAYBOOK)).toBe(skeleton());
  });

  it.each([
    ['', 'node_modules/\n'],
    ['dist/\n', 'dist/\nnode_modules/\n'],
    ['dist/', 'dist/\nnode_modules/\n'],
    ['dist/\r\n', 'dist/\r\nnode_modules/\r\n'],
  ])('adds node_modules/ to a .gitignore holding %j', async (existing, expected) => {
    const dir = gitRepo({ '.gitignore': existing });
    const first = await cli(['init'], dir);
    expect(first.stdout.split('\n')[1]).toBe('updated .gitignore (added node_modules/)');
    expect(read(dir, '.gitignore')).toBe(expected);
    expect((await cli(['init'], dir)).stdout.split('\n')[1]).toBe('unchanged .gitignore');
  });

  it.each(['node_modules\n', '/node_modules/\n', '**/node_modules\n', 'dist/\nnode_modules/   \n'])(
    'leaves a .gitignore that ignores node_modules already (%j)',
    async (existing) => {
      const dir = gitRepo({ '.gitignore': existing });
      expect((await cli(['init'], dir)).stdout.split('\n')[1]).toBe('unchanged .gitignore');
      expect(read(dir, '.gitignore')).toBe(existing);
    },
  );

  it.each([
    ['npm test\n', 'npm test\nplaybook-proof hook\n'],
    ['npm test', 'npm test\nplaybook-proof hook\n'],
    ['npm test\r\n', 'npm test\nplaybook-proof hook\n'],
    ['npx lint-staged\n', 'npx lint-staged\nplaybook-proof hook\n'],
  ])('appends the hook line once to a husky pre-commit hook holding %j', async (existing, expected) => {
    const dir = gitRepo({ '.husky/pre-commit': existing });
    const first = await cli(['init'], dir);
    expect(first.stdout.split('\n')[2]).toBe('updated .husky/pre-commit (added playbook-proof hook)');
    expect(read(dir, '.husky/pre-commit')).toBe(expected);
    expect(statSync(join(dir, '.husky/pre-commit')).mode & 0o777).toBe(0o755);
    const second = await cli(['init'], dir);
    expect(second.stdout.split('\n')[2]).toBe('unchanged .husky/pre-commit');
    expect(read(dir, '.husky/pre-commit')).toBe(expected);
  });

  it.each(['npx --no playbook-proof hook\n', 'npm test && playbook-proof hook --all\n'])(
    'leaves a hook that runs the check already (%j)',
    async (existing) => {
      const dir = gitRepo({ '.husky/pre-commit': existing });
      expect((await cli(['init'], dir)).stdout.split('\n')[2]).toBe('unchanged .husky/pre-commit');
      expect(read(dir, '.husky/pre-commit')).toBe(existing);
    },
  );

  it('does not count a commented-out hook line as running the check', async () => {
    const dir = gitRepo({ '.husky/pre-commit': '# playbook-proof hook\n' });
    expect((await cli(['init'], dir)).stdout.split('\n')[2]).toBe('updated .husky/pre-commit (added playbook-proof hook)');
    expect(read(dir, '.husky/pre-commit')).toBe('# playbook-proof hook\nplaybook-proof hook\n');
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
      'updated package.json (added "&& husky" to scripts.prepare; added husky and playbook-proof to devDependencies)',
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
        "playbook-proof": "${TARBALL}",
        "typescript": "^5.9.0"
    },
    "lint-staged": {
        "*.ts": "eslint"
    }
}
`);
    expect((await cli(['init'], dir)).stdout.split('\n')[0]).toBe('unchanged package.json');
  });

  it('keeps a playbook-proof devDependency the learner installed, from a tarball or the registry, and does not ask to switch', async () => {
    const pkg = '{\n  "devDependencies": {\n    "playbook-proof": "file:../playbook-proof-0.1.0.tgz"\n  }\n}\n';
    const dir = gitRepo({ 'package.json': pkg });
    const { stdout } = await cli(['init'], dir);
    expect(stdout.split('\n')[0]).toBe('updated package.json (set scripts.prepare to "husky"; added husky to devDependencies)');
    expect(JSON.parse(read(dir, 'package.json')).devDependencies['playbook-proof']).toBe('file:../playbook-proof-0.1.0.tgz');
    expect(stdout).not.toContain('switch to it');
  });

  it('keeps a tab-indented package.json tab-indented', async () => {
    const dir = gitRepo({ 'package.json': '{\n\t"name": "course",\n\t"scripts": {\n\t\t"prepare": "husky"\n\t}\n}' });
    await cli(['init'], dir);
    expect(read(dir, 'package.json')).toBe(
      `{\n\t"name": "course",\n\t"scripts": {\n\t\t"prepare": "husky"\n\t},\n\t"devDependencies": {\n\t\t"husky": "^9.1.7",\n\t\t"playbook-proof": "${TARBALL}"\n\t}\n}\n`,
    );
  });

  it('with lefthook set up, installs no husky and prints the lefthook command to add', async () => {
    const lefthook = 'pre-push:\n  commands:\n    test:\n      run: npm test\n';
    const dir = gitRepo({ 'lefthook.yml': lefthook, '.gitignore': 'node_modules/\n' });
    const { code, stdout } = await cli(['init'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `found lefthook (lefthook.yml)
created package.json
unchanged .gitignore
created ${WORKFLOW_FILE}
created ${PLAYBOOK}

Add this to lefthook.yml (merge it into its pre-commit: section if it has one):

    pre-commit:
      commands:
        playbook-proof:
          glob: week-24/day1-dist-sys-qa.md
          run: npx --no playbook-proof hook

Next:
  1. npm install    (installs playbook-proof)
  2. add the snippet above
  3. write your answers in ${PLAYBOOK}; npx playbook-proof check shows what is still missing
  4. git add -A && git commit -m "Write the playbook"    (the hook checks the playbook first)
${SWITCH}`,
    );
    expect(JSON.parse(read(dir, 'package.json'))).toEqual({ name: 'my-course', private: true, devDependencies: { 'playbook-proof': TARBALL } });
    expect(Object.keys(tree(dir)).sort()).toEqual([WORKFLOW_FILE, '.gitignore', 'lefthook.yml', 'package.json', PLAYBOOK]);
    expect(read(dir, 'lefthook.yml')).toBe(lefthook);

    // once the learner adds the command, init says so and asks for nothing more
    writeFileSync(join(dir, 'lefthook.yml'), `${lefthook}${lefthookSnippet(PLAYBOOK)}\n`);
    const second = await cli(['init'], dir);
    expect(second.stdout.split('\n').slice(0, 5)).toEqual([
      'found lefthook (lefthook.yml), which already runs playbook-proof',
      'unchanged package.json',
      'unchanged .gitignore',
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
    expect(stdout.split('\n')[4]).toBe(`unchanged ${PLAYBOOK}`);
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
  it('writes the pre-commit line the hook tests and benchmark use', () => {
    expect(`${PRE_COMMIT_LINE}\n`).toBe(PRE_COMMIT);
  });

  it('the skeleton has 15 questions across L1 ×5, L2 ×6, L3 ×4, each part labelled, and a 15-row cheat sheet', () => {
    const doc = parsePlaybook(skeleton());
    expect(doc.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const levels = doc.questions.map((q) => q.difficulty?.level);
    expect(levels).toEqual([...Array(5).fill('L1'), ...Array(6).fill('L2'), ...Array(4).fill('L3')]);
    for (const q of doc.questions) {
      expect(q.parts.map((part) => part.kind)).toEqual(['theory', 'project', 'tradeoff', 'metric', 'gotchas']);
      expect(q.difficulty?.how).toBe('label');
      expect(q.gotchaItems).toHaveLength(2);
    }
    expect(doc.cheatSheet?.rows.map((row) => row.cells[0])).toEqual(doc.questions.map((q) => String(q.number)));
  });
});

describe('init end to end', () => {
  it('the next steps it prints work as printed: the skeleton is blocked, a written playbook commits with the setup and no node_modules', async () => {
    readFileSync(bundle); // the hook runs the built CLI: fail clearly if it is missing
    const dir = gitRepo({ 'README.md': '# My course work\n' });
    git(dir, 'config', 'user.email', 'learner@example.com');
    git(dir, 'config', 'user.name', 'Learner');
    git(dir, 'config', 'commit.gpgsign', 'false');
    expect((await cli(['init'], dir)).code).toBe(0);

    // 1. what `npm install` does: node_modules with husky and our bin, then husky as the prepare script
    linkModules(repoRoot, dir);
    installHusky(dir);
    const env = { ...process.env };
    delete env.HUSKY;
    const step3 = () => {
      const result = spawnSync('sh', ['-c', 'git add -A && git commit -m "Write the playbook"'], { cwd: dir, encoding: 'utf8', env });
      return { code: result.status, output: stripVTControlCharacters(`${result.stdout}${result.stderr}`) };
    };
    // 3. before the answers are written (step 2), the hook blocks the skeleton
    const blocked = step3();
    expect(blocked.code).toBe(1);
    expect(blocked.output).toContain('Q1 has no answer');
    expect(blocked.output).toContain('This commit is blocked.');
    expect(spawnSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: dir }).status).not.toBe(0);

    // 2. the answers written, 3. commits everything init set up, and nothing from node_modules
    writeFileSync(join(dir, PLAYBOOK), readFileSync(examplePath));
    const committed = step3();
    expect(committed.code).toBe(0);
    expect(git(dir, 'ls-files').split('\n').filter(Boolean).sort()).toEqual([
      WORKFLOW_FILE,
      '.gitignore',
      '.husky/pre-commit',
      'README.md',
      'package.json',
      PLAYBOOK,
    ]);
  });
});
