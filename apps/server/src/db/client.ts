import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

/** Raw SQL access, used by migrations, backup/restore and tests; application code uses `db`. */
export interface Queryable {
  /** Run SQL text (several statements allowed). */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Run `fn` in one transaction on one connection; rolled back if it throws. */
  rawTransaction<T>(fn: (q: Queryable) => Promise<T>, isolation?: 'repeatable read'): Promise<T>;
  /**
   * How the job queue (pg-boss, platform/jobs) reaches this database: PostgreSQL by its connection
   * string (its own small pool); PGlite through an `executeSql` adapter over the same instance
   * (there is only one connection).
   */
  queueTarget: { connectionString: string } | { db: QueueDb };
  close(): Promise<void>;
}

/** pg-boss's `db` option: SQL text (several statements when it has no values) → the last rows. */
export interface QueueDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Open PostgreSQL when a URL is given, else embedded PGlite in `dir` (or in memory for `memory://`). */
export async function openDatabase(opts: { url?: string; dir?: string }): Promise<Database> {
  if (opts.url) return openPostgres(opts.url);
  return openPglite(opts.dir ?? 'memory://');
}

/** Raw SQL on a pg pool or client: SQL text goes as a simple query, so it may hold several statements. */
const onPg = (c: pg.Pool | pg.PoolClient): Queryable => ({
  exec: async (sql) => void (await c.query(sql)),
  query: async (sql, params) => (await c.query(sql, params as unknown[])).rows,
});

/** Raw SQL on PGlite or one of its transactions. */
const onPglite = (c: Pick<Transaction, 'exec' | 'query'>): Queryable => ({
  exec: async (sql) => void (await c.exec(sql)),
  query: async (sql, params) => (await c.query(sql, params as unknown[])).rows as never,
});

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {}); // idle client errors surface on the next query instead of crashing
  await pool.query('select 1');
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    ...onPg(pool),
    queueTarget: { connectionString: url },
    async rawTransaction(fn, isolation) {
      const client = await pool.connect();
      try {
        await client.query(isolation ? `begin isolation level ${isolation}` : 'begin');
        const result = await fn(onPg(client));
        await client.query('commit');
        return result;
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dir: string): Promise<Database> {
  let dataDir = dir;
  if (dir !== 'memory://') {
    dataDir = join(dir, 'pglite');
    if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
  }
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    ...onPglite(client),
    queueTarget: {
      db: {
        // pg-boss sends its schema plans as one text of several statements, without values.
        executeSql: async (text, values) =>
          values?.length
            ? { rows: (await client.query(text, values)).rows }
            : { rows: (await client.exec(text)).at(-1)?.rows ?? [] },
      },
    },
    // PGlite's transaction holds its single connection, so other queries wait until it ends.
    rawTransaction: (fn, isolation) =>
      client.transaction(async (tx) => {
        if (isolation) await tx.exec(`set transaction isolation level ${isolation}`);
        return fn(onPglite(tx));
      }),
    close: () => client.close(),
  };
}
