/**
 * `playbook-proof/remark`: the same rules inside unified. It runs the engine on the file's text (the engine
 * keeps its own markdown-it parse; remark's tree is not used) and reports each finding as a vfile message,
 * so `remark --use playbook-proof/remark` prints what `check` prints, and editors running
 * remark-language-server underline it as the learner types.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { resolveConfig, type Config } from '../config.js';
import { decodePlaybook } from '../core/decode.js';
import { lint } from '../core/lint.js';
import { loadConfigFile } from '../node/config-file.js';
import { findConfigFile } from '../node/config-lookup.js';
import { findRepoRoot, toPosix } from '../node/playbook-file.js';
import { fixFor, fixUrl } from '../report/fixes.js';

export interface Options {
  /** Check every file the plugin is given; by default only the playbook at the configured path (and text without a path). */
  all?: boolean;
  /** A configuration file (relative to the working directory) instead of the one looked up. */
  config?: string;
}

const SOURCE = 'playbook-proof';

/** The unified plugin: lints the file with playbook-proof and adds one message per finding. */
const remarkPlaybookProof: Plugin<[Options?]> = function (options = {}) {
  return (_tree, file) => {
    check(file, options);
  };
};

export default remarkPlaybookProof;

function check(file: VFile, options: Options): void {
  const where = locate(file);
  let config: Config;
  try {
    config = configFor(file.cwd, where, options);
  } catch (error) {
    // a bad configuration is one message on the file, as `check` gives one line, never a stack trace
    fail(file, error instanceof Error ? error.message : String(error), 'config');
    return;
  }
  if (!options.all && where.repoPath !== null && where.repoPath.toLowerCase() !== config.path.toLowerCase()) return;
  const bytes = typeof file.value === 'string' ? Buffer.from(file.value, 'utf8') : file.value;
  const decoded = decodePlaybook(bytes);
  if (!decoded.ok) {
    fail(file, `The playbook ${decoded.reason}`, 'question-count');
    return;
  }
  const result = lint(decoded.text, { path: where.repoPath ?? config.path, config });
  for (const finding of result.findings) {
    const message = file.message(finding.message, { place: { line: finding.line, column: finding.column }, ruleId: finding.ruleId, source: SOURCE });
    message.fatal = finding.severity === 'error';
    message.url = fixUrl(finding.ruleId);
    message.note = fixFor(finding, config) ?? undefined;
  }
}

function fail(file: VFile, reason: string, ruleId: string): void {
  const message = file.message(reason, { place: { line: 1, column: 1 }, ruleId, source: SOURCE });
  message.fatal = true;
}

interface Where {
  /** Where configuration is looked up from, and up to. */
  start: string;
  stop: string;
  /** The file's path from its repository root, with `/`; null for text without a path. */
  repoPath: string | null;
}

/** The file's place: its path from the repository root (the working directory outside one), as `check` computes it. */
function locate(file: VFile): Where {
  const cwd = file.cwd;
  if (!file.path) {
    const root = findRepoRoot(cwd);
    return { start: cwd, stop: root ?? cwd, repoPath: null };
  }
  const absolute = resolve(cwd, file.path);
  const root = findRepoRoot(dirname(absolute));
  const repoPath = toPosix(relative(root ?? cwd, absolute));
  // configuration is looked up as `check` does, from the working directory up to the repository root;
  // from the file's own folder when the working directory is outside its repository
  const inside = root !== null && (cwd === root || cwd.startsWith(`${root}${sep}`));
  const start = root === null || inside ? cwd : dirname(absolute);
  return { start, stop: root ?? start, repoPath };
}

function configFor(cwd: string, where: Where, options: Options): Config {
  const explicit = options.config === undefined ? null : resolve(cwd, options.config);
  const file = explicit ?? findConfigFile(where.start, where.stop);
  return file === null ? resolveConfig() : loadConfigFile(file, options.config ?? toPosix(relative(where.start, file)));
}
