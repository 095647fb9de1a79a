#!/usr/bin/env node
// `npm start`: build the web UI when it is missing or older than its sources, then start the
// server. Without DATABASE_URL the embedded database is used and demo data is seeded by default.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const web = join(root, 'apps/web');
const dist = join(web, 'dist/index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = [join(web, 'src'), join(root, 'packages/contracts/src')];
const stale = !existsSync(dist) || sources.some((d) => newest(d) > statSync(dist).mtimeMs);
if (stale) {
  console.log('Building the web UI…');
  const r = spawnSync('npm', ['run', 'build', '-w', '@jixiao/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const env = { ...process.env };
if (env.JIXIAO_DEMO === undefined && !env.DATABASE_URL) env.JIXIAO_DEMO = '1';
const child = spawn(process.execPath, [join(root, 'apps/server/bin/jixiao.mjs'), 'start'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
