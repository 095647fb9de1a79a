import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { evaluationRuns, halfYearResults } from '../../db/schema/index.js';

export const findHalfYear = async (db: Executor, planId: number) =>
  (await db.select().from(halfYearResults).where(eq(halfYearResults.planId, planId)).limit(1))[0];

export const insertHalfYear = async (db: Executor, v: typeof halfYearResults.$inferInsert) =>
  (await db.insert(halfYearResults).values(v).returning())[0]!;

export const findRun = async (db: Executor, id: number) =>
  (await db.select().from(evaluationRuns).where(eq(evaluationRuns.id, id)).limit(1))[0];
