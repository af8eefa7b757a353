import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { compileClaim, findClaims, splitSentences, stanceOf, type Stance } from '../src/rules/misconception/claims.js';
import { lessonTopics } from '../src/core/coverage.js';
import { lint } from '../src/core/lint.js';
import { spokenParts } from '../src/core/questions.js';
import { misconceptions } from '../src/rules/misconception.js';
import catalogue from '../src/data/misconceptions.json' with { type: 'json' };
import { examplePath, repoRoot } from './helpers/cli.js';
import { readExpectations } from './helpers/expectations.js';

const shared = join(repoRoot, '..', 'shared');
const referenceFiles = existsSync(join(shared, 'reference')) ? readdirSync(join(shared, 'reference')) : [];
const corpusDir = join(shared, 'corpus');
const passing = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((name) => /^pass-.*\.md$/.test(name))
      .sort()
  : [];

const topicIds = [...lessonTopics().map((t) => t.id), 'transactions', 'partitioning'];
const regex = z.string().refine((source) => {
  try {
    compileClaim(source);
    return true;
  } catch {
    return false;
  }
}, 'must compile as a claim pattern');
// fragments may not capture: capture groups are the gaps between them
const noCapture = regex.refine((source) => !/\((?!\?)/.test(source.replace(/\\./g, '').replace(/\[[^\]]*\]/g, '')), 'must use (?:…) groups only');
const entrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  topic: z.enum(topicIds as [string, ...string[]]),
  belief: z.string().min(10).max(120),
  patterns: z.array(noCapture).min(1),
  truths: z.array(noCapture).min(1).optional(),
  context: regex.optional(),
  except: regex.optional(),
  caseSensitive: z.boolean().optional(),
  correction: z
    .string()
    .min(40)
    .max(300)
    .regex(/^[^\n]*\.$/, 'one line ending in a full stop'),
  reference: z.string().min(5),
});

const fixtureDir = join(repoRoot, 'test', 'fixtures');
const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.startsWith('misconception-'))
  .sort();
const linted = fixtures.map((name) => {
  const source = readFileSync(join(fixtureDir, name), 'utf8');
  return { name, result: lint(source, { config: resolveConfig(readExpectations(source).config) }) };
});

describe('the misconception catalogue (src/data/misconceptions.json)', () => {
  it('holds at least 25 entries that match the schema, with unique ids', () => {
    expect(catalogue.misconceptions.length).toBeGreaterThanOrEqual(25);
    for (const entry of catalogue.misconceptions) expect(entrySchema.safeParse(entry).error?.issues ?? []).toEqual([]);
    const ids = misconceptions().map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("is listed in full on the rule's doc page", () => {
    const page = readFileSync(join(repoRoot, 'docs', 'rules', 'misconception.md'), 'utf8');
    for (const entry of misconceptions()) expect(page).toContain(`| \`${entry.id}\` | ${entry.topic} | ${entry.belief} |`);
  });

  it.skipIf(referenceFiles.length === 0)('cites, for every entry, a reference file that exists or the lesson', () => {
    const known = Object.keys(catalogue.references);
    for (const file of known.filter((key) => key.endsWith('.txt'))) expect(referenceFiles).toContain(file);
    for (const entry of misconceptions()) expect(known.some((source) => entry.reference.includes(source))).toBe(true);
  });
});

describe.each(misconceptions().map((m) => [m.id, m] as const))('misconception %s', (id, entry) => {
  const patterns = entry.patterns.map((source) => compileClaim(source, entry.caseSensitive));
  const stated = linted.flatMap(({ name, result }) =>
    result.findings.filter((f) => f.messageId === 'stated' && f.data.id === id).map((f) => ({ name, result, finding: f })),
  );

  it('fires exactly once in the fixtures, on the line its marker names', () => {
    expect(stated).toHaveLength(1);
    expect(stated[0]!.finding.message).toContain(entry.correction);
  });

  it('stays quiet on a negated or framed form in the same entry, and in its gotcha list', () => {
    const { result, finding } = stated[0]!;
    const question = result.playbook.questions.find((q) => q.number === finding.question)!;
    const stances: Array<{ stance: Stance; sentence: string }> = [];
    for (const part of spokenParts(question)) {
      const text = part.lines.map((l) => l.text).join('\n');
      for (const pattern of patterns) stances.push(...findClaims(text, pattern));
    }
    // the flagged sentence and at least one near miss that the pattern matches but the stance rules out
    expect(new Set(stances.filter((s) => s.stance === 'stated').map((s) => s.sentence)).size).toBe(1);
    expect(stances.filter((s) => s.stance !== 'stated').length).toBeGreaterThanOrEqual(1);
    const listed = question.gotchaItems.filter((item) => patterns.some((p) => findClaims(item.text, p).length > 0));
    expect(listed.length).toBeGreaterThanOrEqual(1);
  });
});

describe.each(
  misconceptions()
    .filter((m) => m.truths)
    .map((m) => [m.id] as const),
)('misconception %s, stated correctly in a gotcha list', (id) => {
  it('is flagged once: the list calls a correct statement wrong', () => {
    const flagged = linted.flatMap(({ result }) => result.findings.filter((f) => f.messageId === 'correctGotcha' && f.data.id === id));
    expect(flagged).toHaveLength(1);
  });
});

describe('precision on complete playbooks', () => {
  it.skipIf(passing.length === 0).each(passing)('%s gets no misconception warning', (name) => {
    const result = lint(readFileSync(join(corpusDir, name), 'utf8'));
    expect(result.findings.filter((f) => f.ruleId === 'misconception')).toEqual([]);
  });

  it('the shipped example gets none either, though its gotcha lists hold 9 of the beliefs', () => {
    const result = lint(readFileSync(examplePath, 'utf8'));
    expect(result.findings.filter((f) => f.ruleId === 'misconception')).toEqual([]);
    const compiled = misconceptions().map((m) => ({ id: m.id, patterns: m.patterns.map((p) => compileClaim(p, m.caseSensitive)) }));
    const listed = new Set<string>();
    for (const item of result.playbook.questions.flatMap((q) => q.gotchaItems)) {
      for (const { id, patterns } of compiled) if (patterns.some((p) => findClaims(item.text, p).length > 0)) listed.add(id);
    }
    expect([...listed].sort()).toEqual([
      'bft-only-blockchains',
      'cap-c-is-acid',
      'cap-ca-system',
      'consensus-every-node',
      'crash-tolerance-handles-liars',
      'exactly-once-delivery',
      'flp-impossible',
      'lamport-detects-concurrency',
      'linearizable-is-serializable',
    ]);
  });
});

describe('stance of a claim in its sentence', () => {
  const pattern = compileClaim(String.raw`\bexactly[- ]once\s+delivery\s+is\s+possible\b`);
  const stance = (sentence: string): Stance[] => findClaims(sentence, pattern).map((m) => m.stance);

  it.each([
    ['Exactly-once delivery is possible with our broker.', 'stated'],
    ['It is not true that exactly-once delivery is possible.', 'negated'],
    ["Exactly-once delivery is possible? It isn't.", 'framed'],
    ['It is a myth that exactly-once delivery is possible.', 'framed'],
    ['People say exactly-once delivery is possible, but a lost ack proves otherwise.', 'framed'],
    ['The vendor’s "exactly-once delivery is possible" line is wrong.', 'quoted'],
    ['Nobody should tell you exactly-once delivery is possible.', 'negated'],
    ['If exactly-once delivery is possible, why dedup?', 'negated'],
    ['We never claimed exactly-once delivery is possible; we dedup.', 'negated'],
    ['Retries are cheap; exactly-once delivery is possible.', 'stated'],
  ] as const)('%s → %s', (sentence, expected) => {
    expect(stance(sentence)).toEqual([expected]);
  });

  it('scopes a negation to its clause: one in another clause does not hide the claim', () => {
    expect(stance('Our queue never drops a message, but exactly-once delivery is possible too.')).toEqual(['stated']);
  });

  it('does not bridge two clauses with a gap', () => {
    const gapped = compileClaim(String.raw`\braft\b ... \bis\s+AP\b`);
    expect(findClaims('Raft is CP while Cassandra is AP.', gapped)).toEqual([]);
    expect(findClaims('Raft in our setup is AP.', gapped).map((m) => m.stance)).toEqual(['stated']);
  });

  it('splits sentences at full stops but not after "e.g." or inside numbers', () => {
    const text = 'A quorum, e.g. 3 of 5, is 2.5 times safer. Next one! Last?';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end).trim())).toEqual([
      'A quorum, e.g. 3 of 5, is 2.5 times safer.',
      'Next one!',
      'Last?',
    ]);
  });

  it('judges a sentence that repeats a claim over and over on its first 20 matches only', () => {
    const runOn = `${'exactly-once delivery is possible and '.repeat(10_000)}done.`;
    const matches = findClaims(runOn, pattern);
    expect(matches).toHaveLength(20);
    // and reads at most 300 characters either side of each
    expect(matches[19]!.sentence.length).toBeLessThanOrEqual(300 * 2 + 'exactly-once delivery is possible'.length);
    const result = lint(`## Q1: Can a message arrive exactly once? [L2]\n\n**Answer:**\n${runOn} Exactly-once delivery is possible here too.\n`);
    expect(result.findings.filter((f) => f.ruleId === 'misconception').map((f) => [f.line, f.data.id])).toEqual([[4, 'exactly-once-delivery']]);
  });

  it('reads the stance of a match from its own offsets', () => {
    const match = /delivery is possible/.exec('so exactly-once delivery is possible')!;
    expect(stanceOf('so exactly-once delivery is possible', match)).toBe('stated');
  });
});
