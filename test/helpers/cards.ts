/** Reads decks back the way their consumers would: Anki's header lines, then tab-separated records; CSV; JSON. */
import { parse } from 'csv-parse/sync';

export interface AnkiFile {
  /** `#key:value` header lines, in order. */
  headers: Array<[string, string]>;
  /** Front, back, tags, GUID. */
  records: string[][];
}

/** Parses Anki's text import format as Anki reads it: `#` header lines first, then tab-separated fields. */
export function parseAnki(text: string): AnkiFile {
  const lines = text.split('\n');
  const headers: Array<[string, string]> = [];
  let i = 0;
  for (; i < lines.length && lines[i]!.startsWith('#'); i++) {
    const colon = lines[i]!.indexOf(':');
    headers.push([lines[i]!.slice(1, colon), lines[i]!.slice(colon + 1)]);
  }
  const records = parse(lines.slice(i).join('\n'), { delimiter: '\t', relax_quotes: false, skip_empty_lines: true }) as string[][];
  return { headers, records };
}

/** Parses the CSV deck into objects keyed by its header row. */
export function parseCsv(text: string): Array<Record<string, string>> {
  return parse(text, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
}
