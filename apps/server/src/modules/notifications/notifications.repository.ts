import { and, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { columnsEqual, firstRow, pageOf } from '../../db/rows.js';
import { grants, notifications, orgNodes, users } from '../../db/schema/index.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;

export async function insertNotifications(db: Executor, rows: NewNotification[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(notifications).values(rows.slice(i, i + 1000));
}

/**
 * Active users with one of `roles` whose grant covers `unitId`: an org grant on the unit or an
 * ancestor of it. Used to address a unit ("tell the unit's fillers").
 */
export async function unitUsers(db: Executor, unitId: number, roles: readonly string[]): Promise<number[]> {
  const [unit] = await db.select({ path: orgNodes.path }).from(orgNodes).where(eq(orgNodes.id, unitId));
  if (!unit) return [];
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .innerJoin(orgNodes, eq(orgNodes.id, grants.orgNodeId))
    .where(
      and(
        eq(users.active, true),
        eq(grants.scopeType, 'org'),
        inArray(grants.role, roles),
        sql`${unit.path} like ${orgNodes.path} || '%'`,
      ),
    );
  return rows.map((r) => r.id);
}

/** Active users holding one of `roles` with a global grant (the office, leaders). */
export async function globalUsers(db: Executor, roles: readonly string[]): Promise<number[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .where(and(eq(users.active, true), eq(grants.scopeType, 'global'), inArray(grants.role, roles)));
  return rows.map((r) => r.id);
}

export async function listFor(
  db: Executor,
  userId: number,
  filter: 'unread' | 'todo' | 'all',
  page: number,
  pageSize: number,
) {
  const conds: (SQL | undefined)[] = [eq(notifications.userId, userId)];
  if (filter === 'unread') conds.push(isNull(notifications.readAt));
  if (filter === 'todo') conds.push(and(eq(notifications.todo, true), isNull(notifications.doneAt)));
  const where = and(...conds);
  return pageOf(db, notifications, where, desc(notifications.id), { page, pageSize });
}

export async function countsFor(db: Executor, userId: number) {
  const [row] = await db
    .select({
      unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)::int`,
      todo: sql<number>`count(*) filter (where ${notifications.todo} and ${notifications.doneAt} is null)::int`,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  return { unread: row?.unread ?? 0, todo: row?.todo ?? 0 };
}

export const findOwn = (db: Executor, userId: number, id: number) =>
  firstRow(db, notifications, columnsEqual(notifications, { id, userId }));

export async function mark(
  db: Executor,
  userId: number,
  id: number | null,
  set: { readAt?: Date; doneAt?: Date },
) {
  const where =
    id === null
      ? eq(notifications.userId, userId)
      : and(eq(notifications.userId, userId), eq(notifications.id, id));
  const pending = set.doneAt ? isNull(notifications.doneAt) : isNull(notifications.readAt);
  await db.update(notifications).set(set).where(and(where, pending));
}

/** Notifications not yet mailed whose recipient has an e-mail address. */
export async function unmailed(db: Executor, limit: number) {
  return db
    .select({ n: notifications, email: users.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(isNull(notifications.emailedAt), isNull(notifications.readAt), isNotNull(users.email)))
    .orderBy(notifications.id)
    .limit(limit);
}

export const markMailed = (db: Executor, ids: number[], at: Date) =>
  ids.length
    ? db.update(notifications).set({ emailedAt: at }).where(inArray(notifications.id, ids))
    : Promise.resolve();
