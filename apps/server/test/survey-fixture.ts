import { jsonOf, type TestEnv } from './helpers.js';
import { activePlan, buildOrg, officeCookie } from './org-fixture.js';
import { tinyPlan } from './plans-fixture.js';

/** The tiny plan with two survey indicators: S1 群众满意度 (20 points) and S2 企业评议 (10). */
export const surveyPlan = () => {
  const p = tinyPlan();
  p.indicators[1]!.points = 10;
  p.indicators.push({
    code: 'S1',
    name: '群众满意度',
    component: 'main',
    points: 20,
    owner: '绩效办',
    method: { kind: 'satisfaction' },
  } as never);
  p.indicators.push({
    code: 'S2',
    name: '企业评议',
    component: 'main',
    points: 10,
    owner: '绩效办',
    method: { kind: 'satisfaction' },
  } as never);
  return p;
};

/** An office, units u1 一号局 and u2 二号局, the survey plan active: what every survey test starts from. */
export async function surveySetup(env: TestEnv) {
  const office = await officeCookie(env);
  const org = await buildOrg(env, office, { u1: '一号局', u2: '二号局' }, '市');
  const plan = await activePlan(env, office, {
    systemId: org.system,
    name: '满意度方案',
    document: surveyPlan(),
  });
  return { office, units: org.units, plan };
}

type Method = 'GET' | 'POST' | 'PUT';

/** Calls as one signed-in user (or none); `ok` insists on the status and gives the body. */
export function surveyCalls(env: TestEnv) {
  const call = (cookie: string | null, method: Method, url: string, payload?: unknown) =>
    env.app.inject({ method, url, headers: cookie ? { cookie } : {}, payload: payload as never });
  const ok = jsonOf;
  return {
    call,
    ok,
    questionnaire: (cookie: string, name: string, questions: unknown[]) =>
      ok(call(cookie, 'POST', '/api/questionnaires', { name, questions }), 201),
    /** A 2026-Y campaign open from February to March (Beijing time), with the given groups. */
    campaign: (cookie: string, body: Record<string, unknown>) =>
      ok(
        call(cookie, 'POST', '/api/survey-campaigns', {
          kind: 'year_end',
          period: '2026-Y',
          opensAt: '2026-02-01T00:00:00+08:00',
          closesAt: '2026-03-31T23:59:59+08:00',
          ...body,
        }),
        201,
      ),
    /** One step of a campaign (open, close, reopen, score): the campaign after it. */
    step: (cookie: string, c: { id: number; version: number }, action: string) =>
      ok(call(cookie, 'POST', `/api/survey-campaigns/${c.id}/transitions`, { action, version: c.version })),
  };
}
