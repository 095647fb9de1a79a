import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GrantInput } from '@jixiao/contracts';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import type { Config } from '../src/config.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { createAccount } from '../src/modules/users/accounts.js';
import { type Deps, makeDeps, systemCtx } from '../src/platform/context.js';

export const TEST_PASSWORD = 'Test-Passw0rd!';

export function testConfig(over: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: undefined,
    demo: false,
    secret: 'test-secret-0123456789abcdef0123456789abcdef',
    trustProxy: false,
    secureCookie: false,
    logLevel: 'silent',
    smtpUrl: undefined,
    mailFrom: 'jixiao@localhost',
    ...over,
  };
}

/**
 * A fresh, migrated database: in-memory PGlite, or — when TEST_DATABASE_URL is set — a new
 * PostgreSQL database created for this test file and dropped afterwards.
 */
export async function freshDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    await migrate(database);
    return { ...database, drop: () => database.close() };
  }
  const name = `jixiao_t_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url });
  await admin.exec(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  await migrate(database);
  return {
    ...database,
    async drop() {
      await database.close();
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

export interface TestEnv {
  app: FastifyInstance;
  database: Database;
  deps: Deps;
  clock: { now: Date };
  close(): Promise<void>;
}

/** A running app on a fresh database with a movable clock. */
export async function testApp(over: Partial<Config> = {}): Promise<TestEnv> {
  const database = await freshDatabase();
  // Each test app has its own data dir, for uploaded files.
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-test-'));
  const config = testConfig({ dataDir, ...over });
  const clock = { now: new Date('2026-03-01T08:00:00Z') };
  const now = () => clock.now;
  const app = await buildApp({ database, config, now, logger: false });
  await app.ready();
  return {
    app,
    database,
    deps: makeDeps(database, config, { now }),
    clock,
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
