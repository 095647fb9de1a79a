import type {
  EvaluationRun,
  PublicityView,
  publishRun as publishBody,
  RunComparison,
} from '@jixiao/contracts';
import { compareResults, comparisonSummary, type EvaluationInput } from '@jixiao/engine';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { Permission } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, bad, conflict, notFound } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  type NotificationInput,
  notify,
  type Recipients,
  theOffice,
  unitStaff,
} from '../notifications/notifications.service.js';
import { carryAdjustments, TargetError } from '../objections/objection-rules.js';
import * as objectionsRepo from '../objections/objections.repository.js';
import { planInScope } from '../plans/plans.policy.js';
import type { PlanRow } from '../plans/plans.repository.js';
import * as repo from '../plans/plans.repository.js';
import {
  assertNoOpenObjections,
  chosenRun,
  computeRun,
  evaluatedRun,
  type StoredResult,
  toRun,
  who,
} from './results.service.js';
import { publicityOpen, type RunAction, runStep, submitBlocker } from './run-state.js';

/**
 * The steps of a run after it is computed (S13, W9, Z14): publicity, submission to the leaders,
 * their approval (the release) or return, and corrections after release. Each step is one
 * conditional update (two people taking it at once: one wins, the other gets 409), audited, and
 * tells those who act next.
 */

const stored = (run: repo.RunRow) => run.result as unknown as StoredResult;
type PublicityBody = z.output<typeof publishBody>;
const resultsLink = (run: repo.RunRow) => `/results?plan=${run.planId}&period=${run.period}&run=${run.id}`;

/** The run, checked to take `action` now: it exists, the state allows it, and it is the newest of its period. */
async function runFor(tx: Executor, planId: number, runId: number, action: RunAction) {
  const run = await repo.findRun(tx, planId, runId);
  if (!run) throw notFound('This run');
  const step = runStep(run.status as never, action);
  if (!step.ok) throw conflict(step.code, step.params);
  const newest = await repo.latestRun(tx, planId, run.period);
  if (action !== 'correct' && newest && newest.id !== run.id)
    throw new AppError(
      'RUN_NOT_LATEST',
      `run: run ${run.id} is not the latest of ${run.period} (run ${newest.id} is)`,
      {
        code: 'results.not_latest',
        params: { run: run.id, latest: newest.id },
      },
    );
  return { run, to: step.to };
}

/** Take the step, or 409 when someone else changed the run meanwhile. */
async function step(
  tx: Executor,
  run: repo.RunRow,
  set: Parameters<typeof repo.stepRun>[3],
): Promise<repo.RunRow> {
  const done = await repo.stepRun(tx, run.id, run.status, set);
  if (!done) throw conflict('results.run_changed', { run: run.id });
  return done;
}

const unitIds = (run: repo.RunRow) => stored(run).units.flatMap((u) => (u.unitId ? [u.unitId] : []));
const everyUnit = (run: repo.RunRow): Recipients[] => unitIds(run).map(unitStaff);

/** One step of a run: who may take it, what it writes, what the audit says, and whom it tells. */
interface StepSpec {
  action: Exclude<RunAction, 'object' | 'correct' | 'supersede'>;
  permission: Permission;
  /** Checked inside the transaction before the step (a blocker throws). */
  check?: (tx: Executor, run: repo.RunRow, now: Date) => Promise<void>;
  set: (now: Date, by: string | null) => Omit<Parameters<typeof repo.stepRun>[3], 'status'>;
  after?: Record<string, unknown>;
  tell: (plan: PlanRow, run: repo.RunRow, by: string | null) => { to: Recipients[]; note: NotificationInput };
}

/** Take a step: in scope, allowed by the state machine, on the newest run, once; audited and told. */
function takeStep(deps: Deps, ctx: Ctx, planId: number, runId: number, s: StepSpec): Promise<EvaluationRun> {
  return deps.database.db.transaction(async (tx) => {
    const plan = await planInScope(tx, ctx.actor!, planId, s.permission);
    const { run, to } = await runFor(tx, planId, runId, s.action);
    const now = deps.now();
    await s.check?.(tx, run, now);
    const done = await step(tx, run, { ...s.set(now, who(ctx)), status: to });
    await recordAudit(deps, tx, ctx, {
      action: `evaluation.${s.action === 'approve' ? 'release' : s.action}`,
      objectType: 'evaluation_run',
      objectId: run.id,
      before: { status: run.status },
      after: { planId, period: run.period, status: to, ...s.after },
    });
    const { to: recipients, note } = s.tell(plan, run, who(ctx));
    for (const r of recipients) await notify(deps, tx, r, { ...note, link: resultsLink(run) });
    return toRun(done, stored(done), true);
  });
}

/** Publish a draft to the units for publicity (公示) between two Beijing days (S13, W9). */
export const publishRun = (deps: Deps, ctx: Ctx, planId: number, runId: number, body: PublicityBody) =>
  takeStep(deps, ctx, planId, runId, {
    action: 'publish',
    permission: 'results.release',
    set: (now, by) => ({ publicity: body, publishedAt: now, publishedBy: by }),
    after: body,
    tell: (plan, run) => ({
      to: everyUnit(run),
      note: {
        kind: 'results',
        message: {
          code: 'results.published',
          params: { plan: plan.name, period: run.period, from: body.from, to: body.to },
        },
      },
    }),
  });

/** Send a run to the leaders for approval (报审): a draft, or a run whose publicity is over and settled. */
export const submitRun = (deps: Deps, ctx: Ctx, planId: number, runId: number) =>
  takeStep(deps, ctx, planId, runId, {
    action: 'submit',
    permission: 'results.release',
    check: async (tx, run, now) => {
      const blocker = submitBlocker(run, await objectionsRepo.openCount(tx, planId, run.period), now);
      if (blocker) throw conflict(blocker.code, blocker.params);
    },
    set: (now, by) => ({ submittedAt: now, submittedBy: by, returnNote: null }),
    tell: (plan, run, by) => ({
      to: [{ global: ['leader'] }],
      note: {
        kind: 'results',
        message: { code: 'results.submitted', params: { plan: plan.name, period: run.period, by: by ?? '' } },
        todo: true,
      },
    }),
  });

/** A leader's approval (审定): the run becomes the official release, locked for good. */
export const approveRun = (deps: Deps, ctx: Ctx, planId: number, runId: number) =>
  takeStep(deps, ctx, planId, runId, {
    action: 'approve',
    permission: 'results.approve',
    set: (now, by) => ({ releasedAt: now, releasedBy: by }),
    tell: (plan, run, by) => ({
      to: [theOffice, ...everyUnit(run)],
      note: {
        kind: 'results',
        message: { code: 'results.released', params: { plan: plan.name, period: run.period, by: by ?? '' } },
      },
    }),
  });

/** A leader sends a run back to the office with a note; it is a draft again. */
export const returnRun = (deps: Deps, ctx: Ctx, planId: number, runId: number, note: string) =>
  takeStep(deps, ctx, planId, runId, {
    action: 'return',
    permission: 'results.approve',
    set: () => ({ returnNote: note }),
    after: { note },
    tell: (plan, run) => ({
      to: [theOffice],
      note: {
        kind: 'results',
        message: { code: 'results.returned', params: { plan: plan.name, period: run.period, note } },
        todo: true,
      },
    }),
  });

/**
 * Correct a released run: a new draft computed from the cycle's data with the objections'
 * adjustments that stood carried over, naming the release it corrects and why. It goes through
 * approval like any run; the release it corrects stays as it was.
 */
export async function correctRun(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  runId: number,
  reason: string,
): Promise<EvaluationRun> {
  return deps.database.db.transaction(async (tx) => {
    const plan = await planInScope(tx, ctx.actor!, planId, 'results.compute');
    const { run } = await runFor(tx, planId, runId, 'correct');
    const official = await repo.latestRun(tx, planId, run.period, ['released']);
    if (official?.id !== run.id)
      throw bad('runId', 'results.not_official', { run: run.id, official: official?.id ?? null });
    await assertNoOpenObjections(tx, planId, run.period);
    const change = { basedOnId: run.id, changeKind: 'correction' as const, changeReason: reason };
    const stood = await objectionsRepo.standingAdjustments(tx, planId, run.period);
    const carry = (input: EvaluationInput) => {
      try {
        return carryAdjustments(input, stood);
      } catch (e) {
        if (e instanceof TargetError) throw conflict(e.problem.code, e.problem.params);
        throw e;
      }
    };
    const made = await computeRun(tx, plan, run.period, deps.now(), who(ctx), 'draft', change, carry);
    const superseded = await repo.supersedeLive(tx, planId, run.period, made.run.id);
    await recordAudit(deps, tx, ctx, {
      action: 'evaluation.correct',
      objectType: 'evaluation_run',
      objectId: made.run.id,
      after: { planId, period: run.period, corrects: run.id, reason, superseded },
    });
    return toRun(made.run, made.stored, true);
  });
}

/** Two runs of one plan and period side by side: who moved, by how much and why (from the traces). */
export async function compareRuns(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  q: { from: number; to: number },
): Promise<RunComparison> {
  const db = deps.database.db;
  const a = await repo.findRun(db, planId, q.from);
  if (!a) throw notFound('This run');
  const before = await chosenRun(db, ctx, planId, a.period, q.from);
  const after = await chosenRun(db, ctx, planId, a.period, q.to);
  const result = (c: typeof before) => evaluatedRun(deps, c.run);
  const cmp = compareResults(await result(before), await result(after));
  const visible = after.visible;
  const units = visible ? cmp.units.filter((u) => visible.has(u.unit)) : cmp.units;
  return {
    planId,
    period: a.period,
    from: q.from,
    to: q.to,
    units,
    summary: comparisonSummary(units),
  };
}

/**
 * Each item with its place in the publicity: its unit, the unit's name and its index among that
 * unit's items (how objections name a deduction or bonus).
 */
function placedPerUnit<T extends { unit: string }>(items: readonly T[], nameOf: ReadonlyMap<string, string>) {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const index = seen.get(item.unit) ?? 0;
    seen.set(item.unit, index + 1);
    return { item, place: { unit: item.unit, name: nameOf.get(item.unit) ?? item.unit, index } };
  });
}

/**
 * A run's publicity as the caller may see it: every bonus of every unit (W9: bonuses are public
 * among the units), the deductions of the caller's own units only (the office: all), and how many
 * objections are open.
 */
export async function publicityView(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  runId: number,
): Promise<PublicityView> {
  const db = deps.database.db;
  const r = await repo.findRun(db, planId, runId);
  if (!r) throw notFound('This run');
  const { run, stored: s, visible } = await chosenRun(db, ctx, planId, r.period, runId);
  if (!run.publicity) throw notFound('The publicity of this run');
  const nameOf = new Map(s.units.map((u) => [u.unit, u.name]));
  return {
    runId: run.id,
    from: run.publicity.from,
    to: run.publicity.to,
    open: publicityOpen(run, deps.now()),
    bonuses: placedPerUnit(s.input.bonuses ?? [], nameOf)
      .filter(({ item }) => item.points > 0)
      .map(({ item: b, place }) => ({
        ...place,
        source: b.source,
        points: b.points,
        reason: b.reason ?? null,
      })),
    deductions: placedPerUnit(s.input.deductions ?? [], nameOf)
      .filter(({ item }) => !visible || visible.has(item.unit))
      .map(({ item: d, place }) => ({
        ...place,
        points: d.points,
        reason: d.reason,
        indicator: d.indicator ?? null,
      })),
    objections: await objectionsRepo.counts(db, planId, run.period),
  };
}
