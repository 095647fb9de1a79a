import type { UnitScore } from '@jixiao/contracts';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { evaluationRuns, planRevisions, plans } from '../../db/schema/index.js';

/** A released year-end run of a system with what the archive reads of it (not its input). */
export interface YearRunRow {
  runId: number;
  planId: number;
  year: number;
  units: UnitScore[];
  rankings: { code: string; name: string; entries: { unit: string; rank: number; total: number }[] }[];
  awards: { code: string; name: string; units: string[] }[];
  /** The run's plan revision (grades and consequence rules of that year). */
  document: Record<string, unknown>;
}

/**
 * Released year-end runs (`<plan year>-Y`) of every plan of a system, up to `year`, oldest year
 * first and, within a year, newest run first (the caller keeps the first of each year).
 */
export const releasedYearRuns = (db: Executor, systemId: number, upToYear: number) =>
  db
    .select({
      runId: evaluationRuns.id,
      planId: plans.id,
      year: plans.year,
      units: sql<UnitScore[]>`coalesce(${evaluationRuns.result} -> 'units', '[]'::jsonb)`,
      rankings: sql<YearRunRow['rankings']>`coalesce(${evaluationRuns.result} -> 'rankings', '[]'::jsonb)`,
      awards: sql<YearRunRow['awards']>`coalesce(${evaluationRuns.result} -> 'awards', '[]'::jsonb)`,
      document: planRevisions.document,
    })
    .from(evaluationRuns)
    .innerJoin(plans, eq(evaluationRuns.planId, plans.id))
    .innerJoin(
      planRevisions,
      and(
        eq(planRevisions.planId, evaluationRuns.planId),
        eq(planRevisions.revision, evaluationRuns.planRevision),
      ),
    )
    .where(
      and(
        eq(plans.systemId, systemId),
        eq(evaluationRuns.status, 'released'),
        sql`${plans.year} <= ${upToYear}`,
        sql`${evaluationRuns.period} = cast(${plans.year} as text) || '-Y'`,
      ),
    )
    .orderBy(asc(plans.year), desc(evaluationRuns.id)) as Promise<YearRunRow[]>;
