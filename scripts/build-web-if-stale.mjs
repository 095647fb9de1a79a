#!/usr/bin/env node
// Build the web UI when apps/web/dist is missing or older than its sources (web, contracts, engine).
import { spawnSync } from 'node:child_process';
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

const sources = [
  join(web, 'src'),
  join(web, 'build'),
  join(root, 'packages/contracts/src'),
  join(root, 'packages/engine/src'),
];
const stale = !existsSync(dist) || sources.some((d) => newest(d) > statSync(dist).mtimeMs);
if (stale) {
  console.log('Building the web UI…');
  // A production bundle even when called from a test runner (vitest sets NODE_ENV=test, which would
  // make Vite build React and antd in development mode: another bundle than users get).
  const env = { ...process.env, NODE_ENV: 'production' };
  const r = spawnSync('npm', ['run', 'build', '-w', '@jixiao/web'], { cwd: root, stdio: 'inherit', env });
  process.exit(r.status ?? 1);
}
