import type { AssignmentBoard, AutoAssign, ManualAssign } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { conflict, notFound } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { type AssignExpert, type AssignProject, assignJudges, exclusionReasons } from './assignment.js';
import { assertStep, visibleCall } from './calls.service.js';
import * as repo from './innovation.repository.js';
import { findSheet, judgedIds } from './scoring.repository.js';

/**
 * Judges for a call's projects (issue 12 point 3): the board (each project's judges and why every
 * other expert may not judge it), the automatic assignment (assignment.ts: N per project or a panel
 * per category, load balanced, conflicts avoided) and the office's manual override — adding or
 * removing a judge — which needs a reason. All audited. Judges are `innovation_assignment` rows,
 * which rubric scoring will hang off.
 */

const who = (ctx: Ctx) => ctx.actor?.username ?? null;

/** The call's projects and the pool as the pure assignment takes them. */
async function inputs(db: Executor, callId: number) {
  const projects = await repo.listProjects(db, { all: true }, { callId });
  const pool = await repo.listExperts(db);
  const conflicts = await repo.conflictsOf(
    db,
    pool.map((r) => r.expert.id),
  );
  const ps: AssignProject[] = projects.map((r) => ({
    id: r.project.id,
    unitCode: r.unitCode,
    organisation: r.unitName,
    category: r.project.category,
  }));
  const es: AssignExpert[] = pool.map((r) => ({
    id: r.expert.id,
    organisation: r.expert.organisation,
    memberUnitCode: r.memberCode,
    conflictUnitCodes: conflicts.filter((c) => c.expertId === r.expert.id).map((c) => c.unitCode),
    available: r.expert.available,
  }));
  return { projects, pool, ps, es, assigned: await repo.assignmentsOfCall(db, callId) };
}

async function board(db: Executor, call: repo.CallRow): Promise<AssignmentBoard> {
  const { projects, pool, ps, es, assigned } = await inputs(db, call.id);
  const names = new Map(pool.map((r) => [r.expert.id, r.expert.name]));
  const wanted = call.assignN;
  return {
    callId: call.id,
    wanted,
    projects: projects.map((r, i) => {
      const p = ps[i]!;
      return {
        projectId: p.id,
        title: r.project.title,
        unitId: r.project.unitId,
        unitCode: r.unitCode,
        unitName: r.unitName,
        category: p.category,
        judges: assigned
          .filter((a) => a.a.projectId === p.id)
          .map(({ a, name, organisation }) => ({
            id: a.id,
            expertId: a.expertId,
            name,
            organisation,
            how: a.how as 'auto' | 'manual',
            reason: a.reason,
            assignedAt: a.assignedAt.toISOString(),
            assignedBy: a.assignedBy,
          })),
        excluded: es.flatMap((e) => {
          const reasons = exclusionReasons(e, p);
          return reasons.length ? [{ expertId: e.id, name: names.get(e.id)!, reasons }] : [];
        }),
      };
    }),
    experts: pool.map((r) => ({
      expertId: r.expert.id,
      name: r.expert.name,
      available: r.expert.available,
      load: assigned.filter((a) => a.a.expertId === r.expert.id).length,
    })),
    shortfalls:
      wanted === null
        ? []
        : ps.flatMap((p) => {
            const got = assigned.filter((a) => a.a.projectId === p.id).length;
            return got < wanted ? [{ projectId: p.id, wanted, got }] : [];
          }),
  };
}

export async function getBoard(deps: Deps, ctx: Ctx, callId: number) {
  const db = deps.database.db;
  return board(db, await visibleCall(db, ctx, callId));
}

/**
 * Assign judges automatically: the earlier automatic judges of the call are replaced, the office's
 * manual ones kept (they count towards N and the experts' load). Refused once judging has started
 * on any project of the call (a sheet, or a place in a defence session): replacing judges then
 * would drop scores already given.
 */
export async function autoAssign(deps: Deps, ctx: Ctx, callId: number, b: AutoAssign) {
  return deps.database.db.transaction(async (tx) => {
    const call = await visibleCall(tx, ctx, callId);
    assertStep(call, deps.now(), 'assign');
    const { ps, es, assigned } = await inputs(tx, callId);
    const judged = await judgedIds(
      tx,
      ps.map((p) => p.id),
    );
    if (judged.size) throw conflict('innovation.judging_started', { projects: judged.size });
    const auto = assigned.filter((a) => a.a.how === 'auto');
    const manual = assigned.filter((a) => a.a.how === 'manual').map(({ a }) => a);
    await repo.deleteAssignments(
      tx,
      auto.map(({ a }) => a.id),
    );
    const mode = b.mode === 'perProject' ? { perProject: b.n } : { panelPerCategory: b.n };
    const plan = assignJudges(ps, es, mode, manual);
    const now = deps.now();
    await repo.insertAssignments(
      tx,
      plan.assignments.map((p) => ({ ...p, how: 'auto', assignedAt: now, assignedBy: who(ctx) })),
    );
    const updated = await repo.updateCall(tx, callId, call.version, { assignMode: b.mode, assignN: b.n });
    await recordAudit(deps, tx, ctx, {
      action: 'innovation_assignment.auto',
      objectType: 'innovation_call',
      objectId: callId,
      before: { pairs: auto.map(({ a }) => [a.projectId, a.expertId]) },
      after: {
        mode: b.mode,
        n: b.n,
        pairs: plan.assignments.map((a) => [a.projectId, a.expertId]),
        kept: manual.length,
        shortfalls: plan.shortfalls,
        panels: plan.panels,
      },
    });
    return board(tx, updated ?? call);
  });
}

/** The office adds a judge by hand, with a reason; an expert who may not judge the project is refused. */
export async function addJudge(deps: Deps, ctx: Ctx, callId: number, b: ManualAssign) {
  return deps.database.db.transaction(async (tx) => {
    const call = await visibleCall(tx, ctx, callId);
    assertStep(call, deps.now(), 'assign');
    const { ps, es, assigned } = await inputs(tx, callId);
    const p = ps.find((x) => x.id === b.projectId);
    if (!p) throw notFound('Innovation project');
    const e = es.find((x) => x.id === b.expertId);
    if (!e) throw notFound('Expert');
    if (assigned.some((a) => a.a.projectId === p.id && a.a.expertId === e.id))
      throw conflict('innovation.already_judge', { projectId: p.id, expertId: e.id });
    const reasons = exclusionReasons(e, p);
    if (reasons.length)
      throw conflict('innovation.expert_excluded', { reasons: reasons.map((r) => r.code).join(',') });
    const [row] = await repo.insertAssignments(tx, [
      {
        projectId: p.id,
        expertId: e.id,
        how: 'manual',
        reason: b.reason,
        assignedAt: deps.now(),
        assignedBy: who(ctx),
      },
    ]);
    await recordAudit(deps, tx, ctx, {
      action: 'innovation_assignment.add',
      objectType: 'innovation_assignment',
      objectId: row!.id,
      after: { callId, projectId: p.id, expertId: e.id, reason: b.reason },
    });
    return board(tx, call);
  });
}

/** The office removes a judge, with a reason. */
export async function removeJudge(deps: Deps, ctx: Ctx, assignmentId: number, reason: string) {
  return deps.database.db.transaction(async (tx) => {
    const a = await repo.findAssignment(tx, assignmentId);
    if (!a) throw notFound('Assignment');
    const [project] = await repo.listProjects(tx, { all: true }, { id: a.projectId });
    const call = await visibleCall(tx, ctx, project!.project.callId);
    assertStep(call, deps.now(), 'assign');
    // A judge who has scored the project stays: their sheet is part of its result.
    if (await findSheet(tx, a.projectId, a.expertId))
      throw conflict('innovation.judge_scored', { projectId: a.projectId, expertId: a.expertId });
    await repo.deleteAssignments(tx, [a.id]);
    await recordAudit(deps, tx, ctx, {
      action: 'innovation_assignment.remove',
      objectType: 'innovation_assignment',
      objectId: a.id,
      before: { projectId: a.projectId, expertId: a.expertId, how: a.how, reason: a.reason },
      after: { reason },
    });
    return board(tx, call);
  });
}
