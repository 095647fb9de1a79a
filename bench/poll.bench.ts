/**
 * Poll benchmark (issue 10 point 11): one-person-one-code ballots over loopback against the real
 * server on PostgreSQL, beside a bare Fastify + pg endpoint that stores each body with one INSERT
 * (bench/poll-baseline.mjs), measured in the same run with the same load. Afterwards it checks that
 * accepted ballots = consumed codes = stored responses.
 * Run: npm run bench:poll   (BENCH_SECONDS, BENCH_CONNECTIONS; PostgreSQL at BENCH_PG_URL, default
 * postgresql://postgres@127.0.0.1:5432). Figures go to BENCHMARKS.md, section "Poll".
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { satisfactionScale } from '@jixiao/contracts';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { openDatabase } from '../apps/server/src/db/client';
import { migrate } from '../apps/server/src/db/migrate';
import { createAccount } from '../apps/server/src/modules/users/accounts';
import { makeDeps, systemCtx } from '../apps/server/src/platform/context';
import { surveyPlan } from '../apps/server/test/survey-fixture';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const UNITS = 20;
const PG = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const DB = 'jixiao_bench_poll';
const root = join(import.meta.dirname, '..');

async function recreate(name: string) {
  const admin = new pg.Client({ connectionString: `${PG}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return `${PG}/${name}`;
}

/** A plan with a satisfaction indicator, UNITS units, an open campaign and codes enough for the run. */
async function prepare(url: string): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-poll-prep-'));
  const config = loadConfig({
    ...process.env,
    JIXIAO_DATA_DIR: dataDir,
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
  });
  const database = await openDatabase({ url });
  await migrate(database);
  const app = await buildApp({ database, config, logger: false });
  const deps = makeDeps(database, config);
  await database.db.transaction((tx) =>
    createAccount(deps, tx, systemCtx, {
      username: 'office',
      displayName: 'office',
      password: 'Bench-Passw0rd!',
      orgNodeId: null,
      grants: [{ role: 'office_admin', scopeType: 'global' }],
      mustChangePassword: false,
      source: 'cli',
    }),
  );
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'office', password: 'Bench-Passw0rd!' },
  });
  const cookie = `jixiao_session=${login.cookies.find((c) => c.name === 'jixiao_session')!.value}`;
  const post = async (url: string, payload: unknown) => {
    const r = await app.inject({ method: 'POST', url, payload: payload as never, headers: { cookie } });
    if (r.statusCode >= 300) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const year = new Date().getFullYear();
  const system = (await post('/api/systems', { code: 'city', name: '市直机关' })).id;
  const category = (await post('/api/categories', { systemId: system, code: 'A', name: '党群口' })).id;
  const group = (await post('/api/groups', { categoryId: category, code: 'A', name: '党群口' })).id;
  const city = (
    await post('/api/org-nodes', { parentId: null, kind: 'region', code: 'city', name: '示范市' })
  ).id;
  const units: number[] = [];
  for (let i = 1; i <= UNITS; i++)
    units.push(
      (
        await post('/api/org-nodes', {
          parentId: city,
          kind: 'department',
          code: `u${i}`,
          name: `单位${i}`,
          systemId: system,
          groupId: group,
        })
      ).id,
    );
  const plan = await post('/api/plans', {
    systemId: system,
    year,
    name: '测评方案',
    // The test suite's small plan with its survey indicators (S1 read here), in this year.
    document: { ...surveyPlan(), year },
  });
  await post(`/api/plans/${plan.id}/activate`, { version: plan.version });
  const q = await post('/api/questionnaires', {
    name: '满意度测评表',
    questions: [
      {
        id: 'overall',
        type: 'rating',
        title: '总体满意度',
        scale: satisfactionScale,
      },
    ],
  });
  const now = Date.now();
  let campaign = await post('/api/survey-campaigns', {
    planId: plan.id,
    name: '压力测评',
    kind: 'year_end',
    period: `${year}-Y`,
    indicator: 'S1',
    opensAt: new Date(now - 86_400_000).toISOString(),
    closesAt: new Date(now + 86_400_000).toISOString(),
    groups: [{ code: 'pub', name: '群众', kind: 'public', weight: 1, questionnaireId: q.id, unitIds: units }],
  });
  // Enough codes for the warm-up, both runs of this length at well above the target, per unit.
  const perUnit = Math.ceil((SECONDS * 6000 + 3000) / UNITS);
  const codes: string[] = [];
  for (let left = perUnit; left > 0; left -= Math.floor(20_000 / UNITS)) {
    const count = Math.min(left, Math.floor(20_000 / UNITS));
    const r = await post(`/api/survey-campaigns/${campaign.id}/codes`, {
      groupId: campaign.groups[0].id,
      perUnit: true,
      count,
    });
    codes.push(...r.codes.map((c: { code: string }) => c.code));
  }
  campaign = await post(`/api/survey-campaigns/${campaign.id}/transitions`, {
    action: 'open',
    version: campaign.version,
  });
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
  // Shuffled: ballots arrive in no particular unit order.
  for (let i = codes.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [codes[i], codes[j]] = [codes[j]!, codes[i]!];
  }
  return codes;
}

async function serve(args: string[], env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.ok || r.status === 404) return child;
    } catch {}
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${args.join(' ')} did not start`);
}

/**
 * A fixed number of requests, so that every one sent is answered before counting (a timed run
 * cuts the last ones off mid-flight, after the server may have stored them). autocannon notices
 * the end on its one-second tick, so a run's rate is sized to last about BENCH_SECONDS and reads
 * at most a tick low.
 */
async function load(url: string, body: (i: number) => string, amount: number) {
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: body(i++) }),
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

const ballotUrl = await recreate(DB);
const codes = await prepare(ballotUrl);
let next = 0;
const ballot = () =>
  JSON.stringify({ code: codes[next++], answers: { overall: next % 3 ? 'sat' : 'basic' } });
const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-poll-'));
const server = await serve(
  ['apps/server/bin/jixiao.mjs', 'start'],
  { DATABASE_URL: ballotUrl, JIXIAO_DATA_DIR: dataDir, JIXIAO_DEMO: '0' },
  4871,
);
// The warm-up's rate sizes the measured run to about SECONDS.
const warm = await load('http://127.0.0.1:4871/api/ballot', ballot, 3000);
const run = await load(
  'http://127.0.0.1:4871/api/ballot',
  ballot,
  Math.min(codes.length - next - 10, Math.ceil(warm.rps * SECONDS)),
);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));

const check = new pg.Client({ connectionString: ballotUrl });
await check.connect();
const used = Number((await check.query('select count(*) from ballot_code where used')).rows[0].count);
const stored = Number((await check.query('select count(*) from survey_response')).rows[0].count);
await check.end();

const baseUrl = await recreate(`${DB}_baseline`);
const baseline = await serve(['bench/poll-baseline.mjs'], { DATABASE_URL: baseUrl }, 4872);
const baseWarm = await load('http://127.0.0.1:4872/ballot', ballot, 3000);
const base = await load('http://127.0.0.1:4872/ballot', ballot, Math.ceil(baseWarm.rps * SECONDS));
baseline.kill('SIGTERM');
await new Promise((r) => baseline.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });

const accepted = warm.ok + run.ok;
console.log(
  `poll benchmark: PostgreSQL, node ${process.version}, ${CONNECTIONS} connections, ${SECONDS} s, ${UNITS} units`,
);
console.log(
  `baseline (Fastify + pg, one INSERT)  ${base.rps.toFixed(0)} req/s  p50 ${base.p50} ms  p99 ${base.p99} ms`,
);
console.log(
  `code ballots (POST /api/ballot)      ${run.rps.toFixed(0)} ballots/s  p50 ${run.p50} ms  p99 ${run.p99} ms`,
);
console.log(`ratio ballots / baseline             ${((run.rps / base.rps) * 100).toFixed(0)} %`);
console.log(`refused ${run.non2xx + warm.non2xx}, errors ${run.errors + warm.errors}`);
console.log(
  `accepted ${accepted} = consumed codes ${used} = stored responses ${stored}: ${accepted === used && used === stored ? 'yes' : 'NO'}`,
);
if (!(accepted === used && used === stored)) process.exitCode = 1;
