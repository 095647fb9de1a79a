import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.js';

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

export class SchemaTooNewError extends Error {}

/**
 * Bring the schema up to date. A database migrated by newer code (a migration this code does not
 * know) is refused: running old code on it could silently lose data.
 */
export async function migrate(database: Database): Promise<{ applied: number }> {
  const journal = JSON.parse(
    readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  // Drizzle applies the journal's entries newer than the last applied one, so "newer code" means an
  // applied migration later than our newest entry. (Older unknown ones are the files squashed into
  // 0000_init, see migrations/README.md: a database made from them is up to date.)
  const newest = Math.max(...journal.entries.map((e) => e.when));
  const before = await appliedMigrations(database);
  const unknown = before.filter((when) => Number(when) > newest);
  if (unknown.length > 0) {
    throw new SchemaTooNewError(
      `The database schema is newer than this version of Jixiao (${unknown.length} unknown migration(s), latest applied ${new Date(Number(unknown.at(-1))).toISOString()}). Upgrade Jixiao or restore a matching backup.`,
    );
  }
  const config = { migrationsFolder, migrationsSchema: 'drizzle', migrationsTable: '__drizzle_migrations' };
  if (database.engine === 'pglite') await migratePglite(database.db as never, config);
  else await migratePg(database.db as never, config);
  const after = await appliedMigrations(database);
  return { applied: after.length - before.length };
}

async function appliedMigrations(database: Database): Promise<string[]> {
  const [exists] = await database.query<{ ok: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!exists?.ok) return [];
  const rows = await database.query<{ created_at: string }>(
    'select created_at::text as created_at from drizzle.__drizzle_migrations order by created_at',
  );
  return rows.map((r) => String(r.created_at));
}
