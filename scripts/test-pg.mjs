#!/usr/bin/env node
// The server's tests on PostgreSQL: each test file gets its own database, created from this run's
// templates (`create database … template …`) and dropped afterwards. Arguments go to vitest.
import { spawnSync } from 'node:child_process';

const env = { ...process.env };
env.TEST_DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/postgres';
const r = spawnSync('npx', ['vitest', 'run', '--project', 'server', ...process.argv.slice(2)], {
  env,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
