import type { Executor } from '../../db/client.js';
import { type Actor, hasPermission, orgScope } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import * as repo from './inquiries.repository.js';

/**
 * Who sees and acts on the year-end review (S11): the office and the leaders see everything
 * (`inquiries.read` with a global grant); a unit sees its own subtree's inquiries and answers them
 * (`inquiries.answer`); an expert sees the units the office assigned them and the inquiries they
 * raised (`inquiries.raise`, by the assignment table, not by a grant). Another's objects are 404.
 */
export function inquiryView(actor: Actor): repo.InquiryView {
  const s = orgScope(actor, 'inquiries.read');
  if (s.all) return { all: true, paths: [], expertUserId: null };
  return {
    all: false,
    paths: s.paths,
    expertUserId: hasPermission(actor, 'inquiries.raise') ? actor.id : null,
  };
}

/** Whether the actor speaks for the unit at `unitPath` (answers its inquiries). */
export function speaksFor(actor: Actor, unitPath: string) {
  const s = orgScope(actor, 'inquiries.answer');
  return s.all || s.paths.some((p) => unitPath.startsWith(p));
}

/** The office of the review: assigns experts, penalises overdue inquiries. */
export const isOffice = (actor: Actor) => orgScope(actor, 'inquiries.manage').all;

/** The expert who raised an inquiry (closes it). */
export const isAsker = (actor: Actor, expertUserId: number) =>
  hasPermission(actor, 'inquiries.raise') && actor.id === expertUserId;

/** An inquiry the caller may see, else 404 (ids cannot be probed). */
export async function visibleInquiry(db: Executor, ctx: Ctx, id: number) {
  const row = (await repo.listInquiries(db, inquiryView(ctx.actor!), { id }))[0];
  if (!row) throw notFound('Inquiry');
  return row;
}

/** An assignment the caller may see (the office, its expert, the unit), else 404. */
export async function visibleAssignment(db: Executor, ctx: Ctx, id: number) {
  const row = (await repo.listAssignments(db, inquiryView(ctx.actor!), { id }))[0];
  if (!row) throw notFound('Assignment');
  return row;
}

/**
 * For an evidence download: an expert assigned to review the unit may read its evidence files (the
 * year-end review compares its values with their evidence).
 */
export const reviewsUnit = (db: Executor, actor: Actor, unitId: number) =>
  hasPermission(actor, 'inquiries.raise')
    ? repo.assignedToUnit(db, actor.id, unitId)
    : Promise.resolve(false);
