import type {
  CompareUnit,
  EvidenceFile,
  NewObjection,
  Objection,
  ObjectionStatus,
  ObjectionTarget,
  ObjectionVerdict,
} from '@jixiao/contracts';
import { compareResults, type EvaluationResult } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import { rolePermissions } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, bad, conflict, notFound, versionConflict } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/upload.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  type NotificationInput,
  notify,
  type Recipients,
  theOffice,
  unitStaff,
} from '../notifications/notifications.service.js';
import { refsCover } from '../plans/plan-leaves.js';
import { planInScope } from '../plans/plans.policy.js';
import * as plans from '../plans/plans.repository.js';
import {
  iso,
  resultToStored,
  runEngine,
  runPlan,
  type StoredResult,
  who,
} from '../results/results.service.js';
import { publicityOpen, runStep } from '../results/run-state.js';
import { attachChecked } from '../submissions/evidence.service.js';
import { type Role, roleIn, sees, visible } from './objection-access.js';
import {
  adjustInput,
  dueDay,
  isOpen,
  type ObjectionAction,
  objectionStep,
  pastDue,
  TargetError,
  targetView,
} from './objection-rules.js';
import { speaksFor } from './objections.policy.js';
import * as repo from './objections.repository.js';

/**
 * Objections during publicity (S13): filed by a unit against one item of its result, answered by
 * the lead department (or the office), accepted or escalated by the unit, decided by the leaders.
 * An adjustment that stands makes a new version of the run in publicity, with the unit's change.
 */

const stored = (run: plans.RunRow) => run.result as unknown as StoredResult;
const link = (o: { id: number }) => `/objections?id=${o.id}`;
const targetError = (e: unknown) => {
  if (e instanceof TargetError) return bad('target', e.problem.code, e.problem.params);
  return e;
};

function present(
  o: repo.ObjectionRow,
  unitName: string,
  role: Role,
  files: { id: number; fileName: string }[],
  now: Date,
): Objection {
  const status = o.status as ObjectionStatus;
  const ok = (a: ObjectionAction) => objectionStep(status, a).ok;
  return {
    id: o.id,
    planId: o.planId,
    period: o.period,
    runId: o.runId,
    unitId: o.unitId,
    unitCode: o.unitCode,
    unitName,
    target: o.target as ObjectionTarget,
    targetLabel: o.targetLabel,
    targetScore: o.targetScore ?? null,
    lead: o.lead,
    reason: o.reason,
    evidence: files.map((f) => ({ id: f.id, fileName: f.fileName })),
    status,
    filedAt: iso(o.filedAt),
    filedBy: o.filedBy,
    answerDue: o.answerDue,
    answer: (o.answer as ObjectionVerdict | null) ?? null,
    answeredAt: o.answeredAt ? iso(o.answeredAt) : null,
    answeredBy: o.answeredBy,
    respondDue: o.respondDue,
    escalation: o.escalation,
    escalatedAt: o.escalatedAt ? iso(o.escalatedAt) : null,
    escalatedBy: o.escalatedBy,
    decision: (o.decision as ObjectionVerdict | null) ?? null,
    decidedAt: o.decidedAt ? iso(o.decidedAt) : null,
    decidedBy: o.decidedBy,
    outcome: (o.outcome as Objection['outcome']) ?? null,
    resultRunId: o.resultRunId,
    effect: (o.effect as CompareUnit | null) ?? null,
    can: {
      answer: ok('answer') && (role.office || (role.lead && !pastDue(o.answerDue, now))),
      respond: ok('accept') && role.own && !!o.respondDue && !pastDue(o.respondDue, now),
      decide: ok('decide') && role.leader,
      withdraw: ok('withdraw') && role.own,
    },
    version: o.version,
  };
}

async function presentOne(deps: Deps, db: Executor, ctx: Ctx, o: repo.ObjectionRow, role?: Role) {
  const r = role ?? (await roleIn(db, ctx, o));
  const [unit] = await plans.nodeNames(db, [o.unitId]);
  const files = await repo.evidenceOf(db, [o.id]);
  return present(o, unit?.name ?? o.unitCode, r, files, deps.now());
}

/** Users who answer objections to `indicator`: holders of `objections.answer` through an indicators grant listing it. */
async function leadsOf(db: Executor, indicator: string | null): Promise<Recipients> {
  if (!indicator) return theOffice;
  const roles = Object.entries(rolePermissions)
    .filter(([, ps]) => ps.includes('objections.answer'))
    .map(([r]) => r);
  const holders = await repo.indicatorGrantHolders(db, roles);
  return {
    ...theOffice,
    userIds: holders.filter((h) => refsCover(h.refs, indicator)).map((h) => h.userId),
  };
}

/** A unit files an objection against one item of its result while the run is in publicity. */
export async function fileObjection(deps: Deps, ctx: Ctx, body: NewObjection): Promise<Objection> {
  return deps.database.db.transaction(async (tx) => {
    const run = await plans.findRunById(tx, body.runId);
    if (!run) throw notFound('This run');
    const plan = await planInScope(tx, ctx.actor!, run.planId, 'results.read');
    const unit = stored(run).units.find((u) => u.unit === body.unit && u.unitId);
    if (!unit) throw notFound(`Unit ${body.unit} in these results`);
    const [node] = await plans.nodePaths(tx, [unit.unitId!]);
    if (!node || !speaksFor(ctx.actor!, { path: node.path, systemIds: [plan.systemId] }))
      throw new AppError('FORBIDDEN', `unit: you may object to your own unit's result only`, [
        { path: 'unit', code: 'objection.not_your_unit', params: { unit: body.unit } },
      ]);
    const step = runStep(run.status as never, 'object');
    if (!step.ok) throw conflict(step.code, step.params);
    const now = deps.now();
    if (!publicityOpen(run, now))
      throw conflict('objection.window_closed', { to: run.publicity?.to ?? null });
    const docPlan = await runPlan(tx, run);
    const scores = new Map(
      runEngine(docPlan, stored(run).input)
        .unit(body.unit)!
        .indicators.map((n) => [n.code, n.score]),
    );
    let view: ReturnType<typeof targetView>;
    try {
      view = targetView(docPlan, stored(run).input, scores, body.unit, body.target);
    } catch (e) {
      throw targetError(e);
    }
    const o = await repo.insertObjection(tx, {
      planId: run.planId,
      period: run.period,
      runId: run.id,
      unitId: unit.unitId!,
      unitCode: unit.unit,
      target: body.target,
      targetLabel: view.label,
      targetScore: view.score,
      indicator: view.indicator,
      lead: view.lead,
      reason: body.reason,
      filedAt: now,
      filedBy: who(ctx),
      answerDue: dueDay(now, run.publicity!.answerDays),
    });
    await recordAudit(deps, tx, ctx, {
      action: 'objection.file',
      objectType: 'objection',
      objectId: o.id,
      after: { runId: run.id, unit: unit.unit, target: body.target, reason: body.reason },
    });
    await notify(deps, tx, await leadsOf(tx, view.indicator), {
      kind: 'objection',
      message: {
        code: 'objection.filed',
        params: { unit: unit.name, target: view.label, due: o.answerDue, reason: body.reason },
      },
      link: link(o),
      todo: true,
    });
    return presentOne(deps, tx, ctx, o);
  });
}

/** Objections the caller may see (its own unit's, its indicators', or all for the office and leaders). */
export async function listObjections(
  deps: Deps,
  ctx: Ctx,
  q: { planId?: number; period?: string; status?: ObjectionStatus; todo?: '1' },
): Promise<Objection[]> {
  const db = deps.database.db;
  const rows = await repo.listObjections(db, {
    planIds: q.planId ? [q.planId] : undefined,
    period: q.period,
    status: q.status,
  });
  const out: Objection[] = [];
  const roles = new Map<string, Role | null>();
  for (const { o, unitName } of rows) {
    const key = `${o.planId}:${o.unitId}:${o.indicator ?? ''}`;
    if (!roles.has(key)) roles.set(key, await roleIn(db, ctx, o).catch(() => null));
    const role = roles.get(key);
    if (!role || !sees(role)) continue;
    out.push(present(o, unitName, role, [], deps.now()));
  }
  const files = await repo.evidenceOf(
    db,
    out.map((o) => o.id),
  );
  for (const o of out)
    o.evidence = files.filter((f) => f.ownerId === o.id).map((f) => ({ id: f.id, fileName: f.fileName }));
  if (!q.todo) return out;
  return out.filter((o) => o.can.answer || o.can.respond || o.can.decide);
}

export async function getObjection(deps: Deps, ctx: Ctx, id: number): Promise<Objection> {
  const db = deps.database.db;
  const { o, role } = await visible(db, ctx, id);
  return presentOne(deps, db, ctx, o, role);
}

/** Take a step on an objection: checks the state machine and the version, writes, audits. */
async function takeStep(
  tx: Executor,
  o: repo.ObjectionRow,
  action: ObjectionAction,
  version: number,
  set: Parameters<typeof repo.updateObjection>[3],
) {
  const step = objectionStep(o.status as ObjectionStatus, action);
  if (!step.ok) throw conflict(step.code, step.params);
  const row = await repo.updateObjection(tx, o.id, version, { ...set, status: step.to });
  if (!row) throw versionConflict('Objection');
  return row;
}

/** Check an adjustment against the objection's target on the run it was filed against. */
async function checkVerdict(tx: Executor, o: repo.ObjectionRow, v: ObjectionVerdict) {
  if (v.verdict !== 'adjust') return;
  const run = await plans.findRunById(tx, o.runId);
  try {
    adjustInput(stored(run!).input, o.unitCode, o.target as ObjectionTarget, v.adjustment);
  } catch (e) {
    throw targetError(e);
  }
}

/**
 * Make the adjustment that stands into a new version of the run in publicity: the newest run's input
 * with the change, computed again on the same plan revision; the newest run is superseded.
 */
async function adjustRun(deps: Deps, tx: Executor, ctx: Ctx, o: repo.ObjectionRow, v: ObjectionVerdict) {
  if (v.verdict !== 'adjust') return { resultRunId: null, effect: null, outcome: 'upheld' };
  const latest = await plans.latestRun(tx, o.planId, o.period);
  if (latest?.status !== 'publicity')
    throw conflict('objection.run_moved', { status: latest?.status ?? null });
  const before = stored(latest);
  let input: typeof before.input;
  try {
    input = adjustInput(before.input, o.unitCode, o.target as ObjectionTarget, v.adjustment);
  } catch (e) {
    throw targetError(e);
  }
  const plan = await runPlan(tx, latest);
  const result = runEngine(plan, input);
  const ids = new Map(before.units.map((u) => [u.unit, u.unitId ?? 0]));
  const now = deps.now();
  const run = await plans.insertRun(tx, {
    planId: o.planId,
    period: o.period,
    planRevision: latest.planRevision,
    result: resultToStored(result, input, ids, { missing: before.missing, sources: before.sources }) as never,
    computedAt: now,
    computedBy: who(ctx),
    status: 'publicity',
    publicity: latest.publicity,
    publishedAt: latest.publishedAt,
    publishedBy: latest.publishedBy,
    basedOnId: latest.id,
    changeKind: 'objection',
    objectionId: o.id,
  });
  await plans.supersedeLive(tx, o.planId, o.period, run.id);
  const old: EvaluationResult = runEngine(plan, before.input);
  const effect = compareResults(old, result).units.find((u) => u.unit === o.unitCode) ?? null;
  await recordAudit(deps, tx, ctx, {
    action: 'evaluation.adjust',
    objectType: 'evaluation_run',
    objectId: run.id,
    after: {
      planId: o.planId,
      period: o.period,
      basedOn: latest.id,
      objection: o.id,
      adjustment: v.adjustment,
    },
  });
  return { resultRunId: run.id, effect: effect as unknown as Record<string, unknown>, outcome: 'adjusted' };
}

/** What one step of an objection writes, adds to its audit entry, and whom it tells. */
interface Taken {
  set: Parameters<typeof repo.updateObjection>[3];
  after?: Record<string, unknown>;
  tell?: { to: Recipients[]; note: NotificationInput };
}

/**
 * One step of an objection: visible to the caller, taken by the right party (`may`), allowed by
 * the state machine and the version read; audited as `objection.<action>` and told.
 */
function stepOn(
  deps: Deps,
  ctx: Ctx,
  id: number,
  action: ObjectionAction,
  version: number,
  may: { role: (r: Role) => boolean; refusal: string },
  take: (tx: Executor, o: repo.ObjectionRow, role: Role, now: Date) => Promise<Taken>,
): Promise<Objection> {
  return deps.database.db.transaction(async (tx) => {
    const { o, role } = await visible(tx, ctx, id);
    if (!may.role(role)) throw new AppError('FORBIDDEN', may.refusal);
    const t = await take(tx, o, role, deps.now());
    const row = await takeStep(tx, o, action, version, t.set);
    await recordAudit(deps, tx, ctx, {
      action: `objection.${action}`,
      objectType: 'objection',
      objectId: o.id,
      before: { status: o.status },
      after: { status: row.status, ...t.after, resultRunId: row.resultRunId },
    });
    for (const r of t.tell?.to ?? []) await notify(deps, tx, r, { ...t.tell!.note, link: link(o) });
    return presentOne(deps, tx, ctx, row, role);
  });
}

const ownUnit = { role: (r: Role) => r.own, refusal: 'Only the unit that objected takes this step' };

/** The lead department (or the office) answers: reject with an explanation, or adjust. */
export const answerObjection = (
  deps: Deps,
  ctx: Ctx,
  id: number,
  body: { version: number; answer: ObjectionVerdict },
) =>
  stepOn(
    deps,
    ctx,
    id,
    'answer',
    body.version,
    { role: (r) => r.office || r.lead, refusal: 'Only the lead department or the office answers' },
    async (tx, o, role, now) => {
      if (!role.office && pastDue(o.answerDue, now))
        throw conflict('objection.answer_late', { due: o.answerDue });
      await checkVerdict(tx, o, body.answer);
      const run = await plans.findRunById(tx, o.runId);
      const respondDue = dueDay(now, run!.publicity?.respondDays ?? 3);
      const a = body.answer;
      return {
        set: { answer: a, answeredAt: now, answeredBy: who(ctx), respondDue },
        after: { answer: a },
        tell: {
          to: [unitStaff(o.unitId)],
          note: {
            kind: 'objection',
            message: {
              code: a.verdict === 'adjust' ? 'objection.answeredAdjust' : 'objection.answeredReject',
              params: { target: o.targetLabel, explanation: a.explanation, due: respondDue },
            },
            todo: true,
          },
        },
      };
    },
  );

/** The unit accepts the answer (an adjustment then makes a new run version) or escalates it. */
export const respondObjection = (
  deps: Deps,
  ctx: Ctx,
  id: number,
  body: { version: number; action: 'accept' | 'escalate'; reason?: string | undefined },
) =>
  stepOn(deps, ctx, id, body.action, body.version, ownUnit, async (tx, o, _, now) => {
    if (o.respondDue && pastDue(o.respondDue, now))
      throw conflict('objection.respond_late', { due: o.respondDue });
    if (body.action === 'accept')
      return { set: await adjustRun(deps, tx, ctx, o, o.answer as ObjectionVerdict) };
    if (!body.reason) throw bad('reason', 'objection.reason_required');
    return {
      set: { escalation: body.reason, escalatedAt: now, escalatedBy: who(ctx) },
      after: { reason: body.reason },
      tell: {
        to: [{ global: ['leader'] }],
        note: {
          kind: 'objection',
          message: {
            code: 'objection.escalated',
            params: { unit: o.unitCode, target: o.targetLabel, reason: body.reason },
          },
          todo: true,
        },
      },
    };
  });

/** The leadership group decides an escalated objection; an adjustment makes a new run version. */
export const decideObjection = (
  deps: Deps,
  ctx: Ctx,
  id: number,
  body: { version: number; decision: ObjectionVerdict },
) =>
  stepOn(
    deps,
    ctx,
    id,
    'decide',
    body.version,
    { role: (r) => r.leader, refusal: 'The leadership group decides' },
    async (tx, o, _, now) => {
      const d = body.decision;
      await checkVerdict(tx, o, d);
      const made = await adjustRun(deps, tx, ctx, o, d);
      return {
        set: { decision: d, decidedAt: now, decidedBy: who(ctx), ...made },
        after: { decision: d },
        tell: {
          to: [unitStaff(o.unitId), theOffice],
          note: {
            kind: 'objection',
            message: {
              code: d.verdict === 'adjust' ? 'objection.decidedAdjust' : 'objection.decidedReject',
              params: { unit: o.unitCode, target: o.targetLabel, explanation: d.explanation },
            },
          },
        },
      };
    },
  );

/** The unit withdraws its objection before it is settled. */
export const withdrawObjection = (deps: Deps, ctx: Ctx, id: number, body: { version: number }) =>
  stepOn(deps, ctx, id, 'withdraw', body.version, ownUnit, async () => ({ set: { outcome: 'withdrawn' } }));

/** The objecting unit attaches evidence while the objection is open. */
export async function uploadObjectionEvidence(
  deps: Deps,
  ctx: Ctx,
  id: number,
  readFile: () => Promise<UploadedFile>,
): Promise<EvidenceFile> {
  const check = async (db: Executor) => {
    const { o, role } = await visible(db, ctx, id);
    if (!role.own) throw new AppError('FORBIDDEN', 'Only the unit that objected attaches evidence');
    if (!isOpen(o.status)) throw conflict('objection.state', { status: o.status, action: 'evidence' });
  };
  return attachChecked(deps, ctx, { type: 'objection', id }, check, readFile);
}
