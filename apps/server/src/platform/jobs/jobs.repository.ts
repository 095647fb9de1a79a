import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { byId, insertRow } from '../../db/rows.js';
import { jobs } from '../../db/schema/index.js';

/** The `job` table: what the web reads of a background job (pg-boss keeps its own rows). */
export type JobRow = typeof jobs.$inferSelect;

export const insertJob = (db: Executor, v: typeof jobs.$inferInsert) => insertRow(db, jobs, v);

export const findJob = byId(jobs);

/** An account's jobs, newest first. */
export const jobsOf = (db: Executor, ownerId: number, limit: number) =>
  db.select().from(jobs).where(eq(jobs.ownerId, ownerId)).orderBy(desc(jobs.id)).limit(limit);

/** Moves a job on: running (with its total), progress, done (with its file) or failed. */
export async function updateJob(
  db: Executor,
  id: number,
  set: Partial<Omit<JobRow, 'id' | 'kind' | 'params' | 'ownerId' | 'createdAt' | 'createdBy'>>,
  /** Only while the job is in this status (a finished job is never moved again). */
  whileStatus?: string,
) {
  await db
    .update(jobs)
    .set(set)
    .where(and(eq(jobs.id, id), whileStatus ? eq(jobs.status, whileStatus) : undefined));
}
