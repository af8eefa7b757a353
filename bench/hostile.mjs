/** Generators for the hostile inputs the CLI must survive (shared by tests and bench/bad-input.mjs). */

/** @type {Record<string, () => string | Uint8Array>} */
export const hostileDocuments = {
  // the largest document accepted: just under the 5 MiB limit, made of complete entries
  'large-playbook.md': () => {
    const entry = (n) =>
      `## Q${n}: Why does a five-node Raft cluster tolerate two failures?\n**Difficulty:** L2\n\n**Answer:**\n` +
      'A majority quorum of three survives two crashed nodes, and any two majorities overlap, so a committed entry is never lost. '.repeat(3) +
      '\n\n**Project Example:**\nThe `raft-cluster` ran 5 nodes across 3 zones with a 2.3 s election time.\n\n' +
      '**Tradeoff:**\nWrites wait for a majority at the cost of latency.\n\n**Metric:**\n24 ms p99 commit latency.\n\n' +
      '**Gotchas:**\n- ❌ "Four nodes tolerate two failures" — Wrong. Four nodes still need three votes.\n' +
      '- ❌ "More nodes are always faster" — Wrong. Every write waits for more acknowledgements.\n\n';
    let out = '';
    for (let n = 1; out.length < 4.9 * 1024 * 1024; n++) out += entry(n);
    return out;
  },
  'empty.md': () => '',
  'binary.md': () => new Uint8Array([0x23, 0x20, 0x51, 0x00, 0x01, 0x02, 0xff]),
  'invalid-utf8.md': () => new Uint8Array([...Buffer.from('## Q1: ok\n\nfine\n'), 0xc3, 0x28, 0x0a]),
  'ten-megabytes.md': () => '## Q1: Big\n\n' + 'Lorem ipsum dolor sit amet, 40 ms at `verify-service`.\n'.repeat(200_000),
  'hundred-thousand-questions.md': () =>
    Array.from({ length: 100_000 }, (_, i) => `## Q${i + 1}: Question ${i + 1}\n**Difficulty:** L${(i % 3) + 1}\n`).join('\n'),
  'nested-lists.md': () => `${'- '.repeat(10_000)}deep\n`,
  'nested-ordered-lists.md': () => `${'1. '.repeat(10_000)}deep\n`,
  'nested-quotes.md': () => `${'>'.repeat(10_000)} deep\n`,
  'nested-indented-lists.md': () => Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
  'adversarial.md': () =>
    [
      '## Q1: Hostile',
      `**Project Example:** ${'9'.repeat(50_000)}`,
      '',
      `**Gotchas:**`,
      `- ❌ "${'"'.repeat(50_000)}`,
      `- ${'-'.repeat(50_000)}`,
      `- ${'a-'.repeat(25_000)}`,
      `${'*'.repeat(50_000)}`,
      `${'['.repeat(50_000)}`,
      `${'`'.repeat(50_000)}`,
      `${'<'.repeat(50_000)}`,
      `## Q${'9'.repeat(50_000)}: digits`,
      `| ${'a |'.repeat(20_000)}`,
    ].join('\n'),
};
