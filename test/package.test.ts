import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { examplePath, repoRoot } from './helpers/cli.js';

// The package as a learner gets it: `npm pack` of this checkout (what the release workflow uploads), installed
// with the real npm into fresh projects. Nothing is linked from this checkout's node_modules.
const PLAYBOOK = 'week-24/day1-dist-sys-qa.md';
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const RELEASE_URL = `https://github.com/playbook-proof/playbook-proof/releases/download/v${pkg.version}/playbook-proof-${pkg.version}.tgz`;

// npm as in a learner's shell, without the audit and funding requests; packages come from npm's cache first
const npmEnv: NodeJS.ProcessEnv = {
  ...process.env,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_prefer_offline: 'true',
};
delete npmEnv.NODE_ENV;
delete npmEnv.VITEST;
delete npmEnv.HUSKY;
for (const key of Object.keys(npmEnv)) if (/^npm_(package|lifecycle)_/.test(key)) delete npmEnv[key];

let tarball = '';

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'playbook-proof-pack-'));
  // --ignore-scripts: packing must not depend on (or run) any script; the package has none that matter
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { cwd: repoRoot, env: npmEnv, encoding: 'utf8' }),
  );
  tarball = join(out, packed[0].filename);
}, 120_000);

/** A fresh git repository holding the shipped example playbook. */
function project(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'playbook-proof-install-')), name);
  mkdirSync(join(dir, 'week-24'), { recursive: true });
  copyFileSync(examplePath, join(dir, PLAYBOOK));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  for (const [key, value] of [
    ['user.email', 'learner@example.com'],
    ['user.name', 'Learner'],
    ['commit.gpgsign', 'false'],
  ]) {
    execFileSync('git', ['config', key!, value!], { cwd: dir });
  }
  return dir;
}

function sh(dir: string, command: string) {
  const result = spawnSync('sh', ['-c', command], { cwd: dir, env: npmEnv, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, output: stripVTControlCharacters(`${result.stdout}${result.stderr}`) };
}

describe('the packed package', () => {
  it('holds the CLI, library and remark-plugin bundles, the types and the rule docs, and declares no dependencies', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    expect(files).toContain('package/dist/cli/index.js');
    expect(files).toContain('package/dist/lib/index.js');
    expect(files).toContain('package/dist/lib/index.d.ts');
    expect(files).toContain('package/docs/rules/gotchas.md');
    // the Action's bundle runs from the GitHub repository, not from the npm package
    expect(files).not.toContain('package/dist/index.js');
    expect(files).toContain('package/dist/remark/index.js');
    expect(files.filter((file) => !/^package\/(dist\/(cli|lib|remark)\/|docs\/rules\/|README\.md$|package\.json$)/.test(file))).toEqual([]);
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.scripts.prepare).toBeUndefined();
    expect(manifest.scripts.postinstall).toBeUndefined();
  });

  it('installs with --omit=dev, pulls in no other package, and its check and types work from there', () => {
    const dir = project('consumer');
    writeFileSync(join(dir, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
    const install = sh(dir, `npm install --omit=dev ${tarball}`);
    expect(install.code, install.output).toBe(0);
    expect(
      readdirSync(join(dir, 'node_modules'))
        .filter((name) => !name.startsWith('.'))
        .sort(),
    ).toEqual(['playbook-proof']);
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
    expect(Object.keys(lock.packages).filter(Boolean)).toEqual(['node_modules/playbook-proof']);

    const check = sh(dir, 'npx --no playbook-proof check');
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('✔ 7/7 criteria pass: the playbook is complete.\n');

    // the library, imported by name, with its declared types (strict, no skipLibCheck)
    writeFileSync(
      join(dir, 'use.mts'),
      [
        "import { defineRule, integerOption, lint, resolveConfig, rules, validateConfig, type LintResult } from 'playbook-proof';",
        "const result: LintResult = lint('# Empty', { path: 'x.md' });",
        'export const score: number = result.score.passed;',
        '// a custom rule, as another tool would add one: its option is typed from its declaration',
        'const short = defineRule({',
        "  id: 'short', criterion: 'custom', title: ({ most }) => `at most ${most} questions`, description: 'few questions',",
        "  severity: 'error', options: { most: integerOption('most questions', 1, 1, 9) },",
        "  messages: { many: '{{n}} questions' }, fixes: { many: 'Cut some.' },",
        "  check({ doc, options, report }) { if (doc.questions.length > options.most) report({ messageId: 'many', data: { n: doc.questions.length }, node: { line: 1 } }); },",
        '});',
        'const list = [...rules, short];',
        "const config = resolveConfig(validateConfig({ most: 1 }, 'inline', list), list);",
        "console.log(lint('## Q1: a?\\n\\n## Q2: b?\\n', { rules: list, config }).findings.filter((f) => f.ruleId === 'short').map((f) => f.message).join());",
      ].join('\n') + '\n',
    );
    writeFileSync(join(dir, 'wrong.ts'), `import { lint } from 'playbook-proof';\nexport const score: string = lint('# Empty').score.passed;\n`);
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const typecheck = (file: string) =>
      spawnSync(
        process.execPath,
        [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', file],
        { cwd: dir, encoding: 'utf8' },
      );
    const good = typecheck('use.mts');
    expect(good.stdout).toBe('');
    expect(good.status).toBe(0);
    const bad = typecheck('wrong.ts');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain("wrong.ts(2,14): error TS2322: Type 'number' is not assignable to type 'string'.");
    const emitted = spawnSync(
      process.execPath,
      [tsc, '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--outDir', 'out', 'use.mts'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(emitted.status).toBe(0);
    expect(sh(dir, 'node out/use.mjs').stdout).toBe('2 questions\n');
    const run = sh(dir, `node --input-type=module -e "import { lint } from 'playbook-proof'; console.log(lint('# Empty').score.total)"`);
    expect(run.stdout).toBe('7\n');
  }, 180_000);

  it("the README's install steps, run as written, set up a hook that blocks a failing playbook and commits a passing one", () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const block = /<!-- install-steps:[^>]*-->\n```sh\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const steps = block!.split('\n');
    expect(steps).toEqual([`npm install --save-dev ${RELEASE_URL}`, 'npx playbook-proof init', 'npm install']);

    const dir = project('course');
    for (const step of steps) {
      // the release URL stands for the tarball this checkout packs: the same bytes the release carries
      const result = sh(dir, step.replace(RELEASE_URL, tarball));
      expect(result.code, `${step}\n${result.output}`).toBe(0);
    }
    expect(readFileSync(join(dir, '.husky', 'pre-commit'), 'utf8')).toBe('playbook-proof hook\n');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\n');

    const example = readFileSync(examplePath, 'utf8');
    const q3 = example.indexOf('## Q3:');
    const failing = example.slice(0, example.indexOf('**Gotcha', q3)) + example.slice(example.indexOf('## Q4:', q3));
    writeFileSync(join(dir, PLAYBOOK), failing);
    const blocked = sh(dir, 'git add -A && git commit -m "Write the playbook"');
    expect(blocked.code).toBe(1);
    expect(blocked.output).toContain('Q3 has no gotcha list of common wrong answers');
    expect(blocked.output).toContain('This commit is blocked.');

    copyFileSync(examplePath, join(dir, PLAYBOOK));
    const committed = sh(dir, 'git add -A && git commit -m "Write the playbook"');
    expect(committed.code, committed.output).toBe(0);
    expect(committed.output).toContain(`✔ playbook-proof: ${PLAYBOOK} passes 7/7 criteria.`);
    const files = execFileSync('git', ['ls-files'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').sort();
    expect(files).toEqual(
      ['.github/workflows/playbook-proof.yml', '.gitignore', '.husky/pre-commit', PLAYBOOK, 'package-lock.json', 'package.json'].sort(),
    );
  }, 300_000);
});
