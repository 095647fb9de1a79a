#!/usr/bin/env node
// `npm start`: build the web UI when it is missing or stale, then start the server. Without
// DATABASE_URL the embedded database is used and demo data is seeded by default.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const build = spawnSync(process.execPath, [join(root, 'scripts/build-web-if-stale.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const env = { ...process.env };
if (env.JIXIAO_DEMO === undefined && !env.DATABASE_URL) env.JIXIAO_DEMO = '1';
const child = spawn(process.execPath, [join(root, 'apps/server/bin/jixiao.mjs'), 'start'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
