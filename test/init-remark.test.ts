import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REMARKRC } from '../src/cli/init-remark.js';
import { cli } from './helpers/cli.js';

// `init --remark` in real repositories made with `git init`, through main().
function gitRepo(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'playbook-proof-init-remark-'));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, stdio: 'pipe' });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
const lines = (stdout: string) => stdout.split('\n\n')[0]!.split('\n');

describe('playbook-proof init --remark', () => {
  it('adds a .remarkrc.json running the plugin, once', async () => {
    const dir = gitRepo();
    const first = await cli(['init', '--remark'], dir);
    expect(first.code).toBe(0);
    expect(lines(first.stdout).at(-1)).toBe('created .remarkrc.json');
    expect(readFileSync(join(dir, '.remarkrc.json'), 'utf8')).toBe('{\n  "plugins": [\n    "playbook-proof/remark"\n  ]\n}\n');
    expect(readFileSync(join(dir, '.remarkrc.json'), 'utf8')).toBe(REMARKRC);
    const again = await cli(['init', '--remark'], dir);
    expect(lines(again.stdout).at(-1)).toBe('unchanged .remarkrc.json');
  });

  it('adds nothing for remark without the flag', async () => {
    const dir = gitRepo();
    const { stdout } = await cli(['init'], dir);
    expect(stdout).not.toContain('remarkrc');
    expect(existsSync(join(dir, '.remarkrc.json'))).toBe(false);
  });

  it.each([
    ['.remarkrc.yml', { '.remarkrc.yml': 'plugins:\n  - remark-lint\n' }, 'Add this to the plugins of .remarkrc.yml:'],
    [
      'package.json',
      { 'package.json': '{ "name": "x", "remarkConfig": { "plugins": ["remark-lint"] } }\n' },
      'Add this to the plugins of remarkConfig in package.json:',
    ],
  ])('leaves remark configured in %s alone and prints the plugin to add', async (path, files, intro) => {
    const dir = gitRepo(files);
    const { stdout } = await cli(['init', '--remark'], dir);
    expect(stdout).toContain(`found remark (${path})`);
    expect(stdout).toContain(`${intro}\n\n    'playbook-proof/remark'\n`);
    expect(existsSync(join(dir, '.remarkrc.json'))).toBe(false);
  });

  it('reports remark already running the plugin as unchanged', async () => {
    const dir = gitRepo({ '.remarkrc': '{ "plugins": ["playbook-proof/remark", "remark-lint"] }\n' });
    expect(lines((await cli(['init', '--remark'], dir)).stdout).at(-1)).toBe('unchanged .remarkrc');
  });

  it('says what it would do with --dry-run', async () => {
    const dir = gitRepo();
    expect(lines((await cli(['init', '--remark', '--dry-run'], dir)).stdout).at(-1)).toBe('would create .remarkrc.json');
    expect(existsSync(join(dir, '.remarkrc.json'))).toBe(false);
  });
});
