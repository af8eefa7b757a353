import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseAnki, parseCsv } from './helpers/cards.js';
import { cli, examplePath, runBundle, tempRepo } from './helpers/cli.js';

const example = readFileSync(examplePath, 'utf8');
const PLAYBOOK = 'week-24/day1-dist-sys-qa.md';

describe('playbook-proof cards', () => {
  it('writes the Anki deck of the default playbook to standard output', async () => {
    const dir = tempRepo({ [PLAYBOOK]: example });
    const { code, stdout, stderr } = await cli(['cards'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { headers, records } = parseAnki(stdout);
    expect(headers.slice(0, 2)).toEqual([
      ['separator', 'tab'],
      ['html', 'true'],
    ]);
    expect(records).toHaveLength(58);
  });

  it('writes CSV to --out and the review days to an .ics file beside it', async () => {
    const dir = tempRepo({ [PLAYBOOK]: example });
    const { code, stdout, stderr } = await cli(['cards', '--format', 'csv', '--out', 'deck.csv', '--schedule', '2026-06-01'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      'wrote deck.csv (15 question cards, 43 gotcha cards, CSV)\n' + 'wrote deck.ics (4 reviews: 2026-06-04, 2026-06-08, 2026-06-22, 2026-07-31)\n',
    );
    expect(parseCsv(readFileSync(join(dir, 'deck.csv'), 'utf8'))).toHaveLength(58);
    const events = new ICAL.Component(ICAL.parse(readFileSync(join(dir, 'deck.ics'), 'utf8'))).getAllSubcomponents('vevent');
    expect(events.map((e) => new ICAL.Event(e).startDate.toString())).toEqual(['2026-06-04', '2026-06-08', '2026-06-22', '2026-07-31']);
  });

  it('with the deck on standard output, names the .ics playbook-review.ics and reports on standard error', async () => {
    const dir = tempRepo({ [PLAYBOOK]: example });
    const { code, stdout, stderr } = await cli(['cards', PLAYBOOK, '--format', 'json', '--schedule', '2026-01-31'], dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).cards).toHaveLength(58);
    expect(stderr).toBe('wrote playbook-review.ics (4 reviews: 2026-02-03, 2026-02-07, 2026-02-21, 2026-04-01)\n');
    expect(existsSync(join(dir, 'playbook-review.ics'))).toBe(true);
  });

  it('never writes the schedule over the deck', async () => {
    const dir = tempRepo({ [PLAYBOOK]: example });
    const { code, stdout } = await cli(['cards', '--out', 'deck.ics', '--schedule', '2026-06-01'], dir);
    expect(code).toBe(0);
    expect(stdout.split('\n')[1]).toBe('wrote deck-review.ics (4 reviews: 2026-06-04, 2026-06-08, 2026-06-22, 2026-07-31)');
    expect(parseAnki(readFileSync(join(dir, 'deck.ics'), 'utf8')).records).toHaveLength(58);
  });

  it('makes cards from a playbook that does not pass yet, and says so', async () => {
    const dir = tempRepo({
      'draft.md':
        '## Q1: What is CAP? [L1]\n\n**Answer:**\nA partition forces a choice.\n\n**Gotchas:**\n- ❌ "Pick two" — only during a partition.\n',
    });
    const { code, stdout, stderr } = await cli(['cards', 'draft.md'], dir);
    expect(code).toBe(0);
    expect(parseAnki(stdout).records.map((r) => r[0])).toEqual(['Q1: What is CAP?', 'Why is “Pick two” wrong?<br><small>Q1: What is CAP?</small>']);
    expect(stderr).toBe('note: draft.md does not pass every criterion yet (playbook-proof check says which); the cards hold what it has now\n');
  });

  it.each([
    [['cards', '--format', 'pdf'], 'playbook-proof: --format must be "anki", "csv" or "json", got "pdf"\n'],
    [['cards', '--schedule', '2026-02-30'], 'playbook-proof: --schedule must be a calendar date as YYYY-MM-DD, got "2026-02-30"\n'],
    [['cards', '--schedule'], 'playbook-proof: option --schedule needs a value; run playbook-proof cards --help\n'],
    [['cards', 'a.md', 'b.md'], 'playbook-proof: cards takes one playbook path, got 2\n'],
    [['cards', 'notes.md'], 'playbook-proof: notes.md has no questions to make cards from\n'],
    [['cards', '--out', 'missing/dir/deck.txt'], 'playbook-proof: cannot write missing/dir/deck.txt: no such file\n'],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const dir = tempRepo({ [PLAYBOOK]: example, 'notes.md': '# Notes\n\nNothing yet.\n' });
    const { code, stdout, stderr } = await cli(args, dir);
    expect([code, stdout, stderr]).toEqual([2, '', message]);
  });

  it('says where the playbook should be when there is none', async () => {
    const { code, stderr } = await cli(['cards'], tempRepo());
    expect(code).toBe(2);
    expect(stderr).toBe(
      'playbook-proof: no playbook at week-24/day1-dist-sys-qa.md: write it there, or pass the path of the playbook to make cards from\n',
    );
  });

  it('has its own help', async () => {
    const { code, stdout } = await cli(['cards', '--help'], tempRepo());
    expect(code).toBe(0);
    expect(stdout).toContain('playbook-proof cards [path] [--format anki|csv|json] [--out FILE] [--schedule DATE] [--config FILE]');
  });

  it('works from the bundle (csv-stringify, ical.js and the lesson data are bundled)', () => {
    const dir = tempRepo({ [PLAYBOOK]: example });
    const { code, stdout, stderr } = runBundle(['cards', '--out', 'cards.txt', '--schedule', '2026-06-01'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      'wrote cards.txt (15 question cards, 43 gotcha cards, Anki text import)\nwrote cards.ics (4 reviews: 2026-06-04, 2026-06-08, 2026-06-22, 2026-07-31)\n',
    );
    expect(parseAnki(readFileSync(join(dir, 'cards.txt'), 'utf8')).records).toHaveLength(58);
    expect(new ICAL.Component(ICAL.parse(readFileSync(join(dir, 'cards.ics'), 'utf8'))).getAllSubcomponents('vevent')).toHaveLength(4);
  });
});
