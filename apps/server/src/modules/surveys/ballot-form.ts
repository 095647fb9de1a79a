import { randomUUID } from 'node:crypto';
import {
  type BallotAnswers,
  ballotScore,
  checkBallot,
  type Question,
  resolveQuestions,
} from '@jixiao/contracts';
import type { Plan } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { fieldCipher } from '../../platform/field-crypto.js';
import * as inputsRepo from '../inputs/inputs.repository.js';
import { planLeaves } from '../plans/plan-leaves.js';
import * as plansRepo from '../plans/plans.repository.js';
import { ballotWindow, type CampaignStatus } from './campaign-state.js';
import { bad, conflict } from './survey-errors.js';
import * as repo from './surveys.repository.js';

/**
 * What every channel's ballot shares (code, e-poll, paper): the questionnaire resolved for the rated
 * unit, the answers checked against it and scored, and the stored response (random id, a day, the
 * voter sealed when the campaign is named).
 */

/** A named campaign's voter, as the voter types it; stored only sealed (platform/field-crypto.ts). */
export interface Voter {
  name: string;
  contact: string;
}

export type BallotForm = Awaited<ReturnType<typeof ballotFormOf>>;

/** Votes are taken only while the campaign is open and inside its times. */
export function assertBallotWindow(c: repo.CampaignRow, now: Date): void {
  const window = ballotWindow(
    { status: c.status as CampaignStatus, opensAt: c.opensAt, closesAt: c.closesAt },
    now,
  );
  if (window !== 'open')
    throw conflict(`survey.campaign_${window}`, {
      opensAt: c.opensAt.toISOString(),
      closesAt: c.closesAt.toISOString(),
    });
}

/** The group's questionnaire for one ballot: matrix rows filled with the group's units or the rated unit's work items (H7). */
export async function ballotFormOf(
  db: Executor,
  c: repo.CampaignRow,
  group: repo.RaterGroupRow,
  unitId: number | null,
) {
  const questionnaire = (await repo.findQuestionnaire(db, group.questionnaireId))!;
  const units = await repo.unitsByIds(db, group.unitIds);
  const byId = new Map(units.map((u) => [u.id, u]));
  const unit = unitId === null ? null : (byId.get(unitId) ?? null);
  const plan = (await plansRepo.findPlan(db, c.planId))!;
  // Work items (H7): the unit's issued targets, not the survey indicators themselves.
  const leafName = new Map(
    planLeaves(plan.document as unknown as Plan)
      .filter((l) => l.methodKind !== 'satisfaction')
      .map((l) => [l.code, l.name]),
  );
  const workItems = unit
    ? (await inputsRepo.issuedTargets(db, c.planId))
        .filter((t) => t.unitId === unit.id && leafName.has(t.indicator))
        .map((t) => ({ code: t.indicator, label: leafName.get(t.indicator)! }))
    : [];
  const questions = resolveQuestions(questionnaire.questions as Question[], {
    units: group.unitIds.flatMap((id) =>
      byId.has(id) ? [{ code: byId.get(id)!.code, label: byId.get(id)!.name }] : [],
    ),
    workItems,
  });
  return { c, group, unit, questions, idOfCode: new Map(units.map((u) => [u.code, u.id])) };
}

/**
 * Ballot forms by campaign version, group and unit. A campaign's groups and questionnaires cannot
 * change once it is open (a change makes a new campaign version, hence a new key), so a city-wide
 * poll resolves each unit's form once instead of on every ballot. Per running app; bounded.
 */
const forms = new WeakMap<Deps, Map<string, Promise<BallotForm>>>();
const MAX_FORMS = 20_000;

export function cachedForm(
  deps: Deps,
  db: Executor,
  c: repo.CampaignRow,
  groupId: number,
  unitId: number | null,
): Promise<BallotForm> {
  let cache = forms.get(deps);
  if (!cache) {
    cache = new Map();
    forms.set(deps, cache);
  }
  const key = `${c.id}:${c.version}:${groupId}:${unitId ?? ''}`;
  let form = cache.get(key);
  if (!form) {
    if (cache.size >= MAX_FORMS) cache.clear();
    form = repo.findGroup(db, groupId).then((group) => ballotFormOf(db, c, group!, unitId));
    form.catch(() => cache.delete(key));
    cache.set(key, form);
  }
  // The campaign row of this ballot, fresh: its status and times are checked per ballot.
  return form.then((f) => ({ ...f, c }));
}

/** The form as the ballot page shows it. */
export const presentBallotForm = (k: BallotForm) => ({
  campaign: k.c.name,
  group: k.group.name,
  unit: k.unit ? { code: k.unit.code, name: k.unit.name } : null,
  closesAt: k.c.closesAt.toISOString(),
  named: !k.c.anonymous,
  questions: k.questions,
});

/** The 0–100 score per rated unit id of checked answers; a 400 naming each problem otherwise. */
export function scoreAnswers(
  k: BallotForm,
  answers: BallotAnswers,
  path = 'answers',
): Record<string, number> {
  const checked = checkBallot(k.questions, answers, k.unit?.code ?? null);
  if (checked.problems.length)
    throw new AppError(
      'VALIDATION_FAILED',
      checked.problems.map((p) => `${p.params.question}: ${p.code}`).join('; '),
      checked.problems.map((p) => ({ path: `${path}.${p.params.question}`, ...p })),
    );
  const scores: Record<string, number> = {};
  for (const [unit, list] of checked.scores) {
    const id = k.idOfCode.get(unit);
    if (id !== undefined) scores[String(id)] = ballotScore(list);
  }
  return scores;
}

/** Day in Beijing, the finest time an anonymous ballot keeps. */
export const beijingDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A checked, scored response ready to store; a named campaign's voter is required and sealed. */
export function newResponse(
  deps: Deps,
  k: BallotForm,
  body: { answers: BallotAnswers; voter?: Voter | undefined },
): repo.NewResponse {
  if (!k.c.anonymous && !body.voter) throw bad('voter', 'survey.voter_required');
  return {
    id: randomUUID(),
    day: beijingDay(deps.now()),
    answers: body.answers,
    scores: scoreAnswers(k, body.answers),
    voter:
      !k.c.anonymous && body.voter ? fieldCipher(deps.config.secret).seal(JSON.stringify(body.voter)) : null,
  };
}
