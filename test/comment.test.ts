import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint.js';
import { resolveConfig } from '../src/config.js';
import { planAnnotations } from '../src/report/annotations.js';
import { checkedFile, COMMENT_MARKER, formatComment, GITHUB_COMMENT_LIMIT, lineUrl, type CommentContext } from '../src/report/comment.js';
import { inert } from '../src/report/escape.js';
import { formatSummary } from '../src/report/summary.js';

const ctx: CommentContext = {
  serverUrl: 'https://github.com',
  owner: 'Codertocat',
  repo: 'Hello-World',
  sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
  path: 'week-24/day1-dist-sys-qa.md',
  label: 'proof: passed',
  version: '0.1.0',
};

describe('inert', () => {
  it.each([
    ['ping @org/team now', 'ping @\u200Borg/team now'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['![img](https://e.example/x.png)', '!\\[img\\](https:\u200B//e.example/x.png)'],
    ['see #12 and https://evil.example', 'see #\u200B12 and https:\u200B//evil.example'],
    ['**bold** `code` | pipe', '\\*\\*bold\\*\\* \\`code\\` \\| pipe'],
    ['two\nlines', 'two lines'],
  ])('%j becomes %j', (text, expected) => {
    expect(inert(text)).toBe(expected);
  });

  it('truncates long titles', () => {
    expect(inert('a'.repeat(200), 10)).toBe('aaaaaaaaa…');
  });
});

describe('checklist comment', () => {
  it('links each failing question to its line at the head commit, and escapes what the learner wrote', () => {
    const doc = ['## Q1: @org/team `<img src=x onerror=alert(1)>` [x](javascript:alert(1)) [L1]', '', '**Answer:**', 'A short answer.'].join('\n');
    const body = formatComment(lint(doc, { path: ctx.path }), ctx);
    expect(body.startsWith(`${COMMENT_MARKER}\n### ❌ Playbook proof: 1/7 criteria pass\n`)).toBe(true);
    expect(body).toContain(
      `Checked [\`week-24/day1-dist-sys-qa.md\`](https://github.com/Codertocat/Hello-World/blob/${ctx.sha}/week-24/day1-dist-sys-qa.md) at commit`,
    );
    expect(body).toContain(
      `[Q1 · @\u200Borg/team &lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1))](${lineUrl(ctx, 1)}): Q1 has no Project Example part`,
    );
    expect(body).toContain(`(${lineUrl(ctx, 3)}): Q1's answer has 3 words, expected at least 30 for a full answer`);
    expect(lineUrl(ctx, 3)).toBe(
      'https://github.com/Codertocat/Hello-World/blob/ec26c3e57ca3a959ca5aad62de7213c562f8c821/week-24/day1-dist-sys-qa.md?plain=1#L3',
    );
    // nothing the learner wrote survives as markup
    expect(body).not.toMatch(/<img|[^\\]\]\(javascript|@org/);
  });

  it('stays under GitHub’s limit for a 100,000-question document, saying how many findings it left out', () => {
    const doc = Array.from({ length: 100_000 }, (_, i) => `## Q${i + 1}: Question ${i + 1}\n`).join('\n');
    const result = lint(doc, { path: ctx.path });
    const body = formatComment(result, ctx);
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(body).toMatch(/ {2}- …and \d+ more\n/);
    expect(body.endsWith(`<sub>playbook-proof 0.1.0 · commit ec26c3e</sub>`)).toBe(true);
  }, 30_000);
});

describe('annotations and summary', () => {
  it('annotates at most 10 of each type and counts the rest in the summary', () => {
    const doc = Array.from({ length: 20 }, (_, i) => `## Q${i + 1}: Q\n`).join('\n');
    // errors only: the coverage rule would add a warning per topic of the lesson's map
    const result = lint(doc, { path: ctx.path, config: resolveConfig({ rules: { coverage: 'off' } }) });
    const plan = planAnnotations(result, ctx.path);
    expect(plan.annotations.filter((a) => a.severity === 'error')).toHaveLength(10);
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    expect(plan.hidden).toEqual({ error: errors - 10, warning: 0 });
    expect(plan.annotations[0]).toEqual({
      severity: 'error',
      message: 'Q1 has no answer; add an Answer part that explains the concept',
      title: 'question-count',
      file: ctx.path,
      startLine: 1,
      startColumn: 1,
    });
    const summary = formatSummary(result, { file: checkedFile(ctx) }, plan);
    expect(summary).toContain(`${errors - 10} more findings (${errors - 10} errors, 0 warnings) are not shown as annotations`);
    expect(summary).toContain('| Gotcha section lists ≥2 wrong answers per question | ❌ (20) | Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8 and 12 more |');
  });
});
