#!/usr/bin/env node
// Every test tier in turn (README "Tests"), with the time each took; exits 1 if any failed.
// `--ci` checks formatting without writing (biome ci). `.ci/run` calls this after installing.
// The vitest tiers also write a JSON report, so the end of the output names each failed test and
// its first error lines: a CI log is often read from its tail only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters as strip } from 'node:util';

const root = join(import.meta.dirname, '..');
const ci = process.argv.includes('--ci');
const reports = mkdtempSync(join(tmpdir(), 'jixiao-test-all-'));
const json = (name) => [
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(reports, `${name}.json`)}`,
];
const tiers = [
  ['lint', ['npx', 'biome', ci ? 'ci' : 'check', '.']],
  ['typecheck', ['npm', 'run', 'typecheck']],
  ['unit', ['npx', 'vitest', 'run', '--project', 'unit', ...json('unit')], { pglite: true }],
  ['server on PGlite', ['npx', 'vitest', 'run', '--project', 'server', ...json('server')], { pglite: true }],
  ['server on PostgreSQL', ['node', 'scripts/test-pg.mjs', ...json('pg')]],
  ['web build', ['npm', 'run', 'build:web']],
  ['browser', ['npm', 'run', 'test:e2e', '--', ...json('browser')]],
];

/** The failed tests of a vitest JSON report: file, full name and the first lines of the error. */
function failures(file) {
  if (!file || !existsSync(file)) return [];
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return report.testResults.flatMap((f) => {
    const path = f.name.replace(`${root}/`, '');
    const failed = f.assertionResults.filter((a) => a.status === 'failed');
    // A file that failed outside any test (a hook, an import) has a message of its own.
    if (!failed.length && f.status === 'failed') return [{ path, title: '(file)', message: f.message ?? '' }];
    return failed.map((a) => ({ path, title: a.fullName, message: a.failureMessages?.join('\n') ?? '' }));
  });
}

const results = [];
for (const [name, [cmd, ...args], opts] of tiers) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')} ===`);
  const env = { ...process.env };
  // TEST_DATABASE_URL (the PostgreSQL tier's database) would move the PGlite tiers onto it.
  if (opts?.pglite) delete env.TEST_DATABASE_URL;
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  const report = args.find((a) => a.startsWith('--outputFile.json='))?.split('=')[1];
  results.push({ name, ok: r.status === 0, seconds: (performance.now() - t0) / 1000, report });
}

for (const r of results.filter((r) => !r.ok && failures(r.report).length)) {
  console.log(`\n=== failed in ${r.name} ===`);
  for (const f of failures(r.report)) {
    console.log(`✗ ${f.path} › ${f.title}`);
    for (const line of strip(f.message).split('\n').filter(Boolean).slice(0, 6)) console.log(`    ${line}`);
  }
}
console.log('\n=== tiers ===');
for (const r of results)
  console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.seconds.toFixed(0).padStart(5)} s  ${r.name}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
