import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { lint } from '../src/core/lint.js';
import { rules } from '../src/rules/index.js';
import { fixFor } from '../src/report/fixes.js';
import { formatComment } from '../src/report/comment.js';
import { rightSideLines } from '../src/report/patch.js';
import {
  fixedBody,
  needsPlacement,
  planReview,
  questionComments,
  readMarker,
  type OwnThread,
  type Placement,
  type QuestionComment,
} from '../src/report/review.js';
import { examplePath } from './helpers/cli.js';

const example = readFileSync(examplePath, 'utf8');
const config = resolveConfig();
const SHA = 'c0ffee1234567890c0ffee1234567890c0ffee12';

/** The example with Q3's difficulty line and Q5's gotcha list removed. */
function twoFailing(): string {
  const q5 = example.indexOf('## Q5:');
  const gotcha = example.indexOf('**Gotcha', q5);
  const withoutGotcha = example.slice(0, gotcha) + example.slice(example.indexOf('## Q6:'));
  return withoutGotcha.replace(/(## Q3:.*\n)\*\*Difficulty:\*\* L1 \(foundational\)\n/, '$1');
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('fix hints', () => {
  it.each(rules.map((rule) => [rule.id, rule] as const))('%s has a fix for each of its message ids, and none for an unknown one', (id, rule) => {
    expect(Object.keys(rule.fixes).sort()).toEqual(Object.keys(rule.messages).sort());
    const finding = { ruleId: id, severity: 'error', message: '', line: 1, column: 1, question: null, questionLine: null, data: {} } as const;
    expect(fixFor({ ...finding, messageId: 'noSuchMessage' }, config)).toBeNull();
    expect(fixFor({ ...finding, ruleId: 'no-such-rule', messageId: Object.keys(rule.fixes)[0]! }, config)).toBeNull();
  });

  it('fills placeholders from the finding, then from the configuration, escaping learner values', () => {
    const finding = {
      ruleId: 'gotchas',
      messageId: 'tooFew',
      severity: 'error',
      message: '',
      line: 1,
      column: 1,
      question: 3,
      questionLine: 1,
      data: { min: 4 },
    } as const;
    expect(fixFor({ ...finding, data: { min: 4 } }, config)).toBe(
      'Add wrong answers until the list has at least 4, each followed by why it is wrong.',
    );
    expect(fixFor({ ...finding, messageId: 'missing', data: {} }, resolveConfig({ gotchas: 3 }))).toContain('at least 3 wrong answers');
    expect(
      fixFor({ ...finding, ruleId: 'project-example', messageId: 'missingNear', data: { line: '<b>' } }, config, (v) => v.replace(/</g, '&lt;')),
    ).toBe('Put a `**Project Example:**` label in front of the paragraph at line &lt;b>.');
  });
});

describe('right-side lines of a patch', () => {
  it('takes added and context lines, skips deleted lines and the no-newline marker, across hunks', () => {
    const patch = [
      '@@ -1,4 +1,5 @@',
      ' # Title',
      '-old two',
      '+new two',
      '+new three',
      ' four',
      ' five',
      '@@ -20,3 +21,2 @@',
      ' twenty',
      '-gone',
      ' last',
      '\\ No newline at end of file',
    ].join('\n');
    expect([...rightSideLines(patch)]).toEqual([1, 2, 3, 4, 5, 21, 22]);
  });

  it('takes every line of an added file', () => {
    expect([...rightSideLines('@@ -0,0 +1,3 @@\n+a\n+b\n+c')]).toEqual([1, 2, 3]);
  });
});

describe('one comment per failing question', () => {
  it('groups the findings of each failing question, in the order of their lines, with a marker, the fixes and the rule links', async () => {
    const text = twoFailing();
    const comments = questionComments(lint(text, { config }), config);
    expect(comments.map((c) => [c.question, c.lines])).toEqual([
      [3, [lineOf(text, '## Q3:')]],
      [5, [lineOf(text, '## Q5:')]],
    ]);
    expect(readMarker(comments[0]!.body)).toEqual({ question: 3, state: 'open', value: comments[0]!.digest });
    await expect(comments[0]!.body).toMatchFileSnapshot('__snapshots__/review-comment-q3.md');
  });

  it('leaves out questions with warnings only, and whole-document findings', () => {
    const long = example.replace(/(## Q2:[^]*?\*\*Answer:\*\*\n)/, `$1${'word '.repeat(400)}\n`);
    const result = lint(long, { config });
    expect(result.findings.map((f) => `${f.ruleId}/${f.messageId} Q${f.question}`)).toEqual(['speaking-time/tooLong Q2']);
    expect(questionComments(result, config)).toEqual([]);
    const noL3 = lint(example.replace(/L3/g, 'L2'), { config });
    // the coverage rule's warnings name the questions rated off the lesson's map; they are warnings, so no comment
    expect(noL3.findings.map((f) => `${f.messageId} ${f.question}`)).toEqual([
      'levelsMissing null',
      'levelMismatch 12',
      'levelMismatch 13',
      'levelMismatch 14',
      'levelMismatch 15',
    ]);
    expect(questionComments(noL3, config)).toEqual([]);
  });

  it('makes learner text inert and keeps the digest stable for the same findings', () => {
    const hostile = twoFailing().replace(/^## Q3: .*$/m, '## Q3: Ping @org/team `<img src=x onerror=alert(1)>` [x](javascript:alert(1))');
    const [q3] = questionComments(lint(hostile, { config }), config);
    expect(q3!.body).toContain('**Q3 · Ping @\u200Borg/team &lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1))**');
    expect(q3!.body).not.toMatch(/<img|@org\//);
    expect(questionComments(lint(hostile, { config }), config)[0]!.digest).toBe(q3!.digest);
  });
});

// --- the planner

function comment(question: number, lines: number[], digest = `d${question}`.padEnd(12, '0')): QuestionComment {
  return { question, lines, digest, body: `<!-- playbook-proof:review q=${question} digest=${digest} -->\nQ${question}` };
}
function thread(commentId: number, question: number, digest: string, state: Partial<OwnThread> = {}): OwnThread {
  return {
    id: `T${commentId}`,
    commentId,
    body: `<!-- playbook-proof:review q=${question} digest=${digest} -->\nold`,
    isResolved: false,
    isOutdated: false,
    ...state,
  };
}
/** Every question number of the documents planned for here. */
const ALL: ReadonlySet<number> = new Set(Array.from({ length: 20 }, (_, i) => i + 1));
const lines = (...n: number[]): Placement => ({ kind: 'lines', lines: new Set(n) });
const summary = (plan: ReturnType<typeof planReview>) => ({
  create: plan.create.map((c) => `Q${c.question}@${c.line}`),
  update: plan.update.map((u) => `Q${u.question}#${u.commentId}`),
  resolve: plan.resolve.map((r) => `Q${r.question}#${r.commentId}:${readMarker(r.body)!.state}`),
  remove: plan.remove.map((r) => `Q${r.question}#${r.commentId}`),
  inline: plan.inline,
  notInDiff: plan.notInDiff,
  overCap: plan.overCap,
});
const empty = { create: [], update: [], resolve: [], remove: [], inline: [], notInDiff: [], overCap: [] };

describe('planning the review', () => {
  const q3 = comment(3, [40, 52]);
  const q5 = comment(5, [80]);

  it('creates a comment on the first line of each question that is in the diff', () => {
    expect(summary(planReview([q3, q5], [], lines(52, 80), SHA, ALL))).toEqual({ ...empty, create: ['Q3@52', 'Q5@80'], inline: [3, 5] });
  });

  it('changes nothing when every comment is current: the diff is not even needed', () => {
    const threads = [thread(1, 3, q3.digest), thread(2, 5, q5.digest)];
    expect(needsPlacement([q3, q5], threads)).toBe(false);
    expect(summary(planReview([q3, q5], threads, null, SHA, ALL))).toEqual({ ...empty, inline: [3, 5] });
  });

  it('updates a changed comment in place, resolves a fixed one with a note naming the commit', () => {
    const plan = planReview([q5], [thread(1, 3, q3.digest), thread(2, 5, 'ffffffffffff')], null, SHA, ALL);
    expect(summary(plan)).toEqual({ ...empty, update: ['Q5#2'], resolve: ['Q3#1:fixed'], inline: [5] });
    expect(plan.resolve[0]!.body).toBe(
      '<!-- playbook-proof:review q=3 fixed=c0ffee1 -->\n✅ **Q3 passes** as of commit `c0ffee1`.\n\n<details><summary>What this comment said</summary>\n\nold\n\n</details>',
    );
  });

  it('leaves alone threads already resolved, comments fixed before, and keeps the learner’s resolution of a current comment', () => {
    const threads = [
      thread(1, 3, q3.digest, { isResolved: true }),
      { ...thread(2, 5, 'x'), body: fixedBody('old', 5, 'abcdef1') },
      thread(3, 7, 'eeeeeeeeeeee', { isResolved: true }),
    ];
    expect(needsPlacement([q3], threads)).toBe(false);
    expect(summary(planReview([q3], threads, null, SHA, ALL))).toEqual({ ...empty, inline: [3] });
    // Q5 failing again after its fix, with its fixed comment resolved: a new comment
    expect(summary(planReview([q5], [{ ...threads[1]!, isResolved: true }], lines(80), SHA, ALL))).toEqual({
      ...empty,
      create: ['Q5@80'],
      inline: [5],
    });
  });

  it('lists questions whose lines are not in the diff, and caps open comments counting the ones kept', () => {
    const many = [q3, q5, comment(7, [100]), comment(9, [120])];
    expect(summary(planReview(many, [thread(1, 9, many[3]!.digest)], lines(52, 80, 120), SHA, ALL, 2))).toEqual({
      ...empty,
      create: ['Q3@52'],
      inline: [3, 9],
      notInDiff: [7],
      overCap: [5],
    });
    expect(planReview([q3], [], { kind: 'none', why: 'not-changed' }, SHA, ALL).placement).toEqual({ kind: 'none', why: 'not-changed' });
  });

  it('resolves the comment of a question no longer in the playbook with a note saying so', () => {
    const plan = planReview([q3], [thread(1, 3, q3.digest), thread(2, 16, 'eeeeeeeeeeee')], null, SHA, new Set([3]));
    expect(summary(plan)).toEqual({ ...empty, resolve: ['Q16#2:gone'], inline: [3] });
    expect(plan.resolve[0]!.body.split('\n')[1]).toBe('➖ **Q16** is not in the playbook as of commit `c0ffee1`.');
  });

  it('deletes duplicates from concurrent runs, keeping the oldest', () => {
    expect(summary(planReview([q3], [thread(9, 3, q3.digest), thread(4, 3, q3.digest)], null, SHA, ALL))).toEqual({
      ...empty,
      remove: ['Q3#9'],
      inline: [3],
    });
  });

  it('moves an outdated comment to the current line, or keeps it when no line of the question is in the diff', () => {
    const stale = [thread(1, 3, 'ffffffffffff', { isOutdated: true })];
    expect(needsPlacement([q3], stale)).toBe(true);
    expect(summary(planReview([q3], stale, lines(40), SHA, ALL))).toEqual({ ...empty, create: ['Q3@40'], resolve: ['Q3#1:moved'], inline: [3] });
    expect(summary(planReview([q3], stale, lines(), SHA, ALL))).toEqual({ ...empty, update: ['Q3#1'], inline: [3] });
  });
});

describe('the checklist comment’s line about the review', () => {
  const ctx = {
    serverUrl: 'https://github.com',
    owner: 'o',
    repo: 'r',
    sha: SHA,
    path: 'week-24/day1-dist-sys-qa.md',
    label: 'proof: passed',
    version: '0.1.0',
  };
  const body = (review: Parameters<typeof formatComment>[1]['review']) => formatComment(lint(twoFailing(), { config }), { ...ctx, review });
  const head = (text: string) => text.split('\n').slice(5, text.split('\n').indexOf('- ✅ ≥15 questions with full answers')).join('\n');

  it.each([
    [
      { inline: [3], notInDiff: [5], overCap: [], cap: 15, placement: null },
      "💬 Q3 has a review comment on its line, with the fix.\nQ5 is listed here only: its lines are not in this pull request's diff.\n",
    ],
    [
      { inline: [], notInDiff: [3, 5], overCap: [], cap: 15, placement: 'no-patch' },
      'Q3, Q5 are listed here only: GitHub shows no diff of the playbook (too large), so its lines take no review comment.\n',
    ],
    [
      { inline: [3], notInDiff: [], overCap: [5], cap: 1, placement: null },
      '💬 Q3 has a review comment on its line, with the fix.\nQ5 is listed here only: at most 1 review comments are open at a time.\n',
    ],
    [{ inline: [], notInDiff: [], overCap: [], cap: 15, placement: null }, ''],
  ] as const)('%o', (review, expected) => {
    expect(head(body({ ...review, inline: [...review.inline], notInDiff: [...review.notInDiff], overCap: [...review.overCap] }))).toBe(expected);
  });

  it('is absent without a review', () => {
    expect(head(formatComment(lint(twoFailing(), { config }), ctx))).toBe('');
  });
});
