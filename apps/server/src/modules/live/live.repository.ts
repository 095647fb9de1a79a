import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { byId, firstRow, insertRow } from '../../db/rows.js';
import { evaluationRuns, halfYearResults } from '../../db/schema/index.js';

export const findHalfYear = (db: Executor, planId: number) =>
  firstRow(db, halfYearResults, eq(halfYearResults.planId, planId));

export const insertHalfYear = (db: Executor, v: typeof halfYearResults.$inferInsert) =>
  insertRow(db, halfYearResults, v);

export const findRun = byId(evaluationRuns);
