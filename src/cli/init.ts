/**
 * `playbook-proof init`: sets a learner's repository up. It reads what is there once (`readRepository`),
 * decides every change from that snapshot alone (`planInit`, pure), then writes and reports each change.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix, relative, resolve } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { joinList } from '../core/text.js';
import { ConfigError, ExitError, UsageError } from '../errors.js';
import { describeFsError } from '../node/fs-errors.js';
import { findRepoRoot, toPosix } from '../node/playbook-file.js';
import {
  HOOK_COMMAND,
  PRE_COMMIT_LINE,
  WORKFLOW,
  WORKFLOW_PATH,
  lefthookSnippet,
  preCommitSnippet,
  releaseTarball,
  skeleton,
} from './init-templates.js';
import { planRemarkrc, REMARK_CONFIG_FILES } from './init-remark.js';
import { readConfig, type CliIo } from './shared.js';

/** What `init` is asked to do: with `dryRun`, report the changes without writing them. */
export interface InitOptions {
  dryRun: boolean;
  /** Also add a `.remarkrc.json` running playbook-proof/remark (editor squiggles). */
  remark?: boolean;
}

/** What init decides from: the repository's relevant files and git's hook settings, read once. */
export interface InitReads {
  /** The repository folder's name: the package name when there is no package.json. */
  folder: string;
  /** The playbook's path from the repository root (the configured `path`). */
  playbook: string;
  /** This package's version: the devDependency is its release tarball. */
  version: string;
  /** The text of each candidate file that exists, by path from the root with `/`. */
  files: ReadonlyMap<string, string>;
  /** `core.hooksPath`, or null when unset. */
  hooksPath: string | null;
  /** The pre-commit hook git runs when husky is not in charge (path to show, text), or null when there is none. */
  gitHook: { path: string; text: string } | null;
}

/** A snippet for the learner to add by hand: where it goes and its text. */
export interface Snippet {
  intro: string;
  text: string;
}

/** One reported line, and for `create` and `update` the whole new text of the file. */
export type Change =
  | { kind: 'create' | 'update'; path: string; text: string; what?: string; mode?: number }
  | { kind: 'unchanged'; path: string }
  | { kind: 'found'; tool: string; path: string; snippet?: Snippet };

interface HookTool {
  tool: string;
  files: readonly string[];
  /** Its configuration in package.json, when it is configured there instead of in a file. */
  inPackageJson?(json: Json): unknown;
  snippet(playbook: string, path: string): Snippet;
}

/** Other hook managers: when one is set up, init leaves husky out and prints what to add to it. */
const HOOK_TOOLS: readonly HookTool[] = [
  {
    tool: 'pre-commit',
    files: ['.pre-commit-config.yaml', '.pre-commit-config.yml'],
    snippet: (playbook, path) => ({ intro: `Add this hook to the repos: list in ${path}:`, text: preCommitSnippet(playbook) }),
  },
  {
    tool: 'lefthook',
    files: ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml'],
    snippet: (playbook, path) => ({
      intro: `Add this to ${path} (merge it into its pre-commit: section if it has one):`,
      text: lefthookSnippet(playbook),
    }),
  },
  {
    tool: 'simple-git-hooks',
    files: [
      '.simple-git-hooks.json',
      '.simple-git-hooks.js',
      '.simple-git-hooks.cjs',
      '.simple-git-hooks.mjs',
      'simple-git-hooks.json',
      'simple-git-hooks.js',
      'simple-git-hooks.cjs',
      'simple-git-hooks.mjs',
    ],
    inPackageJson: (json) => json['simple-git-hooks'],
    snippet: (_, path) => ({
      intro: `Add this to the simple-git-hooks configuration in ${path} (join it to an existing pre-commit command with &&), then run npx simple-git-hooks:`,
      text: `"pre-commit": "${HOOK_COMMAND}"`,
    }),
  },
  {
    tool: 'husky 4',
    files: ['.huskyrc', '.huskyrc.json', '.huskyrc.yaml', '.huskyrc.yml', '.huskyrc.js', '.huskyrc.cjs', 'husky.config.js', 'husky.config.cjs'],
    inPackageJson: (json) => (isObject(json.husky) ? json.husky.hooks : undefined),
    snippet: (_, path) => ({
      intro: `Add this to the hooks in ${path} (join it to an existing pre-commit command with &&):`,
      text: `"pre-commit": "${HOOK_COMMAND}"`,
    }),
  },
];

const PACKAGE_JSON = 'package.json';
const GITIGNORE = '.gitignore';
const HUSKY_PRE_COMMIT = '.husky/pre-commit';
const HUSKY_RANGE = '^9.1.7';

/** Sets up the pre-commit hook, the pull-request workflow and a playbook skeleton in the repository at io.cwd. */
export async function init(options: InitOptions, io: CliIo): Promise<number> {
  const root = findRepoRoot(io.cwd);
  if (root === null) throw new UsageError('init must run inside a git repository: run git init first');
  // the configuration as the hook sees it: git runs hooks from the repository root
  const config = await readConfig(undefined, root, root);
  const reads = await readRepository(root, config.path);
  const changes = planInit(reads);
  if (options.remark) changes.push(planRemarkrc(reads));
  // paths as the learner types them from where init runs
  const shown = (path: string) => toPosix(relative(io.cwd, resolve(root, path))) || path;
  for (const change of changes) {
    if (!options.dryRun && (change.kind === 'create' || change.kind === 'update')) writeChange(root, change);
    io.stdout.write(`${reportLine({ ...change, path: shown(change.path) }, options.dryRun)}\n`);
  }
  io.stdout.write(closing(changes, shown(reads.playbook), reads.version, options.dryRun));
  return 0;
}

/** Reads the candidate files and git's hook settings under `root`. */
export async function readRepository(root: string, playbook: string): Promise<InitReads> {
  const candidates = [
    PACKAGE_JSON,
    GITIGNORE,
    HUSKY_PRE_COMMIT,
    WORKFLOW_PATH,
    playbook,
    ...HOOK_TOOLS.flatMap((tool) => tool.files),
    ...REMARK_CONFIG_FILES,
  ];
  const files = new Map<string, string>();
  for (const path of candidates) {
    const text = readText(join(root, path), path);
    if (text !== null) files.set(path, text);
  }
  const { defaultHooksDir, gitClient, hooksPath } = await import('../node/git.js');
  const git = gitClient(root);
  const configured = await hooksPath(git);
  let gitHook: InitReads['gitHook'] = null;
  if (configured === null) {
    const file = join(await defaultHooksDir(git, root), 'pre-commit');
    const path = toPosix(relative(root, file));
    const text = readText(file, path);
    if (text !== null) gitHook = { path, text };
  } else if (!isHuskyHooksPath(configured)) {
    const file = resolve(root, configured, 'pre-commit');
    const path = toPosix(relative(root, file));
    gitHook = { path, text: readText(file, path) ?? '' };
  }
  return { folder: basename(root), playbook, version: pkg.version, files, hooksPath: configured, gitHook };
}

/** Every change init makes, in the order it reports them, decided from `reads` alone. */
export function planInit(reads: InitReads): Change[] {
  const pkgJson = parsePackageJson(reads.files.get(PACKAGE_JSON));
  const found = findHookTools(reads, pkgJson);
  const husky = found.length === 0;
  const changes: Change[] = [...found, planPackageJson(reads, pkgJson, husky), planGitignore(reads.files.get(GITIGNORE))];
  if (husky) changes.push(planPreCommit(reads.files.get(HUSKY_PRE_COMMIT)));
  changes.push(createOnce(reads, WORKFLOW_PATH, WORKFLOW));
  changes.push(createOnce(reads, reads.playbook, skeleton()));
  return changes;
}

function findHookTools(reads: InitReads, pkgJson: Json | null): Change[] {
  const found: Change[] = [];
  for (const tool of HOOK_TOOLS) {
    const inPackage = pkgJson === null ? undefined : tool.inPackageJson?.(pkgJson);
    const path = inPackage !== undefined ? PACKAGE_JSON : tool.files.find((file) => reads.files.has(file));
    if (path === undefined) continue;
    // package.json names playbook-proof anyway, as a devDependency: look in the tool's own part only
    const text = inPackage !== undefined ? JSON.stringify(inPackage) : reads.files.get(path)!;
    found.push(foundTool(tool.tool, path, text, tool.snippet(reads.playbook, path)));
  }
  if (found.length > 0 || reads.gitHook === null) return found;
  // no hook manager: git runs a hook script of its own, from core.hooksPath or .git/hooks
  const { path, text } = reads.gitHook;
  const snippet = { intro: `Add this line to ${path}:`, text: HOOK_COMMAND };
  if (reads.hooksPath !== null) return [foundTool('core.hooksPath', reads.hooksPath, text, snippet)];
  return [foundTool('git hook', path, text, snippet)];
}

function foundTool(tool: string, path: string, text: string, snippet: Snippet): Change {
  // already set up: a second run has nothing to ask for
  return text.includes('playbook-proof') ? { kind: 'found', tool, path } : { kind: 'found', tool, path, snippet };
}

function isHuskyHooksPath(path: string): boolean {
  const normalized = posix.normalize(path.replace(/\\/g, '/')).replace(/\/+$/, '');
  return normalized === '.husky/_' || normalized === '.husky';
}

type Json = Record<string, unknown>;

/** package.json as an object, or null when there is none; throws a ConfigError when it is not a JSON object. */
function parsePackageJson(text: string | undefined): Json | null {
  if (text === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`package.json is not valid JSON: ${message.trim().split('\n')[0]}`, { cause: error });
  }
  if (!isObject(value)) throw new ConfigError('package.json is not a JSON object');
  return value;
}

/** package.json with what is missing: the devDependencies, and with husky its prepare script. */
function planPackageJson(reads: InitReads, pkgJson: Json | null, husky: boolean): Change {
  const text = reads.files.get(PACKAGE_JSON);
  const json: Json = pkgJson === null ? { name: packageName(reads.folder), private: true } : structuredClone(pkgJson);
  const added: string[] = [];

  if (husky) {
    const scripts = objectField(json, 'scripts');
    const prepare = scripts?.prepare;
    if (prepare !== undefined && typeof prepare !== 'string') throw new ConfigError('package.json\'s "scripts.prepare" is not a string');
    if (prepare === undefined || prepare.trim() === '') {
      json.scripts = { ...scripts, prepare: 'husky' };
      added.push('set scripts.prepare to "husky"');
    } else if (!/\bhusky\b/.test(prepare)) {
      json.scripts = { ...scripts, prepare: `${prepare} && husky` };
      added.push('added "&& husky" to scripts.prepare');
    }
  }

  // until playbook-proof is on the npm registry, its release tarball is what npm install can resolve
  const wanted: Record<string, string> = husky ? { husky: HUSKY_RANGE } : {};
  wanted['playbook-proof'] = releaseTarball(reads.version);
  const dependencies = objectField(json, 'dependencies') ?? {};
  const devDependencies = objectField(json, 'devDependencies') ?? {};
  const missing = Object.keys(wanted).filter((name) => !(name in devDependencies) && !(name in dependencies));
  if (missing.length > 0) {
    const merged: Record<string, unknown> = { ...devDependencies };
    for (const name of missing) merged[name] = wanted[name];
    json.devDependencies = isSorted(Object.keys(devDependencies)) ? sortKeys(merged) : merged;
    added.push(`added ${joinList(missing)} to devDependencies`);
  }

  if (text === undefined) return { kind: 'create', path: PACKAGE_JSON, text: `${JSON.stringify(json, null, 2)}\n` };
  if (added.length === 0) return { kind: 'unchanged', path: PACKAGE_JSON };
  return { kind: 'update', path: PACKAGE_JSON, text: formatJsonLike(json, text), what: added.join('; ') };
}

/** .gitignore with node_modules/ in it, so `git add -A` after npm install stages no installed package. */
function planGitignore(text: string | undefined): Change {
  if (text === undefined) return { kind: 'create', path: GITIGNORE, text: 'node_modules/\n' };
  const ignored = text.split(/\r?\n/).some((line) => /^(\*\*\/|\/)?node_modules\/?\s*$/.test(line));
  if (ignored) return { kind: 'unchanged', path: GITIGNORE };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text.length === 0 || text.endsWith('\n') ? '' : eol;
  return { kind: 'update', path: GITIGNORE, text: `${text}${separator}node_modules/${eol}`, what: 'added node_modules/' };
}

function objectField(json: Json, key: string): Json | undefined {
  const value = json[key];
  if (value === undefined) return undefined;
  if (!isObject(value)) throw new ConfigError(`package.json's "${key}" is not an object`);
  return value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSorted(keys: string[]): boolean {
  return keys.every((key, i) => i === 0 || keys[i - 1]!.localeCompare(key, 'en') <= 0);
}

function sortKeys(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b, 'en')));
}

/** Serializes `json` with the original's indentation (tab or its number of spaces), line endings and BOM. */
function formatJsonLike(json: Json, original: string): string {
  const indent = /^([ \t]+)\S/m.exec(original)?.[1];
  const unit = indent === undefined ? 2 : indent.startsWith('\t') ? '\t' : indent.length;
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  return `${bom}${JSON.stringify(json, null, unit).replace(/\n/g, eol)}${eol}`;
}

/** A package name from a folder name: lowercase letters, digits, `-`, `.` and `_`. */
export function packageName(folder: string): string {
  const name = folder
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, 214);
  return name.length > 0 ? name : 'playbook';
}

function planPreCommit(text: string | undefined): Change {
  if (text === undefined) return { kind: 'create', path: HUSKY_PRE_COMMIT, text: `${PRE_COMMIT_LINE}\n`, mode: 0o755 };
  const lf = text.replace(/\r\n?/g, '\n');
  if (runsHook(lf)) return { kind: 'unchanged', path: HUSKY_PRE_COMMIT };
  const separator = lf.length === 0 || lf.endsWith('\n') ? '' : '\n';
  return { kind: 'update', path: HUSKY_PRE_COMMIT, text: `${lf}${separator}${PRE_COMMIT_LINE}\n`, what: `added ${PRE_COMMIT_LINE}`, mode: 0o755 };
}

/** True when a line of the hook script (not a comment) runs `playbook-proof hook`. */
function runsHook(script: string): boolean {
  return script.split('\n').some((line) => !/^\s*#/.test(line) && /(?:^|[\s;&|(/])playbook-proof\s+hook(?=$|[\s;&|)])/.test(line));
}

function createOnce(reads: InitReads, path: string, text: string): Change {
  return reads.files.has(path) ? { kind: 'unchanged', path } : { kind: 'create', path, text };
}

/** The line reporting `change`; with --dry-run, what would happen. */
export function reportLine(change: Change, dryRun: boolean): string {
  switch (change.kind) {
    case 'create':
      return `${dryRun ? 'would create' : 'created'} ${change.path}`;
    case 'update':
      return `${dryRun ? 'would update' : 'updated'} ${change.path} (${change.what})`;
    case 'unchanged':
      return `unchanged ${change.path}`;
    case 'found':
      return `found ${change.tool} (${change.path})${change.snippet ? '' : ', which already runs playbook-proof'}`;
  }
}

/** The snippets to add by hand, then what to do next: commands that work as printed, from where init ran. */
function closing(changes: Change[], playbook: string, version: string, dryRun: boolean): string {
  const snippets = changes.flatMap((change) => ('snippet' in change && change.snippet ? [change.snippet] : []));
  const husky = !changes.some((change) => change.kind === 'found');
  let text = '';
  for (const { intro, text: snippet } of snippets) text += `\n${intro}\n\n${indent(snippet, '    ')}\n`;
  if (dryRun && changes.some((change) => change.kind === 'create' || change.kind === 'update')) {
    return `${text}\nNext: run playbook-proof init without --dry-run to make these changes (nothing was written).\n`;
  }
  const steps = [
    husky
      ? 'npm install    (installs husky and playbook-proof; husky, as the prepare script, turns the hook on)'
      : 'npm install    (installs playbook-proof)',
    ...(snippets.length > 0 ? [`add ${snippets.length === 1 ? 'the snippet' : 'the snippets'} above`] : []),
    `write your answers in ${playbook}; npx playbook-proof check shows what is still missing`,
    'git add -A && git commit -m "Write the playbook"    (the hook checks the playbook first)',
  ];
  text += `\nNext:\n${steps.map((step, i) => `  ${i + 1}. ${step}\n`).join('')}`;
  const tarball = releaseTarball(version);
  if (changes.some((change) => change.path === PACKAGE_JSON && 'text' in change && change.text.includes(tarball))) {
    text +=
      `  playbook-proof is installed from its v${version} release (the URL in package.json). Once it is on the npm\n` +
      `  registry, switch to it with: npm install --save-dev playbook-proof@^${version}\n`;
  }
  if (husky) {
    text +=
      '  A new clone or git worktree runs no hook until npm install has run in it.\n' +
      '  HUSKY=0 git commit … skips the hook for one commit (the pull-request check still runs).\n' +
      '  Node from nvm or another version manager not found in the hook? husky 9 runs ~/.config/husky/init.sh\n' +
      '  before every hook: put the lines that load your version manager there, for nvm:\n' +
      '      export NVM_DIR="$HOME/.nvm"\n' +
      '      [ -s "$NVM_DIR/nvm.sh" ] && . "$NVM_DIR/nvm.sh"\n';
  }
  return text;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

/** Reads a file as text, or null when it does not exist; any other failure is a one-line error. */
function readText(file: string, path: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new ExitError(`cannot read ${path}: ${describeFsError(error)}`, 2, { cause: error });
  }
}

function writeChange(root: string, change: Extract<Change, { text: string }>): void {
  const file = join(root, change.path);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, change.text, change.mode === undefined ? {} : { mode: change.mode });
    if (change.mode !== undefined) chmodSync(file, change.mode);
  } catch (error) {
    throw new ExitError(`cannot write ${change.path}: ${describeFsError(error)}`, 2, { cause: error });
  }
}
