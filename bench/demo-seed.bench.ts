/**
 * Demo seed benchmark: how long `seedDemo` takes to build the demo city (125 units, the cycle, the
 * survey campaigns) on embedded PGlite, beside a baseline measured in the same process: migrating an
 * empty database (the floor every start pays). Timings used to be asserted in the demo tests, where
 * a busy machine made them fail; they live here now.
 * Run: npm run bench:seed   (figures go to BENCHMARKS.md, section "Demo seed").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../apps/server/src/config';
import { openDatabase } from '../apps/server/src/db/client';
import { migrate } from '../apps/server/src/db/migrate';
import { seedDemo } from '../apps/server/src/demo/seed';
import { makeDeps } from '../apps/server/src/platform/context';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'jixiao-seed-bench-'));
const config = loadConfig({ ...process.env, JIXIAO_DATA_DIR: dir, DATABASE_URL: '' }, { defaultDemo: true });
const rows: { migrate: number; seed: number }[] = [];
for (let i = 0; i < REPEATS; i++) {
  const database = await openDatabase({ dir: 'memory://' });
  let t = performance.now();
  await migrate(database);
  const migrateMs = performance.now() - t;
  t = performance.now();
  await seedDemo(makeDeps(database, config, { now: () => new Date('2026-11-15T02:00:00Z') }));
  rows.push({ migrate: migrateMs, seed: performance.now() - t });
  await database.close();
}
rmSync(dir, { recursive: true, force: true });
const best = (k: 'migrate' | 'seed') => Math.min(...rows.map((r) => r[k]));
console.log(`demo seed benchmark: PGlite in memory, node ${process.version}, best of ${REPEATS}`);
console.log(`baseline: migrate an empty database  ${best('migrate').toFixed(0)} ms`);
console.log(`seedDemo (demo city, cycle, surveys)  ${best('seed').toFixed(0)} ms`);
console.log(`ratio seed / migrate                  ${(best('seed') / best('migrate')).toFixed(1)}×`);
