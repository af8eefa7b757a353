/** `cards`: the playbook as flashcards (Anki text import, CSV or JSON), and the review days as an .ics file. */
import { existsSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { buildCards, type Card } from '../cards/cards.js';
import { DECK_FORMATS, formatDeck, type DeckFormat } from '../cards/formats.js';
import { lint } from '../core/lint.js';
import { plural } from '../core/text.js';
import { InputError, UsageError } from '../errors.js';
import { describeFsError } from '../node/fs-errors.js';
import { findRepoRoot, readPlaybookFile } from '../node/playbook-file.js';
import { parseOptions, readConfig, type CliIo } from './shared.js';

const HELP = `playbook-proof cards: turn the playbook into flashcards to review on the lesson's schedule

Usage:
  playbook-proof cards [path] [--format anki|csv|json] [--out FILE] [--schedule DATE] [--config FILE]

  path             the playbook (default: the configured path at the repository root)
  --format, -f     anki (default): Anki's text import, one step in File > Import;
                   csv: front, back, tags and the card's facts; json: every card with its fields
  --out, -o        write the deck to FILE instead of standard output
  --schedule DATE  also write the review days (DATE + 3, 7, 21 and 60 days) as an iCalendar file:
                   FILE with the extension .ics when --out is given, else playbook-review.ics
  --config, -c     a .json or .yml configuration file
  --help, -h       this help

One card per question (the cheat-sheet line, the project's metric and the wrong answers on the back) and
one per wrong answer ("Why is … wrong?"), tagged L1/L2/L3 and with the question's topic.
`;

const DEFAULT_SCHEDULE_FILE = 'playbook-review.ics';

/** Runs the `cards` command; returns the exit code. */
export async function cards(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      format: { type: 'string', short: 'f', default: 'anki' },
      out: { type: 'string', short: 'o' },
      schedule: { type: 'string' },
      config: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h' },
    },
    'cards',
  );
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`cards takes one playbook path, got ${positionals.length}`);
  const format = values.format as DeckFormat;
  if (!DECK_FORMATS.includes(format)) throw new UsageError(`--format must be "anki", "csv" or "json", got "${values.format}"`);
  let start: string | null = null;
  if (values.schedule !== undefined) {
    const { parseDate } = await import('../cards/schedule.js');
    start = parseDate(values.schedule);
    if (start === null) throw new UsageError(`--schedule must be a calendar date as YYYY-MM-DD, got "${values.schedule.slice(0, 40)}"`);
  }

  const root = findRepoRoot(io.cwd) ?? io.cwd;
  const config = await readConfig(values.config, io.cwd, root);
  const explicit = positionals[0];
  if (explicit === undefined && !existsSync(join(root, config.path))) {
    throw new InputError(`no playbook at ${config.path}: write it there, or pass the path of the playbook to make cards from`);
  }
  const file = readPlaybookFile(explicit ?? join(root, config.path), io.cwd);
  const result = lint(file.text, { path: file.repoPath, config });
  if (result.playbook.questions.length === 0) throw new InputError(`${file.displayPath} has no questions to make cards from`);
  const deck = buildCards(result.playbook);
  const text = formatDeck(deck, format, { path: file.repoPath });
  // with the deck on standard output, every message goes to standard error
  const say = values.out === undefined ? io.stderr : io.stdout;
  if (!result.passed) {
    say.write(`note: ${file.displayPath} does not pass every criterion yet (playbook-proof check says which); the cards hold what it has now\n`);
  }

  if (values.out === undefined) io.stdout.write(text);
  else {
    write(io, values.out, text);
    say.write(`wrote ${values.out} (${describe(deck)}, ${format === 'anki' ? 'Anki text import' : format.toUpperCase()})\n`);
  }
  if (start !== null) {
    const { lessonReviewDays, reviewCalendar } = await import('../cards/schedule.js');
    const days = lessonReviewDays();
    const target = values.out === undefined ? DEFAULT_SCHEDULE_FILE : icsPath(values.out);
    write(io, target, reviewCalendar(deck, { start, days, path: file.repoPath, now: new Date() }));
    say.write(`wrote ${target} (${days.length} reviews: ${days.map((d) => addDays(start!, d)).join(', ')})\n`);
  }
  return 0;
}

function describe(deck: readonly Card[]): string {
  const questions = deck.filter((card) => card.kind === 'question').length;
  return `${plural(questions, 'question card')}, ${plural(deck.length - questions, 'gotcha card')}`;
}

/** The schedule's file beside the deck: cards.txt → cards.ics (a deck named cards.ics keeps it: cards-review.ics). */
function icsPath(out: string): string {
  const extension = extname(out);
  const stem = extension ? out.slice(0, -extension.length) : out;
  return extension.toLowerCase() === '.ics' ? `${stem}-review.ics` : `${stem}.ics`;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function write(io: CliIo, target: string, text: string): void {
  try {
    writeFileSync(resolve(io.cwd, target), text);
  } catch (error) {
    throw new InputError(`cannot write ${target}: ${describeFsError(error)}`, { cause: error });
  }
}
