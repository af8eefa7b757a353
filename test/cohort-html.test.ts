import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CohortReport, CohortRow, ForkState } from '../src/cohort/types.js';
import { lessonTopics } from '../src/core/coverage.js';
import { cohortStats, formatCohortHtml, topicStats } from '../src/report/cohort-html.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOT = fileURLToPath(new URL('../docs/cohort-report.png', import.meta.url));

const CRITERIA = [
  { id: 'question-count', title: '≥15 questions with full answers' },
  { id: 'project-example', title: 'Each answer includes a concrete project example' },
  { id: 'gotchas', title: 'Gotcha section lists ≥2 wrong answers per question' },
  { id: 'difficulty', title: 'Difficulty ratings cover L1, L2, and L3' },
  { id: 'cheat-sheet', title: 'Cheat sheet has one-line summary per question' },
  { id: 'answer-structure', title: 'Every entry follows Theory → Project → Tradeoff → Metric' },
  { id: 'location', title: 'Document committed to week-24/day1-dist-sys-qa.md' },
];
const HOSTILE = '<img src=x onerror=alert(1)>';
const TOPICS = lessonTopics();

function row(fork: string, state: ForkState, extra: Partial<CohortRow> = {}): CohortRow {
  const checked = state === 'passed' || state === 'failing';
  return {
    fork,
    owner: fork.split('/')[0]!,
    url: `https://github.com/${fork}`,
    state,
    passed: state === 'passed' ? CRITERIA.length : 0,
    total: checked ? CRITERIA.length : 0,
    failing: [],
    findings: [],
    archived: false,
    lastCommit: state === 'empty' ? null : '2025-05-30T09:12:00Z',
    headSha: state === 'empty' ? null : 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
    reason: null,
    ...extra,
  };
}

const small: CohortReport = {
  template: 'course-org/dist-sys-course',
  path: 'week-24/day1-dist-sys-qa.md',
  generatedAt: '2025-06-01T14:03:27Z',
  criteria: CRITERIA,
  rows: [
    row('ada/course', 'passed'),
    row('bob/course', 'failing', {
      passed: 5,
      failing: [
        { id: 'gotchas', title: CRITERIA[2]!.title, questions: [3, 7] },
        { id: 'location', title: CRITERIA[6]!.title, questions: [] },
      ],
    }),
    row(HOSTILE, 'failing', {
      owner: `o'neil"&`,
      url: 'javascript:alert(1)',
      passed: 6,
      failing: [{ id: 'project-example', title: '<b>bold</b>', questions: [2] }],
    }),
    row('carol/course', 'missing', { reason: 'no week-24/day1-dist-sys-qa.md on main' }),
    row('dan/course', 'unreadable', { reason: '<script>alert(1)</script> is binary', lastCommit: null }),
    row('eve/course', 'empty', { reason: 'the fork has no commits' }),
  ],
};

/** `data-*` values of every element matching `tag` with attribute `key`, as [key value, data-count]. */
function counts(html: string, key: string): Array<[string, number]> {
  const re = new RegExp(`<rect[^>]*\\sdata-${key}="([^"]*)"[^>]*\\sdata-count="(\\d+)"`, 'g');
  return [...html.matchAll(re)].map((m) => [m[1]!, Number(m[2])]);
}

describe('formatCohortHtml', () => {
  const html = formatCohortHtml(small);

  it('counts, per criterion, the rows that pass it; rows that could not be checked pass nothing', () => {
    expect(counts(html, 'criterion')).toEqual([
      ['question-count', 3],
      ['project-example', 2],
      ['gotchas', 2],
      ['difficulty', 3],
      ['cheat-sheet', 3],
      ['answer-structure', 3],
      ['location', 2],
    ]);
  });

  it('draws the completeness histogram over 0..total, unchecked rows at 0', () => {
    expect(counts(html, 'score')).toEqual([
      ['0', 3],
      ['1', 0],
      ['2', 0],
      ['3', 0],
      ['4', 0],
      ['5', 1],
      ['6', 1],
      ['7', 1],
    ]);
    expect(cohortStats(small).histogram).toEqual([3, 0, 0, 0, 0, 1, 1, 1]);
  });

  it('shows the header: template, path, scan time, counts per state and who passes everything', () => {
    expect(html).toContain('course-org/dist-sys-course');
    expect(html).toContain('<code>week-24/day1-dist-sys-qa.md</code>');
    expect(html).toContain('2025-06-01 14:03 UTC');
    const states = [...html.matchAll(/data-state="(\w+)" data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(states).toEqual([
      ['passed', 1],
      ['failing', 2],
      ['missing', 1],
      ['unreadable', 1],
      ['empty', 1],
    ]);
    expect(html).toContain('data-all-passed="1"');
  });

  it('has one body row per learner with its score and failing questions, and a data-key on every header', () => {
    const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    expect(body.match(/<tr /g)).toHaveLength(6);
    expect(html).toContain('data-fork="bob/course"');
    expect(html).toContain('>5/7</td>');
    expect(html).toContain('gotchas (Q3, Q7)</span>, <span class="crit" title="Document committed to week-24/day1-dist-sys-qa.md">location</span>');
    const keys = [...html.matchAll(/<th [^>]*data-key="(\w+)"/g)].map((m) => m[1]);
    expect(keys).toEqual(['fork', 'owner', 'state', 'score', 'failing', 'lastCommit', 'reason']);
    expect(html).toMatch(/<table id="learners">/);
    expect(html).toMatch(/<th [^>]*data-key="fork"[^>]*aria-sort="ascending"/);
  });

  it('escapes everything a learner controls and links only http(s) URLs', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('data-fork="&lt;img src=x onerror=alert(1)&gt;"');
    expect(html).toContain('o&#39;neil&quot;&amp;');
    expect(html).toContain('title="&lt;b&gt;bold&lt;/b&gt;"');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; is binary');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://github.com/bob/course"');
  });

  it('loads nothing from outside: no http(s) URL except the rows’ fork links', () => {
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/src="http/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/url\(/i);
    const links = [...html.matchAll(/<a href="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(links).toHaveLength(5);
    expect(html.replace(/<a href="https?:\/\/[^"]*"/g, '')).not.toMatch(/https?:/i);
    expect(html).toContain("default-src 'none'");
  });

  it('renders an empty cohort', () => {
    const empty = formatCohortHtml({ ...small, rows: [] });
    expect(counts(empty, 'criterion').every(([, n]) => n === 0)).toBe(true);
    expect(counts(empty, 'score')).toHaveLength(8);
    expect(empty).toContain('No forks of the template were found.');
  });

  it('charts, per topic of the lesson map, the learners with a question on it, so skipped topics stand out', () => {
    const all = lessonTopics().map((topic) => topic.id);
    const withTopics: CohortReport = {
      ...small,
      rows: small.rows.map((r, i) => ({
        ...r,
        topics: i === 0 ? all : i === 1 ? all.filter((t) => t !== 'calm' && t !== 'jepsen') : i === 2 ? ['cap'] : null,
      })),
    };
    const page = formatCohortHtml(withTopics);
    expect(topicStats(withTopics)!.find((t) => t.id === 'calm')).toEqual({ id: 'calm', name: 'CALM theorem', level: 'L3', count: 1 });
    expect(counts(page, 'topic')).toEqual(all.map((id) => [id, id === 'cap' ? 3 : id === 'calm' || id === 'jepsen' ? 1 : 2]));
    expect(page).toContain("<figcaption>Learners with a question on each topic of the lesson's map</figcaption>");
    // a report without topics (older scans, coverage rule off) has no such chart
    expect(topicStats(small)).toBeNull();
    expect(html).not.toContain('data-topic');
  });
});

/** A deterministic cohort of `n` learners in all five states. */
function generate(n: number, seed = 42): CohortReport {
  let s = seed >>> 0;
  const random = (): number => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const names = ['ada', 'grace', 'linus', 'barbara', 'edsger', 'leslie', 'margaret', 'ken', 'radia', 'donald', 'frances', 'tim'];
  const suffixes = ['', '-dev', '42', '-codes', '-k', '-learns', '-io', 'x'];
  const reasons: Record<'missing' | 'unreadable' | 'empty', string[]> = {
    missing: ['no week-24/day1-dist-sys-qa.md on main', 'the playbook is at week24/qa.md, not at week-24/day1-dist-sys-qa.md'],
    unreadable: ['the playbook is 6.2 MiB, over the 5 MiB limit', 'the fork could not be read (403)', 'week-24/day1-dist-sys-qa.md is binary'],
    empty: ['the fork has no commits'],
  };
  const rows: CohortRow[] = [];
  const used = new Set<string>();
  for (let i = 0; i < n; i++) {
    const r = random();
    const state: ForkState =
      i < 5
        ? (['passed', 'failing', 'missing', 'unreadable', 'empty'] as const)[i]!
        : r < 0.3
          ? 'passed'
          : r < 0.75
            ? 'failing'
            : r < 0.87
              ? 'missing'
              : r < 0.95
                ? 'unreadable'
                : 'empty';
    let owner = `${pick(names)}${pick(suffixes)}`;
    if (used.has(owner)) owner = `${owner}-${i}`;
    used.add(owner);
    const fork = `${owner}/dist-sys-course`;
    const day = new Date(Date.UTC(2025, 2, 1) + Math.floor(random() * 90 * 24) * 3_600_000).toISOString();
    const sha = (i * 2654435761).toString(16).padStart(8, '0').repeat(5).slice(0, 40);
    const base: CohortRow = {
      fork,
      owner,
      url: `https://github.com/${fork}`,
      state,
      passed: 0,
      total: 0,
      failing: [],
      findings: [],
      archived: false,
      lastCommit: day,
      headSha: sha,
      reason: null,
    };
    if (state === 'passed') {
      rows.push({ ...base, passed: CRITERIA.length, total: CRITERIA.length, topics: TOPICS.map((t) => t.id) });
    } else if (state === 'failing') {
      const failing = CRITERIA.filter(() => random() < 0.3);
      if (failing.length === 0) failing.push(pick(CRITERIA));
      rows.push({
        ...base,
        passed: CRITERIA.length - failing.length,
        total: CRITERIA.length,
        // some learners skip a topic, the L3 ones most (derived from i, so the random sequence is unchanged)
        topics: TOPICS.filter((t, j) => (i * 31 + j * 17) % 10 >= (t.level === 'L3' ? 4 : 1)).map((t) => t.id),
        failing: failing.map(({ id, title }) => ({
          id,
          title,
          questions:
            id === 'location' || id === 'difficulty'
              ? []
              : [...new Set([1 + Math.floor(random() * 15), 1 + Math.floor(random() * 15)])].sort((a, b) => a - b),
        })),
      });
    } else {
      rows.push({
        ...base,
        reason: pick(reasons[state]),
        lastCommit: state === 'empty' || (state === 'unreadable' && random() < 0.5) ? null : day,
        headSha: state === 'empty' ? null : sha,
      });
    }
  }
  return {
    template: 'course-org/dist-sys-course',
    path: 'week-24/day1-dist-sys-qa.md',
    generatedAt: '2025-06-01T14:03:27Z',
    criteria: CRITERIA,
    rows,
  };
}

async function openReport(browser: Browser, report: CohortReport, dir: string, name: string) {
  const file = join(dir, name);
  await writeFile(file, formatCohortHtml(report));
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, url, requests, errors };
}

const scoreColumn = (page: Page) => page.$$eval('#learners tbody tr', (trs) => trs.map((tr) => Number(tr.children[3]!.textContent!.split('/')[0])));
const attrCounts = (page: Page, key: string) =>
  page.$$eval(
    `rect[data-${key}]`,
    (rects, k) => rects.map((r) => [r.getAttribute(`data-${k}`)!, Number(r.getAttribute('data-count'))] as [string, number]),
    key,
  );

describe('the page in Chromium', () => {
  it.skipIf(!HAS_CHROMIUM)(
    'shows 1,000 learners, sorts by score both ways, and fetches nothing',
    async () => {
      const report = generate(1000);
      const states = new Set(report.rows.map((r) => r.state));
      expect(states.size).toBe(5);
      // expected chart values, from the generated rows
      const expectedCriteria = CRITERIA.map((c): [string, number] => [
        c.id,
        report.rows.filter((r) => r.state === 'passed' || (r.state === 'failing' && !r.failing.some((f) => f.id === c.id))).length,
      ]);
      const expectedHistogram = CRITERIA.map((_, k) => k)
        .concat(CRITERIA.length)
        .map((k): [string, number] => [
          String(k),
          report.rows.filter((r) => (r.state === 'passed' || r.state === 'failing' ? r.passed : 0) === k).length,
        ]);

      const dir = await mkdtemp(join(tmpdir(), 'cohort-html-'));
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      try {
        const { page, url, requests, errors } = await openReport(browser, report, dir, 'cohort.html');
        expect(await page.locator('#learners tbody tr').count()).toBe(1000);

        const before = await scoreColumn(page);
        expect(before).toHaveLength(1000);
        const sorted = [...before].sort((a, b) => a - b);
        const score = page.locator('th[data-key="score"]');

        await score.click();
        expect(await score.getAttribute('aria-sort')).toBe('ascending');
        expect(await page.locator('th[data-key="fork"]').getAttribute('aria-sort')).toBeNull();
        const ascending = await scoreColumn(page);
        expect([ascending[0], ascending[999]]).toEqual([sorted[0], sorted[999]]);
        expect(ascending).toEqual(sorted);

        await score.click();
        expect(await score.getAttribute('aria-sort')).toBe('descending');
        const descending = await scoreColumn(page);
        expect([descending[0], descending[999]]).toEqual([sorted[999], sorted[0]]);
        expect(descending).toEqual([...sorted].reverse());

        // stable: among equal scores, rows keep the page's original (fork) order
        const forks = await page.$$eval('#learners tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-fork')!));
        const original = report.rows.map((r) => r.fork).sort(new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare);
        const topScore = forks.slice(0, descending.lastIndexOf(sorted[999]!) + 1);
        expect(topScore).toEqual(original.filter((f) => topScore.includes(f)));

        expect(await attrCounts(page, 'criterion')).toEqual(expectedCriteria);
        expect(await attrCounts(page, 'topic')).toEqual(TOPICS.map((t) => [t.id, report.rows.filter((r) => r.topics?.includes(t.id)).length]));
        const histogram = await attrCounts(page, 'score');
        expect(histogram).toEqual(expectedHistogram);
        expect(histogram.reduce((sum, [, n]) => sum + n, 0)).toBe(1000);

        // the inline style applied (its CSP hash matched) and the script ran without errors
        const badge = await page.evaluate("getComputedStyle(document.querySelector('#learners .badge')).borderRadius");
        expect(badge).toBe('999px');
        expect(errors).toEqual([]);
        expect(requests).toEqual([url]);

        // without JavaScript the table is still there, in fork order
        const noJs = await browser.newContext({ javaScriptEnabled: false });
        const plain = await noJs.newPage();
        await plain.goto(url);
        expect(await plain.locator('#learners tbody tr').count()).toBe(1000);
        expect(await plain.locator('#learners').isVisible()).toBe(true);
        await noJs.close();
      } finally {
        await browser.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
    15_000,
  );

  it.skipIf(!HAS_CHROMIUM || process.env.UPDATE_SCREENSHOT !== '1')(
    'updates docs/cohort-report.png (UPDATE_SCREENSHOT=1)',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'cohort-html-'));
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      try {
        const { page, errors, requests, url } = await openReport(browser, generate(40, 7), dir, 'screenshot.html');
        await page.screenshot({ path: SCREENSHOT });
        expect(errors).toEqual([]);
        expect(requests).toEqual([url]);
      } finally {
        await browser.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
    15_000,
  );
});
