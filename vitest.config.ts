import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Test tiers (README "Tests"): `unit` needs no database; `server` holds the server's tests, whose
// integration tests open a copy of a database template built once per run (apps/server/test/
// templates.ts), on PGlite or, with TEST_DATABASE_URL, on PostgreSQL; `smoke` is a few of those,
// run by `npm test` beside `unit`. Run the projects by name (the npm scripts do): a bare
// `vitest run` runs the smoke files twice. Browser tests have their own config
// (e2e/vitest.config.ts). Globs stay general so that tests moved beside their code still run.
/**
 * The server tier's settings. A demo test file may build its template (copy + seed) in its first
 * hook, and a CLI test file spawns the binary through tsx: with two files at once on two cores,
 * 30 s per test was tighter than that.
 */
const serverTier = {
  hookTimeout: 120_000,
  testTimeout: 90_000,
  globalSetup: ['apps/server/test/global-setup.ts'],
};

/**
 * `npm test`'s integration smoke: a few server files that together sign in, check access on every
 * route, and walk one whole evaluation cycle on the database. They stay in the `server` tier too.
 */
const smokeFiles = [
  'apps/server/test/smoke.test.ts',
  'apps/server/test/loop.test.ts',
  'apps/server/test/access.test.ts',
  'apps/server/test/openapi.test.ts',
];

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
          // Pure tests: a worker runs file after file with its imported modules kept, instead of a
          // new process that imports the engine again for each of the 90-odd files (twice as fast).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts'],
          ...serverTier,
        },
      },
      { extends: true, test: { name: 'smoke', include: smokeFiles, ...serverTier } },
    ],
  },
});
