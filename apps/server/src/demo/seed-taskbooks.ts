import type { Executor } from '../db/client.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import * as inputs from '../modules/inputs/inputs.repository.js';
import { defaultCalendar } from '../modules/periods/period-state.js';
import * as periods from '../modules/periods/periods.repository.js';
import * as plansRepo from '../modules/plans/plans.repository.js';
import { formatScaled, toScaled } from '../modules/taskbooks/decomposition.js';
import { linesOf } from '../modules/taskbooks/taskbooks.policy.js';
import * as repo from '../modules/taskbooks/taskbooks.repository.js';
import type { Ctx, Deps } from '../platform/context.js';

const DEMO_YEAR = 2026;

/** Split `total` into `n` parts that add up exactly (as 6-decimal integers), the last taking the rest. */
function split(total: number, n: number): number[] {
  const whole = toScaled(total)!;
  const each = whole / BigInt(n);
  return Array.from({ length: n }, (_, i) =>
    Number(formatScaled(i === n - 1 ? whole - each * BigInt(n - 1) : each)),
  );
}

/**
 * The cycle's task books and calendar for the active 2026 city-department plan: every unit's book
 * issued (targets from the office's start-of-year figures), decompositions for three units, one
 * pending change request, the 2026 windows with M01–M09 closed and one reopening.
 */
export async function seedTaskBooks(deps: Deps, tx: Executor, ctx: Ctx, systemId: number): Promise<void> {
  const plan = await plansRepo.findActivePlan(tx, systemId, DEMO_YEAR);
  if (!plan || (await repo.booksOfPlan(tx, plan.id)).length) return;
  const at = deps.now();
  // The office's start-of-year targets become the issued targets; indicators scored without a
  // target (deduction counts, surveys, efficacy rates) get none.
  const given = new Map<string, number>();
  for (const r of await inputs.referenceTargets(tx, plan.id, `${DEMO_YEAR}-M01`))
    if (r.target !== null) given.set(`${r.unitId}|${r.indicator}`, r.target);
  const units = await plansRepo.systemUnits(tx, plan.systemId);
  const bookIds: { id: number; unit: (typeof units)[number] }[] = [];
  for (const unit of units) {
    const lines = linesOf(plan, unit);
    const book = await repo.insertBook(tx, {
      planId: plan.id,
      unitId: unit.id,
      status: 'issued',
      confirmedAt: at,
      confirmedBy: 'unitadmin',
      reviewedAt: at,
      reviewedBy: 'assessor',
      issuedAt: at,
      issuedBy: 'office',
      createdAt: at,
      updatedAt: at,
    });
    const targets = lines.map((l) => ({
      taskBookId: book.id,
      indicator: l.indicator,
      target: given.get(`${unit.id}|${l.indicator}`) ?? null,
      baseline: null,
      measureUnit: l.measureUnit,
      note: null,
    }));
    await repo.upsertTargets(tx, targets);
    await repo.insertRevision(tx, {
      taskBookId: book.id,
      revision: 1,
      targets: targets.map(({ taskBookId: _, ...t }) => t),
      savedAt: at,
      savedBy: 'office',
    });
    bookIds.push({ id: book.id, unit });
  }

  // Decomposition of the first line for three units: to two sections, the first section to its staff.
  for (const { id, unit } of bookIds.slice(0, 3)) {
    const [line] = linesOf(plan, unit);
    const target = (await repo.targetsOf(tx, [id])).find((t) => t.indicator === line?.indicator)?.target;
    const { nodes, people } = await repo.subtree(tx, unit.path);
    if (!line || target == null || nodes.length < 2) continue;
    const [a, b] = split(target, 2);
    const first = await repo.insertPart(tx, {
      taskBookId: id,
      indicator: line.indicator,
      orgNodeId: nodes[0]!.id,
      target: a!,
    });
    await repo.insertPart(tx, {
      taskBookId: id,
      indicator: line.indicator,
      orgNodeId: nodes[1]!.id,
      target: b!,
    });
    const staff = people.filter((s) => s.orgNodeId === nodes[0]!.id).slice(0, 3);
    const shares = staff.length ? split(a!, staff.length) : [];
    for (const [i, s] of staff.entries())
      await repo.insertPart(tx, {
        taskBookId: id,
        indicator: line.indicator,
        parentPartId: first.id,
        staffId: s.id,
        target: shares[i]!,
      });
  }

  // One pending change request (the second unit raises its first target by 10 %).
  const second = bookIds[1];
  if (second) {
    const [t] = await repo.targetsOf(tx, [second.id]);
    if (t?.target != null)
      await repo.insertChange(tx, {
        taskBookId: second.id,
        reason: '年中市政府调整重点任务，申请上调目标值（示例）',
        proposed: [
          {
            indicator: t.indicator,
            target: Math.round(t.target * 1.1 * 100) / 100,
            measureUnit: t.measureUnit,
          },
        ],
        requestedAt: at,
        requestedBy: 'filler',
      });
  }

  // The 2026 calendar: M01–M09 closed; M10 open (late after 2026-11-10); one reopening of M09.
  const windows = defaultCalendar(DEMO_YEAR, ['month', 'quarter', 'half', 'year']).map((w) => ({
    planId: plan.id,
    ...w,
    closed: /-M0[1-9]$/.test(w.period),
  }));
  await periods.insertWindows(tx, windows);
  if (bookIds[0])
    await periods.insertReopening(tx, {
      planId: plan.id,
      period: `${DEMO_YEAR}-M09`,
      unitId: bookIds[0].unit.id,
      reason: '系统升级期间未能按时报送（示例）',
      until: new Date('2026-11-30T15:59:59Z'),
      createdAt: at,
      createdBy: 'office',
    });
  await recordAudit(deps, tx, ctx, {
    action: 'demo.seed_task_books',
    objectType: 'plan',
    objectId: plan.id,
    after: { taskBooks: bookIds.length, periods: windows.length },
  });
}
