/**
 * Validates a configuration object (from a file or the Action's input) into a `ConfigInput`. The schema is derived
 * from the rules' declared options, so a rule's new option is validated without an edit here.
 */
import * as z from 'zod';
import { optionSpecs, type ConfigInput } from './config.js';
import { repoPath } from './core/repo-path.js';
import type { OptionSpec, Rule } from './core/rule.js';
import { ConfigError } from './errors.js';
import { rules as builtinRules } from './rules/index.js';

const setting = z.enum(['error', 'warning', 'off'], { error: 'must be "error", "warning" or "off"' });

function whole(min: number, max: number) {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

function above(floor: number, max: number, unit: string) {
  const error = `must be a number of ${unit} above ${floor}`;
  return z
    .number({ error })
    .gt(floor, { error })
    .max(max, { error: `must be at most ${max} ${unit}` });
}

const repositoryPath = z
  .string({ error: 'must be a path relative to the repository root' })
  .min(1, { error: 'must not be empty' })
  .refine((path) => repoPath(path) !== null, {
    error: 'must be a path inside the repository, relative to its root',
  })
  .overwrite((path) => repoPath(path) ?? path);

function optionSchema(spec: OptionSpec): z.ZodType {
  switch (spec.type) {
    case 'integer':
      return whole(spec.min, spec.max);
    case 'number':
      return above(spec.above, spec.max, spec.unit);
    case 'path':
      return repositoryPath;
  }
}

/** @internal The schema of a configuration file for a rule list: every option of every rule, and a severity per rule id. */
export function configSchema(rules: readonly Rule[] = builtinRules): z.ZodObject {
  const options = Object.fromEntries([...optionSpecs(rules)].map(([name, spec]) => [name, optionSchema(spec).optional()]));
  const severities = Object.fromEntries(rules.map((rule) => [rule.id, setting.optional()]));
  const schema = z.strictObject(
    {
      $schema: z.string().optional(),
      ...options,
      rules: z.strictObject(severities, { error: 'must be an object mapping rule ids to "error", "warning" or "off"' }).optional(),
    },
    { error: 'must be an object of options' },
  );
  return schema;
}

/** Validates a parsed configuration against the rules' options, naming the first bad option in a one-line ConfigError. */
export function validateConfig(value: unknown, source: string, rules: readonly Rule[] = builtinRules): ConfigInput {
  const schema = configSchema(rules);
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) {
    const { $schema: _ignored, ...config } = result.data;
    return config as ConfigInput;
  }
  const issue = result.error.issues[0]!;
  const where = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = [where, issue.keys[0]].filter(Boolean).join('.');
    const known = where === 'rules' ? rules.map((rule) => rule.id) : Object.keys(schema.shape).filter((name) => name !== '$schema');
    throw new ConfigError(`${source}: unknown option "${key}" (known: ${known.join(', ')})`);
  }
  const got = 'input' in issue && issue.input !== undefined ? ` (got ${JSON.stringify(issue.input)?.slice(0, 40)})` : '';
  throw new ConfigError(where ? `${source}: option "${where}" ${issue.message}${got}` : `${source}: the configuration ${issue.message}`);
}
