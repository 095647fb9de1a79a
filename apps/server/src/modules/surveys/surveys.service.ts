import {
  type BallotAnswers,
  type CampaignCreate,
  type CampaignDetail,
  type CampaignProgress,
  type CampaignResult,
  campaignCreate,
  type Question,
  type QuestionnaireDetail,
  questionnaireCreate,
  type RaterChannel,
} from '@jixiao/contracts';
import { type Plan, surveyScores } from '@jixiao/engine';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { Batcher } from '../../platform/batcher.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { limiterPer } from '../../platform/window-limit.js';
import { recordAudit } from '../audit/audit.service.js';
import { planLeaves } from '../plans/plan-leaves.js';
import { planInScope } from '../plans/plans.policy.js';
import * as plansRepo from '../plans/plans.repository.js';
import { ballotCodeHash, newBallotCodes, normaliseBallotCode } from './ballot-codes.js';
import { assertBallotWindow, cachedForm, newResponse, presentBallotForm, type Voter } from './ballot-form.js';
import { type CampaignAction, type CampaignStatus, campaignStep } from './campaign-state.js';
import { collectComments } from './comments.service.js';
import { campaignProgress } from './progress.js';
import { bad, conflict } from './survey-errors.js';
import * as repo from './surveys.repository.js';

/**
 * Satisfaction evaluation (issue 10): questionnaires, campaigns with rater groups, one person one
 * code, the ballot, and scoring a closed campaign into the plan's survey indicator. Office changes
 * are audited in their transaction; ballots are not (so that they stay untraceable).
 */

const who = (ctx: Ctx) => ctx.actor?.username ?? null;

// --- questionnaires -------------------------------------------------------------------------------

async function presentQuestionnaire(db: Executor, q: repo.QuestionnaireRow): Promise<QuestionnaireDetail> {
  return {
    id: q.id,
    familyId: q.familyId ?? q.id,
    versionNo: q.versionNo,
    name: q.name,
    questions: q.questions as Question[],
    frozen: await repo.questionnaireHasBallots(db, q.id),
    createdAt: q.createdAt.toISOString(),
    createdBy: q.createdBy,
  };
}

/** Questionnaires belong to no system: the route's `surveys.manage` is their whole policy. */
function assertSignedIn(ctx: Ctx) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
}

export async function listQuestionnaires(deps: Deps, ctx: Ctx): Promise<QuestionnaireDetail[]> {
  assertSignedIn(ctx);
  const db = deps.database.db;
  return Promise.all((await repo.listQuestionnaires(db)).map((q) => presentQuestionnaire(db, q)));
}

export async function getQuestionnaire(deps: Deps, ctx: Ctx, id: number): Promise<QuestionnaireDetail> {
  assertSignedIn(ctx);
  const q = await repo.findQuestionnaire(deps.database.db, id);
  if (!q) throw notFound('Questionnaire');
  return presentQuestionnaire(deps.database.db, q);
}

/**
 * A new questionnaire, or with `familyOf` the next version of an existing one: versions are never
 * edited in place, so a ballot always shows the questions it was cast on.
 */
export async function saveQuestionnaire(
  deps: Deps,
  ctx: Ctx,
  body: z.input<typeof questionnaireCreate>,
  familyOf?: number,
): Promise<QuestionnaireDetail> {
  assertSignedIn(ctx);
  const parsed = questionnaireCreate.parse(body);
  return deps.database.db.transaction(async (tx) => {
    let familyId: number | null = null;
    let versionNo = 1;
    if (familyOf !== undefined) {
      const prev = await repo.findQuestionnaire(tx, familyOf);
      if (!prev) throw notFound('Questionnaire');
      familyId = prev.familyId ?? prev.id;
      versionNo = await repo.nextVersionNo(tx, familyId);
    }
    const row = await repo.insertQuestionnaire(tx, {
      familyId,
      versionNo,
      name: parsed.name,
      questions: parsed.questions,
      createdAt: deps.now(),
      createdBy: who(ctx),
    });
    if (familyId === null) await repo.setFamily(tx, row.id);
    const out = await presentQuestionnaire(tx, { ...row, familyId: familyId ?? row.id });
    await recordAudit(deps, tx, ctx, {
      action: familyOf === undefined ? 'questionnaire.create' : 'questionnaire.version',
      objectType: 'questionnaire',
      objectId: row.id,
      after: out,
    });
    return out;
  });
}

// --- campaigns ------------------------------------------------------------------------------------

async function presentCampaign(db: Executor, c: repo.CampaignRow): Promise<CampaignDetail> {
  const [groups, counts] = await Promise.all([repo.listGroups(db, c.id), repo.codeCounts(db, c.id)]);
  const countOf = new Map(counts.map((k) => [k.groupId, k]));
  return {
    id: c.id,
    planId: c.planId,
    name: c.name,
    kind: c.kind as CampaignDetail['kind'],
    period: c.period,
    indicator: c.indicator,
    anonymous: c.anonymous,
    method: c.method as CampaignDetail['method'],
    shareFrom: c.shareFrom,
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    status: c.status as CampaignStatus,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    createdBy: c.createdBy,
    scoredAt: c.scoredAt?.toISOString() ?? null,
    scoredBy: c.scoredBy,
    groups: groups.map((g) => ({
      id: g.id,
      code: g.code,
      name: g.name,
      kind: g.kind as CampaignDetail['groups'][number]['kind'],
      weight: g.weight,
      minSample: g.minSample,
      indicator: g.indicator,
      questionnaireId: g.questionnaireId,
      unitIds: g.unitIds,
      channel: g.channel as RaterChannel,
      codesIssued: countOf.get(g.id)?.issued ?? 0,
      codesUsed: countOf.get(g.id)?.used ?? 0,
    })),
  };
}

/** A campaign the caller may see with `p`, and its plan (404 outside the caller's scope). */
async function campaignInScope(db: Executor, ctx: Ctx, id: number, p: 'surveys.read' | 'surveys.manage') {
  const c = await repo.findCampaign(db, id);
  if (!c) throw notFound('Campaign');
  const plan = await planInScope(db, ctx.actor!, c.planId, p);
  return { c, plan };
}

/** Checks what a campaign names against its plan: the period, a satisfaction leaf, units, questionnaires. */
async function checkedCampaign(db: Executor, plan: plansRepo.PlanRow, body: z.output<typeof campaignCreate>) {
  if (!body.period.startsWith(`${plan.year}-`))
    throw bad('period', 'survey.period_not_in_plan', { year: plan.year });
  const leaves = new Map(planLeaves(plan.document as unknown as Plan).map((l) => [l.code, l]));
  const checkIndicator = (path: string, indicator: string) => {
    const leaf = leaves.get(indicator);
    if (!leaf) throw bad(path, 'survey.indicator_unknown', { indicator });
    if (leaf.methodKind !== 'satisfaction') throw bad(path, 'survey.indicator_not_survey', { indicator });
  };
  if (body.indicator) checkIndicator('indicator', body.indicator);
  for (const [i, g] of body.groups.entries()) {
    if (g.indicator) checkIndicator(`groups.${i}.indicator`, g.indicator);
    else if (!body.indicator)
      throw bad(`groups.${i}.indicator`, 'survey.indicator_missing', { group: g.code });
  }
  if (!(Date.parse(body.closesAt) > Date.parse(body.opensAt)))
    throw bad('closesAt', 'survey.close_before_open');
  const units = new Set((await plansRepo.systemUnits(db, plan.systemId)).map((u) => u.id));
  const codes = new Set<string>();
  for (const [i, g] of body.groups.entries()) {
    if (codes.has(g.code)) throw bad(`groups.${i}.code`, 'survey.group_duplicate', { group: g.code });
    codes.add(g.code);
    const stranger = g.unitIds.find((u) => !units.has(u));
    if (stranger !== undefined)
      throw bad(`groups.${i}.unitIds`, 'survey.unit_not_in_plan', { unitId: stranger });
    if (!(await repo.findQuestionnaire(db, g.questionnaireId)))
      throw bad(`groups.${i}.questionnaireId`, 'survey.questionnaire_unknown', { id: g.questionnaireId });
  }
}

const campaignValues = (body: z.output<typeof campaignCreate>) => ({
  name: body.name,
  kind: body.kind,
  period: body.period,
  indicator: body.indicator,
  anonymous: body.anonymous,
  method: body.method,
  shareFrom: body.shareFrom,
  opensAt: new Date(body.opensAt),
  closesAt: new Date(body.closesAt),
});

export async function listCampaigns(deps: Deps, ctx: Ctx, planId: number): Promise<CampaignDetail[]> {
  const db = deps.database.db;
  await planInScope(db, ctx.actor!, planId, 'surveys.read');
  return Promise.all((await repo.listCampaigns(db, planId)).map((c) => presentCampaign(db, c)));
}

export async function getCampaign(deps: Deps, ctx: Ctx, id: number): Promise<CampaignDetail> {
  const { c } = await campaignInScope(deps.database.db, ctx, id, 'surveys.read');
  return presentCampaign(deps.database.db, c);
}

export async function createCampaign(deps: Deps, ctx: Ctx, input: CampaignCreate): Promise<CampaignDetail> {
  const body = campaignCreate.parse(input);
  return deps.database.db.transaction(async (tx) => {
    const plan = await planInScope(tx, ctx.actor!, body.planId, 'surveys.manage');
    await checkedCampaign(tx, plan, body);
    const row = await repo.insertCampaign(tx, {
      planId: plan.id,
      ...campaignValues(body),
      createdAt: deps.now(),
      createdBy: who(ctx),
    });
    await repo.replaceGroups(tx, row.id, body.groups);
    const out = await presentCampaign(tx, row);
    await recordAudit(deps, tx, ctx, {
      action: 'campaign.create',
      objectType: 'survey_campaign',
      objectId: row.id,
      after: out,
    });
    return out;
  });
}

/** Changes a draft campaign (its groups replaced as a whole); optimistic version. */
export async function updateCampaign(
  deps: Deps,
  ctx: Ctx,
  id: number,
  input: Omit<CampaignCreate, 'planId'> & { version: number },
): Promise<CampaignDetail> {
  return deps.database.db.transaction(async (tx) => {
    const { c, plan } = await campaignInScope(tx, ctx, id, 'surveys.manage');
    const { version, ...fields } = input;
    const body = campaignCreate.parse({ ...fields, planId: c.planId });
    const step = campaignStep(c.status as CampaignStatus, 'edit');
    if (!step.ok) throw conflict(step.code, step.params);
    await checkedCampaign(tx, plan, body);
    const before = await presentCampaign(tx, c);
    const row = await repo.updateCampaign(tx, id, version, campaignValues(body));
    if (!row) throw versionConflict('Campaign');
    await repo.replaceGroups(tx, id, body.groups);
    const out = await presentCampaign(tx, row);
    await recordAudit(deps, tx, ctx, {
      action: 'campaign.update',
      objectType: 'survey_campaign',
      objectId: id,
      before,
      after: out,
    });
    return out;
  });
}

/** open, close, reopen or score (W11): each step audited; scoring writes the campaign's results. */
export async function actOnCampaign(
  deps: Deps,
  ctx: Ctx,
  id: number,
  body: { action: Exclude<CampaignAction, 'edit'>; version: number },
): Promise<CampaignDetail> {
  return deps.database.db.transaction(async (tx) => {
    const { c } = await campaignInScope(tx, ctx, id, 'surveys.manage');
    const step = campaignStep(c.status as CampaignStatus, body.action);
    if (!step.ok) throw conflict(step.code, step.params);
    const now = deps.now();
    const scoring = body.action === 'score';
    // Open text becomes comments when ballots stop (and again at scoring, for late paper batches).
    if (body.action === 'close' || scoring) await collectComments(deps, tx, c.id);
    if (scoring) await scoreCampaign(tx, c);
    const row = await repo.updateCampaign(tx, id, body.version, {
      status: step.to,
      ...(scoring ? { scoredAt: now, scoredBy: who(ctx) } : {}),
    });
    if (!row) throw versionConflict('Campaign');
    const out = await presentCampaign(tx, row);
    await recordAudit(deps, tx, ctx, {
      action: `campaign.${body.action}`,
      objectType: 'survey_campaign',
      objectId: id,
      before: { status: c.status },
      after: { status: row.status, ...(scoring ? { results: await repo.resultsOf(tx, id) } : {}) },
    });
    return out;
  });
}

/** Every ballot of the campaign through the engine's survey rule (S12) into one value per unit and indicator (also used by the demo seed). */
export async function scoreCampaign(tx: Executor, c: repo.CampaignRow): Promise<void> {
  const groups = await repo.listGroups(tx, c.id);
  const unitIds = [...new Set(groups.flatMap((g) => g.unitIds))];
  const units = await repo.unitsByIds(tx, unitIds);
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const idOf = new Map(units.map((u) => [u.code, u.id]));
  const groupCode = new Map(groups.map((g) => [g.id, g.code]));
  const ballots = (await repo.responsesOf(tx, c.id)).flatMap((r) =>
    Object.entries(r.scores).flatMap(([unitId, score]) => {
      const unit = codeOf.get(Number(unitId));
      return unit ? [{ group: groupCode.get(r.groupId)!, unit, score }] : [];
    }),
  );
  // Each indicator is scored from its own groups: a group's own, or the campaign's for the rest.
  const byIndicator = new Map<string, typeof groups>();
  for (const g of groups) {
    const indicator = g.indicator ?? c.indicator!;
    byIndicator.set(indicator, [...(byIndicator.get(indicator) ?? []), g]);
  }
  const rows = [...byIndicator].flatMap(([indicator, own]) => {
    const codes = new Set(own.map((g) => g.code));
    const scored = surveyScores(
      {
        method: c.method as 'mean' | 'share',
        shareFrom: c.shareFrom,
        groups: own.map((g) => ({
          code: g.code,
          weight: g.weight,
          minSample: g.minSample,
          units: g.unitIds.flatMap((u) => (codeOf.has(u) ? [codeOf.get(u)!] : [])),
        })),
      },
      ballots.filter((b) => codes.has(b.group)),
    );
    return scored.map((u) => ({
      indicator,
      unitId: idOf.get(u.unit)!,
      value: u.value,
      n: u.n,
      missing: u.missing,
      groups: u.groups,
    }));
  });
  await repo.replaceResults(tx, c.id, rows);
}

export async function campaignResults(deps: Deps, ctx: Ctx, id: number): Promise<CampaignResult[]> {
  const db = deps.database.db;
  await campaignInScope(db, ctx, id, 'surveys.read');
  return (await repo.resultsOf(db, id)).map(({ result, unitCode, unitName }) => ({
    indicator: result.indicator,
    unitId: result.unitId,
    unitCode,
    unitName,
    value: result.value,
    n: result.n,
    missing: result.missing as 'below_sample' | 'no_ballots' | null,
    groups: result.groups as CampaignResult['groups'],
  }));
}

// --- one person, one code -------------------------------------------------------------------------

/**
 * New codes for a rater group, returned once (only their hashes are kept): per unit of the group
 * (each ballot then rates that unit) or for the group (its questionnaire's matrix rates the units).
 */
export async function issueCodes(
  deps: Deps,
  ctx: Ctx,
  campaignId: number,
  body: { groupId: number; perUnit: boolean; count: number },
) {
  return deps.database.db.transaction(async (tx) => {
    const { c } = await campaignInScope(tx, ctx, campaignId, 'surveys.manage');
    if (c.status !== 'draft' && c.status !== 'open')
      throw conflict('survey.campaign_state', { status: c.status, action: 'codes' });
    const group = (await repo.listGroups(tx, c.id)).find((g) => g.id === body.groupId);
    if (!group) throw bad('groupId', 'survey.group_unknown', { id: body.groupId });
    if (group.channel !== 'code') throw bad('groupId', 'survey.group_not_code', { channel: group.channel });
    const targets = body.perUnit ? group.unitIds : [null];
    const total = body.count * targets.length;
    if (total > 20_000) throw bad('count', 'survey.too_many_codes', { max: 20_000, total });
    const batch = await repo.nextCodeBatch(tx, group.id);
    // Codes come out in blocks of `count` per target unit; only their hashes are stored.
    const rows = newBallotCodes(total).map((code, i) => ({
      code,
      unitId: targets[Math.floor(i / body.count)] ?? null,
    }));
    const common = { campaignId: c.id, groupId: group.id, batch, createdAt: deps.now() };
    await repo.insertCodes(
      tx,
      rows.map(({ code, unitId }) => ({
        ...common,
        unitId,
        codeHash: ballotCodeHash(normaliseBallotCode(code)!),
      })),
    );
    await recordAudit(deps, tx, ctx, {
      action: 'campaign.codes',
      objectType: 'survey_campaign',
      objectId: c.id,
      after: { group: group.code, batch, count: rows.length, perUnit: body.perUnit },
    });
    return { batch, codes: rows };
  });
}

// --- the ballot (public) --------------------------------------------------------------------------

/**
 * Ballots cast in the same moment are stored together, one statement for the lot (a city-wide poll
 * shares its commits). A code that comes twice in one lot is tried again in the next, where the
 * first has used it.
 */
const writers = new WeakMap<Deps, Batcher<Ballot, boolean>>();
type Ballot = { codeHash: string; response: repo.NewResponse };
function ballotWriter(deps: Deps): Batcher<Ballot, boolean> {
  let w = writers.get(deps);
  if (!w) {
    const write = async (ballots: Ballot[]): Promise<boolean[]> => {
      const first = ballots.filter((b, i) => ballots.findIndex((x) => x.codeHash === b.codeHash) === i);
      const stored = new Map(
        (await repo.consumeCodesAndStore(deps.database.db, first)).map((ok, i) => [first[i]!, ok]),
      );
      const again = ballots.filter((b) => !stored.has(b));
      const later = again.length ? await write(again) : [];
      return ballots.map((b) => stored.get(b) ?? later[again.indexOf(b)]!);
    };
    w = new Batcher(write);
    writers.set(deps, w);
  }
  return w;
}

/** Codes looked up in the same moment are read together (one query for the lot). */
const readers = new WeakMap<Deps, Batcher<string, CodeRow | undefined>>();
type CodeRow = Awaited<ReturnType<typeof repo.findCodes>>[number];
function codeReader(deps: Deps): Batcher<string, CodeRow | undefined> {
  let r = readers.get(deps);
  if (!r) {
    r = new Batcher(async (hashes) => {
      const rows = new Map(
        (await repo.findCodes(deps.database.db, [...new Set(hashes)])).map((c) => [c.codeHash, c]),
      );
      return hashes.map((h) => rows.get(h));
    });
    readers.set(deps, r);
  }
  return r;
}

/** Wrong codes per address: 20 in 10 minutes, then 429 (valid codes are never throttled). */
const guessing = limiterPer<Deps>(20, 10 * 60_000);

/** The code's campaign and its ballot form, checked for use and time; one error per reason. */
async function codeContext(deps: Deps, db: Executor, typed: string, ip: string) {
  const limiter = guessing(deps);
  const now = deps.now().getTime();
  if (limiter.blocked(ip, now))
    throw new AppError('RATE_LIMITED', 'survey.code_attempts', { code: 'survey.code_attempts', params: {} });
  const normalised = normaliseBallotCode(typed);
  const hash = normalised ? ballotCodeHash(normalised) : '';
  const code = normalised ? await codeReader(deps).push(hash) : undefined;
  if (!code) {
    limiter.record(ip, now);
    throw new AppError('NOT_FOUND', 'survey.code_unknown', [
      { path: 'code', code: 'survey.code_unknown', params: {} },
    ]);
  }
  if (code.used) throw conflict('survey.code_used');
  const c = code.campaign;
  assertBallotWindow(c, deps.now());
  return { hash, ...(await cachedForm(deps, db, c, code.groupId, code.unitId)) };
}

export async function openBallot(deps: Deps, code: string, ip: string) {
  return presentBallotForm(await codeContext(deps, deps.database.db, code, ip));
}

/**
 * Casts a ballot: checked against its questionnaire, then the code is used and the ballot stored in
 * one statement, so a code counts exactly once however many submit it at the same moment.
 */
export async function castBallot(
  deps: Deps,
  body: { code: string; answers: BallotAnswers; voter?: Voter | undefined },
  ip: string,
): Promise<{ ok: true }> {
  const db = deps.database.db;
  const k = await codeContext(deps, db, body.code, ip);
  const stored = await ballotWriter(deps).push({ codeHash: k.hash, response: newResponse(deps, k, body) });
  if (!stored) throw conflict('survey.code_used');
  return { ok: true };
}

/** Ballots per group and unit against the minimum sample, with the units that will miss it (point 9). */
export async function progressOf(deps: Deps, ctx: Ctx, id: number): Promise<CampaignProgress> {
  const db = deps.database.db;
  const { c } = await campaignInScope(db, ctx, id, 'surveys.read');
  const [groups, counts, responses] = await Promise.all([
    repo.listGroups(db, id),
    repo.ballotCounts(db, id),
    repo.responsesOf(db, id),
  ]);
  const units = await repo.unitsByIds(db, [...new Set(groups.flatMap((g) => g.unitIds))]);
  const unitOf = new Map(units.map((u) => [u.id, u]));
  const groupOf = new Map(groups.map((g) => [g.id, g]));
  const cellCounts = new Map(counts.map((k) => [`${groupOf.get(k.groupId)?.code}|${k.unitId}`, k.n]));
  const cells = campaignProgress(
    groups.map((g) => ({ code: g.code, minSample: g.minSample, units: g.unitIds.map(String) })),
    cellCounts,
    c,
    deps.now(),
  );
  const nameOf = new Map(groups.map((g) => [g.code, g.name]));
  return {
    campaignId: id,
    ballots: responses.length,
    cells: cells.flatMap((cell) => {
      const u = unitOf.get(Number(cell.unit));
      if (!u) return [];
      return [
        { ...cell, groupName: nameOf.get(cell.group)!, unitId: u.id, unitCode: u.code, unitName: u.name },
      ];
    }),
  };
}
