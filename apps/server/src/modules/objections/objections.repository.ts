import type { ObjectionTarget } from '@jixiao/contracts';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { byId, countWhere, insertRow, rowsWhere, updateVersioned } from '../../db/rows.js';
import { evidenceFiles, grants, objections, orgNodes, users } from '../../db/schema/index.js';

export type ObjectionRow = typeof objections.$inferSelect;
export type NewObjectionRow = typeof objections.$inferInsert;

const OPEN = ['filed', 'answered', 'escalated'];

export const insertObjection = (db: Executor, v: NewObjectionRow) => insertRow(db, objections, v);

export const findObjection = byId(objections);

/** Objections of a plan (and period, status, units), newest first, with the unit's name. */
export function listObjections(
  db: Executor,
  f: { planIds?: number[]; period?: string; status?: string; unitIds?: number[] | null },
) {
  const where: (SQL | undefined)[] = [
    f.planIds ? inArray(objections.planId, f.planIds.length ? f.planIds : [-1]) : undefined,
    f.period ? eq(objections.period, f.period) : undefined,
    f.status ? eq(objections.status, f.status) : undefined,
    f.unitIds ? inArray(objections.unitId, f.unitIds.length ? f.unitIds : [-1]) : undefined,
  ];
  return db
    .select({ o: objections, unitName: orgNodes.name })
    .from(objections)
    .innerJoin(orgNodes, eq(orgNodes.id, objections.unitId))
    .where(and(...where))
    .orderBy(desc(objections.id));
}

/** How many objections of a plan and period are still open (filed, answered or escalated). */
export const openCount = (db: Executor, planId: number, period: string) =>
  countWhere(
    db,
    objections,
    and(eq(objections.planId, planId), eq(objections.period, period), inArray(objections.status, OPEN)),
  );

/** Open and settled objections of a plan and period. */
export async function counts(db: Executor, planId: number, period: string) {
  const rows = await db
    .select({
      open: sql<number>`count(*) filter (where ${inArray(objections.status, OPEN)})`,
      all: sql<number>`count(*)`,
    })
    .from(objections)
    .where(and(eq(objections.planId, planId), eq(objections.period, period)));
  const open = Number(rows[0]?.open ?? 0);
  return { open, closed: Number(rows[0]?.all ?? 0) - open };
}

export const updateObjection = (
  db: Executor,
  id: number,
  version: number,
  set: Partial<Omit<NewObjectionRow, 'id' | 'version'>>,
) => updateVersioned(db, objections, id, version, set);

/** Evidence files of objections, by objection id. */
export const evidenceOf = (db: Executor, ids: number[]) =>
  ids.length
    ? rowsWhere(
        db,
        evidenceFiles,
        and(eq(evidenceFiles.ownerType, 'objection'), inArray(evidenceFiles.ownerId, ids)),
      )
    : Promise.resolve([]);

/** Active users holding one of `roles` through an 'indicators' grant, with its refs (lead departments). */
export const indicatorGrantHolders = (db: Executor, roles: readonly string[]) =>
  db
    .select({ userId: grants.userId, refs: grants.refs })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .where(and(eq(grants.scopeType, 'indicators'), inArray(grants.role, [...roles]), eq(users.active, true)));

/** The adjustments that stood in a plan and period (closed objections that adjusted), oldest first. */
export async function standingAdjustments(db: Executor, planId: number, period: string) {
  const rows = await rowsWhere(
    db,
    objections,
    and(eq(objections.planId, planId), eq(objections.period, period), eq(objections.outcome, 'adjusted')),
  );
  return rows
    .sort((a, b) => a.id - b.id)
    .map((o) => {
      const verdict = o.decision ?? o.answer;
      if (verdict?.verdict !== 'adjust') throw new Error(`objection ${o.id}: adjusted without an adjustment`);
      return {
        objection: o.id,
        unit: o.unitCode,
        target: o.target as ObjectionTarget,
        label: o.targetLabel,
        adjustment: verdict.adjustment,
      };
    });
}
