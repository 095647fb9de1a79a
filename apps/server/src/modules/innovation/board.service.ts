import type { BoardItem, DefenceBoard, DefenceSession, DefenceStage } from '@jixiao/contracts';
import { aggregateProjects } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import { type Actor, hasPermission, orgScope } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { deadlineOf, isCurrent, sessionStatusOf } from './defence-state.js';
import * as repo from './innovation.repository.js';
import { isOffice, judgeOf } from './innovation-access.js';
import * as scoringRepo from './scoring.repository.js';
import { settingsOf } from './scoring-settings.service.js';

/**
 * The defence session's live board (issue 12 point 4): the running order, the current project and
 * its timer (the server's now and the deadline, so a phone counts down without trusting its own
 * clock), per project the sheets in and the judges assigned, each judge's score and the running
 * panel score. Judges' names: the office, the leaders and the chair only. A unit sees the order and
 * the timer, and the scores of its own projects only (without names). Judges of the session see it.
 */

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** How the caller sees a session: every score with names, scores without names, or its units' scores only. */
export type BoardView = { kind: 'all'; names: boolean; drive: boolean } | { kind: 'units'; paths: string[] };

/** The session's stages, projects and chair, and how the caller sees them; 404 if it may not. */
export async function sessionFor(db: Executor, actor: Actor, id: number) {
  const session = await scoringRepo.findSession(db, id);
  if (!session) throw notFound('Defence session');
  const call = (await repo.findCall(db, session.callId))!;
  const stages = await scoringRepo.stagesOfSessions(db, [id]);
  const projects = (await repo.listProjects(db, { all: true }, { callId: call.id })).filter((p) =>
    stages.some((s) => s.projectId === p.project.id),
  );
  const office = isOffice(actor);
  const read = orgScope(actor, 'innovation.read');
  const judge = await judgeOf(db, actor);
  const chair = !!judge && judge.id === session.chairExpertId;
  let view: BoardView | null = null;
  if (office || read.all) view = { kind: 'all', names: true, drive: office };
  else if (judge && (chair || (await judgesSession(db, judge.id, stages))))
    view = { kind: 'all', names: chair, drive: chair };
  else if (hasPermission(actor, 'innovation.read') && call.status !== 'draft')
    view = { kind: 'units', paths: read.all ? [] : read.paths };
  if (!view) throw notFound('Defence session');
  return { session, call, stages, projects, view };
}

const judgesSession = (db: Executor, expertId: number, stages: scoringRepo.StageRow[]) =>
  scoringRepo.judgesAny(
    db,
    expertId,
    stages.map((s) => s.projectId),
  );

export function presentSession(
  s: scoringRepo.SessionRow,
  stages: scoringRepo.StageRow[],
  chairName: string | null,
  can: DefenceSession['can'],
): DefenceSession {
  const own = stages.filter((x) => x.sessionId === s.id);
  const list = own.map((x) => x.stage as DefenceStage);
  return {
    id: s.id,
    callId: s.callId,
    category: s.category,
    title: s.title,
    minutes: s.minutes,
    chair: s.chairExpertId !== null ? { expertId: s.chairExpertId, name: chairName ?? '' } : null,
    status: sessionStatusOf(list),
    projects: own.length,
    closed: list.filter((x) => x === 'closed').length,
    currentProjectId: own.find((x) => isCurrent(x.stage as DefenceStage))?.projectId ?? null,
    createdAt: s.createdAt.toISOString(),
    createdBy: s.createdBy,
    can: { edit: can.edit && list.every((x) => x === 'waiting'), drive: can.drive },
    version: s.version,
  };
}

export async function chairName(db: Executor, expertId: number | null) {
  return expertId === null ? null : ((await repo.findExpert(db, expertId))?.name ?? null);
}

export async function board(deps: Deps, db: Executor, ctx: Ctx, id: number): Promise<DefenceBoard> {
  const { session, call, stages, projects, view } = await sessionFor(db, ctx.actor!, id);
  const now = deps.now();
  const ids = stages.map((s) => s.projectId);
  const [sheets, assigned] = await Promise.all([
    scoringRepo.sheetsOfProjects(db, ids),
    repo.judgeCounts(db, ids),
  ]);
  const { aggregation } = settingsOf(call);
  const sees = (path: string) => view.kind === 'all' || view.paths.some((p) => path.startsWith(p));
  const items = stages.map((st): BoardItem => {
    const p = projects.find((x) => x.project.id === st.projectId)!;
    const mine = sheets.filter((s) => s.sheet.projectId === st.projectId);
    const shown = sees(p.unitPath);
    const agg = mine.length
      ? aggregateProjects(
          mine.map((s) => ({
            project: String(st.projectId),
            judge: String(s.sheet.expertId),
            score: s.sheet.score,
          })),
          { trimAt: aggregation.trimAt, trim: aggregation.trim, decimals: aggregation.decimals },
        ).projects[0]!
      : null;
    return {
      projectId: st.projectId,
      position: st.position ?? 0,
      title: p.project.title,
      unitId: p.project.unitId,
      unitCode: p.unitCode,
      unitName: p.unitName,
      category: p.project.category,
      categoryName: call.categories.find((c) => c.code === p.project.category)?.name ?? p.project.category,
      stage: st.stage as DefenceStage,
      presentingAt: iso(st.presentingAt),
      deadline: iso(deadlineOf(st.presentingAt, session.minutes)),
      scoringAt: iso(st.scoringAt),
      closedAt: iso(st.closedAt),
      closedBy: st.closedBy,
      submitted: mine.length,
      assigned: assigned.get(st.projectId) ?? 0,
      scores: shown
        ? mine
            .map((s) => ({
              judge:
                view.kind === 'all' && view.names ? { expertId: s.sheet.expertId, name: s.judgeName } : null,
              score: s.sheet.score,
              submittedAt: s.sheet.submittedAt.toISOString(),
              submittedBy: view.kind === 'all' && view.names ? s.sheet.submittedBy : null,
            }))
            .sort((a, b) => (view.kind === 'all' && view.names ? 0 : b.score - a.score))
        : null,
      aggregate: shown && agg ? { score: agg.score, n: agg.panel.length, trimmed: agg.trimmed } : null,
    };
  });
  const cur = items.find((i) => isCurrent(i.stage));
  const deadline = cur?.deadline ? new Date(cur.deadline) : null;
  return {
    session: presentSession(session, stages, await chairName(db, session.chairExpertId), {
      edit: isOffice(ctx.actor!),
      drive: view.kind === 'all' && view.drive,
    }),
    now: now.toISOString(),
    current: cur
      ? {
          projectId: cur.projectId,
          stage: cur.stage,
          deadline: cur.deadline,
          remainingSeconds:
            cur.stage === 'presenting' && deadline
              ? Math.round((deadline.getTime() - now.getTime()) / 1000)
              : null,
        }
      : null,
    items,
  };
}

export const getBoard = (deps: Deps, ctx: Ctx, id: number) => board(deps, deps.database.db, ctx, id);
