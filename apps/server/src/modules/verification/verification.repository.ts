import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { byId, insertRow, rowsIn, rowsWhere } from '../../db/rows.js';
import { submissions, verificationSamples, verifications } from '../../db/schema/index.js';

export type VerificationRow = typeof verifications.$inferSelect;
export type SampleRow = typeof verificationSamples.$inferSelect;

export const findVerification = byId(verifications);

export const insertVerification = (db: Executor, v: typeof verifications.$inferInsert) =>
  insertRow(db, verifications, v);

/** Bulk insert (demo seed). */
export const insertVerifications = (db: Executor, v: (typeof verifications.$inferInsert)[]) =>
  db.insert(verifications).values(v);

export const listVerifications = (db: Executor, submissionIds: number[]) =>
  rowsIn(db, verifications, verifications.submissionId, submissionIds, { order: desc(verifications.id) });

/** Submitted values of a plan (optionally one period), the verification queue's candidates. */
/**
 * Submitted values awaiting conformity verification (Z4): reported by units or providers, of one
 * source when given. Figures the office imported are its own and are not queued.
 */
export const submittedOf = (db: Executor, planId: number, period?: string, source?: string) =>
  db
    .select()
    .from(submissions)
    .where(
      and(
        eq(submissions.planId, planId),
        eq(submissions.status, 'submitted'),
        period ? eq(submissions.period, period) : undefined,
        source ? eq(submissions.source, source) : ne(submissions.source, 'import'),
      ),
    )
    .orderBy(asc(submissions.period), asc(submissions.unitId), asc(submissions.indicator));

export const insertSample = (db: Executor, v: typeof verificationSamples.$inferInsert) =>
  insertRow(db, verificationSamples, v);

export const listSamples = (db: Executor, planId: number) =>
  rowsWhere(db, verificationSamples, eq(verificationSamples.planId, planId), desc(verificationSamples.id));

/** Verifications per unit and method for a plan (Z4 reports 32 on-site, 19 work-slip, 23 comprehensive). */
export const countsByUnitMethod = (db: Executor, planId: number) =>
  db
    .select({
      unitId: submissions.unitId,
      method: verifications.method,
      n: sql<number>`count(*)::int`,
    })
    .from(verifications)
    .innerJoin(submissions, eq(verifications.submissionId, submissions.id))
    .where(eq(submissions.planId, planId))
    .groupBy(submissions.unitId, verifications.method);
