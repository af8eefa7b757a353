/** Finds and reads a configuration file; file system only, the validation lives in config-schema. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { resolveConfig, type Config, type ConfigInput } from '../config.js';
import { validateConfig } from '../config-schema.js';
import { ConfigError } from '../errors.js';
import { describeFsError } from './fs-errors.js';

/** Reads, parses and validates a configuration file into a resolved Config. */
export function loadConfigFile(file: string, label = file): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${label}: ${describeFsError(error)}`, { cause: error });
  }
  return resolveConfig(validateConfig(parseConfigText(text, label), label));
}

/** Parses JSON or YAML configuration text (YAML is a superset of JSON, JSON files get JSON's errors). */
export function parseConfigText(text: string, label: string): unknown {
  const isJson = label.endsWith('.json');
  try {
    if (isJson) return JSON.parse(text) as unknown;
    return (parseYaml(text, { maxAliasCount: 100 }) as unknown) ?? {};
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(`${label} is not valid ${isJson ? 'JSON' : 'YAML'}: ${detail}`, { cause: error });
  }
}

/** Parses and validates configuration written inline (the Action's `config` input): YAML, or JSON. */
export function parseConfigInput(text: string, label: string): ConfigInput {
  return validateConfig(parseConfigText(text, label), label);
}
