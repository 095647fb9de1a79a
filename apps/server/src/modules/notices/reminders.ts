import { type NotificationMessage, renderNotification } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import { type Ctx, type Deps, systemCtx } from '../../platform/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify, unitStaff } from '../notifications/notifications.service.js';
import { planInScope } from '../plans/plans.policy.js';
import { isLagging } from '../progress/progress.js';
import { computeProgress } from '../progress/progress.service.js';
import * as repo from './notices.repository.js';

/**
 * One automatic reminder (提醒单, S10) per lagging (unit, indicator, period), never two: the
 * partial unique index `notice_reminder_once` skips ones that exist. Each unit whose reminders are
 * new gets one to-do in its users' bells. Returns how many cells lag and how many reminders are new.
 */
export async function generateReminders(
  deps: Deps,
  planId: number,
  period: string,
  now: Date = deps.now(),
  opts: { ctx?: Ctx; tx?: Executor } = {},
): Promise<{ lagging: number; created: number }> {
  const ctx = opts.ctx ?? systemCtx;
  const run = async (tx: Executor) => {
    const m = await computeProgress(tx, null, planId, period);
    const names = new Map(m.indicators.map((i) => [i.code, i.name]));
    const units = new Map(m.units.map((u) => [u.id, u.name]));
    const lagging = m.cells.filter((c) => isLagging(c.status));
    const created = await repo.insertRemindersOnce(
      tx,
      lagging.map((c) => {
        const message: NotificationMessage = {
          code: c.status === 'serious' ? 'reminder.indicatorSerious' : 'reminder.indicator',
          params: {
            unit: units.get(c.unitId) ?? '',
            indicator: c.indicator,
            indicatorName: names.get(c.indicator) ?? c.indicator,
            month: m.months,
            actual: c.actual ?? 0,
            expected: c.expected ?? 0,
            percent: Math.round((c.ratio ?? 0) * 1000) / 10,
          },
        };
        return {
          kind: 'reminder',
          planId,
          unitId: c.unitId,
          indicator: c.indicator,
          period,
          ...renderNotification('zh-CN', message),
          ...message,
          status: 'open',
          issuedAt: now,
          issuedBy: ctx.actor?.username ?? 'system',
        };
      }),
    );
    const perUnit = new Map<number, number>();
    for (const r of created) perUnit.set(r.unitId, (perUnit.get(r.unitId) ?? 0) + 1);
    for (const [unitId, n] of perUnit)
      await notify(deps, tx, unitStaff(unitId), {
        kind: 'reminder',
        message: { code: 'reminder.lagging', params: { count: n, month: m.months } },
        link: '/notices?kind=reminder',
        todo: true,
      });
    if (created.length)
      await recordAudit(deps, tx, ctx, [
        ...created.map((r) => ({
          action: 'notice.remind',
          objectType: 'notice',
          objectId: r.id,
          after: { kind: 'reminder', planId, unitId: r.unitId, indicator: r.indicator, period },
        })),
      ]);
    return { lagging: lagging.length, created: created.length };
  };
  return opts.tx ? run(opts.tx) : deps.database.db.transaction(run);
}

/** The office's "remind now" for a plan and month: authorised on the plan, then generated as above. */
export async function runReminders(deps: Deps, ctx: Ctx, body: { planId: number; period: string }) {
  await planInScope(deps.database.db, ctx.actor!, body.planId, 'notices.issue');
  return generateReminders(deps, body.planId, body.period, deps.now(), { ctx });
}
