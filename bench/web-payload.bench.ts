/**
 * What a browser downloads to show the sign-in page (issue 14: web payload), in real Chromium
 * against the real server (`buildApp` serving apps/web/dist on loopback, empty embedded database):
 * - a first visit with an empty cache: requests, bytes on the wire (compressed as the server sends
 *   them), beside the same responses' decoded bytes measured in the same run (the baseline: what an
 *   uncompressed server would send) and the ratio;
 * - a second visit in the same browser: how many requests reach the server and their bytes (hashed
 *   assets are cached for a year and not asked for again; index.html is revalidated).
 * Run: npm run bench:web   (BENCH_REPEATS, default 3, best run shown). Figures go to BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { openDatabase } from '../apps/server/src/db/client';
import { migrate } from '../apps/server/src/db/migrate';

const root = resolve(import.meta.dirname, '..');
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const built = spawnSync(process.execPath, [join(root, 'scripts/build-web-if-stale.mjs')], {
  stdio: 'inherit',
});
if (built.status !== 0) throw new Error('web build failed');

const dir = mkdtempSync(join(tmpdir(), 'jixiao-web-bench-'));
const config = loadConfig({ ...process.env, JIXIAO_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' });
const database = await openDatabase({ dir: 'memory://' });
await migrate(database);
const app = await buildApp({ database, config, logger: false, webDist: join(root, 'apps/web/dist') });
let served = { requests: 0, bytes: 0 };
app.addHook('onSend', async (_req, reply, payload) => {
  served.requests++;
  served.bytes += Number(reply.getHeader('content-length') ?? 0);
  return payload;
});
await app.listen({ host: '127.0.0.1', port: 0 });
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/login`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

interface Visit {
  requests: number;
  wire: number;
  decoded: number;
  ms: number;
}

/** One visit: what the page's responses weigh on the wire (encoded) and decoded. */
async function visit(page: import('playwright-core').Page): Promise<Visit> {
  const sizes: Promise<{ wire: number; decoded: number }>[] = [];
  const onDone = (req: import('playwright-core').Request) =>
    sizes.push(
      (async () => {
        const res = await req.response();
        const body = res ? await res.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
        return { wire: (await req.sizes()).responseBodySize, decoded: body.length };
      })(),
    );
  page.on('requestfinished', onDone);
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByRole('button').first().waitFor();
  const ms = performance.now() - t0;
  page.off('requestfinished', onDone);
  const all = await Promise.all(sizes);
  return {
    requests: all.length,
    wire: all.reduce((s, x) => s + x.wire, 0),
    decoded: all.reduce((s, x) => s + x.decoded, 0),
    ms,
  };
}

const runs: { cold: Visit; warm: typeof served }[] = [];
for (let i = 0; i < REPEATS; i++) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const cold = await visit(page);
  served = { requests: 0, bytes: 0 };
  // A new navigation (as a user coming back), not a reload, which revalidates everything.
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByRole('button').first().waitFor();
  runs.push({ cold, warm: served });
  await context.close();
}
await browser.close();
await app.close();
await database.close();
rmSync(dir, { recursive: true, force: true });

const best = runs.reduce((a, b) => (b.cold.ms < a.cold.ms ? b : a));
const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('en-US')} KB`;
console.log(`sign-in page, best of ${REPEATS}`);
console.log('| visit | requests | on the wire | decoded (baseline) | ratio | load |');
console.log('| --- | --- | --- | --- | --- | --- |');
console.log(
  `| first, empty cache | ${best.cold.requests} | ${kb(best.cold.wire)} | ${kb(best.cold.decoded)} | ${(best.cold.wire / best.cold.decoded).toFixed(2)}× | ${Math.round(best.cold.ms)} ms |`,
);
console.log(
  `| second, same browser | ${best.warm.requests} reach the server | ${kb(best.warm.bytes)} | — | — | — |`,
);
