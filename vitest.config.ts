import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores on CI: the e2e files start real processes and servers.
    fileParallelism: true,
    maxWorkers: 2,
    // Ink renders only the last frame when it believes it runs in CI (is-in-ci
    // reads CI at import time); the dashboard tests need every frame.
    env: {CI: 'false', CONTINUOUS_INTEGRATION: 'false'},
  },
});
