import type { PeriodWindow, PeriodWindowUpdate, ReopenRequest } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import { orgScope } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify, unitStaff } from '../notifications/notifications.service.js';
import { findNode } from '../org/org.repository.js';
import { planInScope } from '../plans/plans.policy.js';
import { systemUnits } from '../plans/plans.repository.js';
import { defaultCalendar, type Granularity, periodState } from './period-state.js';
import * as repo from './periods.repository.js';

const iso = (d: Date) => d.toISOString();
const who = (ctx: Ctx) => ctx.actor?.username ?? null;
const fmtDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Whether a unit may put data into a period now (called by data submission in its transaction).
 * A period without a window takes data (the office has not set a calendar); a window not yet open
 * or closed (and not reopened for this unit) refuses it; past the due date the data is late.
 */
export async function assertPeriodAcceptsData(
  tx: Executor,
  planId: number,
  period: string,
  unitId: number,
  now: Date,
): Promise<{ late: boolean }> {
  const w = await repo.findWindow(tx, planId, period);
  if (!w) return { late: false };
  const state = periodState(w, await repo.reopeningsFor(tx, planId, period, unitId), unitId, now);
  switch (state) {
    case 'open':
      return { late: false };
    case 'late':
    case 'reopened':
      return { late: true };
    case 'not_open':
      throw new AppError('CONFLICT', `period ${period} is not open yet (opens ${fmtDay(w.opensAt)})`, {
        period,
        state,
      });
    case 'closed':
      throw new AppError('CONFLICT', `period ${period} is closed`, { period, state });
  }
}

function present(
  w: repo.WindowRow,
  reopenings: repo.ReopeningRow[],
  names: Map<number, string>,
  now: Date,
): PeriodWindow {
  return {
    id: w.id,
    planId: w.planId,
    period: w.period,
    opensAt: iso(w.opensAt),
    dueAt: iso(w.dueAt),
    closed: w.closed,
    state: periodState(w, [], null, now),
    version: w.version,
    reopenings: reopenings
      .filter((r) => r.period === w.period)
      .map(({ planId: _plan, ...r }) => ({
        ...r,
        unitName: names.get(r.unitId) ?? String(r.unitId),
        until: iso(r.until),
        createdAt: iso(r.createdAt),
      })),
  };
}

/** The calendar of a plan. Units see reopenings of their own subtree only. */
export async function listPeriods(deps: Deps, ctx: Ctx, planId: number): Promise<PeriodWindow[]> {
  const db = deps.database.db;
  const plan = await planInScope(db, ctx.actor!, planId, 'plans.read');
  const units = await systemUnits(db, plan.systemId);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const paths = new Map(units.map((u) => [u.id, u.path]));
  const scope = orgScope(ctx.actor!, 'taskbooks.read');
  const reopenings = (await repo.listReopenings(db, planId)).filter(
    (r) => scope.all || scope.paths.some((p) => (paths.get(r.unitId) ?? '').startsWith(p)),
  );
  const now = deps.now();
  return (await repo.listWindows(db, planId)).map((w) => present(w, reopenings, names, now));
}

/** Create the year's default windows that do not exist yet (idempotent; edits are kept). */
export async function generateCalendar(deps: Deps, ctx: Ctx, planId: number, granularities: Granularity[]) {
  await deps.database.db.transaction(async (tx) => {
    const plan = await planInScope(tx, ctx.actor!, planId, 'plans.read');
    const rows = defaultCalendar(plan.year, granularities).map((w) => ({ planId, ...w }));
    const created = await repo.insertWindows(tx, rows);
    if (created.length)
      await recordAudit(deps, tx, ctx, {
        action: 'periods.generate',
        objectType: 'plan',
        objectId: planId,
        after: { periods: created.map((w) => w.period) },
      });
  });
  return listPeriods(deps, ctx, planId);
}

/** Edit a window's dates or close / open it; optimistic on `version`. */
export async function updateWindow(deps: Deps, ctx: Ctx, id: number, input: PeriodWindowUpdate) {
  const planId = await deps.database.db.transaction(async (tx) => {
    const before = await repo.findWindowById(tx, id);
    if (!before) throw notFound('Period');
    await planInScope(tx, ctx.actor!, before.planId, 'plans.read');
    const opensAt = input.opensAt ? new Date(input.opensAt) : before.opensAt;
    const dueAt = input.dueAt ? new Date(input.dueAt) : before.dueAt;
    if (opensAt >= dueAt)
      throw new AppError('VALIDATION_FAILED', 'dueAt must be after opensAt', [
        { field: 'dueAt', message: 'must be after opensAt' },
      ]);
    const row = await repo.updateWindowVersioned(tx, id, input.version, {
      opensAt,
      dueAt,
      closed: input.closed ?? before.closed,
    });
    if (!row) throw versionConflict(`Period ${before.period}`);
    await recordAudit(deps, tx, ctx, {
      action: 'periods.update',
      objectType: 'period_window',
      objectId: id,
      before: { opensAt: iso(before.opensAt), dueAt: iso(before.dueAt), closed: before.closed },
      after: { opensAt: iso(row.opensAt), dueAt: iso(row.dueAt), closed: row.closed },
    });
    return before.planId;
  });
  return (await listPeriods(deps, ctx, planId)).find((w) => w.id === id)!;
}

/** Reopen a closed period for one unit until a date, with a reason; the unit is told. */
export async function reopenForUnit(deps: Deps, ctx: Ctx, id: number, input: ReopenRequest) {
  const planId = await deps.database.db.transaction(async (tx) => {
    const w = await repo.findWindowById(tx, id);
    if (!w) throw notFound('Period');
    const plan = await planInScope(tx, ctx.actor!, w.planId, 'plans.read');
    if (!w.closed) throw new AppError('CONFLICT', `period ${w.period} is not closed; nothing to reopen`);
    const units = await systemUnits(tx, plan.systemId);
    const unit = units.find((u) => u.id === input.unitId);
    if (!unit || !(await findNode(tx, input.unitId)))
      throw new AppError('VALIDATION_FAILED', 'unitId is not a unit of this plan', [
        { field: 'unitId', message: 'not a unit of this plan' },
      ]);
    const until = new Date(input.until);
    if (until <= deps.now())
      throw new AppError('VALIDATION_FAILED', 'until must be in the future', [
        { field: 'until', message: 'must be in the future' },
      ]);
    const row = await repo.insertReopening(tx, {
      planId: w.planId,
      period: w.period,
      unitId: unit.id,
      reason: input.reason,
      until,
      createdAt: deps.now(),
      createdBy: who(ctx),
    });
    await notify(deps, tx, unitStaff(unit.id), {
      kind: 'deadline',
      message: {
        code: 'period.reopened',
        params: { period: w.period, until: fmtDay(until), reason: input.reason },
      },
      link: `/calendar?plan=${w.planId}&period=${w.period}`,
      todo: true,
    });
    await recordAudit(deps, tx, ctx, {
      action: 'periods.reopen',
      objectType: 'period_reopening',
      objectId: row.id,
      after: { planId: w.planId, period: w.period, unitId: unit.id, reason: input.reason, until: iso(until) },
    });
    return w.planId;
  });
  return (await listPeriods(deps, ctx, planId)).find((w) => w.id === id)!;
}

export const deadlineLink = (planId: number, period: string) => `/calendar?plan=${planId}&period=${period}`;

/**
 * Tell every unit's fillers of a due date 3 days ahead, once per period: a 'deadline' notification
 * with the period's link marks it as sent. Run hourly by the server; safe to run again.
 */
export async function notifyUpcomingDeadlines(deps: Deps, now: Date): Promise<number> {
  return deps.database.db.transaction(async (tx) => {
    const due = await repo.windowsDueBetween(tx, now, new Date(now.getTime() + 3 * 86400_000));
    const sent = await repo.sentDeadlineLinks(
      tx,
      due.map((d) => deadlineLink(d.window.planId, d.window.period)),
    );
    let count = 0;
    for (const { window: w, systemId } of due) {
      const link = deadlineLink(w.planId, w.period);
      if (sent.has(link)) continue;
      for (const unit of await systemUnits(tx, systemId)) {
        const ids = await notify(
          deps,
          tx,
          { unit: { id: unit.id, roles: ['unit_filler'] } },
          {
            kind: 'deadline',
            message: { code: 'period.dueSoon', params: { period: w.period, due: fmtDay(w.dueAt) } },
            link,
            todo: false,
          },
        );
        count += ids.length;
      }
    }
    return count;
  });
}
