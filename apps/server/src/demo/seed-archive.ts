import { type EvaluationInput, evaluate, type Plan, type UnitResult, yearPeriod } from '@jixiao/engine';
import type { Executor } from '../db/client.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import * as repo from '../modules/plans/plans.repository.js';
import { resultToStored } from '../modules/results/results.service.js';
import type { Ctx, Deps } from '../platform/context.js';
import { DEMO_YEAR, demoYearData } from './plans.js';

/**
 * The results archive of the demo (考核纪实档案, W5): released year-end runs of 2024 and 2025 of the
 * city-department system, from made-up data of each year (own seed), with three units placed so
 * that this year's consecutive-year rules show real lines (picked from the released 2026 run):
 * - the last unit of group A in 2026 is also last of A in 2025 → W5 组织调整 (2025, 2026);
 * - the second-to-last of group B1 in 2026 is last of B1 in 2024 and 2025 → S17 three years in
 *   the bottom three;
 * - the first 优秀 unit of group C1 in 2026 is first of C1 in 2024 and 2025 → Z10 +5 % and 集体记功
 *   when it is 优秀 in all three.
 * A pick takes the year's data of the unit at the wanted place (a swap within its group), so every
 * number is the engine's own result of that year's input.
 */
export const ARCHIVE_PICKS = [
  { group: 'A', now: 'last', years: [DEMO_YEAR - 1], place: 'last' },
  { group: 'B1', now: 'second_last', years: [DEMO_YEAR - 2, DEMO_YEAR - 1], place: 'last' },
  { group: 'C1', now: 'first', years: [DEMO_YEAR - 2, DEMO_YEAR - 1], place: 'first' },
] as const;

type Place = 'first' | 'last' | 'second_last';

/** The unit at a place of its group (rank order, code to break ties). */
function at(units: readonly { unit: string; group: string; rank: number }[], group: string, place: Place) {
  const list = units
    .filter((u) => u.group === group)
    .sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit));
  return place === 'first' ? list[0]?.unit : list[list.length - (place === 'last' ? 1 : 2)]?.unit;
}

/** The input with two units' data swapped (values, bonuses, deductions, vetoes). */
function swap(input: EvaluationInput, a: string, b: string): EvaluationInput {
  const to = (u: string) => (u === a ? b : u === b ? a : u);
  return {
    ...input,
    values: input.values.map((v) => ({ ...v, unit: to(v.unit) })),
    bonuses: input.bonuses?.map((x) => ({ ...x, unit: to(x.unit) })),
    deductions: input.deductions?.map((x) => ({ ...x, unit: to(x.unit) })),
    vetoes: input.vetoes?.map((x) => ({ ...x, unit: to(x.unit) })),
  };
}

export async function seedArchive(deps: Deps, tx: Executor, ctx: Ctx, systemId: number): Promise<void> {
  const current = await repo.findActivePlan(tx, systemId, DEMO_YEAR);
  if (!current) return;
  const now = await repo.latestRun(tx, current.id, `${DEMO_YEAR}-Y`, ['released']);
  if (!now) return;
  const nowUnits = (now.result as { units: UnitResult[] }).units;
  const units = await repo.systemUnits(tx, systemId);
  const ids = new Map(units.map((u) => [u.code, u.id]));
  const chosen = ARCHIVE_PICKS.map((p) => ({ ...p, unit: at(nowUnits, p.group, p.now) }));
  for (const year of [DEMO_YEAR - 2, DEMO_YEAR - 1]) {
    const [plan] = (await repo.listPlans(tx, { systemIds: null, systemId, year })).filter(
      (p) => !(p.document as unknown as Plan).period.adHoc,
    );
    if (!plan) continue;
    const doc = plan.document as unknown as Plan;
    let input = demoYearData(
      units.map((u) => ({ code: u.code, name: u.name, group: u.group, category: u.category })),
      year,
    );
    for (const p of chosen) {
      if (!p.unit || !(p.years as readonly number[]).includes(year)) continue;
      const other = at(evaluate(doc, input).units, p.group, p.place);
      if (other && other !== p.unit) input = swap(input, p.unit, other);
    }
    const result = evaluate(doc, input);
    const released = new Date(Date.UTC(year + 1, 0, 20, 2));
    const run = await repo.insertRun(tx, {
      planId: plan.id,
      period: yearPeriod(year),
      planRevision: plan.revision,
      result: resultToStored(result, input, ids) as unknown as Record<string, unknown>,
      computedAt: released,
      computedBy: 'office',
      status: 'released',
      releasedAt: released,
      releasedBy: 'leader',
    });
    await recordAudit(deps, tx, ctx, {
      action: 'evaluation.run',
      objectType: 'evaluation_run',
      objectId: run.id,
      after: { planId: plan.id, period: yearPeriod(year), status: 'released', archive: true },
    });
  }
}
