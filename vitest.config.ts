import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // rebuilds dist/ when src/ changed after it was built: the Action, hook and CLI tests run the bundles
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
