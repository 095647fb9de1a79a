import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Test tiers (README "Tests"): `unit` needs no database; `server` holds the server's tests, whose
// integration tests open a copy of a database template built once per run (apps/server/test/
// templates.ts), on PGlite or, with TEST_DATABASE_URL, on PostgreSQL. Browser tests have their own
// config (e2e/vitest.config.ts). Globs stay general so that tests moved beside their code still run.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each test file in its own process (PGlite and the servers' module state are per file).
    pool: 'forks',
    // Vitest's default leaves one core idle; the test files are CPU-bound and independent.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/test/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts'],
          // A demo test file may build its template (copy + seed) in its first hook, and the CLI
          // tests spawn the binary through tsx (each spawn may take 60 s, as spawnSync allows):
          // with two files at once on two cores, 30 s per test was tighter than the spawn itself.
          hookTimeout: 120_000,
          testTimeout: 90_000,
          globalSetup: ['apps/server/test/global-setup.ts'],
        },
      },
    ],
  },
});
