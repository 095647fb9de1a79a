import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { byId, columnsEqual, firstRow, insertRow, rowsWhere, updateVersioned } from '../../db/rows.js';
import { notifications, periodReopenings, periodWindows, plans } from '../../db/schema/index.js';

export type WindowRow = typeof periodWindows.$inferSelect;
export type ReopeningRow = typeof periodReopenings.$inferSelect;

export const findWindow = (db: Executor, planId: number, period: string) =>
  firstRow(db, periodWindows, columnsEqual(periodWindows, { planId, period }));

export const findWindowById = byId(periodWindows);

export const listWindows = (db: Executor, planId: number) =>
  rowsWhere(db, periodWindows, eq(periodWindows.planId, planId), asc(periodWindows.dueAt));

/** Insert windows that do not exist yet; existing ones (maybe edited by the office) are kept. */
export const insertWindows = (db: Executor, rows: (typeof periodWindows.$inferInsert)[]) =>
  rows.length
    ? db.insert(periodWindows).values(rows).onConflictDoNothing().returning()
    : Promise.resolve([] as WindowRow[]);

export async function updateWindowVersioned(
  db: Executor,
  id: number,
  version: number,
  patch: Partial<Pick<WindowRow, 'opensAt' | 'dueAt' | 'closed'>>,
): Promise<WindowRow | undefined> {
  return updateVersioned(db, periodWindows, id, version, patch);
}

export const reopeningsFor = (db: Executor, planId: number, period: string, unitId?: number) =>
  rowsWhere(db, periodReopenings, columnsEqual(periodReopenings, { planId, period, unitId }));

export const listReopenings = (db: Executor, planId: number) =>
  rowsWhere(db, periodReopenings, eq(periodReopenings.planId, planId), asc(periodReopenings.id));

export const insertReopening = (db: Executor, v: typeof periodReopenings.$inferInsert) =>
  insertRow(db, periodReopenings, v);

/** Open windows of active plans falling due in [from, to]. */
export const windowsDueBetween = (db: Executor, from: Date, to: Date) =>
  db
    .select({ window: periodWindows, systemId: plans.systemId, planName: plans.name })
    .from(periodWindows)
    .innerJoin(plans, eq(plans.id, periodWindows.planId))
    .where(
      and(
        eq(plans.status, 'active'),
        eq(periodWindows.closed, false),
        gte(periodWindows.dueAt, from),
        lte(periodWindows.dueAt, to),
      ),
    );

/** Links of deadline notifications already sent: a reminder goes out once per period. */
export async function sentDeadlineLinks(db: Executor, links: string[]): Promise<Set<string>> {
  if (links.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.kind, 'deadline'), inArray(notifications.link, links)));
  return new Set(rows.map((r) => r.link!));
}
