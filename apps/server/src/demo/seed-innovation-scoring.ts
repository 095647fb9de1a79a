import { DEFAULT_RUBRIC, scoringSettings } from '@jixiao/contracts';
import { scoreSheet } from '@jixiao/engine';
import type { Executor } from '../db/client.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { applyIn } from '../modules/innovation/apply.service.js';
import * as repo from '../modules/innovation/innovation.repository.js';
import { computeIn } from '../modules/innovation/results.service.js';
import * as scoringRepo from '../modules/innovation/scoring.repository.js';
import * as plansRepo from '../modules/plans/plans.repository.js';
import type { Ctx, Deps } from '../platform/context.js';
import { DEMO_YEAR } from './plans.js';

/**
 * The demo's finished defence (issue 12 points 4–5): the call's scoring settings (the default
 * rubric 创新性 30 / 实效性 40 / 可推广性 30, top ten of 10 seats, seats 1–3 earn 1 point and 4–10
 * 0.5 into the city-department plan's bonus source `innovation`), a defence session ten days ago
 * hearing all 12 projects with 林教授 in the chair, every judge's sheet, every project closed, the
 * results computed and applied as bonus events of 2026-Y. Deterministic made-up scores.
 */

/** Each project's made-up quality (sum of points a middling judge gives), in the seed's project order. */
const QUALITY = [91, 78, 85, 73, 88, 80, 69, 76, 83, 71, 86, 75];
/** A judge's leniency by pool position: −3 … +3 points. */
const LENIENCY = [2, -1, 0, 3, -3, 1, -2, 0, 1, -1, 2, 0];

/** A sheet worth `total` points: 实效性 40 % of it, the rest split between 创新性 and 可推广性. */
function sheetOf(total: number) {
  const effect = Math.min(40, Math.round(total * 0.4));
  const novelty = Math.min(30, Math.ceil((total - effect) / 2));
  return { novelty, effect, reach: total - effect - novelty };
}

export async function seedInnovationScoring(
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  call: repo.CallRow,
  projects: repo.ProjectRow[],
  experts: repo.ExpertRow[],
  assignments: { projectId: number; expertId: number }[],
) {
  const plan = (await plansRepo.listPlans(tx, { systemIds: null, year: DEMO_YEAR })).find(
    (p) =>
      p.status === 'active' &&
      ((p.document as { bonus?: { sources?: { code: string }[] } }).bonus?.sources ?? []).some(
        (s) => s.code === 'innovation',
      ),
  );
  const settings = scoringSettings.parse({
    rubric: DEFAULT_RUBRIC,
    bonus: plan ? { planId: plan.id, source: 'innovation', rankOf: 'top_ten' } : {},
  });
  const withSettings = await repo.updateCall(tx, call.id, call.version, {
    scoring: settings,
    status: 'closed',
    closedAt: deps.now(),
    closedBy: 'office',
  });
  const day = new Date(deps.now().getTime() - 10 * 86_400_000);
  day.setUTCHours(1, 0, 0, 0); // 09:00 Beijing time
  const chair = experts.find((e) => e.name === '林教授' && assignments.some((a) => a.expertId === e.id));
  const session = await scoringRepo.insertSession(tx, {
    callId: call.id,
    category: null,
    title: `${DEMO_YEAR}年度改革创新项目现场答辩会`,
    minutes: 8,
    chairExpertId: chair?.id ?? null,
    createdAt: new Date(day.getTime() - 3 * 86_400_000),
    createdBy: 'office',
  });
  const order = [...projects].sort((a, b) => a.category.localeCompare(b.category) || a.id - b.id);
  const at = (i: number, minutes: number) => new Date(day.getTime() + (i * 12 + minutes) * 60_000);
  await scoringRepo.insertStages(
    tx,
    order.map((p, i) => ({
      projectId: p.id,
      sessionId: session.id,
      position: i + 1,
      stage: 'closed',
      presentingAt: at(i, 0),
      scoringAt: at(i, 8),
      closedAt: at(i, 11),
      closedBy: chair ? 'expert' : 'office',
    })),
  );
  let sheets = 0;
  for (const [i, p] of order.entries()) {
    const quality = QUALITY[projects.indexOf(p)] ?? 75;
    for (const a of assignments.filter((x) => x.projectId === p.id)) {
      const lenient = LENIENCY[experts.findIndex((e) => e.id === a.expertId)] ?? 0;
      const scores = sheetOf(Math.max(0, Math.min(100, quality + lenient)));
      const scored = scoreSheet(settings.rubric, scores);
      if (!scored.ok) throw new Error(`demo sheet: ${scored.issues[0]?.message}`);
      await scoringRepo.insertSheet(tx, {
        projectId: p.id,
        expertId: a.expertId,
        scores,
        score: scored.value.score,
        comment: '',
        submittedAt: at(i, 9),
        submittedBy: experts.find((e) => e.id === a.expertId)?.name ?? null,
      });
      sheets++;
    }
  }
  await recordAudit(deps, tx, ctx, {
    action: 'innovation_session.create',
    objectType: 'innovation_session',
    objectId: session.id,
    after: { callId: call.id, title: session.title, projects: order.length, sheets, finished: true },
  });
  const result = await computeIn(deps, tx, ctx, withSettings ?? call);
  if (plan) await applyIn(deps, tx, ctx, call.id, result.version);
}
