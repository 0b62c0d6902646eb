import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One test file per core the machine offers (`--maxWorkers` overrides it). Files
    // that spawn ebm-lens use the dist/ that `npm test` builds before vitest starts.
    poolOptions: { forks: { maxForks: Math.max(1, availableParallelism()), minForks: 1 } },
  },
});
