/**
 * Reads the runnable examples out of a rule's doc page (`docs/rules/<id>.md`) for test/docs.test.ts:
 * - the "Failing example" section holds one `markdown` fence (the playbook), at most one `json` fence (its
 *   `.playbook-proof.json`) and one or more `console` fences, each a transcript: a `$ playbook-proof check …`
 *   line and everything the command prints. The playbook is saved at the path the command names, or at the
 *   default path when it names none;
 * - elsewhere, a `markdown` fence followed directly by a `text` fence is an excerpt: the text fence holds the
 *   lines `playbook-proof check` prints under the page's own criterion for that playbook alone, with the
 *   default configuration;
 * - each fence under "How to fix" follows a marker saying how it changes the failing example:
 *   `<!-- fix: replaces the failing example -->`, `<!-- fix: replaces lines 9-15 of the failing example -->`
 *   (or `line 23`), or `<!-- fix: runs in the failing example's repository -->` (a shell script; then `check` with no path).
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/** A fenced block's place in its page, so that its body can be rewritten. */
export interface Fence {
  info: string;
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** 0-based lines of the body: from `bodyStart` up to, not including, `bodyEnd`. */
  bodyStart: number;
  bodyEnd: number;
  /** Index in the token stream: two fences with nothing but blank lines between them are adjacent. */
  index: number;
  /** The fix marker in the HTML comment right above the fence, if any. */
  marker: string | null;
  section: string;
}

/** A `console` fence: the command after `$ ` and what it printed. */
export interface Transcript {
  fence: Fence;
  /** The arguments after `playbook-proof`. */
  args: string[];
  /** The file the command checks, relative to the repository root. */
  path: string;
  output: string;
}

export interface Excerpt {
  markdown: string;
  fence: Fence;
  output: string;
}

export type Fix =
  | { line: number; kind: 'replace'; from: number; to: number; text: string }
  | { line: number; kind: 'whole'; text: string }
  | { line: number; kind: 'shell'; text: string };

export interface DocPage {
  rule: string;
  failing: { markdown: string; config: string | null; transcripts: Transcript[] };
  excerpts: Excerpt[];
  fixes: Fix[];
}

export const DOCS_PLAYBOOK_PATH = 'week-24/day1-dist-sys-qa.md';
const FAILING = 'Failing example';
const HOW_TO_FIX = 'How to fix';
const FIX_MARKER = /^<!--\s*fix:\s*(.*?)\s*-->$/;
const COMMAND = /^\$ playbook-proof check(?: (.*))?$/;

/** Reads a rule's doc page into its examples; throws, naming the page and line, when one is malformed. */
export function readDocPage(rule: string, source: string): DocPage {
  const fences = collectFences(source);
  const where = (line: number) => `docs/rules/${rule}.md:${line}`;
  const failing = fences.filter((fence) => fence.section === FAILING);
  const examples = failing.filter((fence) => fence.info === 'markdown');
  if (examples.length !== 1) throw new Error(`docs/rules/${rule}.md: "${FAILING}" holds ${examples.length} markdown fences, expected one`);
  const configs = failing.filter((fence) => fence.info === 'json');
  if (configs.length > 1) throw new Error(`${where(configs[1]!.line)}: "${FAILING}" holds more than one json fence`);
  const misplaced = fences.find((fence) => fence.info === 'console' && fence.section !== FAILING);
  if (misplaced) throw new Error(`${where(misplaced.line)}: a console transcript outside "${FAILING}" would not be tested`);
  const transcripts = failing.filter((fence) => fence.info === 'console').map((fence) => readTranscript(fence, where));
  if (transcripts.length === 0) throw new Error(`${where(examples[0]!.line)}: "${FAILING}" has no console fence with the output`);
  return {
    rule,
    failing: { markdown: examples[0]!.text, config: configs[0]?.text ?? null, transcripts },
    excerpts: excerpts(fences),
    fixes: fences.filter((fence) => fence.section === HOW_TO_FIX).map((fence) => readFix(fence, where)),
  };
}

/** Applies a `replace` or `whole` fix to the failing example's text. */
export function applyFix(example: string, fix: Exclude<Fix, { kind: 'shell' }>): string {
  if (fix.kind === 'whole') return fix.text;
  const lines = example.replace(/\n$/, '').split('\n');
  const before = lines[fix.from - 2];
  const after = lines[fix.to];
  if (
    fix.from < 1 ||
    fix.from > fix.to ||
    fix.to > lines.length ||
    (before !== undefined && before !== '') ||
    (after !== undefined && after !== '')
  ) {
    throw new Error(`lines ${fix.from}-${fix.to} are not a whole block of the ${lines.length}-line failing example`);
  }
  return [...lines.slice(0, fix.from - 1), ...fix.text.replace(/\n$/, '').split('\n'), ...lines.slice(fix.to)].join('\n') + '\n';
}

/** Whether two fixes change overlapping lines (then they are alternatives, checked apart). */
export function overlaps(a: Fix, b: Fix): boolean {
  if (a.kind !== 'replace' || b.kind !== 'replace') return true;
  return a.from <= b.to && b.from <= a.to;
}

/** The page with the given fences' bodies replaced: what `UPDATE_DOCS=1` writes back. */
export function rewriteFences(source: string, bodies: ReadonlyMap<Fence, string>): string {
  const lines = source.split('\n');
  const bottomUp = [...bodies].sort(([a], [b]) => b.bodyStart - a.bodyStart);
  for (const [fence, body] of bottomUp) lines.splice(fence.bodyStart, fence.bodyEnd - fence.bodyStart, ...body.replace(/\n$/, '').split('\n'));
  return lines.join('\n');
}

/** The body of a console fence: the command line, then the output. */
export function transcriptBody(transcript: Transcript, output: string): string {
  return `$ playbook-proof ${transcript.args.join(' ')}\n${output}`;
}

/** Every fenced block of a Markdown file, with the level-2 section it sits in. */
export function collectFences(source: string): Fence[] {
  const tokens = new MarkdownIt('commonmark').parse(source, {});
  const lines = source.split('\n');
  const fences: Fence[] = [];
  let section = '';
  tokens.forEach((token, index) => {
    if (token.type === 'heading_open' && token.tag === 'h2') section = tokens[index + 1]!.content;
    if (token.type !== 'fence') return;
    const [begin, end] = token.map!;
    if (!lines[end - 1]!.trim().startsWith(token.markup) || end - begin < 2) throw new Error(`line ${begin + 1}: a fence that is never closed`);
    fences.push({
      info: token.info.trim(),
      text: token.content,
      line: begin + 1,
      bodyStart: begin + 1,
      bodyEnd: end - 1,
      index,
      marker: fixMarker(tokens[index - 1]),
      section,
    });
  });
  return fences;
}

function fixMarker(previous: Token | undefined): string | null {
  if (previous?.type !== 'html_block') return null;
  return FIX_MARKER.exec(previous.content.trim())?.[1] ?? null;
}

function readTranscript(fence: Fence, where: (line: number) => string): Transcript {
  const [command = '', ...output] = fence.text.split('\n');
  const match = COMMAND.exec(command);
  if (!match) throw new Error(`${where(fence.line)}: a console fence starts with "$ playbook-proof check [options] [path]", got "${command}"`);
  const options = match[1]?.split(' ') ?? [];
  const paths = options.filter((arg) => !arg.startsWith('-'));
  if (paths.length > 1) throw new Error(`${where(fence.line)}: "${command}" names more than one path`);
  return { fence, args: ['check', ...options], path: paths[0] ?? DOCS_PLAYBOOK_PATH, output: output.join('\n') };
}

function excerpts(fences: Fence[]): Excerpt[] {
  return fences.flatMap((fence, i) => {
    const next = fences[i + 1];
    if (fence.section === FAILING || fence.info !== 'markdown' || next?.info !== 'text' || next.index !== fence.index + 1) return [];
    return [{ markdown: fence.text, fence: next, output: next.text }];
  });
}

function readFix(fence: Fence, where: (line: number) => string): Fix {
  const { marker, line, text } = fence;
  if (marker === 'replaces the failing example') return { line, kind: 'whole', text };
  if (marker === "runs in the failing example's repository") return { line, kind: 'shell', text };
  const range = /^replaces (?:line (\d+)|lines (\d+)-(\d+)) of the failing example$/.exec(marker ?? '');
  if (range) return { line, kind: 'replace', from: Number(range[1] ?? range[2]), to: Number(range[1] ?? range[3]), text };
  throw new Error(
    `${where(line)}: a fence under "${HOW_TO_FIX}" needs a marker such as <!-- fix: replaces lines 9-15 of the failing example -->, got ${marker === null ? 'none' : `"${marker}"`}`,
  );
}
