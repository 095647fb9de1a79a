import { and, asc, desc, eq, inArray, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { versionedUpdate } from '../../db/rows.js';
import {
  grants,
  inquiries,
  inquiryAssignments,
  orgNodes,
  submissions,
  users,
} from '../../db/schema/index.js';

export type InquiryRow = typeof inquiries.$inferSelect;
export type NewInquiry = typeof inquiries.$inferInsert;
export type AssignmentRow = typeof inquiryAssignments.$inferSelect;

/**
 * What a reader sees: everything (the office, the leaders), the units under some org paths (the
 * units themselves), and what one expert was assigned or asked (the expert).
 */
export interface InquiryView {
  all: boolean;
  paths: string[];
  expertUserId: number | null;
}

function viewWhere(v: InquiryView, unitPath: typeof orgNodes.path, expertCol: SQL | undefined) {
  if (v.all) return undefined;
  const parts = v.paths.map((p) => like(unitPath, `${p}%`));
  if (expertCol) parts.push(expertCol);
  return parts.length ? or(...parts) : sql`false`;
}

const unitCols = { unitCode: orgNodes.code, unitName: orgNodes.name, unitPath: orgNodes.path };

// --- assignments ------------------------------------------------------------------------------------

export async function listAssignments(
  db: Executor,
  v: InquiryView,
  f: { id?: number; planId?: number; expertUserId?: number },
) {
  return db
    .select({ a: inquiryAssignments, ...unitCols, expertName: users.displayName })
    .from(inquiryAssignments)
    .innerJoin(orgNodes, eq(orgNodes.id, inquiryAssignments.unitId))
    .innerJoin(users, eq(users.id, inquiryAssignments.expertUserId))
    .where(
      and(
        viewWhere(
          v,
          orgNodes.path,
          v.expertUserId ? eq(inquiryAssignments.expertUserId, v.expertUserId) : undefined,
        ),
        f.id ? eq(inquiryAssignments.id, f.id) : undefined,
        f.planId ? eq(inquiryAssignments.planId, f.planId) : undefined,
        f.expertUserId ? eq(inquiryAssignments.expertUserId, f.expertUserId) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(orgNodes.sortOrder), asc(orgNodes.code))
    .limit(2000);
}
export type AssignmentListRow = Awaited<ReturnType<typeof listAssignments>>[number];

/** Insert the pairs not assigned yet; returns the new rows. */
export const insertAssignments = (db: Executor, rows: (typeof inquiryAssignments.$inferInsert)[]) =>
  rows.length
    ? db.insert(inquiryAssignments).values(rows).onConflictDoNothing().returning()
    : Promise.resolve([] as AssignmentRow[]);

export const deleteAssignment = (db: Executor, id: number) =>
  db.delete(inquiryAssignments).where(eq(inquiryAssignments.id, id));

/** The assignment of an expert to a unit in a plan, if any. */
export const assignmentOf = async (db: Executor, planId: number, expertUserId: number, unitId: number) =>
  (
    await db
      .select()
      .from(inquiryAssignments)
      .where(
        and(
          eq(inquiryAssignments.planId, planId),
          eq(inquiryAssignments.expertUserId, expertUserId),
          eq(inquiryAssignments.unitId, unitId),
        ),
      )
      .limit(1)
  )[0];

/** Whether a user is assigned to review a unit in any plan (reading the unit's evidence). */
export const assignedToUnit = async (db: Executor, expertUserId: number, unitId: number) =>
  (
    await db
      .select({ id: inquiryAssignments.id })
      .from(inquiryAssignments)
      .where(and(eq(inquiryAssignments.expertUserId, expertUserId), eq(inquiryAssignments.unitId, unitId)))
      .limit(1)
  ).length > 0;

/** Active accounts holding the expert role, for the office's assignment. */
export const expertUsers = (db: Executor) =>
  db
    .selectDistinct({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .innerJoin(grants, eq(grants.userId, users.id))
    .where(and(eq(grants.role, 'expert'), eq(users.active, true)))
    .orderBy(asc(users.displayName), asc(users.id));

export const nodesByIds = (db: Executor, ids: number[]) =>
  db.select().from(orgNodes).where(inArray(orgNodes.id, ids));

// --- inquiries --------------------------------------------------------------------------------------

export async function listInquiries(
  db: Executor,
  v: InquiryView,
  f: { id?: number; planId?: number; unitId?: number; status?: string; expertUserId?: number },
) {
  return db
    .select({ q: inquiries, ...unitCols, expertName: users.displayName })
    .from(inquiries)
    .innerJoin(orgNodes, eq(orgNodes.id, inquiries.unitId))
    .innerJoin(users, eq(users.id, inquiries.expertUserId))
    .where(
      and(
        viewWhere(v, orgNodes.path, v.expertUserId ? eq(inquiries.expertUserId, v.expertUserId) : undefined),
        f.id ? eq(inquiries.id, f.id) : undefined,
        f.planId ? eq(inquiries.planId, f.planId) : undefined,
        f.unitId ? eq(inquiries.unitId, f.unitId) : undefined,
        f.status ? eq(inquiries.status, f.status) : undefined,
        f.expertUserId ? eq(inquiries.expertUserId, f.expertUserId) : undefined,
      ),
    )
    .orderBy(desc(inquiries.createdAt), desc(inquiries.id))
    .limit(2000);
}
export type InquiryListRow = Awaited<ReturnType<typeof listInquiries>>[number];

export const insertInquiry = async (db: Executor, v: NewInquiry) =>
  (await db.insert(inquiries).values(v).returning())[0]!;
export const updateInquiry = versionedUpdate(inquiries);

/** The plans with open inquiries whose deadline day is before `day`. */
export const plansWithOverdue = async (db: Executor, day: string) =>
  (
    await db
      .selectDistinct({ planId: inquiries.planId })
      .from(inquiries)
      .where(and(eq(inquiries.status, 'open'), lt(inquiries.deadline, day)))
      .orderBy(asc(inquiries.planId))
  ).map((r) => r.planId);

/** Open inquiries of a plan whose deadline day is before `day` (overdue, not penalised yet). */
export const overdueOpen = (db: Executor, planId: number, day: string) =>
  db
    .select({ q: inquiries, ...unitCols })
    .from(inquiries)
    .innerJoin(orgNodes, eq(orgNodes.id, inquiries.unitId))
    .where(and(eq(inquiries.planId, planId), eq(inquiries.status, 'open'), lt(inquiries.deadline, day)))
    .orderBy(asc(inquiries.id));

// --- the review view --------------------------------------------------------------------------------

/** A unit's reported values of a plan (drafts left out), newest period first per indicator. */
export const unitReports = (db: Executor, planId: number, unitId: number) =>
  db
    .select({
      id: submissions.id,
      indicator: submissions.indicator,
      period: submissions.period,
      value: submissions.value,
      status: submissions.status,
      measureUnit: submissions.measureUnit,
    })
    .from(submissions)
    .where(
      and(
        eq(submissions.planId, planId),
        eq(submissions.unitId, unitId),
        inArray(submissions.status, ['submitted', 'verified', 'returned']),
      ),
    )
    .orderBy(asc(submissions.indicator), desc(submissions.period));
