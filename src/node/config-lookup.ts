/** Finds a configuration file without loading the parsers that read it. */
import { statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

export const CONFIG_NAMES = ['.playbook-proof.json', '.playbook-proof.yml', '.playbook-proof.yaml'] as const;

/** Looks for a configuration file from `start` up to `stop` (inclusive); returns its path or null. */
export function findConfigFile(start: string, stop: string): string | null {
  let dir = resolve(start);
  const root = resolve(stop);
  for (;;) {
    const found = CONFIG_NAMES.map((name) => join(dir, name)).filter(isFile);
    if (found.length > 1) {
      throw new ConfigError(`${found.map((file) => basename(file)).join(' and ')} both exist in ${dir}; keep one`);
    }
    if (found.length === 1) return found[0]!;
    const parent = dirname(dir);
    if (dir === root || parent === dir) return null;
    dir = parent;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
