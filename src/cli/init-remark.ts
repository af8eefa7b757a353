/** `init --remark`: a `.remarkrc.json` that runs playbook-proof/remark, for `npx remark` and editors running remark-language-server. */
import type { Change, InitReads } from './init.js';

export const REMARKRC_PATH = '.remarkrc.json';

/** The configuration init writes: remark runs only this plugin, which checks only the playbook. */
export const REMARKRC = `${JSON.stringify({ plugins: ['playbook-proof/remark'] }, null, 2)}\n`;

/** Where remark (unified-engine, rcName `.remarkrc`) looks for its configuration, besides package.json's `remarkConfig`. */
export const REMARK_CONFIG_FILES = [
  '.remarkrc',
  '.remarkrc.json',
  '.remarkrc.cjs',
  '.remarkrc.mjs',
  '.remarkrc.js',
  '.remarkrc.yaml',
  '.remarkrc.yml',
] as const;

/** Creates `.remarkrc.json`; with remark already configured, leaves that file alone and prints the plugin to add. */
export function planRemarkrc(reads: InitReads): Change {
  const file = REMARK_CONFIG_FILES.find((name) => reads.files.has(name));
  const inPackage = file === undefined ? remarkConfigOf(reads.files.get('package.json')) : undefined;
  const path = file ?? (inPackage !== undefined ? 'package.json' : undefined);
  if (path === undefined) return { kind: 'create', path: REMARKRC_PATH, text: REMARKRC };
  const text = file !== undefined ? reads.files.get(file)! : inPackage!;
  if (text.includes('playbook-proof/remark')) return { kind: 'unchanged', path };
  // remark is configured there already, and init does not edit that file: it prints the plugin to add
  return {
    kind: 'found',
    tool: 'remark',
    path,
    snippet: {
      intro: `Add this to the plugins of ${path === 'package.json' ? 'remarkConfig in package.json' : path}:`,
      text: "'playbook-proof/remark'",
    },
  };
}

/** package.json's `remarkConfig` as text, or undefined; an unreadable package.json is init's own error to report. */
function remarkConfigOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const config = (JSON.parse(text.replace(/^\uFEFF/, '')) as { remarkConfig?: unknown }).remarkConfig;
    return config === undefined ? undefined : JSON.stringify(config);
  } catch {
    return undefined;
  }
}
