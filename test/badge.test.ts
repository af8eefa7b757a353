import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint.js';
import { badgeColor, endpointBadge, formatBadgeJson, formatBadgeSvg } from '../src/report/badge.js';
import { cli, examplePath, tempRepo } from './helpers/cli.js';

const example = readFileSync(examplePath, 'utf8');

describe('badge colour and message', () => {
  it.each([
    [7, 7, 'brightgreen'],
    [6, 7, 'green'],
    [5, 7, 'yellowgreen'],
    [3, 7, 'yellow'],
    [2, 7, 'orange'],
    [1, 7, 'red'],
    [0, 7, 'red'],
    [0, 0, 'red'],
  ])('%i/%i is %s', (passed, total, color) => {
    expect(badgeColor(passed, total)).toBe(color);
  });

  it('says "passed" for a complete playbook and "N/M criteria" otherwise', () => {
    expect(endpointBadge(lint(example))).toEqual({ schemaVersion: 1, label: 'playbook', message: 'passed', color: 'brightgreen' });
    // without its label and its ❌ marks, a gotcha list is just a list under the metric
    const noGotchas = example.replace(/^\*\*Gotcha — Common wrong answers:\*\*$/gm, '**Notes:**').replaceAll('❌ ', '');
    expect(endpointBadge(lint(noGotchas))).toEqual({ schemaVersion: 1, label: 'playbook', message: '6/7 criteria', color: 'green' });
    expect(endpointBadge(lint(''))).toEqual({ schemaVersion: 1, label: 'playbook', message: '1/7 criteria', color: 'red' });
  });

  it('writes the shields.io endpoint with exactly its four keys, and a deterministic SVG', () => {
    const data = endpointBadge(lint(example));
    expect(Object.keys(JSON.parse(formatBadgeJson(data)))).toEqual(['schemaVersion', 'label', 'message', 'color']);
    const svg = formatBadgeSvg(data);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('aria-label="playbook: passed"');
    expect(svg).toContain('fill="#4b0"'); // badge-maker's brightgreen
    expect(formatBadgeSvg(data)).toBe(svg);
  });
});

describe('playbook-proof badge', () => {
  it('writes both files and says what it wrote', async () => {
    const dir = tempRepo({ 'week-24/day1-dist-sys-qa.md': example });
    const { code, stdout } = await cli(['badge', '--svg', 'badge.svg', '--json', 'badge.json'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe('wrote badge.svg (playbook: passed)\nwrote badge.json (playbook: passed)\n');
    expect(JSON.parse(readFileSync(join(dir, 'badge.json'), 'utf8')).message).toBe('passed');
    expect(readFileSync(join(dir, 'badge.svg'), 'utf8')).toContain('<title>playbook: passed</title>');
  });

  it('prints the endpoint JSON when no file is named, and names an unwritable target', async () => {
    const dir = tempRepo({ 'week-24/day1-dist-sys-qa.md': example });
    expect(JSON.parse((await cli(['badge'], dir)).stdout).color).toBe('brightgreen');
    const bad = await cli(['badge', '--svg', 'no/such/dir/badge.svg'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('playbook-proof: cannot write no/such/dir/badge.svg: no such file\n');
  });
});
