import { beijingDay } from '@jixiao/contracts';
import type { Plan } from '@jixiao/engine';
import { type Ctx, type Deps, systemCtx } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './inquiries.repository.js';
import { inquiryDeduction } from './inquiries.service.js';
import { overduePenalties } from './inquiry-rules.js';
import { reviewPlan } from './review.service.js';

/**
 * The office penalises the inquiries of a plan left unanswered past their deadline (S11): each
 * becomes one deduction event of the plan's `inquiry.unansweredPoints` (code `inquiry_unanswered`)
 * and the inquiry is marked penalised with that event, in one transaction — a second run finds
 * none left, so each is penalised once. A plan without the setting is refused (409), naming it.
 */
export async function penaliseOverdue(deps: Deps, ctx: Ctx, planId: number, now = deps.now()) {
  return deps.database.db.transaction(async (tx) => {
    const plan = await reviewPlan(tx, planId);
    const setting = (plan.document as unknown as Plan).inquiry;
    if (!setting) throw conflict('inquiry.no_penalty_setting', { plan: plan.name });
    const open = await repo.overdueOpen(tx, plan.id, beijingDay(now));
    const byId = new Map(open.map((r) => [r.q.id, r]));
    const due = overduePenalties(
      open.map((r) => r.q),
      now,
      setting,
    );
    let points = 0;
    for (const p of due) {
      const r = byId.get(p.inquiryId)!;
      const ev = await inquiryDeduction(deps, tx, ctx, plan, r, {
        code: 'inquiry_unanswered',
        points: p.points,
        reason: r.q.question,
      });
      const row = await repo.updateInquiry(tx, r.q.id, r.q.version, {
        status: 'penalised',
        deductionPoints: p.points,
        eventId: ev.id,
      });
      if (!row) throw conflict('inquiry.changed', { id: r.q.id });
      await recordAudit(deps, tx, ctx, {
        action: 'inquiry.penalise',
        objectType: 'inquiry',
        objectId: r.q.id,
        before: { status: r.q.status, version: r.q.version },
        after: { status: 'penalised', points: p.points, eventId: ev.id, version: row.version },
      });
      points += p.points;
    }
    return { penalised: due.length, points };
  });
}

/**
 * The hourly sweep (main.ts): every plan that sets `inquiry.unansweredPoints` has its overdue
 * inquiries penalised as the office's command would, by the system (audited with no actor). Plans
 * without the setting are left alone: their office decides. Returns how many were penalised.
 */
export async function penaliseAllOverdue(deps: Deps, now: Date, ctx: Ctx = systemCtx): Promise<number> {
  let penalised = 0;
  for (const planId of await repo.plansWithOverdue(deps.database.db, beijingDay(now))) {
    const plan = await reviewPlan(deps.database.db, planId).catch(() => null);
    if (!(plan?.document as unknown as Plan | undefined)?.inquiry) continue;
    penalised += (await penaliseOverdue(deps, ctx, planId, now)).penalised;
  }
  return penalised;
}
