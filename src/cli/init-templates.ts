/** The files and snippets `playbook-proof init` writes or prints: plain text, no I/O. */

/**
 * The line init adds to the husky pre-commit hook. The hook asks git itself what the commit does to the
 * playbook and reads it from the index git is building, so it runs on its own, not as a lint-staged task:
 * it never stashes or touches the working tree, and it sees a symlink or a submodule at the path, which
 * lint-staged leaves out of its file list.
 */
export const PRE_COMMIT_LINE = 'playbook-proof hook';

/** Where playbook-proof lives on GitHub: the Action, and the release tarballs npm installs from. */
export const REPOSITORY = 'playbook-proof/playbook-proof';

/** The release tarball of `version`: a devDependency spec npm install resolves before the package is on the registry. */
export function releaseTarball(version: string): string {
  return `https://github.com/${REPOSITORY}/releases/download/v${version}/playbook-proof-${version}.tgz`;
}

/** Where the pull-request workflow goes. */
export const WORKFLOW_PATH = '.github/workflows/playbook-proof.yml';

/** Where the course publishes this Action; a fork of the course template points its workflow here. */
export const ACTION_REF = `${REPOSITORY}@v1`;

/**
 * The pull-request workflow. It runs on pull_request_target so pull requests from forks get a token that
 * can comment and label; that is safe because the Action checks nothing out and runs nothing from the pull
 * request: it reads the playbook's text at the head commit through the API.
 */
export const WORKFLOW = `name: Playbook proof

on:
  pull_request_target:
    types: [opened, synchronize, reopened]
  push:
    branches: [main]

permissions:
  contents: read
  pull-requests: write # the checklist comment, and the review comments on the failing lines
  issues: write # only to create the proof label the first time

concurrency:
  group: playbook-proof-\${{ github.event.pull_request.number || github.ref }}
  cancel-in-progress: true

jobs:
  proof:
    runs-on: ubuntu-latest
    steps:
      # no checkout: the Action reads the playbook at the pull request's head commit through the API
      - uses: ${ACTION_REF}
`;

/** The command another hook tool should run: with no file arguments, the hook asks git what is staged. */
export const HOOK_COMMAND = 'npx --no playbook-proof hook';

/** The lesson's coverage map: the 15 topics in order, with the level each is rated. */
export const TOPICS: ReadonlyArray<readonly [topic: string, level: 'L1' | 'L2' | 'L3']> = [
  ['CAP theorem', 'L1'],
  ['Consensus', 'L1'],
  ['Replication', 'L1'],
  ['Network partitions', 'L1'],
  ['Leader election', 'L1'],
  ['Linearizability', 'L2'],
  ['Vector clocks', 'L2'],
  ['CRDTs', 'L2'],
  ['Exactly-once delivery', 'L2'],
  ['Idempotency', 'L2'],
  ['Back-pressure', 'L2'],
  ['Byzantine fault tolerance', 'L3'],
  ['Jepsen testing', 'L3'],
  ['Formal verification', 'L3'],
  ['CALM theorem', 'L3'],
];

/** An empty playbook: 15 entry shells following the coverage map, and a cheat sheet with one empty row each. */
export function skeleton(): string {
  const entries = TOPICS.map(
    ([topic, level], i) => `## Q${i + 1}: ${topic} — write the question
**Difficulty:** ${level}

**Answer:**

**Project Example:**

**Tradeoff:**

**Metric:**

**Gotcha — Common wrong answers:**
- ❌ 
- ❌ 
`,
  );
  const rows = TOPICS.map((_, i) => `| ${i + 1} |  |  |  |  |`);
  return `# Distributed Systems Interview Playbook

Fill in one entry per topic below. Replace "write the question" with the way an interviewer would
ask it, then explain the idea in your own words under Answer, show where you used it in your
project (name the component and give a number), say what that choice cost you under Tradeoff, and
end on the figure that proves it worked under Metric. Under Gotcha, write at least two answers
people often give that are wrong, each followed by why it is wrong. Keep every answer short enough
to say in two minutes, and give each question its one-line row in the cheat sheet at the end.
Run \`npx playbook-proof check\` to see what is still missing.

${entries.join('\n')}
## Cheat Sheet

| # | Question | One-line answer | Project reference | Key metric |
|---|----------|-----------------|-------------------|------------|
${rows.join('\n')}
`;
}

/** The pre-commit framework's local hook for the playbook: an item of the config's `repos:` list. */
export function preCommitSnippet(playbook: string): string {
  return `- repo: local
  hooks:
    - id: playbook-proof
      name: playbook-proof
      entry: ${HOOK_COMMAND}
      language: system
      files: ${yamlString(`^${escapeRegExp(playbook)}$`)}
      pass_filenames: false`;
}

/** The lefthook command for the playbook. */
export function lefthookSnippet(playbook: string): string {
  return `pre-commit:
  commands:
    playbook-proof:
      glob: ${yamlString(playbook)}
      run: ${HOOK_COMMAND}`;
}

/** A YAML scalar: plain when that reads back the same, else single-quoted (backslashes stay literal). */
function yamlString(text: string): string {
  return /^[\w^$\\][\w./^$\\-]*$/.test(text) ? text : `'${text.replace(/'/g, "''")}'`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
