#!/usr/bin/env node
// The integration suite on PostgreSQL: each test file creates and drops its own database.
import { spawnSync } from 'node:child_process';

const env = { ...process.env };
env.TEST_DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/postgres';
const r = spawnSync('npx', ['vitest', 'run', 'apps/server', ...process.argv.slice(2)], {
  env,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
