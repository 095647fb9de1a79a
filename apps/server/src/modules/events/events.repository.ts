import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { countWhere, insertRow, versionedUpdate } from '../../db/rows.js';
import { cycleEvents, orgNodes } from '../../db/schema/index.js';

export type EventRow = typeof cycleEvents.$inferSelect;
export type NewEvent = typeof cycleEvents.$inferInsert;
/** An event with the code, name and path of its unit (for presenting and for the scope check). */
export type EventWithUnit = EventRow & { unitCode: string; unitName: string; unitPath: string };

const withUnit = {
  event: cycleEvents,
  unitCode: orgNodes.code,
  unitName: orgNodes.name,
  unitPath: orgNodes.path,
};
const flat = (r: {
  event: EventRow;
  unitCode: string;
  unitName: string;
  unitPath: string;
}): EventWithUnit => ({
  ...r.event,
  unitCode: r.unitCode,
  unitName: r.unitName,
  unitPath: r.unitPath,
});

export interface EventFilter {
  planId: number;
  period?: string;
  unitId?: number;
  kind?: string;
  status?: string;
}

/** The events of a plan matching the filter, newest first. */
export async function listEvents(db: Executor, f: EventFilter): Promise<EventWithUnit[]> {
  const where: SQL[] = [eq(cycleEvents.planId, f.planId)];
  if (f.period) where.push(eq(cycleEvents.period, f.period));
  if (f.unitId) where.push(eq(cycleEvents.unitId, f.unitId));
  if (f.kind) where.push(eq(cycleEvents.kind, f.kind));
  if (f.status) where.push(eq(cycleEvents.status, f.status));
  const rows = await db
    .select(withUnit)
    .from(cycleEvents)
    .innerJoin(orgNodes, eq(orgNodes.id, cycleEvents.unitId))
    .where(and(...where))
    .orderBy(desc(cycleEvents.createdAt), desc(cycleEvents.id));
  return rows.map(flat);
}

export async function findEvent(db: Executor, id: number): Promise<EventWithUnit | undefined> {
  const [row] = await db
    .select(withUnit)
    .from(cycleEvents)
    .innerJoin(orgNodes, eq(orgNodes.id, cycleEvents.unitId))
    .where(eq(cycleEvents.id, id))
    .limit(1);
  return row && flat(row);
}

export const insertEvent = (db: Executor, v: NewEvent) => insertRow(db, cycleEvents, v);

/** Bulk insert (data imports), in chunks so the statement stays below the parameter limit. */
export async function insertEvents(db: Executor, rows: NewEvent[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(cycleEvents).values(rows.slice(i, i + 1000));
}

/** Versioned update; undefined when someone else changed the event first. */
export const updateEvent = versionedUpdate(cycleEvents);

/** How many events a plan holds (tests, import counts). */
export const countOfPlan = (db: Executor, planId: number) =>
  countWhere(db, cycleEvents, eq(cycleEvents.planId, planId));

/**
 * The events that count for a plan: approved ones only (pending bonuses, rejected and withdrawn
 * events do not). Read by the cycle input; an event counts from its period to the year end.
 */
export const effectiveEvents = (db: Executor, planId: number) =>
  db
    .select({
      id: cycleEvents.id,
      unitId: cycleEvents.unitId,
      unitCode: orgNodes.code,
      period: cycleEvents.period,
      kind: cycleEvents.kind,
      code: cycleEvents.code,
      indicator: cycleEvents.indicator,
      points: cycleEvents.points,
      reason: cycleEvents.reason,
      source: cycleEvents.source,
      importBatchId: cycleEvents.importBatchId,
    })
    .from(cycleEvents)
    .innerJoin(orgNodes, eq(orgNodes.id, cycleEvents.unitId))
    .where(and(eq(cycleEvents.planId, planId), eq(cycleEvents.status, 'approved')))
    .orderBy(asc(cycleEvents.period), asc(cycleEvents.id));
export type EffectiveEvent = Awaited<ReturnType<typeof effectiveEvents>>[number];
