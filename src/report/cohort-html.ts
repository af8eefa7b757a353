/** The cohort report as one self-contained HTML page for an instructor: summary, charts, a sortable table. */
import { createHash } from 'node:crypto';
import type { CohortReport, CohortRow, ForkState } from '../cohort/types.js';
import { lineUrl } from './links.js';
import { stripControls } from './sanitize.js';
import { lessonTopics } from '../core/coverage.js';
import { plural, questionList } from '../core/text.js';

export const FORK_STATES: readonly ForkState[] = ['passed', 'failing', 'missing', 'unreadable', 'empty'];

/** What the page's header and charts show, computed from the rows. */
export interface CohortStats {
  /** Rows per state. */
  states: Record<ForkState, number>;
  /** Learners whose playbook passes every criterion. */
  allPassed: number;
  /** Per criterion of `report.criteria`, in order: learners who pass it (a row that could not be checked passes nothing). */
  criteria: Array<{ id: string; title: string; count: number }>;
  /** `histogram[k]`: learners with k criteria passed, k = 0..total (a row that could not be checked scores 0). */
  histogram: number[];
}

/** Counts the rows per state, per passed criterion and per score. */
export function cohortStats(report: CohortReport): CohortStats {
  const states = Object.fromEntries(FORK_STATES.map((s) => [s, 0])) as Record<ForkState, number>;
  for (const row of report.rows) states[row.state]++;
  const criteria = report.criteria.map(({ id, title }) => ({
    id,
    title,
    count: report.rows.filter((row) => passesCriterion(row, id)).length,
  }));
  const scores = report.rows.map(score);
  const top = scores.reduce((max, s) => Math.max(max, s), report.criteria.length);
  const histogram = new Array<number>(top + 1).fill(0);
  for (const s of scores) histogram[s] = (histogram[s] ?? 0) + 1;
  return { states, allPassed: states.passed, criteria, histogram };
}

/** Per topic of the lesson's map: learners whose playbook has a question on it; null when no row carries topics. */
export function topicStats(report: CohortReport): Array<{ id: string; name: string; level: string; count: number }> | null {
  if (!report.rows.some((row) => Array.isArray(row.topics))) return null;
  return lessonTopics().map(({ id, name, level }) => ({ id, name, level, count: report.rows.filter((row) => row.topics?.includes(id)).length }));
}

/** Renders the cohort report as a complete HTML page that makes no network request, even opened from disk. */
export function formatCohortHtml(report: CohortReport): string {
  const stats = cohortStats(report);
  const total = report.rows.length;
  const rows = [...report.rows].sort((a, b) => COLLATOR.compare(a.fork, b.fork) || (a.fork < b.fork ? -1 : a.fork > b.fork ? 1 : 0));
  // Only the inline style and script below may run or apply: nothing is fetched, injected markup stays inert.
  const csp = ["default-src 'none'", `style-src '${sha256(STYLE)}'`, `script-src '${sha256(SCRIPT)}'`, "base-uri 'none'", "form-action 'none'"].join(
    '; ',
  );
  const chips = FORK_STATES.map(
    (s) => `<li class="chip s-${s}" data-state="${s}" data-count="${stats.states[s]}"><span class="dot"></span><b>${stats.states[s]}</b> ${s}</li>`,
  ).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Cohort report · ${esc(report.template)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<div class="title">
<h1>Cohort report <span class="muted">·</span> <span class="template">${esc(report.template)}</span></h1>
<p class="meta"><code>${esc(report.path)}</code> · scanned <time datetime="${esc(report.generatedAt)}">${esc(formatTime(report.generatedAt))}</time> · ${plural(total, 'fork')} · ${plural(report.criteria.length, 'criterion', 'criteria')}</p>
</div>
<div class="headline" data-all-passed="${stats.allPassed}"><b>${stats.allPassed}</b><span>of ${total} pass everything<br><span class="muted">${percent(stats.allPassed, total)}</span></span></div>
<ul class="chips" aria-label="Forks per state">${chips}</ul>
</header>
<main>
<section class="charts">
<figure class="card"><figcaption>Learners passing each criterion</figcaption>${criterionChart(stats, total)}</figure>
<figure class="card"><figcaption>Completeness: criteria passed per learner</figcaption>${histogramChart(stats.histogram)}</figure>
${topicFigure(topicStats(report), total)}</section>
<section class="card table-card">
<table id="learners">
<caption>${plural(total, 'learner')}<span id="sort-hint" hidden> · click a column header to sort</span></caption>
<thead><tr>${COLUMNS.map(
    (c) =>
      `<th scope="col" data-key="${c.key}" data-type="${c.type}"${c.key === 'fork' ? ' aria-sort="ascending"' : ''}${c.className ? ` class="${c.className}"` : ''}>${c.label}</th>`,
  ).join('')}</tr></thead>
<tbody>
${rows.map((row) => tableRow(row, report.path)).join('\n')}
</tbody>
</table>
${total === 0 ? '<p class="empty-note">No forks of the template were found.</p>' : ''}
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const COLLATOR = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

const COLUMNS: Array<{ key: string; label: string; type: 'text' | 'number'; className?: string }> = [
  { key: 'fork', label: 'Fork', type: 'text' },
  { key: 'owner', label: 'Owner', type: 'text' },
  { key: 'state', label: 'State', type: 'number' },
  { key: 'score', label: 'Score', type: 'number', className: 'num' },
  { key: 'failing', label: 'Failing criteria', type: 'text' },
  { key: 'lastCommit', label: 'Last commit', type: 'number' },
  { key: 'reason', label: 'Reason', type: 'text' },
];

function checked(row: CohortRow): boolean {
  return row.state === 'passed' || row.state === 'failing';
}

function passesCriterion(row: CohortRow, id: string): boolean {
  return row.state === 'passed' || (row.state === 'failing' && !row.failing.some((f) => f.id === id));
}

function score(row: CohortRow): number {
  return checked(row) && Number.isFinite(row.passed) ? Math.max(0, Math.trunc(row.passed)) : 0;
}

/** A failing criterion, linked to the plain-text view of its first finding's line at the commit checked. */
function criterionChip(row: CohortRow, criterion: CohortRow['failing'][number], path: string): string {
  const qs = criterion.questions.length > 0 ? ` (${questionList(criterion.questions)})` : '';
  const line = row.findings.find((f) => f.ruleId === criterion.id)?.line;
  const href = line !== undefined && row.headSha ? safeHref(lineUrl({ repoUrl: row.url, sha: row.headSha, path }, line)) : null;
  const text = `${esc(criterion.id)}${esc(qs)}`;
  return href
    ? `<a class="crit" href="${href}" title="${esc(criterion.title)} (line ${line})" rel="noopener noreferrer" target="_blank">${text}</a>`
    : `<span class="crit" title="${esc(criterion.title)}">${text}</span>`;
}

function tableRow(row: CohortRow, path: string): string {
  const href = safeHref(row.url);
  const fork = href
    ? `<a href="${href}" rel="noopener noreferrer" target="_blank">${esc(row.fork)}</a>`
    : `<span title="no http(s) link">${esc(row.fork)}</span>`;
  const archived = row.archived ? ' <span class="tag" title="archived: read-only, no status or issue is set">archived</span>' : '';
  const failing = row.failing.map((f) => criterionChip(row, f, path)).join(', ');
  const time = row.lastCommit === null ? Number.NaN : Date.parse(row.lastCommit);
  const sha = row.headSha ? ` · ${row.headSha.slice(0, 7)}` : '';
  const date =
    row.lastCommit === null
      ? '<span class="muted">—</span>'
      : `<time datetime="${esc(row.lastCommit)}" title="${esc(row.lastCommit + sha)}">${esc(Number.isNaN(time) ? row.lastCommit : new Date(time).toISOString().slice(0, 10))}</time>`;
  return (
    `<tr class="r-${row.state}" data-fork="${esc(row.fork)}">` +
    `<td class="fork" data-value="${esc(row.fork)}">${fork}${archived}</td>` +
    `<td class="owner">${esc(row.owner)}</td>` +
    `<td data-value="${FORK_STATES.indexOf(row.state)}"><span class="badge s-${row.state}">${row.state}</span></td>` +
    `<td class="num${checked(row) ? '' : ' muted'}" data-value="${score(row)}">${esc(`${row.passed}/${row.total}`)}</td>` +
    `<td>${failing}</td>` +
    `<td class="date" data-value="${Number.isNaN(time) ? '' : time}">${date}</td>` +
    `<td class="reason">${row.reason === null ? '' : esc(row.reason)}</td>` +
    '</tr>'
  );
}

// Horizontal bars, one per criterion, scaled to the whole cohort.
function criterionChart(stats: CohortStats, cohort: number): string {
  if (stats.criteria.length === 0) return '<p class="muted">No criteria.</p>';
  const width = 560;
  const labelW = 150;
  const barMax = 330;
  const rowH = 26;
  const top = 6;
  const height = top * 2 + stats.criteria.length * rowH;
  const bars = stats.criteria.map((c, i) => {
    const y = top + i * rowH;
    const w = cohort === 0 ? 0 : (c.count / cohort) * barMax;
    const label = c.id.length > 22 ? `${c.id.slice(0, 21)}…` : c.id;
    return (
      `<g><title>${esc(c.title)}: ${c.count} of ${cohort}</title>` +
      `<text class="label" x="${labelW - 10}" y="${y + rowH / 2}" text-anchor="end" dominant-baseline="central">${esc(label)}</text>` +
      `<rect class="track" x="${labelW}" y="${y + 4}" width="${barMax}" height="${rowH - 8}" rx="3"></rect>` +
      `<rect class="bar" data-criterion="${esc(c.id)}" data-count="${c.count}" x="${labelW}" y="${y + 4}" width="${round(w)}" height="${rowH - 8}" rx="3"></rect>` +
      `<text class="count" x="${labelW + barMax + 8}" y="${y + rowH / 2}" dominant-baseline="central">${c.count} <tspan class="muted">${percent(c.count, cohort)}</tspan></text></g>`
    );
  });
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Learners passing each criterion">${bars.join('')}</svg>`;
}

// Horizontal bars, one per topic of the lesson's map, in the map's order: the topics the cohort skips stand out.
function topicFigure(topics: ReturnType<typeof topicStats>, cohort: number): string {
  if (topics === null) return '';
  const rowH = 22;
  const height = 12 + topics.length * rowH;
  const bars = topics.map((t, i) => {
    const y = 6 + i * rowH;
    const w = cohort === 0 ? 0 : (t.count / cohort) * 330;
    return (
      `<g><title>${esc(t.name)} (${t.level}): ${t.count} of ${cohort}</title>` +
      `<text class="label" x="140" y="${y + rowH / 2}" text-anchor="end" dominant-baseline="central">${t.level} ${esc(t.name.length > 18 ? `${t.name.slice(0, 17)}…` : t.name)}</text>` +
      `<rect class="track" x="150" y="${y + 3}" width="330" height="${rowH - 6}" rx="3"></rect>` +
      `<rect class="bar" data-topic="${esc(t.id)}" data-count="${t.count}" x="150" y="${y + 3}" width="${round(w)}" height="${rowH - 6}" rx="3"></rect>` +
      `<text class="count" x="488" y="${y + rowH / 2}" dominant-baseline="central">${t.count} <tspan class="muted">${percent(t.count, cohort)}</tspan></text></g>`
    );
  });
  return (
    `<figure class="card"><figcaption>Learners with a question on each topic of the lesson's map</figcaption>` +
    `<svg class="chart" viewBox="0 0 560 ${height}" width="100%" role="img" aria-label="Learners with a question on each topic">${bars.join('')}</svg></figure>\n`
  );
}

// Vertical bars, one per score 0..total.
function histogramChart(histogram: number[]): string {
  const width = 560;
  const height = 196;
  const left = 12;
  const top = 20;
  const axisY = height - 34;
  const plotH = axisY - top;
  const slot = (width - 2 * left) / histogram.length;
  const barW = Math.min(56, slot * 0.72);
  const max = Math.max(1, ...histogram);
  const last = histogram.length - 1;
  const bars = histogram.map((n, k) => {
    const h = (n / max) * plotH;
    const x = left + k * slot + (slot - barW) / 2;
    const cls = k === last && last > 0 ? 'full' : k === 0 ? 'zero' : 'part';
    const cx = round(x + barW / 2);
    return (
      `<g><title>${plural(n, 'learner')} with ${k} of ${last} criteria passed</title>` +
      `<rect class="hbar ${cls}" data-score="${k}" data-count="${n}" x="${round(x)}" y="${round(axisY - h)}" width="${round(barW)}" height="${round(h)}" rx="3"></rect>` +
      `<text class="count" x="${cx}" y="${round(axisY - h - 6)}" text-anchor="middle">${n}</text>` +
      `<text class="label" x="${cx}" y="${axisY + 16}" text-anchor="middle">${k}</text></g>`
    );
  });
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Learners per number of criteria passed">` +
    `<line class="axis" x1="${left}" x2="${width - left}" y1="${axisY}" y2="${axisY}"></line>${bars.join('')}` +
    `<text class="caption" x="${width / 2}" y="${height - 4}" text-anchor="middle">criteria passed (forks that could not be checked count as 0)</text></svg>`
  );
}

/** Escapes text for HTML content and double- or single-quoted attributes, without control characters or bidi overrides. */
function esc(text: string): string {
  return stripControls(String(text))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The URL, escaped for an attribute, when it is http(s); null otherwise (javascript:, data:, relative, garbage). */
function safeHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? esc(parsed.href) : null;
}

function formatTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function percent(n: number, of: number): string {
  return of === 0 ? '0%' : `${Math.round((n / of) * 100)}%`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

const STYLE = `
:root{--bg:#f6f7f9;--card:#fff;--fg:#1d2330;--muted:#6b7280;--line:#e4e7ec;--zebra:#fafbfc;--hover:#eef4ff;--link:#1f5fbf;
--passed:#1a7f37;--passed-bg:#dafbe1;--failing:#cf222e;--failing-bg:#ffebe9;--missing:#9a6700;--missing-bg:#fff8c5;
--unreadable:#8250df;--unreadable-bg:#fbefff;--empty:#57606a;--empty-bg:#eaeef2;--bar:#2f81f7;--track:#eef1f5}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--card:#161b22;--fg:#e6edf3;--muted:#8b949e;--line:#30363d;--zebra:#1a2029;--hover:#1f2a3a;--link:#58a6ff;
--passed:#3fb950;--passed-bg:#12361f;--failing:#f85149;--failing-bg:#3c1618;--missing:#d29922;--missing-bg:#3a2d0c;
--unreadable:#a371f7;--unreadable-bg:#2b1c4a;--empty:#8b949e;--empty-bg:#262c36;--bar:#388bfd;--track:#222a35}}
*{box-sizing:border-box}
body{margin:0;padding:20px 24px 32px;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
header{display:flex;flex-wrap:wrap;align-items:center;gap:12px 28px;margin-bottom:16px}
.title{flex:1 1 420px;min-width:0}
h1{margin:0;font-size:22px;font-weight:650;letter-spacing:-.01em;overflow-wrap:anywhere}
.meta{margin:4px 0 0;color:var(--muted)}
code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--track);padding:1px 5px;border-radius:4px;color:var(--fg)}
.muted{color:var(--muted)}
.headline{display:flex;align-items:center;gap:10px;line-height:1.25}
.headline>b{font-size:34px;font-weight:700;color:var(--passed)}
.chips{display:flex;flex-wrap:wrap;gap:8px;list-style:none;margin:0;padding:0;flex-basis:100%}
.chip{display:flex;align-items:center;gap:6px;padding:4px 12px 4px 10px;border-radius:999px;background:var(--card);border:1px solid var(--line)}
.chip b{font-variant-numeric:tabular-nums}
.dot{width:9px;height:9px;border-radius:50%;background:currentColor}
.chip.s-passed .dot{color:var(--passed)}.chip.s-failing .dot{color:var(--failing)}.chip.s-missing .dot{color:var(--missing)}
.chip.s-unreadable .dot{color:var(--unreadable)}.chip.s-empty .dot{color:var(--empty)}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:16px;margin-bottom:16px}
figure{margin:0;padding:12px 16px 10px}
figcaption{font-weight:600;margin-bottom:6px}
.chart{display:block;max-width:100%;height:auto;font-size:12.5px}
.chart text{fill:var(--fg)}.chart .muted{fill:var(--muted)}.chart .caption{fill:var(--muted);font-size:11.5px}
.chart .track{fill:var(--track)}.chart .bar{fill:var(--bar)}.chart .count{font-weight:600;font-variant-numeric:tabular-nums}
.chart .hbar.full{fill:var(--passed)}.chart .hbar.part{fill:var(--bar)}.chart .hbar.zero{fill:var(--failing)}
.chart .axis{stroke:var(--line)}
.table-card{overflow:auto}
table{width:100%;border-collapse:collapse}
caption{text-align:left;padding:10px 12px;color:var(--muted);caption-side:top}
th,td{padding:5px 12px;text-align:left;vertical-align:top;border-top:1px solid var(--line)}
thead th{position:sticky;top:0;background:var(--card);font-weight:600;white-space:nowrap;border-top:0;box-shadow:inset 0 -1px var(--line)}
th button{all:inherit;cursor:pointer;padding:0}
th button:focus-visible{outline:2px solid var(--bar);outline-offset:2px;border-radius:3px}
th[aria-sort] button::after,th[aria-sort]:not(:has(button))::after{margin-left:4px;color:var(--muted)}
th[aria-sort=ascending] button::after,th[aria-sort=ascending]:not(:has(button))::after{content:"▲"}
th[aria-sort=descending] button::after,th[aria-sort=descending]:not(:has(button))::after{content:"▼"}
tbody tr:nth-child(even){background:var(--zebra)}
tbody tr:hover{background:var(--hover)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.date{white-space:nowrap;font-variant-numeric:tabular-nums}
td.reason{color:var(--muted);min-width:16em;max-width:30em}
td.fork{font-weight:500;white-space:nowrap}td.owner{white-space:nowrap}
a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
.badge{display:inline-block;padding:0 8px;border-radius:999px;font-size:12px;font-weight:600;line-height:20px}
.badge.s-passed{color:var(--passed);background:var(--passed-bg)}.badge.s-failing{color:var(--failing);background:var(--failing-bg)}
.badge.s-missing{color:var(--missing);background:var(--missing-bg)}.badge.s-unreadable{color:var(--unreadable);background:var(--unreadable-bg)}
.badge.s-empty{color:var(--empty);background:var(--empty-bg)}
.crit{white-space:nowrap}
.tag{display:inline-block;margin-left:6px;padding:0 6px;border-radius:4px;font-size:11px;font-weight:600;color:var(--empty);background:var(--empty-bg)}
.empty-note{padding:4px 14px 14px;color:var(--muted)}
`;

// Sorts the table by a clicked header: ascending first, then toggles; ties keep the page's original order.
const SCRIPT = `
(function () {
  var table = document.getElementById('learners');
  if (!table || !table.tHead || !table.tBodies[0]) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  var hint = document.getElementById('sort-hint');
  if (hint) hint.hidden = false;
  heads.forEach(function (th) {
    var button = document.createElement('button');
    button.type = 'button';
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
  });
  function sortBy(th) {
    var col = th.cellIndex;
    var numeric = th.getAttribute('data-type') === 'number';
    var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    var sign = dir === 'ascending' ? 1 : -1;
    var keyed = rows.map(function (row, index) {
      var cell = row.cells[col];
      var raw = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent.trim();
      var value = raw;
      if (numeric) {
        value = raw === '' ? -Infinity : Number(raw);
        if (value !== value) value = -Infinity;
      }
      return { row: row, index: index, value: value };
    });
    keyed.sort(function (a, b) {
      var c = numeric ? (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) : collator.compare(a.value, b.value);
      return c * sign || a.index - b.index;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (k) { fragment.appendChild(k.row); });
    body.appendChild(fragment);
    heads.forEach(function (h) { if (h !== th) h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir);
  }
  table.tHead.addEventListener('click', function (event) {
    var th = event.target.closest('th[data-key]');
    if (th) sortBy(th);
  });
})();
`;
