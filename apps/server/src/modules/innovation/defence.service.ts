import type {
  DefenceStage,
  ProjectStage,
  SessionCreate,
  SessionStep,
  SessionUpdate,
} from '@jixiao/contracts';
import { sessionCreate } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, bad, conflict, versionConflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { board, chairName, presentSession, sessionFor } from './board.service.js';
import { visibleCall } from './calls.service.js';
import { defenceStep, isCurrent } from './defence-state.js';
import * as repo from './innovation.repository.js';
import { isOffice, visibleProject } from './innovation-access.js';
import * as scoringRepo from './scoring.repository.js';

/**
 * Defence sessions (现场+答辩, issue 12 point 4): the office sets one up per call (optionally per
 * category) with a running order, minutes per presentation and a chair (an expert judging one of
 * its projects, or the office); reorders it while nothing started; the chair or the office moves
 * each project through defence-state.ts, one at a time. Closing locks the project's sheets. A
 * project outside every session is closed by the office after online scoring. All audited.
 */

const who = (ctx: Ctx) => ctx.actor?.username ?? null;

export async function listSessions(deps: Deps, ctx: Ctx, callId: number) {
  const db = deps.database.db;
  await visibleCall(db, ctx, callId);
  const sessions = await scoringRepo.listSessions(db, callId);
  const stages = await scoringRepo.stagesOfSessions(
    db,
    sessions.map((s) => s.id),
  );
  const office = isOffice(ctx.actor!);
  const out = [];
  for (const s of sessions)
    out.push(
      presentSession(s, stages, await chairName(db, s.chairExpertId), { edit: office, drive: office }),
    );
  return out;
}

/** The running order checked: the call's projects, of the category, each once, in no other session. */
async function checkedOrder(
  db: Executor,
  call: repo.CallRow,
  category: string | null,
  ids: number[] | undefined,
  sessionId: number | null,
) {
  const projects = await repo.listProjects(db, { all: true }, { callId: call.id });
  const stages = await scoringRepo.stagesOfCall(db, call.id);
  const taken = (id: number) => stages.some((s) => s.projectId === id && s.sessionId !== sessionId);
  const order =
    ids ??
    projects
      .filter((p) => (category === null || p.project.category === category) && !taken(p.project.id))
      .map((p) => p.project.id);
  if (!order.length) throw bad('projectIds', 'innovation.no_projects', { category });
  order.forEach((id, i) => {
    const p = projects.find((x) => x.project.id === id);
    const at = `projectIds[${i}]`;
    if (!p) throw bad(at, 'innovation.unknown_project', { projectId: id });
    if (order.indexOf(id) !== i) throw bad(at, 'duplicate', { projectId: id });
    if (category !== null && p.project.category !== category)
      throw bad(at, 'innovation.wrong_category', { projectId: id, category });
    if (taken(id)) throw conflict('innovation.project_in_session', { projectId: id, title: p.project.title });
  });
  return order;
}

/** The chair judges one of the session's projects. */
async function checkChair(db: Executor, chair: number | null, order: number[]) {
  if (chair === null) return;
  if (await scoringRepo.judgesAny(db, chair, order)) return;
  throw bad('chairExpertId', 'innovation.chair_not_judge', { expertId: chair });
}

const waiting = (sessionId: number, order: number[]) =>
  order.map((projectId, i) => ({ projectId, sessionId, position: i + 1, stage: 'waiting' }));

export async function createSession(deps: Deps, ctx: Ctx, callId: number, body: SessionCreate) {
  const b = sessionCreate.parse(body);
  return deps.database.db.transaction(async (tx) => {
    const call = await visibleCall(tx, ctx, callId);
    if (b.category !== null && !call.categories.some((c) => c.code === b.category))
      throw bad('category', 'innovation.unknown_category', { category: b.category });
    const order = await checkedOrder(tx, call, b.category, b.projectIds, null);
    await checkChair(tx, b.chairExpertId, order);
    const s = await scoringRepo.insertSession(tx, {
      callId,
      category: b.category,
      title: b.title,
      minutes: b.minutes,
      chairExpertId: b.chairExpertId,
      createdAt: deps.now(),
      createdBy: who(ctx),
    });
    await scoringRepo.insertStages(tx, waiting(s.id, order));
    await recordAudit(deps, tx, ctx, {
      action: 'innovation_session.create',
      objectType: 'innovation_session',
      objectId: s.id,
      after: {
        callId,
        title: s.title,
        category: s.category,
        minutes: s.minutes,
        chair: s.chairExpertId,
        order,
      },
    });
    return board(deps, tx, ctx, s.id);
  });
}

export async function updateSession(deps: Deps, ctx: Ctx, id: number, b: SessionUpdate) {
  return deps.database.db.transaction(async (tx) => {
    const { session, call, stages } = await sessionFor(tx, ctx.actor!, id);
    if (b.version !== session.version) throw versionConflict('The defence session');
    const started = stages.some((s) => s.stage !== 'waiting');
    let order = stages.map((s) => s.projectId);
    if (b.projectIds) {
      if (started) throw conflict('innovation.session_started', { sessionId: id });
      order = await checkedOrder(tx, call, session.category, b.projectIds, id);
    }
    const chair = b.chairExpertId === undefined ? session.chairExpertId : b.chairExpertId;
    await checkChair(tx, chair, order);
    const row = await scoringRepo.updateSession(tx, id, b.version, {
      ...(b.title !== undefined && { title: b.title }),
      ...(b.minutes !== undefined && { minutes: b.minutes }),
      chairExpertId: chair,
    });
    if (!row) throw versionConflict('The defence session');
    if (b.projectIds) {
      await scoringRepo.deleteStagesOfSession(tx, id);
      await scoringRepo.insertStages(tx, waiting(id, order));
    }
    await recordAudit(deps, tx, ctx, {
      action: 'innovation_session.update',
      objectType: 'innovation_session',
      objectId: id,
      before: {
        title: session.title,
        minutes: session.minutes,
        chair: session.chairExpertId,
        order: stages.map((s) => s.projectId),
        version: session.version,
      },
      after: {
        title: row.title,
        minutes: row.minutes,
        chair: row.chairExpertId,
        order,
        version: row.version,
      },
    });
    return board(deps, tx, ctx, id);
  });
}

/** The chair or the office moves one project a step (defence-state.ts); one project at a time. */
export async function stepSession(deps: Deps, ctx: Ctx, id: number, b: SessionStep) {
  return deps.database.db.transaction(async (tx) => {
    const { session, stages, projects, view } = await sessionFor(tx, ctx.actor!, id);
    if (view.kind !== 'all' || !view.drive)
      throw new AppError('FORBIDDEN', 'Only the chair or the office drives a defence session');
    if (b.version !== session.version) throw versionConflict('The defence session');
    const st = stages.find((s) => s.projectId === b.projectId);
    if (!st) throw bad('projectId', 'innovation.not_in_session', { projectId: b.projectId });
    const step = defenceStep(st.stage as DefenceStage, b.action);
    if (!step.ok) throw conflict(step.code, step.params);
    const busy = stages.find((s) => s.projectId !== b.projectId && isCurrent(s.stage as DefenceStage));
    if (b.action === 'present' && busy)
      throw conflict('innovation.session_busy', { projectId: busy.projectId });
    const now = deps.now();
    await scoringRepo.updateStage(tx, b.projectId, {
      stage: step.to,
      ...(b.action === 'present' && { presentingAt: now }),
      ...(b.action === 'score' && { scoringAt: now }),
      ...(b.action === 'close' && { closedAt: now, closedBy: who(ctx) }),
    });
    const row = await scoringRepo.updateSession(tx, id, session.version, {});
    if (!row) throw versionConflict('The defence session');
    const sheets = (await scoringRepo.sheetsOfProjects(tx, [b.projectId])).length;
    const p = projects.find((x) => x.project.id === b.projectId)!;
    await recordAudit(deps, tx, ctx, {
      action: `innovation_session.${b.action}`,
      objectType: 'innovation_session',
      objectId: id,
      before: { projectId: b.projectId, stage: st.stage },
      after: { projectId: b.projectId, title: p.project.title, stage: step.to, sheets },
    });
    return board(deps, tx, ctx, id);
  });
}

/** The office closes a project scored online (in no session): its sheets are locked. */
export async function closeProject(
  deps: Deps,
  ctx: Ctx,
  projectId: number,
  reason: string,
): Promise<ProjectStage> {
  return deps.database.db.transaction(async (tx) => {
    const p = await visibleProject(tx, ctx, projectId);
    const st = await scoringRepo.findStage(tx, projectId);
    if (st?.sessionId) throw conflict('innovation.project_in_session', { projectId, title: p.project.title });
    if (st) throw conflict('innovation.defence_state', { status: st.stage, action: 'close' });
    const now = deps.now();
    await scoringRepo.insertStages(tx, [
      { projectId, sessionId: null, position: null, stage: 'closed', closedAt: now, closedBy: who(ctx) },
    ]);
    const sheets = (await scoringRepo.sheetsOfProjects(tx, [projectId])).length;
    await recordAudit(deps, tx, ctx, {
      action: 'innovation_project.close',
      objectType: 'innovation_project',
      objectId: projectId,
      after: { stage: 'closed', sheets, reason },
    });
    return { projectId, sessionId: null, stage: 'closed', closedAt: now.toISOString(), closedBy: who(ctx) };
  });
}
