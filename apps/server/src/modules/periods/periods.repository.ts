import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { firstRow } from '../../db/rows.js';
import { notifications, periodReopenings, periodWindows, plans } from '../../db/schema/index.js';

export type WindowRow = typeof periodWindows.$inferSelect;
export type ReopeningRow = typeof periodReopenings.$inferSelect;

export const findWindow = (db: Executor, planId: number, period: string) =>
  firstRow(db, periodWindows, and(eq(periodWindows.planId, planId), eq(periodWindows.period, period)));

export const findWindowById = (db: Executor, id: number) =>
  firstRow(db, periodWindows, eq(periodWindows.id, id));

export const listWindows = (db: Executor, planId: number) =>
  db.select().from(periodWindows).where(eq(periodWindows.planId, planId)).orderBy(asc(periodWindows.dueAt));

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
  const [row] = await db
    .update(periodWindows)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(periodWindows.id, id), eq(periodWindows.version, version)))
    .returning();
  return row;
}

export const reopeningsFor = (db: Executor, planId: number, period: string, unitId?: number) =>
  db
    .select()
    .from(periodReopenings)
    .where(
      and(
        eq(periodReopenings.planId, planId),
        eq(periodReopenings.period, period),
        unitId === undefined ? undefined : eq(periodReopenings.unitId, unitId),
      ),
    );

export const listReopenings = (db: Executor, planId: number) =>
  db
    .select()
    .from(periodReopenings)
    .where(eq(periodReopenings.planId, planId))
    .orderBy(asc(periodReopenings.id));

export const insertReopening = async (db: Executor, v: typeof periodReopenings.$inferInsert) =>
  (await db.insert(periodReopenings).values(v).returning())[0]!;

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
