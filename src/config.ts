/**
 * The resolved configuration every rule reads, derived from the rule list: each rule declares its options (with
 * defaults) and its severity, and the flat configuration file learners write maps onto them.
 */
import type { OptionSpec, OptionSpecs, OptionValues, Rule } from './core/rule.js';
import type { Severity } from './core/types.js';
import { rules as builtinRules } from './rules/index.js';

export { DEFAULT_PATH } from './rules/location.js';

type BuiltinRule = (typeof builtinRules)[number];

/** A built-in rule's id. */
export type BuiltinRuleId = BuiltinRule['id'];

/** A rule's id: a built-in one, or a custom rule's. */
export type RuleId = BuiltinRuleId | (string & {});

/** Every built-in rule id, in checklist order. */
export const RULE_IDS: readonly BuiltinRuleId[] = builtinRules.map((rule) => rule.id);

export type RuleSetting = Severity | 'off';

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;
type OptionsOf<R> = R extends Rule<string, infer O, string> ? OptionValues<O> : never;

/** The built-in rules' options, flat, as the configuration file names them. */
export type RuleOptions = UnionToIntersection<OptionsOf<BuiltinRule>>;

export interface Config extends RuleOptions {
  /** Severity per rule; a rule left out keeps its default. */
  rules: Readonly<Record<BuiltinRuleId, RuleSetting>> & Readonly<Record<string, RuleSetting>>;
}

/** A partial configuration, as written in a config file (already validated). */
export type ConfigInput = Partial<RuleOptions> & { readonly [option: string]: unknown; rules?: Partial<Record<string, RuleSetting>> };

/**
 * Every option of `rules` by its flat name, in rule order. Two rules may not declare one name, and an option may not
 * be called `rules`: a clash is a mistake in a rule's definition, so it throws.
 */
export function optionSpecs(rules: readonly Rule[] = builtinRules): ReadonlyMap<string, OptionSpec> {
  const specs = new Map<string, OptionSpec>();
  const owners = new Map<string, string>();
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) throw new Error(`Two rules have the id "${rule.id}"`);
    ids.add(rule.id);
    for (const [name, spec] of Object.entries(rule.options as OptionSpecs)) {
      if (name === 'rules' || name === '$schema') throw new Error(`Rule ${rule.id} declares the option "${name}", a reserved name`);
      const owner = owners.get(name);
      if (owner !== undefined) throw new Error(`Rules ${owner} and ${rule.id} both declare the option "${name}"`);
      owners.set(name, rule.id);
      specs.set(name, spec);
    }
  }
  return specs;
}

/** Lays a validated partial configuration over the rules' defaults. */
export function resolveConfig(input: ConfigInput = {}, rules: readonly Rule[] = builtinRules): Config {
  const config: Record<string, unknown> = {};
  for (const [name, spec] of optionSpecs(rules)) config[name] = Object.hasOwn(input, name) ? input[name] : spec.default;
  const severities: Record<string, RuleSetting> = {};
  for (const rule of rules) severities[rule.id] = input.rules?.[rule.id] ?? rule.severity;
  config.rules = severities;
  return config as unknown as Config;
}

/** The values of one rule's own options in a resolved configuration. */
export function optionsFor<O extends OptionSpecs>(rule: Rule<string, O, string>, config: Config): OptionValues<O> {
  const values: Record<string, unknown> = {};
  const all = config as unknown as Record<string, unknown>;
  for (const [name, spec] of Object.entries(rule.options as OptionSpecs)) values[name] = all[name] ?? spec.default;
  return values as OptionValues<O>;
}

/** The defaults: the lesson's own thresholds and each rule's own severity. */
export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze(resolveConfig());
