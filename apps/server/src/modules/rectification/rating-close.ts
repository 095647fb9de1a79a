import type { DepartmentRating } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { conflict, versionConflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { losesLeadAuthority, rateDepartment } from './rating-rules.js';
import { depts, loadRound, present, resultsOf, who } from './rating-view.js';
import * as repo from './rectification.repository.js';
import { openTasks } from './rectification.service.js';

/**
 * Close a round: results per department (rating-rules.ts); a poor one gets a rectification task
 * (source `rating`) and, poor in the previous year's round of the system too, loses its lead
 * authority for the next cycle.
 */
export async function closeRound(deps: Deps, ctx: Ctx, id: number, version: number) {
  return deps.database.db.transaction(async (tx) => {
    const r = await loadRound(tx, id);
    if (r.status !== 'open') throw conflict('rating.round_state', { status: r.status, action: 'close' });
    if (r.version !== version) throw versionConflict('The rating round');
    return present(tx, ctx, await closeRoundIn(deps, tx, ctx, r));
  });
}

/** Closing an open round inside the caller's transaction (the office's close, the demo seed). */
export async function closeRoundIn(deps: Deps, tx: Executor, ctx: Ctx, r: repo.RoundRow) {
  const { id, version } = r;
  const all = await repo.ratingsOf(tx, id);
  const previous = await repo.findRoundOf(tx, r.systemId, r.year - 1);
  const poorBefore = new Set(
    previous?.status === 'closed'
      ? resultsOf(previous)
          .filter((d) => d.poor)
          .map((d) => d.unitId)
      : [],
  );
  const results: DepartmentRating[] = depts(r).map((d) => {
    const res = rateDepartment(
      all.filter((x) => x.departmentId === d.unitId),
      r.threshold,
    );
    const poorLastYear = poorBefore.has(d.unitId);
    return {
      unitId: d.unitId,
      unitCode: d.unitCode,
      unitName: d.unitName,
      ...res,
      poorLastYear,
      losesLeadAuthority: losesLeadAuthority(res.poor, poorLastYear),
      taskId: null,
    };
  });
  const poor = results.filter((d) => d.poor);
  const tasks = await openTasks(
    deps,
    tx,
    ctx,
    poor.map((d) => ({
      unitId: d.unitId,
      sourceKind: 'rating',
      sourceId: r.id,
      sourceKey: null,
      title: `${r.year} 年度牵头考评部门评价整改`,
      weakness: {
        code: 'rectification.weakness.rating',
        params: { year: r.year, overall: d.overall, threshold: r.threshold, raters: d.raters, ...d.means },
        note: null,
      },
      measures: '',
      deadline: r.rectifyDeadline,
    })),
  );
  for (const t of tasks) results.find((d) => d.unitId === t.unitId)!.taskId = t.id;
  const row = await repo.updateRound(tx, id, version, {
    status: 'closed',
    closedAt: deps.now(),
    closedBy: who(ctx),
    results: results as unknown as Record<string, unknown>[],
  });
  if (!row) throw versionConflict('The rating round');
  const flagged = results.filter((d) => d.losesLeadAuthority);
  if (flagged.length)
    await notify(
      deps,
      tx,
      { global: ['office_admin', 'leader'] },
      {
        kind: 'rating',
        message: {
          code: 'rating.flagged',
          params: {
            year: r.year,
            count: flagged.length,
            departments: flagged.map((d) => d.unitName).join('、'),
          },
        },
        link: `/ratings/${id}`,
      },
    );
  await recordAudit(deps, tx, ctx, {
    action: 'rating_round.close',
    objectType: 'rating_round',
    objectId: id,
    before: { status: 'open', version },
    after: {
      status: 'closed',
      results: results.map((d) => ({
        unitId: d.unitId,
        overall: d.overall,
        poor: d.poor,
        losesLeadAuthority: d.losesLeadAuthority,
      })),
    },
  });
  return row;
}
