import { unitRoles } from '@jixiao/contracts';
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { onLineOf } from '../../db/org-paths.js';
import { insertRow } from '../../db/rows.js';
import { announcements, grants, orgNodes, users } from '../../db/schema/index.js';

export type AnnouncementRow = typeof announcements.$inferSelect;

export const listAnnouncements = (db: Executor) =>
  db.select().from(announcements).orderBy(desc(announcements.publishedAt), desc(announcements.id)).limit(200);

export const insertAnnouncement = (db: Executor, v: typeof announcements.$inferInsert) =>
  insertRow(db, announcements, v);

export const nodesByIds = (db: Executor, ids: number[]) =>
  ids.length
    ? db.select({ id: orgNodes.id, path: orgNodes.path }).from(orgNodes).where(inArray(orgNodes.id, ids))
    : Promise.resolve([] as { id: number; path: string }[]);

/**
 * Active users with a unit role whose org grant touches one of `paths` (the unit, a part of it, or
 * an ancestor); every unit user when `paths` is null (an announcement to all).
 */
export async function unitRoleUsers(db: Executor, paths: string[] | null): Promise<number[]> {
  const where: SQL[] = [eq(users.active, true), eq(grants.scopeType, 'org'), inArray(grants.role, unitRoles)];
  if (paths) where.push(onLineOf(paths));
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .innerJoin(orgNodes, eq(orgNodes.id, grants.orgNodeId))
    .where(and(...where));
  return rows.map((r) => r.id);
}
