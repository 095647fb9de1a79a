import type { HalfYearInput } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import * as repo from './live.repository.js';

/**
 * Frozen half-year totals of a plan (S9), for the year-end input; null when not frozen yet. Kept
 * apart from live.service so the results module can use it without an import cycle.
 */
export async function frozenHalfYear(db: Executor, planId: number): Promise<HalfYearInput[] | null> {
  const h = await repo.findHalfYear(db, planId);
  if (!h) return null;
  const run = await repo.findRun(db, h.runId);
  const units = (run?.result as { units?: { unit: string; total: number }[] } | undefined)?.units ?? [];
  return units.map((u) => ({ unit: u.unit, total: u.total }));
}
