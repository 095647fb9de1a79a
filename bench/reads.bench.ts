/**
 * Read paths of results and their use (issue 11) on the demo city, in one process on embedded
 * PGlite: each route answered N times in a row through Fastify's inject (no network, so the figure
 * is the server's own work per request), beside the framework floor (`GET /healthz`) and the main
 * results read (`GET /api/plans/:id/results`) measured in the same run. Ratios are against the floor.
 * Run: npm run bench:reads   (BENCH_REPEATS, default 30). Figures go to BENCHMARKS.md, "Reads".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { openDatabase } from '../apps/server/src/db/client';
import { migrate } from '../apps/server/src/db/migrate';
import { DEMO_PASSWORD, seedDemo } from '../apps/server/src/demo/seed';
import { makeDeps } from '../apps/server/src/platform/context';
import { pdfFontMissing } from '../apps/server/src/platform/pdf';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 30);
const dir = mkdtempSync(join(tmpdir(), 'jixiao-reads-bench-'));
const config = loadConfig(
  { ...process.env, JIXIAO_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
  {
    defaultDemo: true,
  },
);
const database = await openDatabase({ dir: 'memory://' });
await migrate(database);
await seedDemo(makeDeps(database, config));
await database.exec('update app_user set must_change_password = false');
const app = await buildApp({ database, config, logger: false });
await app.ready();

const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'office', password: DEMO_PASSWORD },
});
const cookie = `jixiao_session=${login.cookies.find((c) => c.name === 'jixiao_session')!.value}`;
const get = async (url: string, signedIn = true) => {
  const r = await app.inject({ url, headers: signedIn ? { cookie } : {} });
  if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
  return r;
};
const year = new Date().getFullYear();
const plan = (await get(`/api/plans?year=${year}`)).json().find((p: { adHoc: boolean }) => !p.adHoc);
const run = (await get(`/api/plans/${plan.id}/results?period=${year}-Y`)).json();
const base = `/api/plans/${plan.id}/runs/${run.id}`;

const routes: [label: string, url: string, signedIn: boolean][] = [
  ['GET /healthz (floor)', '/healthz', false],
  ['GET /api/plans/:id/results (main read)', `/api/plans/${plan.id}/results?period=${year}-Y`, true],
  ['GET /api/plans/:id/results/A01/trace', `/api/plans/${plan.id}/results/A01/trace?period=${year}-Y`, true],
  ['GET /api/public/results (cached 60 s)', '/api/public/results', false],
  ['GET /api/public/results/:runId (cached 60 s)', `/api/public/results/${run.id}`, false],
  ['GET …/runs/:runId/document', `${base}/document`, true],
  ['GET …/runs/:runId/consequences', `${base}/consequences`, true],
  ['GET …/runs/:runId/consequences.xlsx', `${base}/consequences.xlsx`, true],
  ['GET /api/archive/units/A01', '/api/archive/units/A01', true],
  ...(pdfFontMissing(config)
    ? []
    : [
        ['GET …/units/A01/scorecard.pdf', `${base}/units/A01/scorecard.pdf`, true] as [
          string,
          string,
          boolean,
        ],
      ]),
];

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
const rows: { label: string; median: number; p95: number; bytes: number }[] = [];
for (const [label, url, signedIn] of routes) {
  let bytes = 0;
  for (let i = 0; i < 3; i++) bytes = (await get(url, signedIn)).rawPayload.length;
  const ms: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t = performance.now();
    await get(url, signedIn);
    ms.push(performance.now() - t);
  }
  rows.push({ label, median: quantile(ms, 0.5), p95: quantile(ms, 0.95), bytes });
}
await app.close();
await database.close();
rmSync(dir, { recursive: true, force: true });

const floor = rows[0]!.median;
console.log(
  `reads benchmark: demo city (125 units, 3 released years), PGlite in memory, node ${process.version}`,
);
console.log(`each route ${REPEATS} times in a row after 3 warm-ups; ratio = median / median of the floor\n`);
console.log('| route | median | p95 | ratio | answer |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows)
  console.log(
    `| ${r.label} | ${r.median.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${(r.median / floor).toFixed(0)}× | ${(r.bytes / 1024).toFixed(0)} KB |`,
  );
if (pdfFontMissing(config)) console.log(`\n(scorecard PDF left out: no CJK font at ${config.pdfFont})`);
