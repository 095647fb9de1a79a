import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { byId, columnsEqual, firstRow, insertRow, rowsWhere, versionedUpdate } from '../../db/rows.js';
import { paperBatches, paperSheets, raterGroups, surveyCampaigns } from '../../db/schema/index.js';

export type { PaperBatchRow, PaperSheetRow } from '../../db/schema/survey-work.js';

export const insertBatch = (db: Executor, v: typeof paperBatches.$inferInsert) =>
  insertRow(db, paperBatches, v);

export const findBatch = byId(paperBatches);

export const batchesOf = (db: Executor, campaignId: number) =>
  rowsWhere(db, paperBatches, eq(paperBatches.campaignId, campaignId), paperBatches.id);

/** Changes a batch if it still has `version`; undefined when someone changed it first. */
export const updateBatch = versionedUpdate(paperBatches);

export const sheetsOf = (db: Executor, batchIds: number[]) =>
  batchIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(paperSheets)
        .where(inArray(paperSheets.batchId, batchIds))
        .orderBy(asc(paperSheets.seq));

export const findSheet = (db: Executor, batchId: number, seq: number) =>
  firstRow(db, paperSheets, columnsEqual(paperSheets, { batchId, seq }));

/** Writes one pass of a sheet (creating the sheet if new); a changed entry clears a resolution. */
export async function putSheet(
  db: Executor,
  batchId: number,
  seq: number,
  pass: 'first' | 'second',
  answers: unknown,
  by: string | null,
): Promise<void> {
  const entry =
    pass === 'first'
      ? { first: answers, firstBy: by, resolved: null }
      : { second: answers, secondBy: by, resolved: null };
  await db
    .insert(paperSheets)
    .values({ batchId, seq, ...entry, resolvedBy: null })
    .onConflictDoUpdate({
      target: [paperSheets.batchId, paperSheets.seq],
      set: { ...entry, resolvedBy: null },
    });
}

export const resolveSheet = (
  db: Executor,
  batchId: number,
  seq: number,
  answers: unknown,
  by: string | null,
) =>
  db
    .update(paperSheets)
    .set({ resolved: answers, resolvedBy: by })
    .where(and(eq(paperSheets.batchId, batchId), eq(paperSheets.seq, seq)));

/** Open or closed campaigns that have a paper group: what surveyors may enter sheets for. */
export const paperCampaigns = (db: Executor) =>
  db
    .selectDistinct({ campaign: surveyCampaigns })
    .from(surveyCampaigns)
    .innerJoin(raterGroups, eq(raterGroups.campaignId, surveyCampaigns.id))
    .where(and(eq(raterGroups.channel, 'paper'), sql`${surveyCampaigns.status} in ('open', 'closed')`))
    .orderBy(asc(surveyCampaigns.id));
