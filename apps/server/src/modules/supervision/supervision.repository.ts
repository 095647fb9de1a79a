import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { byId, firstRow, insertRow, rowsIn } from '../../db/rows.js';
import { apiTokens, orgNodes, supervisionItems } from '../../db/schema/index.js';

export type ItemRow = typeof supervisionItems.$inferSelect;
export type NewItem = typeof supervisionItems.$inferInsert;
export type TokenRow = typeof apiTokens.$inferSelect;

// --- tokens ------------------------------------------------------------------------------------------

export const findTokenByHash = (db: Executor, hash: string) =>
  firstRow(db, apiTokens, eq(apiTokens.tokenHash, hash));

export const findToken = byId(apiTokens);

export const insertToken = (db: Executor, v: typeof apiTokens.$inferInsert) => insertRow(db, apiTokens, v);

export const listTokens = (db: Executor) => db.select().from(apiTokens).orderBy(desc(apiTokens.id));

export const setTokenRevoked = async (db: Executor, id: number, at: Date) =>
  (await db.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id)).returning())[0];

export const touchToken = (db: Executor, id: number, at: Date) =>
  db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));

// --- items -------------------------------------------------------------------------------------------

export const itemsByExternalIds = (db: Executor, source: string, ids: string[]) =>
  rowsIn(db, supervisionItems, supervisionItems.externalId, ids, {
    also: eq(supervisionItems.source, source),
  });

export async function insertItems(db: Executor, rows: NewItem[]) {
  const out: ItemRow[] = [];
  for (let i = 0; i < rows.length; i += 500)
    out.push(
      ...(await db
        .insert(supervisionItems)
        .values(rows.slice(i, i + 500))
        .returning()),
    );
  return out;
}

export const updateItem = (db: Executor, id: number, v: Partial<NewItem>) =>
  db
    .update(supervisionItems)
    .set({ ...v, version: sql`${supervisionItems.version} + 1` })
    .where(eq(supervisionItems.id, id));

export const listItems = (db: Executor, planId: number) =>
  db
    .select({ item: supervisionItems, unitCode: orgNodes.code, unitName: orgNodes.name })
    .from(supervisionItems)
    .innerJoin(orgNodes, eq(orgNodes.id, supervisionItems.unitId))
    .where(eq(supervisionItems.planId, planId))
    .orderBy(
      asc(orgNodes.sortOrder),
      asc(orgNodes.id),
      asc(supervisionItems.indicator),
      asc(supervisionItems.id),
    );

/** Average progress per (unit, indicator) of a plan's items. */
export const averageProgress = (db: Executor, planId: number) =>
  db
    .select({
      unitId: supervisionItems.unitId,
      unitCode: orgNodes.code,
      indicator: supervisionItems.indicator,
      average: sql<string>`avg(${supervisionItems.progress})`,
    })
    .from(supervisionItems)
    .innerJoin(orgNodes, eq(orgNodes.id, supervisionItems.unitId))
    .where(eq(supervisionItems.planId, planId))
    .groupBy(supervisionItems.unitId, orgNodes.code, supervisionItems.indicator);
