import { defineRule } from '../core/rule.js';

export const location = defineRule({
  id: 'location',
  criterion: 'Done when 5',
  title: (config) => `Document committed to ${config.path}`,
  description: 'The playbook sits at the path the course requires',
  severity: 'error',
  messages: {
    wrongPath: 'The playbook is at {{actual}}, expected {{expected}}',
    wrongCase: 'The playbook is at {{actual}}, expected {{expected}} (paths are case-sensitive on GitHub)',
    missing: 'No playbook at {{expected}} in this commit: add it there',
  },
  check({ config, path, report, unavailable }) {
    if (unavailable?.kind === 'missing') {
      report({ messageId: 'missing', data: { expected: config.path }, node: { line: 1 } });
      return;
    }
    const actual = path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
    const expected = config.path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
    if (actual === expected) return;
    const messageId = actual.toLowerCase() === expected.toLowerCase() ? 'wrongCase' : 'wrongPath';
    report({ messageId, data: { actual, expected }, node: { line: 1 } });
  },
});
