import { createHash } from 'node:crypto';
import type { BallotAnswers } from '@jixiao/contracts';
import { Captcha, type Challenge } from '../../platform/captcha.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { limiterPer } from '../../platform/window-limit.js';
import {
  assertBallotWindow,
  ballotFormOf,
  newResponse,
  presentBallotForm,
  type Voter,
} from './ballot-form.js';
import { bad, conflict } from './survey-errors.js';
import * as repo from './surveys.repository.js';

/**
 * The public e-poll (Z11): a rater group with channel 'poll' takes ballots on an open page without
 * codes. Abuse limits: a captcha the system draws itself, one ballot per device cookie and group,
 * and at most 30 ballots an hour from one address (an office behind one address still gets through,
 * a script does not). Its results are the group's, so the plan weights the poll apart (Shenzhen 5%).
 */

const perAddress = limiterPer<Deps>(30, 60 * 60_000);
const captchas = new WeakMap<Deps, Captcha>();
const captchaOf = (deps: Deps) => {
  let c = captchas.get(deps);
  if (!c) {
    c = new Captcha(deps.config.secret);
    captchas.set(deps, c);
  }
  return c;
};

async function pollContext(deps: Deps, groupId: number, unitCode: string | undefined) {
  const db = deps.database.db;
  const group = await repo.findGroup(db, groupId);
  if (group?.channel !== 'poll') throw notFound('Poll');
  const c = (await repo.findCampaign(db, group.campaignId))!;
  assertBallotWindow(c, deps.now());
  let unitId: number | null = null;
  if (unitCode !== undefined) {
    const unit = (await repo.unitsByIds(db, group.unitIds)).find((u) => u.code === unitCode);
    if (!unit) throw bad('unit', 'survey.poll_unit_unknown', { unit: unitCode });
    unitId = unit.id;
  }
  return ballotFormOf(db, c, group, unitId);
}

export async function openPoll(deps: Deps, groupId: number, unit: string | undefined) {
  return presentBallotForm(await pollContext(deps, groupId, unit));
}

export const newCaptcha = (deps: Deps): Challenge => captchaOf(deps).challenge(deps.now().getTime());

export const deviceHash = (device: string) => createHash('sha256').update(device).digest('hex');

export async function castPoll(
  deps: Deps,
  groupId: number,
  body: {
    unit?: string | undefined;
    answers: BallotAnswers;
    captcha: { token: string; answer: string };
    voter?: Voter | undefined;
  },
  who: { ip: string; device: string | undefined },
): Promise<{ ok: true }> {
  const now = deps.now().getTime();
  const limiter = perAddress(deps);
  if (limiter.blocked(who.ip, now))
    throw new AppError('RATE_LIMITED', 'survey.poll_rate', { code: 'survey.poll_rate', params: { max: 30 } });
  if (!who.device) throw bad('device', 'survey.poll_no_device');
  const k = await pollContext(deps, groupId, body.unit);
  const response = newResponse(deps, k, body);
  const solved = captchaOf(deps).check(body.captcha.token, body.captcha.answer, now);
  if (solved !== 'ok') throw bad('captcha.answer', `survey.captcha_${solved}`);
  const stored = await repo.storePollBallot(
    deps.database.db,
    { campaignId: k.c.id, groupId, unitId: k.unit?.id ?? null },
    deviceHash(who.device),
    response,
  );
  if (!stored) throw conflict('survey.poll_device_used');
  limiter.record(who.ip, now);
  return { ok: true };
}
