/**
 * Database templates for the integration tests: a migrated database (and, for the demo tests, one
 * with the demo city seeded at a given clock) is built once per `vitest run` and each test file
 * opens a copy, instead of running initdb, every migration and the seed again. On PGlite a copy is
 * a copied data dir; on PostgreSQL it is `create database … template …`.
 *
 * The migrated template is built by global-setup.ts before any test file starts (outside every hook
 * timeout); a demo template is built by the first test file that asks for it, under a lock, and the
 * others wait for it. All live in the run's directory, removed at the end: nothing is kept between
 * runs, since the seed reads the clock and the whole server, so a template is as fresh as the code.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed.js';
import { makeDeps } from '../src/platform/context.js';
import { testConfig } from './test-config.js';

/** What a test database starts from: the migrated schema, or the demo city seeded at `at`. */
export type Start = { kind: 'migrated' } | { kind: 'demo'; at: string };

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's template directory (global-setup.ts). */
    jixiaoTemplates: string;
    /** Prefix of this run's PostgreSQL template databases. */
    jixiaoTemplatePrefix: string;
  }
}

/** A ready template: where its data lives. */
interface Template {
  /** PGlite data dir to copy. */
  pgliteDir?: string;
  /** PostgreSQL database to copy with `create database … template`. */
  pgName?: string;
  /** Uploaded files the seed wrote (the app's `<dataDir>/files`). */
  filesDir: string;
  /** How long the `seedDemo` call that made a demo template took, in milliseconds. */
  seedMs?: number;
}

const keyOf = (start: Start) =>
  start.kind === 'migrated' ? 'migrated' : `demo_${start.at.replace(/\D/g, '').slice(0, 14)}`;

function runDir(): { dir: string; prefix: string } {
  const dir = inject('jixiaoTemplates');
  const prefix = inject('jixiaoTemplatePrefix');
  if (!dir || !prefix)
    throw new Error('no template directory: run the server tests through the root vitest.config.ts');
  return { dir, prefix };
}

let run: ReturnType<typeof runDir> | undefined;
const built = new Map<string, Promise<Template>>();

/** The template for `start`, building it if no test file of this run has yet. */
export function template(start: Start): Promise<Template> {
  run ??= runDir();
  const key = keyOf(start);
  let t = built.get(key);
  if (!t) {
    t = acquire(run, key, start);
    built.set(key, t);
  }
  return t;
}

/** Build the template for `start` in the run directory `r` (global-setup.ts builds the migrated one). */
export function prepare(r: { dir: string; prefix: string }, start: Start): Promise<Template> {
  return acquire(r, keyOf(start), start);
}

async function acquire(r: { dir: string; prefix: string }, key: string, start: Start): Promise<Template> {
  mkdirSync(r.dir, { recursive: true });
  const home = join(r.dir, key);
  const t: Template = {
    filesDir: join(home, 'files'),
    ...(process.env.TEST_DATABASE_URL
      ? { pgName: `${r.prefix}_${key}` }
      : { pgliteDir: join(home, 'pglite') }),
  };
  const ready = join(r.dir, `${key}.ready`);
  const failed = join(r.dir, `${key}.failed`);
  try {
    // mkdir is atomic: the one process that makes the lock builds, the others wait for its mark.
    mkdirSync(join(r.dir, `${key}.lock`));
  } catch {
    return waitFor(ready, failed, t);
  }
  try {
    const seedMs = await build(t, home, start);
    writeFileSync(ready, JSON.stringify({ seedMs }));
    return { ...t, seedMs };
  } catch (e) {
    writeFileSync(failed, String((e as Error).stack ?? e));
    throw e;
  }
}

async function waitFor(ready: string, failed: string, t: Template): Promise<Template> {
  const until = Date.now() + 600_000;
  while (Date.now() < until) {
    if (existsSync(ready)) return { ...t, ...JSON.parse(readFileSync(ready, 'utf8')) };
    if (existsSync(failed))
      throw new Error(`building the test database template failed:\n${readFileSync(failed, 'utf8')}`);
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`timed out waiting for the test database template ${ready}`);
}

/** Build the template; for a demo template, answer how long the seed took. */
async function build(t: Template, home: string, start: Start): Promise<number | undefined> {
  mkdirSync(t.filesDir, { recursive: true });
  const url = process.env.TEST_DATABASE_URL;
  let database: Database;
  if (url) {
    const admin = await openDatabase({ url });
    try {
      await admin.exec(`create database ${t.pgName}`);
    } finally {
      await admin.close();
    }
    database = await openDatabase({ url: withDatabase(url, t.pgName!) });
  } else {
    // The migrated template is a copy source for the demo ones too: initdb and migrations once.
    if (start.kind === 'demo') {
      const base = await template({ kind: 'migrated' });
      cpSync(base.pgliteDir!, t.pgliteDir!, { recursive: true });
    }
    database = await openDatabase({ dir: home });
  }
  try {
    if (start.kind === 'migrated' || url) await migrate(database);
    if (start.kind === 'migrated') return undefined;
    const config = testConfig({ dataDir: home, demo: true });
    const t0 = performance.now();
    await seedDemo(makeDeps(database, config, { now: () => new Date(start.at) }));
    return performance.now() - t0;
  } finally {
    await database.close();
  }
}

/**
 * A new database that is a copy of the template (a PGlite data dir in a temporary directory of its
 * own, or a PostgreSQL database), dropped by `drop`; the seed's files are copied into `dataDir`.
 */
export async function copyOf(
  t: Template,
  dataDir?: string,
): Promise<{ database: Database; drop(): Promise<void> }> {
  if (dataDir) cpSync(t.filesDir, join(dataDir, 'files'), { recursive: true });
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-db-'));
    // openDatabase keeps PGlite's files in <dir>/pglite.
    cpSync(t.pgliteDir!, join(dir, 'pglite'), { recursive: true });
    const database = await openDatabase({ dir });
    return {
      database,
      async drop() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `jixiao_t_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url });
  await createFromTemplate(admin, name, t.pgName!);
  const database = await openDatabase({ url: withDatabase(url, name) });
  return {
    database,
    async drop() {
      await database.close();
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

/** PostgreSQL refuses to copy a template while another session is copying it: try again. */
async function createFromTemplate(admin: Database, name: string, from: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.exec(`create database ${name} template ${from}`);
      return;
    } catch (e) {
      const busy = /being accessed by other users/.test(String((e as Error).message));
      if (!busy || attempt >= 50) throw e;
      await new Promise((res) => setTimeout(res, 100 + Math.random() * 200));
    }
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drop this run's template databases (global teardown). */
export async function dropTemplateDatabases(url: string, prefix: string): Promise<void> {
  const admin = await openDatabase({ url });
  try {
    const rows = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${prefix}\\_%`],
    );
    for (const { datname } of rows) await admin.exec(`drop database if exists ${datname} with (force)`);
  } finally {
    await admin.close();
  }
}
