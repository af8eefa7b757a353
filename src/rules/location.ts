import { repoPath } from '../core/repo-path.js';
import { defineRule, pathOption } from '../core/rule.js';

/** Where the lesson asks for the playbook. */
export const DEFAULT_PATH = 'week-24/day1-dist-sys-qa.md';

export const location = defineRule({
  id: 'location',
  criterion: 'Done when 5',
  title: (options) => `Document committed to ${options.path}`,
  description: 'The playbook sits at the path the course requires',
  severity: 'error',
  options: {
    path: pathOption('where the playbook must be, relative to the repository root', DEFAULT_PATH),
  },
  messages: {
    wrongPath: 'The playbook is at {{actual}}, expected {{expected}}',
    wrongCase: 'The playbook is at {{actual}}, expected {{expected}} (paths are case-sensitive on GitHub)',
    missing: 'No playbook at {{expected}} in this commit: add it there',
  },
  fixes: {
    wrongPath: 'Move the file to {{expected}} (`git mv`).',
    wrongCase: 'Rename the file to {{expected}}, with the same upper and lower case (`git mv`).',
    missing: 'Commit the playbook at {{expected}}.',
  },
  check({ options, path, report, unavailable }) {
    if (unavailable?.kind === 'missing') {
      report({ messageId: 'missing', data: { expected: options.path }, node: { line: 1 } });
      return;
    }
    // the same repository path, however it is written: `./week-24\day1.md` is `week-24/day1.md`
    const actual = repoPath(path) ?? path;
    const expected = repoPath(options.path) ?? options.path;
    if (actual === expected) return;
    const messageId = actual.toLowerCase() === expected.toLowerCase() ? 'wrongCase' : 'wrongPath';
    report({ messageId, data: { actual, expected }, node: { line: 1 } });
  },
});
