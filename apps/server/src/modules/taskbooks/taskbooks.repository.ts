import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { byId, firstRow, insertRow, rowsIn, versionedUpdate } from '../../db/rows.js';
import {
  decompositionParts,
  grants,
  orgNodes,
  staff,
  taskBookRevisions,
  taskBooks,
  taskChangeRequests,
  taskTargets,
  users,
} from '../../db/schema/index.js';

export type BookRow = typeof taskBooks.$inferSelect;
export type TargetRow = typeof taskTargets.$inferSelect;
export type ChangeRow = typeof taskChangeRequests.$inferSelect;
export type PartRow = typeof decompositionParts.$inferSelect;

export const findBook = byId(taskBooks);

export const findBookOf = (db: Executor, planId: number, unitId: number) =>
  firstRow(db, taskBooks, and(eq(taskBooks.planId, planId), eq(taskBooks.unitId, unitId)));

export const booksOfPlan = (db: Executor, planId: number) =>
  db.select().from(taskBooks).where(eq(taskBooks.planId, planId)).orderBy(asc(taskBooks.id));

export const insertBook = (db: Executor, v: typeof taskBooks.$inferInsert) => insertRow(db, taskBooks, v);

/** Versioned update; undefined when someone else changed the book first. */
export const updateBook = versionedUpdate(taskBooks);

export const targetsOf = (db: Executor, bookIds: number[]) =>
  rowsIn(db, taskTargets, taskTargets.taskBookId, bookIds, { order: asc(taskTargets.id) });

/** Write targets by (book, indicator): insert or overwrite. */
export async function upsertTargets(db: Executor, rows: (typeof taskTargets.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insert(taskTargets)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [taskTargets.taskBookId, taskTargets.indicator],
        set: {
          target: sql`excluded.target`,
          baseline: sql`excluded.baseline`,
          measureUnit: sql`excluded.measure_unit`,
          note: sql`excluded.note`,
        },
      });
}

export const insertRevision = (db: Executor, v: typeof taskBookRevisions.$inferInsert) =>
  db.insert(taskBookRevisions).values(v);

export const revisionsOf = (db: Executor, bookId: number) =>
  db
    .select()
    .from(taskBookRevisions)
    .where(eq(taskBookRevisions.taskBookId, bookId))
    .orderBy(desc(taskBookRevisions.revision));

export const changesOf = (db: Executor, bookIds: number[]) =>
  rowsIn(db, taskChangeRequests, taskChangeRequests.taskBookId, bookIds, {
    order: desc(taskChangeRequests.id),
  });

export const findChange = byId(taskChangeRequests);

export const insertChange = (db: Executor, v: typeof taskChangeRequests.$inferInsert) =>
  insertRow(db, taskChangeRequests, v);

export const updateChange = versionedUpdate(taskChangeRequests);

export const partsOf = (db: Executor, bookId: number, indicator: string) =>
  db
    .select()
    .from(decompositionParts)
    .where(and(eq(decompositionParts.taskBookId, bookId), eq(decompositionParts.indicator, indicator)))
    .orderBy(asc(decompositionParts.id));

export const deleteParts = (db: Executor, bookId: number, indicator: string) =>
  db
    .delete(decompositionParts)
    .where(and(eq(decompositionParts.taskBookId, bookId), eq(decompositionParts.indicator, indicator)));

export const insertPart = (db: Executor, v: typeof decompositionParts.$inferInsert) =>
  insertRow(db, decompositionParts, v);

/** The org nodes strictly below a unit, and their staff: who can receive parts of its targets. */
export async function subtree(db: Executor, unitPath: string) {
  const nodes = await db
    .select({ id: orgNodes.id, parentId: orgNodes.parentId, name: orgNodes.name, path: orgNodes.path })
    .from(orgNodes)
    .where(sql`${orgNodes.path} like ${`${unitPath}%`} and ${orgNodes.path} <> ${unitPath}`)
    .orderBy(asc(orgNodes.path));
  const people = nodes.length
    ? await db
        .select({ id: staff.id, orgNodeId: staff.orgNodeId, name: staff.name })
        .from(staff)
        .where(
          inArray(
            staff.orgNodeId,
            nodes.map((n) => n.id),
          ),
        )
        .orderBy(asc(staff.id))
    : [];
  return { nodes, people };
}

/** Lead-department accounts (indicator grants) covering any of `codes`: they review those lines. */
export async function reviewersOf(db: Executor, codes: string[]): Promise<number[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: users.id, refs: grants.refs })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .where(and(eq(users.active, true), eq(grants.role, 'assessor'), eq(grants.scopeType, 'indicators')));
  return rows.filter((r) => r.refs.some((x) => codes.includes(x))).map((r) => r.id);
}

/** Change requests with their unit, by status ('all' for every one). */
export const changesByStatus = (db: Executor, status: string) =>
  db
    .select({ c: taskChangeRequests, unitId: orgNodes.id, unitName: orgNodes.name, path: orgNodes.path })
    .from(taskChangeRequests)
    .innerJoin(taskBooks, eq(taskBooks.id, taskChangeRequests.taskBookId))
    .innerJoin(orgNodes, eq(orgNodes.id, taskBooks.unitId))
    .where(status === 'all' ? undefined : eq(taskChangeRequests.status, status))
    .orderBy(desc(taskChangeRequests.id));
