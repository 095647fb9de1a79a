import { and, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

type Versioned = PgTable & { id: PgColumn; version: PgColumn };
/** What a query may be ordered by: a column (ascending) or asc()/desc() of one. */
type Order = SQL | PgColumn;

/**
 * The condition that each named column of `table` equals its value: the where of a find by key
 * columns. An undefined value leaves its column out (an optional filter).
 */
export function columnsEqual<T extends PgTable>(
  table: T,
  values: Partial<T['$inferSelect']>,
): SQL | undefined {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  return and(
    ...Object.entries(values)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => eq(columns[k]!, v)),
  );
}

/**
 * The first row of `table` where `where` holds (the first in `order` when given), or undefined: the
 * one-row find of every repository.
 */
export async function firstRow<T extends PgTable>(
  db: Executor,
  table: T,
  where: SQL | undefined,
  ...order: Order[]
): Promise<T['$inferSelect'] | undefined> {
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(where)
    .orderBy(...order)
    .limit(1);
  return row as T['$inferSelect'] | undefined;
}

/** The find by id of `table`: `findPlan = byId(plans)` gives the plan of an id, or undefined. */
export const byId =
  <T extends PgTable & { id: PgColumn }>(table: T) =>
  (db: Executor, id: number): Promise<T['$inferSelect'] | undefined> =>
    firstRow(db, table, eq(table.id, id));

/** The rows of `table` where `where` holds, in `order`: the list query of every repository. */
export async function rowsWhere<T extends PgTable>(
  db: Executor,
  table: T,
  where: SQL | undefined,
  ...order: Order[]
): Promise<T['$inferSelect'][]> {
  return (await db
    .select()
    .from(table as PgTable)
    .where(where)
    .orderBy(...order)) as T['$inferSelect'][];
}

/** How many rows of `table` `where` holds. */
export async function countWhere(db: Executor, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return row?.n ?? 0;
}

/** Page `page` (from 1) of `pageSize` rows of `table` where `where` holds, in `order`, and how many there are in all. */
export async function pageOf<T extends PgTable>(
  db: Executor,
  table: T,
  where: SQL | undefined,
  order: Order,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<{ items: T['$inferSelect'][]; total: number }> {
  const total = await countWhere(db, table, where);
  const items = await db
    .select()
    .from(table as PgTable)
    .where(where)
    .orderBy(order)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: items as T['$inferSelect'][], total };
}

/** Insert one row and return it as stored (with its id and defaults). */
export async function insertRow<T extends PgTable>(
  db: Executor,
  table: T,
  values: T['$inferInsert'],
): Promise<T['$inferSelect']> {
  const [row] = await db
    .insert(table as PgTable)
    .values(values as never)
    .returning();
  return row as T['$inferSelect'];
}

/**
 * The rows of `table` whose `column` is one of `values` (and `also` holds), in `order`; without a
 * query when there are no values.
 */
export async function rowsIn<T extends PgTable>(
  db: Executor,
  table: T,
  column: PgColumn,
  values: readonly (number | string)[],
  { also, order }: { also?: SQL; order?: SQL } = {},
): Promise<T['$inferSelect'][]> {
  if (values.length === 0) return [];
  const rows = db
    .select()
    .from(table as PgTable)
    .where(and(also, inArray(column, values)));
  return (await (order ? rows.orderBy(order) : rows)) as T['$inferSelect'][];
}

/**
 * The optimistic update of a row with a `version` column: it applies only while the row still has
 * the version the caller read, and bumps it. Undefined when someone changed the row first.
 */
export async function updateVersioned<T extends Versioned>(
  db: Executor,
  table: T,
  id: number,
  version: number,
  patch: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect'] | undefined> {
  const [row] = await db
    .update(table as Versioned)
    .set({ ...patch, version: version + 1 } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning();
  return row as T['$inferSelect'] | undefined;
}

/**
 * `updateVersioned` bound to one table: a repository's named update, e.g.
 * `export const updateBook = versionedUpdate(taskBooks)`.
 */
export const versionedUpdate =
  <T extends Versioned>(table: T) =>
  (db: Executor, id: number, version: number, patch: Partial<T['$inferInsert']>) =>
    updateVersioned(db, table, id, version, patch);
