import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, Queryable } from './client.js';

/**
 * Backups are gzip'd JSON lines: a header (format, applied migrations, tables), then one line per
 * row as PostgreSQL's own row_to_json gives it, so that a restore repopulates every column exactly.
 */
const FORMAT = 'jixiao-backup';

interface Header {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  engine: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

interface TableInfo {
  name: string;
  /** Column referencing the same table (a tree), whose rows must be restored parents first. */
  selfRef: string | null;
}

/** Application tables in an order where every foreign key points backwards. */
async function tablesInOrder(database: Queryable): Promise<TableInfo[]> {
  const tables = (
    await database.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
    )
  ).map((t) => t.name);
  const fks = await database.query<{ child: string; parent: string; col: string }>(
    `select cl.relname as child, pl.relname as parent, a.attname as col
     from pg_constraint k
     join pg_class cl on cl.oid = k.conrelid join pg_class pl on pl.oid = k.confrelid
     join pg_namespace n on n.oid = cl.relnamespace
     join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
     where k.contype = 'f' and n.nspname = 'public'`,
  );
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  const visit = (t: string, stack: Set<string>) => {
    if (done.has(t) || stack.has(t)) return;
    stack.add(t);
    for (const fk of fks) if (fk.child === t && fk.parent !== t) visit(fk.parent, stack);
    done.add(t);
    ordered.push({ name: t, selfRef: fks.find((f) => f.child === t && f.parent === t)?.col ?? null });
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

const quote = (ident: string) => `"${ident.replaceAll('"', '""')}"`;

async function appliedMigrations(database: Queryable): Promise<string[]> {
  const rows = await database.query<{ hash: string }>(
    'select hash from drizzle.__drizzle_migrations order by created_at',
  );
  return rows.map((r) => r.hash);
}

/** Write a consistent snapshot of every table to `file`. */
export async function backup(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  // One repeatable-read transaction: every table is read at the same instant, while the server runs.
  const { lines, tables, rows } = await database.rawTransaction(async (q) => {
    const tables = await tablesInOrder(q);
    const counts: { name: string; rows: number }[] = [];
    const body: string[] = [];
    for (const t of tables) {
      const rows = await q.query<{ r: string }>(
        `select row_to_json(x)::text as r from ${quote(t.name)} x order by 1`,
      );
      counts.push({ name: t.name, rows: rows.length });
      for (const { r } of rows) body.push(`{"t":${JSON.stringify(t.name)},"r":${r}}\n`);
    }
    const header: Header = {
      format: FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      engine: database.engine,
      migrations: await appliedMigrations(q),
      tables: counts,
    };
    return { lines: [`${JSON.stringify(header)}\n`, ...body], tables: tables.length, rows: body.length };
  }, 'repeatable read');
  await pipeline(Readable.from(lines), createGzip(), createWriteStream(file, { mode: 0o600 }));
  return { tables, rows };
}

export class BackupError extends Error {}

/**
 * Replace every table's content with the backup's, in one transaction: on any error nothing changes.
 * The database must be at the same migration level as the backup.
 */
export async function restore(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const rl = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let header: Header | null = null;
  const rows = new Map<string, unknown[]>();
  try {
    for await (const line of rl) {
      if (!line) continue;
      if (!header) {
        header = JSON.parse(line) as Header;
        if (header.format !== FORMAT) throw new BackupError(`${file} is not a Jixiao backup`);
        continue;
      }
      const { t, r } = JSON.parse(line) as { t: string; r: unknown };
      (rows.get(t) ?? rows.set(t, []).get(t)!).push(r);
    }
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`${file} cannot be read as a Jixiao backup: ${(e as Error).message}`);
  }
  if (!header) throw new BackupError(`${file} is empty`);
  const current = await appliedMigrations(database);
  if (current.join() !== header.migrations.join())
    throw new BackupError(
      `The backup was made at schema level ${header.migrations.length}, this database is at ${current.length}; restore into a matching version of Jixiao`,
    );

  const tables = await tablesInOrder(database);
  const known = new Set(tables.map((t) => t.name));
  for (const t of rows.keys())
    if (!known.has(t)) throw new BackupError(`The backup has an unknown table ${t}`);

  let total = 0;
  await database.rawTransaction(async (q) => {
    // The audit trail refuses deletes; a restore replaces it whole with the backed-up chain.
    await q.exec('alter table audit_log disable trigger user');
    await q.exec(`truncate ${tables.map((t) => quote(t.name)).join(', ')} restart identity cascade`);
    for (const t of tables) {
      let list = rows.get(t.name) ?? [];
      if (t.selfRef) list = parentsFirst(list as Record<string, unknown>[], t.selfRef);
      for (let i = 0; i < list.length; i += 500) {
        await q.query(
          `insert into ${quote(t.name)} overriding system value select * from json_populate_recordset(null::${quote(t.name)}, $1::json)`,
          [JSON.stringify(list.slice(i, i + 500))],
        );
      }
      total += list.length;
      await resetIdentity(q, t.name);
    }
    await q.exec('alter table audit_log enable trigger user');
  });
  return { tables: tables.length, rows: total };
}

/** Order tree rows so every row comes after the row it references. */
function parentsFirst(rows: Record<string, unknown>[], col: string): Record<string, unknown>[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: Record<string, unknown>[] = [];
  const placed = new Set<unknown>();
  const place = (r: Record<string, unknown>, depth: number) => {
    if (placed.has(r.id) || depth > rows.length) return;
    const parent = r[col] == null ? undefined : byId.get(r[col]);
    if (parent) place(parent, depth + 1);
    placed.add(r.id);
    out.push(r);
  };
  for (const r of rows) place(r, 0);
  return out;
}

async function resetIdentity(database: Queryable, table: string) {
  const cols = await database.query<{ col: string }>(
    `select column_name as col from information_schema.columns
     where table_schema = 'public' and table_name = $1 and is_identity = 'YES'`,
    [table],
  );
  for (const { col } of cols) {
    await database.query(
      `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quote(col)}) from ${quote(table)}), 0) + 1, false)`,
      [table, col],
    );
  }
}
