/** Validates a configuration object (from a file or the Action's input) into a `ConfigInput`. */
import * as z from 'zod';
import { RULE_IDS, type ConfigInput } from './config.js';
import { repoPath } from './core/repo-path.js';
import { ConfigError } from './errors.js';

const whole = (min: number, max: number) =>
  z
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` });

const setting = z.enum(['error', 'warning', 'off'], { error: 'must be "error", "warning" or "off"' });

const relativePath = z
  .string({ error: 'must be a path relative to the repository root' })
  .min(1, { error: 'must not be empty' })
  .refine((path) => repoPath(path) !== null, {
    error: 'must be a path inside the repository, relative to its root',
  })
  .overwrite((path) => repoPath(path) ?? path);

const ruleShape = Object.fromEntries(RULE_IDS.map((id) => [id, setting.optional()])) as Record<
  (typeof RULE_IDS)[number],
  z.ZodOptional<typeof setting>
>;

export const configSchema = z.strictObject(
  {
    $schema: z.string().optional(),
    path: relativePath.optional(),
    questions: whole(1, 10_000).optional(),
    words: whole(0, 10_000).optional(),
    gotchas: whole(1, 100).optional(),
    reasonWords: whole(0, 1_000).optional(),
    cheatSheetLines: whole(1, 10_000).optional(),
    lineWidth: whole(20, 1_000).optional(),
    rowChars: whole(10, 10_000).optional(),
    speakingMinutes: z
      .number({ error: 'must be a number of minutes above 0' })
      .positive({ error: 'must be a number of minutes above 0' })
      .max(60, { error: 'must be at most 60 minutes' })
      .optional(),
    wordsPerMinute: whole(30, 1_000).optional(),
    rules: z.strictObject(ruleShape, { error: 'must be an object mapping rule ids to "error", "warning" or "off"' }).optional(),
  },
  { error: 'must be an object of options' },
);

/** Validates a parsed configuration, naming the first bad option in a one-line ConfigError. */
export function validateConfig(value: unknown, source: string): ConfigInput {
  const result = configSchema.safeParse(value, { reportInput: true });
  if (result.success) {
    const { $schema: _ignored, ...config } = result.data;
    return config as ConfigInput;
  }
  const issue = result.error.issues[0]!;
  const where = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = [where, issue.keys[0]].filter(Boolean).join('.');
    const known =
      where === 'rules'
        ? RULE_IDS.join(', ')
        : Object.keys(configSchema.shape)
            .filter((k) => k !== '$schema')
            .join(', ');
    throw new ConfigError(`${source}: unknown option "${key}" (known: ${known})`);
  }
  const got = 'input' in issue && issue.input !== undefined ? ` (got ${JSON.stringify(issue.input)?.slice(0, 40)})` : '';
  throw new ConfigError(where ? `${source}: option "${where}" ${issue.message}${got}` : `${source}: the configuration ${issue.message}`);
}
