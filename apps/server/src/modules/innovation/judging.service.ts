import type { JudgingView, ScoreSheet, SheetInput } from '@jixiao/contracts';
import { sheetInput } from '@jixiao/contracts';
import { scoreSheet } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, conflict, notFound, versionConflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { exclusionReasons } from './assignment.js';
import { sessionStatusOf, sheetRefusal } from './defence-state.js';
import * as repo from './innovation.repository.js';
import { judgeOf } from './innovation-access.js';
import { presentJudged } from './projects.service.js';
import * as scoringRepo from './scoring.repository.js';
import { settingsOf } from './scoring-settings.service.js';

/**
 * The judges' side of scoring (issue 12 point 4): each judge's assigned projects of a call with the
 * rubric, their own sheet, the defence stage and whether a sheet is taken now; and the sheet itself
 * — refused for a project not assigned to the judge (404), a conflict declared since the assignment
 * (409 `innovation.judge_conflict`), a project not yet heard (409 `innovation.score_not_open`) or
 * closed (409 `innovation.score_locked`), a missing or out-of-range criterion (400 naming
 * `scores.<criterion>`). Each sheet keeps its judge and time, versioned and audited.
 */

const who = (ctx: Ctx) => ctx.actor?.username ?? null;

/** Why the expert may not judge these projects now (availability is not a conflict of interest). */
async function conflictsOf(db: Executor, expertId: number, projects: repo.ProjectListRow[]) {
  const [row] = await repo.listExperts(db, [expertId]);
  const declared = await repo.conflictsOf(db, [expertId]);
  const profile = {
    id: expertId,
    organisation: row!.expert.organisation,
    memberUnitCode: row!.memberCode,
    conflictUnitCodes: declared.map((c) => c.unitCode),
    available: true,
  };
  return new Map(
    projects.map((p) => [
      p.project.id,
      exclusionReasons(profile, {
        id: p.project.id,
        unitCode: p.unitCode,
        organisation: p.unitName,
        category: p.project.category,
      }),
    ]),
  );
}

export const presentSheet = (s: scoringRepo.SheetRow, judgeName: string): ScoreSheet => ({
  id: s.id,
  projectId: s.projectId,
  expertId: s.expertId,
  judgeName,
  scores: s.scores,
  score: s.score,
  comment: s.comment,
  submittedAt: s.submittedAt.toISOString(),
  submittedBy: s.submittedBy,
  version: s.version,
});

/** The calling judge's expert profile, or 404. */
async function theJudge(db: Executor, ctx: Ctx) {
  const judge = await judgeOf(db, ctx.actor!);
  if (!judge) throw notFound('Innovation project');
  return judge;
}

export async function getJudging(deps: Deps, ctx: Ctx, callId: number): Promise<JudgingView> {
  const db = deps.database.db;
  const judge = await theJudge(db, ctx);
  const call = await repo.findCall(db, callId);
  if (!call || call.status === 'draft') throw notFound('Innovation call');
  const rows = await repo.listProjects(db, { expertId: judge.id }, { callId });
  const projects = await presentJudged(deps, db, ctx, rows);
  const stages = await scoringRepo.stagesOfCall(db, callId);
  const sessions = await scoringRepo.listSessions(db, callId);
  const sessionStages = await scoringRepo.stagesOfSessions(
    db,
    sessions.map((s) => s.id),
  );
  const sheets = (
    await scoringRepo.sheetsOfProjects(
      db,
      rows.map((r) => r.project.id),
    )
  ).filter((s) => s.sheet.expertId === judge.id);
  const conflicts = await conflictsOf(db, judge.id, rows);
  return {
    call: { id: call.id, year: call.year, title: call.title },
    rubric: settingsOf(call).rubric,
    projects: projects.map((project) => {
      const st = stages.find((s) => s.projectId === project.id);
      const stage = (st?.stage ?? null) as JudgingView['projects'][number]['stage'];
      const session = st?.sessionId ? sessions.find((s) => s.id === st.sessionId) : undefined;
      const conflict = conflicts.get(project.id) ?? [];
      const refusal = conflict.length
        ? { code: 'innovation.judge_conflict', params: { reasons: conflict.map((c) => c.code) } }
        : sheetRefusal(stage);
      const mine = sheets.find((s) => s.sheet.projectId === project.id);
      return {
        project,
        stage,
        session: session
          ? {
              id: session.id,
              title: session.title,
              position: st!.position ?? 0,
              status: sessionStatusOf(
                sessionStages.filter((x) => x.sessionId === session.id).map((x) => x.stage as never),
              ),
            }
          : null,
        locked: stage === 'closed',
        conflict,
        canScore: refusal === null,
        refusal,
        sheet: mine ? presentSheet(mine.sheet, mine.judgeName) : null,
      };
    }),
  };
}

/** A judge submits or changes their sheet of a project (see the file's head for the refusals). */
export async function putSheet(deps: Deps, ctx: Ctx, projectId: number, body: SheetInput) {
  const b = sheetInput.parse(body);
  return deps.database.db.transaction(async (tx) => {
    const judge = await theJudge(tx, ctx);
    const [row] = await repo.listProjects(tx, { expertId: judge.id }, { id: projectId });
    if (!row) throw notFound('Innovation project');
    const reasons = (await conflictsOf(tx, judge.id, [row])).get(projectId)!;
    if (reasons.length)
      throw conflict('innovation.judge_conflict', {
        project: row.project.title,
        reasons: reasons.map((r) => r.code),
      });
    const stage = await scoringRepo.findStage(tx, projectId);
    const refusal = sheetRefusal((stage?.stage ?? null) as never);
    if (refusal) throw conflict(refusal.code, { ...refusal.params, project: row.project.title });
    const call = (await repo.findCall(tx, row.project.callId))!;
    const scored = scoreSheet(settingsOf(call).rubric, b.scores);
    if (!scored.ok)
      throw new AppError(
        'VALIDATION_FAILED',
        `scores.${scored.issues[0]!.path}: ${scored.issues[0]!.code}`,
        scored.issues.map((i) => ({ path: `scores.${i.path}`, code: i.code, params: i.params })),
      );
    const before = await scoringRepo.findSheet(tx, projectId, judge.id);
    const values = {
      scores: b.scores,
      score: scored.value.score,
      comment: b.comment,
      submittedAt: deps.now(),
      submittedBy: who(ctx),
    };
    let sheet: scoringRepo.SheetRow | undefined;
    if (before) {
      if (b.version !== before.version) throw versionConflict('The score sheet');
      sheet = await scoringRepo.updateSheet(tx, before.id, before.version, values);
      if (!sheet) throw versionConflict('The score sheet');
    } else sheet = await scoringRepo.insertSheet(tx, { projectId, expertId: judge.id, ...values });
    await recordAudit(deps, tx, ctx, {
      action: 'innovation.score',
      objectType: 'innovation_sheet',
      objectId: sheet.id,
      before: before ? { scores: before.scores, score: before.score, version: before.version } : undefined,
      after: {
        project: projectId,
        expert: judge.id,
        scores: sheet.scores,
        score: sheet.score,
        version: sheet.version,
      },
    });
    return presentSheet(sheet, judge.name);
  });
}
