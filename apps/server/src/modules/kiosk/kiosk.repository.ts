import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { byId, firstRow, insertRow } from '../../db/rows.js';
import { kioskTokens, planMaps } from '../../db/schema/index.js';

export type KioskRow = typeof kioskTokens.$inferSelect;
export type MapRow = typeof planMaps.$inferSelect;

export const findKioskByHash = (db: Executor, hash: string) =>
  firstRow(db, kioskTokens, eq(kioskTokens.tokenHash, hash));

export const findKiosk = byId(kioskTokens);

export const insertKiosk = (db: Executor, v: typeof kioskTokens.$inferInsert) =>
  insertRow(db, kioskTokens, v);

export const kiosksOfPlan = (db: Executor, planId: number) =>
  db.select().from(kioskTokens).where(eq(kioskTokens.planId, planId)).orderBy(desc(kioskTokens.id));

export const revokeKiosk = async (db: Executor, id: number, at: Date, by: string | null) =>
  (
    await db
      .update(kioskTokens)
      .set({ revokedAt: at, revokedBy: by })
      .where(eq(kioskTokens.id, id))
      .returning()
  )[0];

export const touchKiosk = (db: Executor, id: number, at: Date) =>
  db.update(kioskTokens).set({ lastUsedAt: at }).where(eq(kioskTokens.id, id));

export const findMap = (db: Executor, planId: number) => firstRow(db, planMaps, eq(planMaps.planId, planId));

export const upsertMap = (db: Executor, v: typeof planMaps.$inferInsert) =>
  db
    .insert(planMaps)
    .values(v)
    .onConflictDoUpdate({
      target: planMaps.planId,
      set: {
        codeProperty: v.codeProperty,
        name: v.name,
        geojson: v.geojson,
        uploadedAt: v.uploadedAt,
        uploadedBy: v.uploadedBy,
      },
    });

export const deleteMap = (db: Executor, planId: number) =>
  db.delete(planMaps).where(eq(planMaps.planId, planId));
