import type { commentAct, commentCreate, commentQuery, SurveyComment } from '@jixiao/contracts';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { hasPermission, inScope, orgScope, type Permission } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { type Download, XLSX } from '../../platform/download.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { tableWorkbook } from '../../platform/xlsx-table.js';
import { recordAudit } from '../audit/audit.service.js';
import { ballotTexts, type CommentStatus, classifyComment, commentStep } from './comment-rules.js';
import * as repo from './comments.repository.js';
import { conflict } from './survey-errors.js';
import * as surveysRepo from './surveys.repository.js';

/**
 * Comments (意见建议, H9): open-text answers collected from a campaign's ballots when it closes (no
 * link to the ballot beyond the campaign and the unit, in random order), and observations the
 * office records; classified to a unit and a topic by keyword rules with a manual override;
 * dispatched to the unit, answered with its improvement measure, closed or returned by the office.
 */

const who = (ctx: Ctx) => ctx.actor?.username ?? null;
type Row = Awaited<ReturnType<typeof repo.listComments>>[number];

const present = (r: Row): SurveyComment => ({
  id: r.comment.id,
  campaignId: r.comment.campaignId,
  campaignName: r.campaignName,
  unit: r.comment.unitId && r.unitCode ? { id: r.comment.unitId, code: r.unitCode, name: r.unitName! } : null,
  topic: r.comment.topic,
  classifiedBy: r.comment.classifiedBy as SurveyComment['classifiedBy'],
  source: r.comment.source as SurveyComment['source'],
  text: r.comment.text,
  status: r.comment.status as CommentStatus,
  answer: r.comment.answer,
  answeredAt: r.comment.answeredAt?.toISOString() ?? null,
  answeredBy: r.comment.answeredBy,
  officeNote: r.comment.officeNote,
  version: r.comment.version,
  createdAt: r.comment.createdAt.toISOString(),
});

/** The office sees every comment in its scope; a unit only those dispatched to it (and its subtree). */
function visible(ctx: Ctx, r: Row, p: Permission): boolean {
  const scope = orgScope(ctx.actor!, p);
  if (scope.all) return p === 'surveys.manage' || r.comment.status !== 'new';
  if (!r.unitPath || (p === 'comments.answer' && r.comment.status === 'new')) return false;
  return inScope(scope, { path: r.unitPath, systemIds: [] });
}

/** Whose view the caller has: the office's (surveys.manage) or a unit's (comments.answer). */
const mode = (ctx: Ctx): Permission =>
  hasPermission(ctx.actor!, 'surveys.manage') ? 'surveys.manage' : 'comments.answer';

export async function listComments(
  deps: Deps,
  ctx: Ctx,
  q: z.output<typeof commentQuery>,
): Promise<SurveyComment[]> {
  if (!hasPermission(ctx.actor!, 'surveys.manage') && !hasPermission(ctx.actor!, 'comments.answer'))
    throw new AppError('FORBIDDEN', 'Comments are for the office and the units they are sent to');
  const p = mode(ctx);
  return (await repo.listComments(deps.database.db, q)).filter((r) => visible(ctx, r, p)).map(present);
}

async function commentInScope(db: Executor, ctx: Ctx, id: number, p: Permission) {
  const r = await repo.findComment(db, id);
  if (!r || !visible(ctx, r, p)) throw notFound('Comment');
  return r;
}

/** The topic rules and the units a campaign's comments may name. */
async function classifier(db: Executor) {
  const rules = await repo.topics(db);
  return (text: string, units: { id: number; name: string }[]) => classifyComment(text, rules, units);
}

/**
 * Copies the open text of a campaign's ballots not taken yet into comments (at close): shuffled,
 * with the ballot's rated unit or the unit the text names, and nothing that leads back to the ballot.
 */
export async function collectComments(deps: Deps, tx: Executor, campaignId: number): Promise<number> {
  const groups = await surveysRepo.listGroups(tx, campaignId);
  const textIds = new Map<number, string[]>();
  for (const g of groups) {
    const q = (await surveysRepo.findQuestionnaire(tx, g.questionnaireId))!;
    textIds.set(
      g.id,
      (q.questions as { id: string; type: string }[]).filter((x) => x.type === 'text').map((x) => x.id),
    );
  }
  const units = await surveysRepo.unitsByIds(tx, [...new Set(groups.flatMap((g) => g.unitIds))]);
  const classify = await classifier(tx);
  const rows = (await repo.takeBallotTexts(tx, campaignId)).flatMap((b) =>
    ballotTexts(b.answers as Record<string, unknown>, textIds.get(b.groupId) ?? []).map((text) => {
      const c = classify(text, units);
      return {
        campaignId,
        unitId: b.unitId ?? c.unitId,
        topic: c.topic,
        source: b.channel,
        text,
        createdAt: deps.now(),
      };
    }),
  );
  // Random order, so that comment ids do not follow the order the ballots were stored in.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = crypto.getRandomValues(new Uint32Array(1))[0]! % (i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  await repo.insertComments(tx, rows);
  return rows.length;
}

/** An observation the office records (a hotline call, an inspection, a letter). */
export async function createComment(
  deps: Deps,
  ctx: Ctx,
  body: z.output<typeof commentCreate>,
): Promise<SurveyComment> {
  return deps.database.db.transaction(async (tx) => {
    const classify = await classifier(tx);
    const auto = classify(body.text, []);
    const [row] = await repo.insertComments(tx, [
      {
        campaignId: body.campaignId,
        unitId: body.unitId,
        topic: body.topic ?? auto.topic,
        classifiedBy: body.topic || body.unitId ? 'manual' : 'rule',
        source: 'observation',
        text: body.text,
        createdAt: deps.now(),
      },
    ]);
    await recordAudit(deps, tx, ctx, {
      action: 'comment.create',
      objectType: 'survey_comment',
      objectId: row!.id,
      after: row,
    });
    return present((await repo.findComment(tx, row!.id))!);
  });
}

/** One step of a comment: the office classifies, dispatches, closes or returns; the unit answers. */
export async function actOnComment(
  deps: Deps,
  ctx: Ctx,
  id: number,
  body: z.output<typeof commentAct>,
): Promise<SurveyComment> {
  return deps.database.db.transaction(async (tx) => {
    const unitStep = body.action === 'answer';
    if (!hasPermission(ctx.actor!, unitStep ? 'comments.answer' : 'surveys.manage'))
      throw new AppError('FORBIDDEN', unitStep ? 'The unit answers' : 'The office takes this step');
    const r = await commentInScope(tx, ctx, id, unitStep ? 'comments.answer' : 'surveys.manage');
    if (!unitStep && mode(ctx) !== 'surveys.manage')
      throw new AppError('FORBIDDEN', 'The office takes this step');
    const step = commentStep(r.comment.status as CommentStatus, body.action);
    if (!step.ok) throw conflict(step.code, step.params);
    if (body.action === 'dispatch' && !r.comment.unitId) throw conflict('comment.no_unit');
    const now = deps.now();
    const patch =
      body.action === 'classify'
        ? { unitId: body.unitId, topic: body.topic, classifiedBy: 'manual' }
        : body.action === 'answer'
          ? { answer: body.answer, answeredAt: now, answeredBy: who(ctx) }
          : body.action === 'close' || body.action === 'return'
            ? { officeNote: body.note ?? r.comment.officeNote }
            : {};
    const row = await repo.updateComment(tx, id, body.version, { ...patch, status: step.to });
    if (!row) throw versionConflict('Comment');
    await recordAudit(deps, tx, ctx, {
      action: `comment.${body.action}`,
      objectType: 'survey_comment',
      objectId: id,
      before: { status: r.comment.status, unitId: r.comment.unitId, topic: r.comment.topic },
      after: { status: row.status, ...patch },
    });
    return present((await repo.findComment(tx, id))!);
  });
}

/** Counts per unit and topic, with how many are still open (not closed). */
export async function commentStats(deps: Deps, ctx: Ctx, campaignId: number | undefined) {
  const list = await listComments(deps, ctx, { campaignId });
  const cells = new Map<
    string,
    { unitId: number | null; unitName: string | null; topic: string | null; total: number; open: number }
  >();
  for (const c of list) {
    const key = `${c.unit?.id ?? ''}|${c.topic ?? ''}`;
    const cell = cells.get(key) ?? {
      unitId: c.unit?.id ?? null,
      unitName: c.unit?.name ?? null,
      topic: c.topic,
      total: 0,
      open: 0,
    };
    cell.total += 1;
    if (c.status !== 'closed') cell.open += 1;
    cells.set(key, cell);
  }
  return [...cells.values()].sort((a, b) => b.total - a.total);
}

/** The list as shown, as an .xlsx workbook (headers in Chinese as on the page). */
export async function exportComments(
  deps: Deps,
  ctx: Ctx,
  q: z.output<typeof commentQuery>,
): Promise<Download> {
  const list = await listComments(deps, ctx, q);
  const topicName = new Map((await repo.topics(deps.database.db)).map((t) => [t.code, t.name]));
  const status = {
    new: '待分类',
    dispatched: '已交办',
    answered: '已反馈',
    returned: '已退回',
    closed: '已办结',
  };
  const source = { code: '一人一号', poll: '网上民调', paper: '纸质问卷', observation: '观察员/来信' };
  const data = await tableWorkbook(
    '意见建议',
    [
      '编号',
      '评议活动',
      '单位',
      '类别',
      '来源',
      '意见内容',
      '状态',
      '整改反馈',
      '反馈人',
      '绩效办意见',
      '收集时间',
    ],
    list.map((c) => [
      c.id,
      c.campaignName,
      c.unit?.name ?? null,
      c.topic ? (topicName.get(c.topic) ?? c.topic) : null,
      source[c.source],
      c.text,
      status[c.status],
      c.answer,
      c.answeredBy,
      c.officeNote,
      c.createdAt.slice(0, 10),
    ]),
  );
  return { fileName: '意见建议.xlsx', asciiName: 'comments.xlsx', contentType: XLSX, data };
}

export const listTopics = (deps: Deps) => repo.topics(deps.database.db);

export async function saveTopics(
  deps: Deps,
  ctx: Ctx,
  list: { code: string; name: string; keywords: string[] }[],
) {
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.topics(tx);
    await repo.replaceTopics(tx, list);
    await recordAudit(deps, tx, ctx, {
      action: 'comment.topics',
      objectType: 'comment_topic',
      objectId: null,
      before,
      after: list,
    });
    return repo.topics(tx);
  });
}
