#!/usr/bin/env node
// Every test tier in turn (README "Tests"), with the time each took; exits 1 if any failed.
// `--ci` checks formatting without writing (biome ci). `.ci/run` calls this after installing.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const ci = process.argv.includes('--ci');
const tiers = [
  ['lint', ['npx', 'biome', ci ? 'ci' : 'check', '.']],
  ['typecheck', ['npm', 'run', 'typecheck']],
  ['unit', ['npx', 'vitest', 'run', '--project', 'unit'], { pglite: true }],
  ['server on PGlite', ['npx', 'vitest', 'run', '--project', 'server'], { pglite: true }],
  ['server on PostgreSQL', ['node', 'scripts/test-pg.mjs']],
  ['web build', ['npm', 'run', 'build:web']],
  ['browser', ['npm', 'run', 'test:e2e']],
];

const results = [];
for (const [name, [cmd, ...args], opts] of tiers) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')} ===`);
  const env = { ...process.env };
  // TEST_DATABASE_URL (the PostgreSQL tier's database) would move the PGlite tiers onto it.
  if (opts?.pglite) delete env.TEST_DATABASE_URL;
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  results.push({ name, ok: r.status === 0, seconds: (performance.now() - t0) / 1000 });
}

console.log('\n=== tiers ===');
for (const r of results)
  console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.seconds.toFixed(0).padStart(5)} s  ${r.name}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
