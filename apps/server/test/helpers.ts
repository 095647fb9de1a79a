import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GrantInput } from '@jixiao/contracts';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import type { Config } from '../src/config.js';
import type { Database } from '../src/db/client.js';
import { createAccount } from '../src/modules/users/accounts.js';
import { type Deps, makeDeps, systemCtx } from '../src/platform/context.js';
import { copyOf, type Start, template } from './templates.js';
import { testConfig } from './test-config.js';

export { testConfig };

export const TEST_PASSWORD = 'Test-Passw0rd!';

/**
 * A fresh, migrated database: a copy of this run's migrated template (templates.ts) — a PGlite data
 * dir, or, when TEST_DATABASE_URL is set, a new PostgreSQL database dropped afterwards.
 */
export async function freshDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const { database, drop } = await copyOf(await template({ kind: 'migrated' }));
  return { ...database, drop };
}

export interface TestEnv {
  app: FastifyInstance;
  database: Database;
  deps: Deps;
  clock: { now: Date };
  close(): Promise<void>;
}

/** The test clock's start. */
export const TEST_NOW = '2026-03-01T08:00:00Z';

/**
 * Mid-November of the demo year: M10 is late, its reminders and notices are out. The demo test
 * files that read the city at that time share its template (one seed per run).
 */
export const DEMO_NOVEMBER = '2026-11-15T02:00:00Z';

/** A running app on a fresh migrated database with a movable clock. */
export async function testApp(over: Partial<Config> = {}): Promise<TestEnv> {
  return (await startApp(over, { kind: 'migrated' })).env;
}

/**
 * A running demo-mode app on a copy of the demo city as `seedDemo` leaves it with the clock at `at`;
 * the clock starts there. `seedMs` is how long that `seedDemo` call took (it ran once in this run,
 * to make the template for `at`).
 */
export async function demoApp(at: string = TEST_NOW): Promise<TestEnv & { seedMs: number }> {
  const { env, seedMs } = await startApp({ demo: true }, { kind: 'demo', at });
  return Object.assign(env, { seedMs: seedMs! });
}

async function startApp(over: Partial<Config>, start: Start) {
  // Each test app has its own data dir, for uploaded files (the demo seed's evidence among them).
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-test-'));
  const from = await template(start);
  const { database, drop } = await copyOf(from, dataDir);
  const config = testConfig({ dataDir, ...over });
  const clock = { now: new Date(start.kind === 'demo' ? start.at : TEST_NOW) };
  const now = () => clock.now;
  const app = await buildApp({ database, config, now, logger: false });
  await app.ready();
  const env: TestEnv = {
    app,
    database,
    deps: makeDeps(database, config, { now }),
    clock,
    async close() {
      await app.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return { env, seedMs: from.seedMs };
}

export async function makeUser(
  env: TestEnv,
  username: string,
  grants: GrantInput[],
  orgNodeId: number | null = null,
  opts: { mustChangePassword?: boolean } = {},
) {
  return env.database.db.transaction((tx) =>
    createAccount(env.deps, tx, systemCtx, {
      username,
      displayName: username,
      password: TEST_PASSWORD,
      orgNodeId,
      grants,
      mustChangePassword: opts.mustChangePassword ?? false,
      source: 'seed',
    }),
  );
}

/** Sign in and return the session cookie header value. */
export async function signIn(env: TestEnv, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((k) => k.name === 'jixiao_session');
  return `jixiao_session=${c!.value}`;
}

/**
 * What a system pushes to one of the integration endpoints (/api/integrations/…): `body` with the
 * Authorization header `auth` (`Bearer <API token>`; null sends none).
 */
export function pushIntegration(env: TestEnv, endpoint: string, body: object, auth: string | null) {
  return env.app.inject({
    method: 'POST',
    url: `/api/integrations/${endpoint}`,
    headers: auth ? { authorization: auth } : {},
    payload: body,
  });
}

/** The audit trail's actions, oldest first, of the rows `where` (SQL on audit_log, with `params`) picks. */
export async function auditActions(env: TestEnv, where: string, params: unknown[] = []): Promise<string[]> {
  const rows = await env.database.query<{ action: string }>(
    `select action from audit_log where ${where} order by id`,
    params,
  );
  return rows.map((r) => r.action);
}

/** What `app.inject` answers, as far as these helpers read it. */
interface Answer {
  statusCode: number;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read an answer's fields as inject().json() gives them
  json(): any;
}

/** The JSON of an answer with the status expected; otherwise a failure naming the status and body. */
export async function jsonOf(answer: Promise<Answer> | Answer, status = 200) {
  const r = await answer;
  if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`);
  return r.json();
}

/** The coded problem of an error answer (its `error.details`, the first one of a list). */
export function errorDetail(r: { json(): { error: { details: unknown } } }) {
  const d = r.json().error.details;
  return Array.isArray(d) ? d[0] : d;
}
