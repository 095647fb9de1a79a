import type { BallotAnswers, PaperBatch, PaperBatchDetail, paperBatchCreate } from '@jixiao/contracts';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { readTableRows } from '../imports/data-file.js';
import { planInScope } from '../plans/plans.policy.js';
import { type BallotForm, ballotFormOf, beijingDay, scoreAnswers } from './ballot-form.js';
import * as repo from './paper.repository.js';
import { finalAnswers, isMismatch, sheetsOfRows } from './paper-sheets.js';
import { bad, conflict } from './survey-errors.js';
import * as surveysRepo from './surveys.repository.js';

/**
 * Paper questionnaires (Z3): surveyors enter the sheets of a survey point as a batch, by keyboard
 * or from a spreadsheet; with double entry a second surveyor types every sheet again and the
 * batch counts only when both agree or each difference is resolved. Counting stores each sheet as
 * a ballot of the rater group (channel 'paper': random id, a day), in one transaction.
 */

const who = (ctx: Ctx) => ctx.actor?.username ?? null;
/** Sheets are entered while the campaign is open or closed, before it is scored. */
const ENTERABLE = new Set(['open', 'closed']);

async function campaignForEntry(db: Executor, ctx: Ctx, campaignId: number) {
  const c = await surveysRepo.findCampaign(db, campaignId);
  if (!c) throw notFound('Campaign');
  await planInScope(db, ctx.actor!, c.planId, 'surveys.enter');
  return c;
}

/** The batch, its campaign, group and form, checked against the caller's scope. */
async function batchInScope(db: Executor, ctx: Ctx, id: number) {
  const b = await repo.findBatch(db, id);
  if (!b) throw notFound('Paper batch');
  const c = await campaignForEntry(db, ctx, b.campaignId);
  const group = (await surveysRepo.findGroup(db, b.groupId))!;
  const form = await ballotFormOf(db, c, group, b.unitId);
  return { b, form };
}

/** Runs a change of a batch in one transaction, once the batch is in scope and still takes sheets. */
function whileEntering<T>(
  deps: Deps,
  ctx: Ctx,
  id: number,
  change: (tx: Executor, k: Awaited<ReturnType<typeof batchInScope>>) => Promise<T>,
): Promise<T> {
  return deps.database.db.transaction(async (tx) => {
    const k = await batchInScope(tx, ctx, id);
    if (k.b.status !== 'entering') throw conflict('paper.batch_counted');
    const status = k.form.c.status;
    if (!ENTERABLE.has(status)) throw conflict('survey.campaign_state', { status, action: 'paper' });
    return change(tx, k);
  });
}

function summary(b: repo.PaperBatchRow, form: BallotForm, sheets: repo.PaperSheetRow[]): PaperBatch {
  return {
    id: b.id,
    campaignId: b.campaignId,
    campaignName: form.c.name,
    groupId: b.groupId,
    groupName: form.group.name,
    unit: form.unit ? { id: form.unit.id, code: form.unit.code, name: form.unit.name } : null,
    surveyPoint: b.surveyPoint,
    doubleEntry: b.doubleEntry,
    status: b.status as PaperBatch['status'],
    version: b.version,
    createdAt: b.createdAt.toISOString(),
    createdBy: b.createdBy,
    countedAt: b.countedAt?.toISOString() ?? null,
    countedBy: b.countedBy,
    sheets: sheets.length,
    mismatches: sheets.filter((s) => isMismatch(entries(s))).length,
  };
}

const entries = (s: repo.PaperSheetRow) => ({
  first: s.first as BallotAnswers | null,
  second: s.second as BallotAnswers | null,
  resolved: s.resolved as BallotAnswers | null,
});

async function detail(db: Executor, b: repo.PaperBatchRow, form: BallotForm): Promise<PaperBatchDetail> {
  const sheets = await repo.sheetsOf(db, [b.id]);
  return {
    ...summary(b, form, sheets),
    questions: form.questions,
    sheetList: sheets.map((s) => ({
      seq: s.seq,
      ...entries(s),
      firstBy: s.firstBy,
      secondBy: s.secondBy,
      resolvedBy: s.resolvedBy,
      mismatch: isMismatch(entries(s)),
    })),
  };
}

/** Campaigns a surveyor can enter paper sheets for, with their paper groups and units. */
export async function paperCampaigns(deps: Deps, ctx: Ctx) {
  const db = deps.database.db;
  const out = [];
  for (const { campaign: c } of await repo.paperCampaigns(db)) {
    try {
      await planInScope(db, ctx.actor!, c.planId, 'surveys.enter');
    } catch {
      continue; // another system's campaign
    }
    const groups = (await surveysRepo.listGroups(db, c.id)).filter((g) => g.channel === 'paper');
    out.push({
      id: c.id,
      name: c.name,
      status: c.status as 'open' | 'closed',
      closesAt: c.closesAt.toISOString(),
      groups: await Promise.all(
        groups.map(async (g) => ({
          id: g.id,
          name: g.name,
          units: await surveysRepo.unitsByIds(db, g.unitIds),
        })),
      ),
    });
  }
  return out;
}

export async function listBatches(deps: Deps, ctx: Ctx, campaignId: number): Promise<PaperBatch[]> {
  const db = deps.database.db;
  const c = await campaignForEntry(db, ctx, campaignId);
  const batches = await repo.batchesOf(db, c.id);
  const sheets = await repo.sheetsOf(
    db,
    batches.map((b) => b.id),
  );
  const groups = new Map((await surveysRepo.listGroups(db, c.id)).map((g) => [g.id, g]));
  const units = new Map(
    (
      await surveysRepo.unitsByIds(db, [...new Set(batches.flatMap((b) => (b.unitId ? [b.unitId] : [])))])
    ).map((u) => [u.id, u]),
  );
  return batches.map((b) =>
    summary(
      b,
      {
        c,
        group: groups.get(b.groupId)!,
        unit: b.unitId ? (units.get(b.unitId) ?? null) : null,
      } as BallotForm,
      sheets.filter((s) => s.batchId === b.id),
    ),
  );
}

export async function getBatch(deps: Deps, ctx: Ctx, id: number): Promise<PaperBatchDetail> {
  const { b, form } = await batchInScope(deps.database.db, ctx, id);
  return detail(deps.database.db, b, form);
}

export async function createBatch(
  deps: Deps,
  ctx: Ctx,
  body: z.output<typeof paperBatchCreate>,
): Promise<PaperBatchDetail> {
  return deps.database.db.transaction(async (tx) => {
    const c = await campaignForEntry(tx, ctx, body.campaignId);
    if (!ENTERABLE.has(c.status))
      throw conflict('survey.campaign_state', { status: c.status, action: 'paper' });
    const group = await surveysRepo.findGroup(tx, body.groupId);
    if (!group || group.campaignId !== c.id)
      throw bad('groupId', 'survey.group_unknown', { id: body.groupId });
    if (group.channel !== 'paper') throw bad('groupId', 'paper.group_not_paper', { channel: group.channel });
    if (body.unitId !== null && !group.unitIds.includes(body.unitId))
      throw bad('unitId', 'paper.unit_not_in_group', { unitId: body.unitId });
    const b = await repo.insertBatch(tx, { ...body, createdAt: deps.now(), createdBy: who(ctx) });
    await recordAudit(deps, tx, ctx, {
      action: 'paper.create',
      objectType: 'paper_batch',
      objectId: b.id,
      after: b,
    });
    return detail(tx, b, await ballotFormOf(tx, c, group, b.unitId));
  });
}

/** Checks one entry of a sheet like a ballot; a second entry must come from another surveyor. */
async function checkedEntry(
  tx: Executor,
  ctx: Ctx,
  k: { b: repo.PaperBatchRow; form: BallotForm },
  seq: number,
  pass: 'first' | 'second',
  answers: BallotAnswers,
  path = 'answers',
) {
  if (pass === 'second' && !k.b.doubleEntry) throw bad('pass', 'paper.no_double_entry');
  scoreAnswers(k.form, answers, path);
  const sheet = await repo.findSheet(tx, k.b.id, seq);
  const other = pass === 'first' ? sheet?.secondBy : sheet?.firstBy;
  if (other && other === who(ctx)) throw bad('pass', 'paper.same_surveyor', { seq });
}

export async function putSheet(
  deps: Deps,
  ctx: Ctx,
  id: number,
  seq: number,
  body: { pass: 'first' | 'second'; answers: BallotAnswers },
): Promise<PaperBatchDetail> {
  return whileEntering(deps, ctx, id, async (tx, k) => {
    await checkedEntry(tx, ctx, k, seq, body.pass, body.answers);
    await repo.putSheet(tx, id, seq, body.pass, body.answers, who(ctx));
    await recordAudit(deps, tx, ctx, {
      action: `paper.${body.pass}`,
      objectType: 'paper_batch',
      objectId: id,
      after: { seq, answers: body.answers },
    });
    return detail(tx, k.b, k.form);
  });
}

/** Decides a double-entry difference: the answers as they stand on the paper sheet. */
export async function resolveSheet(
  deps: Deps,
  ctx: Ctx,
  id: number,
  seq: number,
  answers: BallotAnswers,
): Promise<PaperBatchDetail> {
  return whileEntering(deps, ctx, id, async (tx, k) => {
    const sheet = await repo.findSheet(tx, id, seq);
    if (!sheet || !isMismatch(entries(sheet))) throw conflict('paper.no_mismatch', { seq });
    scoreAnswers(k.form, answers);
    await repo.resolveSheet(tx, id, seq, answers, who(ctx));
    await recordAudit(deps, tx, ctx, {
      action: 'paper.resolve',
      objectType: 'paper_batch',
      objectId: id,
      before: { seq, first: sheet.first, second: sheet.second },
      after: { seq, answers },
    });
    return detail(tx, k.b, k.form);
  });
}

/** Sheets from a CSV or .xlsx, all or nothing: any problem names its line and column and writes nothing. */
export async function importSheets(
  deps: Deps,
  ctx: Ctx,
  id: number,
  pass: 'first' | 'second',
  file: Uint8Array,
): Promise<PaperBatchDetail> {
  return whileEntering(deps, ctx, id, async (tx, k) => {
    const rows = await readTableRows(file);
    if (!rows) throw bad('file', 'paper.unreadable_file');
    const { sheets, problems } = sheetsOfRows(rows, k.form.questions);
    const lineProblems: { path: string; code: string; params: Record<string, unknown> }[] = problems.map(
      (p) => ({
        path: `file.${p.line}.${p.column}`,
        code: p.code,
        params: { ...p.params, line: p.line },
      }),
    );
    if (!sheets.length && !lineProblems.length) throw bad('file', 'paper.no_sheets');
    for (const s of sheets) {
      if (lineProblems.some((p) => p.params.line === s.line)) continue;
      try {
        await checkedEntry(tx, ctx, k, s.seq, pass, s.answers, `file.${s.line}`);
      } catch (e) {
        if (!(e instanceof AppError) || !Array.isArray(e.details)) throw e;
        for (const d of e.details as { path: string; code: string; params: Record<string, unknown> }[])
          lineProblems.push({ ...d, params: { ...d.params, line: s.line } });
      }
    }
    if (lineProblems.length)
      throw new AppError('VALIDATION_FAILED', `${lineProblems.length} problem(s) in the file`, lineProblems);
    for (const s of sheets) await repo.putSheet(tx, id, s.seq, pass, s.answers, who(ctx));
    await recordAudit(deps, tx, ctx, {
      action: `paper.import_${pass}`,
      objectType: 'paper_batch',
      objectId: id,
      after: { sheets: sheets.length, seqs: sheets.map((s) => s.seq) },
    });
    return detail(tx, k.b, k.form);
  });
}

/** Counts a batch: every sheet ready (entered, and agreed or resolved under double entry) becomes a ballot. */
export async function countBatch(
  deps: Deps,
  ctx: Ctx,
  id: number,
  version: number,
): Promise<PaperBatchDetail> {
  return whileEntering(deps, ctx, id, async (tx, k) => {
    const sheets = await repo.sheetsOf(tx, [id]);
    if (!sheets.length) throw conflict('paper.not_ready', { sheets: 0, missing: 0, mismatches: 0 });
    const finals = sheets.map((s) => finalAnswers(entries(s), k.b.doubleEntry));
    const missing = sheets.filter((s, i) => finals[i] === null && !isMismatch(entries(s))).length;
    const mismatches = sheets.filter((s) => isMismatch(entries(s))).length;
    if (missing || mismatches)
      throw conflict('paper.not_ready', { sheets: sheets.length, missing, mismatches });
    const day = beijingDay(deps.now());
    await surveysRepo.insertResponses(
      tx,
      finals.map((answers) => ({
        id: crypto.randomUUID(),
        campaignId: k.b.campaignId,
        groupId: k.b.groupId,
        unitId: k.b.unitId,
        day,
        channel: 'paper',
        answers: answers!,
        scores: scoreAnswers(k.form, answers!),
      })),
    );
    const row = await repo.updateBatch(tx, id, version, {
      status: 'counted',
      countedAt: deps.now(),
      countedBy: who(ctx),
    });
    if (!row) throw versionConflict('Paper batch');
    await recordAudit(deps, tx, ctx, {
      action: 'paper.count',
      objectType: 'paper_batch',
      objectId: id,
      before: { status: 'entering' },
      after: { status: 'counted', ballots: finals.length },
    });
    return detail(tx, row, k.form);
  });
}
