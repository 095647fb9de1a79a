import type { Plan, UnitInput } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import { effectiveEvents } from '../events/events.repository.js';
import { hotlineValues } from '../hotline/hotline.repository.js';
import { frozenHalfYear } from '../live/half-year.js';
import { defaultCalendar, type Granularity } from '../periods/period-state.js';
import type { PlanRow } from '../plans/plans.repository.js';
import * as plansRepo from '../plans/plans.repository.js';
import { supervisionValues } from '../supervision/supervision.service.js';
import { scoredValues } from '../surveys/surveys.repository.js';
import { type Assembled, assembleCycleInput, type ReportStatus } from './assemble.js';
import * as repo from './inputs.repository.js';

export { type Assembled, applyMissing, type MissingMode, type UnitSource } from './assemble.js';
export { fingerprint } from './inputs.repository.js';

export interface CycleInput extends Assembled {
  /** The evaluated units of the plan's system with their org ids and paths. */
  rows: Awaited<ReturnType<typeof plansRepo.systemUnits>>;
}

const all: Granularity[] = ['month', 'quarter', 'half', 'year'];

/**
 * The engine input of (plan, period) from the cycle's tables: the one path every evaluation takes
 * (official runs, live scores, the half-year freeze, what-if). `now` decides which reports are due.
 */
export async function cycleInput(
  db: Executor,
  plan: PlanRow,
  period: string,
  now: Date,
): Promise<CycleInput> {
  const rows = await plansRepo.systemUnits(db, plan.systemId);
  const units: UnitInput[] = rows.map((r) => ({
    code: r.code,
    name: r.name,
    group: r.group,
    category: r.category,
  }));
  const codeOf = new Map(rows.map((r) => [r.id, r.code]));
  const withCode = <T extends { unitId: number }>(list: T[]) =>
    list.flatMap((x) => (codeOf.has(x.unitId) ? [{ ...x, unit: codeOf.get(x.unitId)! }] : []));

  const [
    reports,
    corrections,
    targets,
    references,
    events,
    windows,
    supervision,
    halfYear,
    surveys,
    hotline,
  ] = await Promise.all([
    repo.reportRows(db, plan.id),
    repo.corrections(db, plan.id),
    repo.issuedTargets(db, plan.id),
    repo.references(db, plan.id),
    effectiveEvents(db, plan.id),
    repo.windows(db, plan.id),
    supervisionValues(db, plan.id),
    frozenHalfYear(db, plan.id),
    scoredValues(db, plan.id),
    hotlineValues(db, plan.id),
  ]);
  const correctionOf = new Map<number, (typeof corrections)[number]>();
  for (const c of corrections) if (!correctionOf.has(c.submissionId)) correctionOf.set(c.submissionId, c);
  const dueOf = new Map(windows.map((w) => [w.period, w.dueAt]));
  for (const w of defaultCalendar(plan.year, all)) if (!dueOf.has(w.period)) dueOf.set(w.period, w.dueAt);

  const assembled = assembleCycleInput({
    plan: plan.document as unknown as Plan,
    period,
    units,
    reports: withCode(reports).map((r) => {
      const c = correctionOf.get(r.id);
      return {
        id: r.id,
        unit: r.unit,
        indicator: r.indicator,
        period: r.period,
        value: r.value,
        status: r.status as ReportStatus,
        source: r.source,
        importBatchId: r.importBatchId,
        updatedAt: r.updatedAt,
        by: r.submittedBy,
        correction:
          c && c.correctedValue !== null
            ? { verificationId: c.id, value: c.correctedValue, by: c.verifiedBy, at: c.verifiedAt }
            : null,
      };
    }),
    targets: withCode(targets),
    references: withCode(references),
    events: withCode(events).map((e) => ({ ...e, kind: e.kind as 'veto' | 'bonus' | 'deduction' })),
    supervision: supervision.map((s) => ({
      unit: s.unit,
      indicator: s.indicator,
      value: s.value ?? 0,
      target: s.target ?? 100,
    })),
    halfYear,
    surveys,
    hotline,
    dueAt: (p) => dueOf.get(p) ?? new Date(8.64e15),
    now,
  });
  return { ...assembled, rows };
}

/** Whether a period is still open for submissions at `now` (not closed, due date not passed). */
export async function periodOpen(db: Executor, planId: number, period: string, now: Date): Promise<boolean> {
  const w = (await repo.windows(db, planId)).find((x) => x.period === period);
  return !!w && !w.closed && now <= w.dueAt;
}
