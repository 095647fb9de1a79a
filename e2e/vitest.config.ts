import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    // A walk through several pages of a shared CI machine can take more than a minute; a test that
    // hangs still fails, two minutes later.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // A loaded CI machine answers in seconds, not the default 1 s of expect.poll.
    expect: { poll: { timeout: 15_000 } },
  },
});
