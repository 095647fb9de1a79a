import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

type Versioned = PgTable & { id: PgColumn; version: PgColumn };

/** The first row of `table` where `where` holds, or undefined: the one-row find of every repository. */
export async function firstRow<T extends PgTable>(
  db: Executor,
  table: T,
  where: SQL | undefined,
): Promise<T['$inferSelect'] | undefined> {
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(where)
    .limit(1);
  return row as T['$inferSelect'] | undefined;
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
