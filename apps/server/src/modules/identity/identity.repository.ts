import { and, asc, eq, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { byId, firstRow } from '../../db/rows.js';
import { grants, orgNodes, sessions, users } from '../../db/schema/index.js';
import type { ActorGrant } from '../../platform/access.js';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type GrantRow = typeof grants.$inferSelect;

export const findUserByUsername = (db: Executor, username: string) =>
  firstRow(db, users, eq(users.username, username));

export const findUser = byId(users);

export async function insertUser(db: Executor, u: NewUser): Promise<UserRow> {
  const [row] = await db.insert(users).values(u).returning();
  return row!;
}

/** Update with optimistic versioning: returns undefined when `version` is stale. */
export async function updateUser(db: Executor, id: number, version: number | null, patch: Partial<NewUser>) {
  const where = version === null ? eq(users.id, id) : and(eq(users.id, id), eq(users.version, version));
  const [row] = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(where)
    .returning();
  return row;
}

/** Counters that change on every sign-in are written without bumping the edit version. */
export async function setLoginState(
  db: Executor,
  id: number,
  s: { failedLogins: number; lockedUntil: Date | null; lastLoginAt?: Date },
) {
  await db.update(users).set(s).where(eq(users.id, id));
}

/**
 * One failed sign-in, counted atomically in one statement (`failed_logins + 1 … returning`), so
 * failures that run in parallel each count on PostgreSQL and PGlite alike. When the count reaches
 * `max` the account is locked until `lockUntil`; the first failure after a lock has run out starts
 * the count again. Both CASEs read the row as it was before the update.
 */
export async function recordFailedLogin(
  db: Executor,
  id: number,
  o: { now: Date; max: number; lockUntil: Date },
): Promise<{ failedLogins: number; lockedUntil: Date | null }> {
  const lapsed = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${o.now.toISOString()}::timestamptz)`;
  const next = sql`(case when ${lapsed} then 1 else ${users.failedLogins} + 1 end)`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: next,
      lockedUntil: sql`case when ${next} >= ${o.max} then ${o.lockUntil.toISOString()}::timestamptz
        when ${lapsed} then null else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, id))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  return row!;
}

/** Grants of some users, with the path and name of the scope node resolved. */
export async function grantsOf(
  db: Executor,
  userIds: number[],
): Promise<(ActorGrant & { userId: number })[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ g: grants, path: orgNodes.path, name: orgNodes.name })
    .from(grants)
    .leftJoin(orgNodes, eq(grants.orgNodeId, orgNodes.id))
    .where(inArray(grants.userId, userIds))
    .orderBy(asc(grants.id));
  return rows.map(({ g, path, name }) => ({
    id: g.id,
    userId: g.userId,
    role: g.role as ActorGrant['role'],
    scopeType: g.scopeType as ActorGrant['scopeType'],
    orgNodeId: g.orgNodeId,
    orgPath: path,
    orgNodeName: name,
    systemId: g.systemId,
    refs: g.refs,
  }));
}

export async function insertGrant(db: Executor, g: typeof grants.$inferInsert): Promise<GrantRow> {
  const [row] = await db.insert(grants).values(g).returning();
  return row!;
}

export const findGrant = (db: Executor, userId: number, grantId: number) =>
  firstRow(db, grants, and(eq(grants.id, grantId), eq(grants.userId, userId)));

export const deleteGrant = (db: Executor, id: number) => db.delete(grants).where(eq(grants.id, id));

export interface UserFilter {
  q?: string;
  orgNodeId?: number;
  /** Restrict to users whose org node path starts with one of these, or who have no node when `all`. */
  scope: { all: true } | { all: false; paths: string[]; systemIds: number[] };
  page: number;
  pageSize: number;
}

export async function listUsers(db: Executor, f: UserFilter) {
  const conds: (SQL | undefined)[] = [];
  if (f.q) conds.push(or(ilike(users.username, `%${f.q}%`), ilike(users.displayName, `%${f.q}%`)));
  if (f.orgNodeId) conds.push(eq(users.orgNodeId, f.orgNodeId));
  if (!f.scope.all) {
    const scoped: SQL[] = f.scope.paths.map((p) => sql`${orgNodes.path} like ${`${p}%`}`);
    if (f.scope.systemIds.length) scoped.push(inArray(orgNodes.systemId, f.scope.systemIds));
    conds.push(scoped.length ? or(...scoped) : sql`false`);
  }
  const where = and(...conds);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .leftJoin(orgNodes, eq(users.orgNodeId, orgNodes.id))
    .where(where);
  const rows = await db
    .select({ u: users })
    .from(users)
    .leftJoin(orgNodes, eq(users.orgNodeId, orgNodes.id))
    .where(where)
    .orderBy(asc(users.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.map((r) => r.u), total: count?.n ?? 0 };
}

// --- sessions -------------------------------------------------------------------------------

export const insertSession = (db: Executor, s: typeof sessions.$inferInsert) => db.insert(sessions).values(s);

export const findSession = (db: Executor, id: string) => firstRow(db, sessions, eq(sessions.id, id));

export const touchSession = (db: Executor, id: string, at: Date) =>
  db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));

export const deleteSession = (db: Executor, id: string) => db.delete(sessions).where(eq(sessions.id, id));

export const deleteUserSessions = (db: Executor, userId: number) =>
  db.delete(sessions).where(eq(sessions.userId, userId));

export const deleteIdleSessions = (db: Executor, before: Date) =>
  db.delete(sessions).where(lt(sessions.lastSeenAt, before));
