import { beijingDay, type PublicRun, type PublicRunSummary } from '@jixiao/contracts';
import type { Deps } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import * as repo from '../plans/plans.repository.js';
import { planGroupsOf, rankedGroups } from './ranked-groups.js';
import type { StoredResult } from './results.service.js';

type PublicRow = NonNullable<Awaited<ReturnType<typeof repo.publicRun>>>;

function summaryOf(r: PublicRow): PublicRunSummary {
  return {
    runId: r.id,
    plan: r.plan,
    system: r.system,
    year: r.year,
    period: r.period,
    status: r.status as PublicRunSummary['status'],
    from: r.publicity?.from ?? '',
    to: r.publicity?.to ?? '',
    releasedDay: r.releasedAt ? beijingDay(r.releasedAt) : null,
  };
}

/** The public page's list: per plan and period the newest run the office made public. */
export async function listPublicRuns(deps: Deps): Promise<PublicRunSummary[]> {
  const seen = new Set<string>();
  const out: PublicRunSummary[] = [];
  for (const r of await repo.publicRuns(deps.database.db)) {
    const key = `${r.planId}/${r.period}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(summaryOf(r));
  }
  return out;
}

/** One public run: per leaf group its units in published order, with totals, ranks and grades only. */
export async function getPublicRun(deps: Deps, runId: number): Promise<PublicRun> {
  const db = deps.database.db;
  const row = await repo.publicRun(db, runId);
  if (!row) throw notFound('A public result');
  const stored = (await repo.runResult(db, runId)) as unknown as StoredResult;
  const revision = await repo.findRevision(db, row.planId, row.planRevision);
  return { ...summaryOf(row), groups: rankedGroups(stored.units, planGroupsOf(revision?.document)) };
}
