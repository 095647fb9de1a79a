import { asc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { byId, insertRow, updateVersioned } from '../../db/rows.js';
import { categories, evalSystems, groups, orgNodes, staff, users } from '../../db/schema/index.js';
import type { OrgScope } from '../../platform/access.js';

export type NodeRow = typeof orgNodes.$inferSelect;
export type StaffRow = typeof staff.$inferSelect;
type Table = typeof evalSystems | typeof categories | typeof groups | typeof orgNodes | typeof staff;

/** Ids on a materialised path "/1/7/42/" → [1, 7, 42]. */
export const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

function scopeWhere(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = scope.paths.map((p) => like(orgNodes.path, `${p}%`));
  if (scope.systemIds.length) {
    // A node is in a system when it or an ancestor carries the system id.
    parts.push(
      sql`exists (select 1 from org_node a where a.system_id in (${sql.join(
        scope.systemIds.map((s) => sql`${s}`),
        sql`, `,
      )}) and ${orgNodes.path} like a.path || '%')`,
    );
  }
  return parts.length ? or(...parts) : sql`false`;
}

export const listNodes = (db: Executor, scope: OrgScope) =>
  db.select().from(orgNodes).where(scopeWhere(scope)).orderBy(asc(orgNodes.sortOrder), asc(orgNodes.id));

export const findNode = byId(orgNodes);

export const findNodesByCodes = (db: Executor, codes: string[]) =>
  codes.length ? db.select().from(orgNodes).where(inArray(orgNodes.code, codes)) : Promise.resolve([]);

/** The systems a node belongs to through itself or its ancestors. */
export async function nodeSystemIds(db: Executor, node: NodeRow): Promise<number[]> {
  const ids = pathIds(node.path);
  if (ids.length === 0) return node.systemId ? [node.systemId] : [];
  const rows = await db.select({ s: orgNodes.systemId }).from(orgNodes).where(inArray(orgNodes.id, ids));
  return rows.flatMap((r) => (r.s ? [r.s] : []));
}

export async function insertNode(
  db: Executor,
  n: typeof orgNodes.$inferInsert,
  parentPath: string,
): Promise<NodeRow> {
  const [row] = await db.insert(orgNodes).values(n).returning();
  const path = `${parentPath || '/'}${row!.id}/`;
  const [withPath] = await db.update(orgNodes).set({ path }).where(eq(orgNodes.id, row!.id)).returning();
  return withPath!;
}

/** The versioned update of one table, named for it (the services never see a table). */
const versioned =
  <T extends Table>(table: T) =>
  (db: Executor, id: number, version: number, patch: Partial<T['$inferInsert']>) =>
    updateVersioned(db, table, id, version, { ...patch, updatedAt: new Date() });
export const updateNode = versioned(orgNodes);
export const updateStaff = versioned(staff);
export const updateSystem = versioned(evalSystems);
export const updateCategory = versioned(categories);
export const updateGroup = versioned(groups);

/** Move a subtree: every descendant's path is rewritten by prefix. */
export async function rewritePaths(db: Executor, oldPath: string, newPath: string) {
  await db
    .update(orgNodes)
    .set({ path: sql`${newPath} || substr(${orgNodes.path}, ${oldPath.length + 1})` })
    .where(like(orgNodes.path, `${oldPath}%`));
}

export async function nodeDependents(db: Executor, id: number) {
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orgNodes)
    .where(eq(orgNodes.parentId, id));
  const [s] = await db.select({ n: sql<number>`count(*)::int` }).from(staff).where(eq(staff.orgNodeId, id));
  const [u] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.orgNodeId, id));
  return { children: c?.n ?? 0, staff: s?.n ?? 0, users: u?.n ?? 0 };
}

const deleteById = (db: Executor, table: Table, id: number) => db.delete(table).where(eq(table.id, id));
export const deleteNode = (db: Executor, id: number) => deleteById(db, orgNodes, id);
export const deleteStaff = (db: Executor, id: number) => deleteById(db, staff, id);

// --- systems, categories, groups ---------------------------------------------------------------

export const listSystems = (db: Executor) => db.select().from(evalSystems).orderBy(asc(evalSystems.id));
export const findSystem = byId(evalSystems);
export const insertSystem = (db: Executor, v: typeof evalSystems.$inferInsert) =>
  insertRow(db, evalSystems, v);

export const listCategories = (db: Executor) => db.select().from(categories).orderBy(asc(categories.id));
export const findCategory = byId(categories);
export const insertCategory = (db: Executor, v: typeof categories.$inferInsert) =>
  insertRow(db, categories, v);

export const listGroups = (db: Executor) => db.select().from(groups).orderBy(asc(groups.id));
export const findGroup = byId(groups);
export const insertGroup = (db: Executor, v: typeof groups.$inferInsert) => insertRow(db, groups, v);

/** Group with the system it belongs to, for checking that a unit's group matches its system. */
export async function groupSystem(db: Executor, groupId: number) {
  const [row] = await db
    .select({ groupId: groups.id, systemId: categories.systemId, code: groups.code })
    .from(groups)
    .innerJoin(categories, eq(groups.categoryId, categories.id))
    .where(eq(groups.id, groupId));
  return row;
}

export const allGroupsWithSystem = (db: Executor) =>
  db
    .select({ id: groups.id, code: groups.code, systemId: categories.systemId })
    .from(groups)
    .innerJoin(categories, eq(groups.categoryId, categories.id));

// --- staff -----------------------------------------------------------------------------------------

export const listStaff = (db: Executor, orgNodeId: number) =>
  db.select().from(staff).where(eq(staff.orgNodeId, orgNodeId)).orderBy(asc(staff.id));
export const findStaff = byId(staff);
export const insertStaff = (db: Executor, v: typeof staff.$inferInsert) => insertRow(db, staff, v);

// --- bulk inserts (org import, demo seed) ------------------------------------------------------------

const BULK_CHUNK = 1000;

/**
 * Insert many nodes and set their materialised paths from their parents' in one UPDATE per chunk.
 * Every parent must already exist with its path set: callers insert one tree level at a time.
 * Returns the inserted rows (with paths); match them to the input by `code`.
 */
export async function insertNodesBulk(
  db: Executor,
  rows: (typeof orgNodes.$inferInsert)[],
): Promise<NodeRow[]> {
  const out: NodeRow[] = [];
  for (let i = 0; i < rows.length; i += BULK_CHUNK) {
    const inserted = await db
      .insert(orgNodes)
      .values(rows.slice(i, i + BULK_CHUNK))
      .returning({ id: orgNodes.id });
    const ids = inserted.map((r) => r.id);
    const withPaths = await db
      .update(orgNodes)
      .set({
        path: sql`coalesce((select p.path from org_node p where p.id = ${orgNodes.parentId}), '/') || ${orgNodes.id}::text || '/'`,
      })
      .where(inArray(orgNodes.id, ids))
      .returning();
    out.push(...withPaths.sort((a, b) => a.id - b.id));
  }
  return out;
}

export async function insertStaffBulk(
  db: Executor,
  rows: (typeof staff.$inferInsert)[],
): Promise<StaffRow[]> {
  const out: StaffRow[] = [];
  for (let i = 0; i < rows.length; i += BULK_CHUNK)
    out.push(
      ...(await db
        .insert(staff)
        .values(rows.slice(i, i + BULK_CHUNK))
        .returning()),
    );
  return out;
}
