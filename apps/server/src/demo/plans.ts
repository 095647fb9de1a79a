import { generateTemplateData, getTemplate, type Plan, type UnitInput } from '@jixiao/engine';
import type { Executor } from '../db/client.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import * as repo from '../modules/plans/plans.repository.js';
import { resultToStored, runEngine } from '../modules/results/results.service.js';
import type { Ctx, Deps } from '../platform/context.js';
import { cityDeptCategories } from './units.js';

export const DEMO_TEMPLATE = 'wuxi-departments-2016';
export const DEMO_YEAR = 2026;
export const DEMO_PERIOD = `${DEMO_YEAR}-Y`;

/** The demo city's units in the engine's form (codes as the seed makes them). */
export function demoUnits(): UnitInput[] {
  return cityDeptCategories.flatMap((cat) =>
    cat.groups.flatMap((g) =>
      g.units.map((u, i) => ({
        code: `${g.unitPrefix}${String(i + 1).padStart(2, '0')}`,
        name: u.name,
        group: g.code,
        category: cat.code,
      })),
    ),
  );
}

/**
 * The city-department plans of the demo: last year's (archived) and this year's (active, cloned
 * from last year with T1 back to 20 points and T4 to 5, so the diff view has something to show),
 * made-up data for 2026-Y from the engine's generator, and one evaluation run.
 */
export async function seedCityDeptPlans(
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  systemId: number,
  nodeIds: Map<string, number>,
): Promise<void> {
  const tpl = getTemplate(DEMO_TEMPLATE);
  if (!tpl) return;
  const at = deps.now();
  const current = structuredClone(tpl.plan) as unknown as Record<string, unknown> & Plan;
  current.name = `示范市市级机关部门绩效管理综合考评方案（${DEMO_YEAR}年）`;
  current.year = DEMO_YEAR;
  // Last year: 2 points moved from T4 (信息报送, 3) to T1 (职能目标, 22 — 27 in group C, which has
  // its own T1 points), so every group's target component still adds up to 50.
  const last = structuredClone(current);
  last.name = `示范市市级机关部门绩效管理综合考评方案（${DEMO_YEAR - 1}年）`;
  last.year = DEMO_YEAR - 1;
  for (const ind of last.indicators) {
    if (ind.code === 'T1') {
      ind.points = 22;
      ind.pointsBy = { ...ind.pointsBy, C: 27 };
    }
    if (ind.code === 'T4') ind.points = 3;
  }

  const insert = async (
    doc: Record<string, unknown>,
    year: number,
    status: string,
    clonedFromId: number | null,
    note: string,
  ) => {
    const row = await repo.insertPlan(tx, {
      systemId,
      year,
      name: String(doc.name),
      status,
      document: doc,
      clonedFromId,
      activatedAt: at,
      createdAt: at,
      createdBy: 'demo',
      updatedAt: at,
      updatedBy: 'demo',
    });
    await repo.insertRevision(tx, {
      planId: row.id,
      revision: 1,
      document: doc,
      savedAt: at,
      savedBy: 'demo',
      note,
    });
    return row;
  };
  const previous = await insert(
    last as unknown as Record<string, unknown>,
    DEMO_YEAR - 1,
    'archived',
    null,
    'demo: last year',
  );
  const plan = await insert(
    current,
    DEMO_YEAR,
    'active',
    previous.id,
    `cloned from plan ${previous.id} (${DEMO_YEAR - 1})`,
  );

  const units = demoUnits().filter((u) => nodeIds.has(u.code));
  const generated = generateTemplateData(DEMO_TEMPLATE, units, 20260301, {
    period: DEMO_PERIOD,
    vetoShare: 0,
  });
  // Exactly one veto event, on a unit that would otherwise do well.
  const vetoed = units.find((u) => u.group === 'B2')?.code;
  const vetoes = vetoed
    ? [{ unit: vetoed, event: 'safety_accident', reason: '发生较大安全生产责任事故（示例）' }]
    : [];
  const { units: _, ...stored } = { ...generated, vetoes };
  const dataset = await repo.saveDataset(
    tx,
    {
      planId: plan.id,
      period: DEMO_PERIOD,
      input: stored as unknown as Record<string, unknown>,
      updatedBy: 'demo',
      at,
    },
    0,
  );
  const input = { ...stored, units };
  const result = runEngine(current, input);
  const run = await repo.insertRun(tx, {
    planId: plan.id,
    period: DEMO_PERIOD,
    planRevision: 1,
    result: resultToStored(result, input, nodeIds) as unknown as Record<string, unknown>,
    computedAt: at,
    computedBy: 'demo',
  });
  const view = (p: repo.PlanRow) => ({
    id: p.id,
    systemId: p.systemId,
    year: p.year,
    name: p.name,
    status: p.status,
  });
  await recordAudit(deps, tx, ctx, [
    { action: 'plan.create', objectType: 'plan', objectId: previous.id, after: view(previous) },
    { action: 'plan.clone', objectType: 'plan', objectId: plan.id, after: view(plan) },
    {
      action: 'plan_dataset.import',
      objectType: 'plan_dataset',
      objectId: dataset!.id,
      after: { planId: plan.id, period: DEMO_PERIOD, values: stored.values.length, vetoes: vetoes.length },
    },
    {
      action: 'evaluation.run',
      objectType: 'evaluation_run',
      objectId: run.id,
      after: { planId: plan.id, period: DEMO_PERIOD, units: units.length },
    },
  ]);
}
