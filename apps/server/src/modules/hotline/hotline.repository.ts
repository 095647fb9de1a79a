import type { HotlineField } from '@jixiao/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { hotlineFeeds, hotlineStats, orgNodes } from '../../db/schema/index.js';
import type { HotlineValue } from '../inputs/assemble.js';

export type StatRow = typeof hotlineStats.$inferSelect;
export type NewStat = typeof hotlineStats.$inferInsert;
export type FeedRow = typeof hotlineFeeds.$inferSelect;

const ofPeriod = (planId: number, period: string) =>
  and(eq(hotlineStats.planId, planId), eq(hotlineStats.period, period));

export async function countPeriod(db: Executor, planId: number, period: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(hotlineStats)
    .where(ofPeriod(planId, period));
  return Number(r?.n ?? 0);
}

/** A period's rows replaced by `rows` (re-import of a period). */
export async function replacePeriod(db: Executor, planId: number, period: string, rows: NewStat[]) {
  await db.delete(hotlineStats).where(ofPeriod(planId, period));
  for (let i = 0; i < rows.length; i += 500) await db.insert(hotlineStats).values(rows.slice(i, i + 500));
}

/** A period's rows with their units, in the org tree's order. */
export const listPeriod = (db: Executor, planId: number, period: string) =>
  db
    .select({ stat: hotlineStats, unitCode: orgNodes.code, unitName: orgNodes.name })
    .from(hotlineStats)
    .innerJoin(orgNodes, eq(orgNodes.id, hotlineStats.unitId))
    .where(ofPeriod(planId, period))
    .orderBy(asc(orgNodes.sortOrder), asc(orgNodes.id));

export const listFeeds = (db: Executor, planId: number) =>
  db.select().from(hotlineFeeds).where(eq(hotlineFeeds.planId, planId)).orderBy(asc(hotlineFeeds.indicator));

export async function replaceFeeds(
  db: Executor,
  planId: number,
  feeds: { field: string; indicator: string }[],
) {
  await db.delete(hotlineFeeds).where(eq(hotlineFeeds.planId, planId));
  if (feeds.length) await db.insert(hotlineFeeds).values(feeds.map((f) => ({ planId, ...f })));
}

/**
 * The fed indicators' hotline figures of a plan, per unit and stored period: what the cycle input
 * (inputs/assemble.ts) reads. One row per (feed, stat).
 */
export async function hotlineValues(db: Executor, planId: number): Promise<HotlineValue[]> {
  const rows = await db
    .select({
      stat: hotlineStats,
      unitCode: orgNodes.code,
      field: hotlineFeeds.field,
      indicator: hotlineFeeds.indicator,
    })
    .from(hotlineFeeds)
    .innerJoin(hotlineStats, eq(hotlineStats.planId, hotlineFeeds.planId))
    .innerJoin(orgNodes, eq(orgNodes.id, hotlineStats.unitId))
    .where(eq(hotlineFeeds.planId, planId));
  return rows.map(({ stat: s, unitCode, field, indicator }) => ({
    id: s.id,
    unit: unitCode,
    indicator,
    field: field as HotlineField,
    period: s.period,
    value: s[field as HotlineField],
    volume: s.volume,
    importedAt: s.importedAt,
    importedBy: s.importedBy,
  }));
}
