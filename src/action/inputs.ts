/** Reads and validates the Action's inputs once, into a typed object; a bad input is named in the error. */
import * as core from '@actions/core';
import { DEFAULT_PATH, resolveConfig, type Config, type ConfigInput } from '../config.js';
import { repoPath } from '../core/repo-path.js';
import { ConfigError } from '../errors.js';
import { DEFAULT_TIMEOUT_MS } from '../github/network.js';

export interface ActionInputs {
  token: string;
  /** Where the playbook must be; overrides the config's `path`. */
  path: string;
  label: string;
  comment: boolean;
  /** Review comments on the lines of the failing questions. */
  review: boolean;
  failOnCriteria: boolean;
  /** Publish the completeness badge to the `badges` branch on pushes to the default branch. */
  badge: boolean;
  /** Milliseconds one API request may take before it fails unanswered. */
  timeoutMs: number;
  /** `check` (the playbook of this repository's event) or `cohort` (every fork of `template`). */
  mode: 'check' | 'cohort';
  /** OWNER/REPO of the course template, for mode cohort. */
  template: { owner: string; repo: string } | null;
  config: Config;
}

/** Parses inline `config` text (JSON or YAML) with the CLI's schema. Loaded only when the input is set. */
type ConfigParser = (text: string, label: string) => Promise<ConfigInput>;

function boolean(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  if (/^(true|yes|on)$/i.test(raw)) return true;
  if (/^(false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`Input "${name}" must be true or false, got "${raw.slice(0, 40)}"`);
}

function seconds(name: string, fallback: number, max: number): number {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || value < 0.1 || value > max) {
    throw new ConfigError(`Input "${name}" must be a number of seconds from 0.1 to ${max}, got "${raw.slice(0, 40)}"`);
  }
  return value;
}

/** Reads every input; throws a ConfigError naming the first bad one. */
export async function readInputs(parseConfig: ConfigParser): Promise<ActionInputs> {
  const token = core.getInput('github-token').trim();
  if (token === '') throw new ConfigError('Input "github-token" is empty: pass ${{ github.token }} or a token with pull-requests: write');
  const configText = core.getInput('config');
  const config = configText.trim() === '' ? resolveConfig() : resolveConfig(await parseConfig(configText, 'Input "config"'));
  const given = core.getInput('path').trim() || config.path || DEFAULT_PATH;
  const path = repoPath(given);
  if (path === null) throw new ConfigError(`Input "path" must be a path inside the repository, relative to its root, got "${given.slice(0, 80)}"`);
  const label = core.getInput('label').trim() || 'proof: passed';
  if (label.length > 50) throw new ConfigError(`Input "label" must be at most 50 characters (GitHub's limit), got ${label.length}`);
  const mode = core.getInput('mode').trim() || 'check';
  if (mode !== 'check' && mode !== 'cohort') throw new ConfigError(`Input "mode" must be "check" or "cohort", got "${mode.slice(0, 40)}"`);
  const templateText = core.getInput('template').trim();
  const template = /^([\w.-]{1,100})\/([\w.-]{1,100})$/.exec(templateText);
  if (mode === 'cohort' && !template) {
    throw new ConfigError(`Input "template" must be OWNER/REPO of the course template for mode cohort, got "${templateText.slice(0, 80)}"`);
  }
  return {
    token,
    mode,
    template: template ? { owner: template[1]!, repo: template[2]! } : null,
    path,
    label,
    comment: boolean('comment', true),
    review: boolean('review', true),
    failOnCriteria: boolean('fail-on-criteria', true),
    badge: boolean('badge', false),
    timeoutMs: Math.round(seconds('request-timeout', DEFAULT_TIMEOUT_MS / 1000, 600) * 1000),
    config: { ...config, path },
  };
}
