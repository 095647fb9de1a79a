import { satisfactionScale } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { Captcha } from '../src/platform/captcha.js';
import { fieldCipher } from '../src/platform/field-crypto.js';
import { jsonOf } from './helpers.js';
import { activePlan, buildOrg, officeCookie } from './org-fixture.js';
import { surveyPlan } from './survey-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * The public e-poll (issue 10 point 4, Z11): no code, a captcha the server draws, one ballot per
 * device cookie, a limit per address; its group scores its own indicator (S2), apart from the
 * code-based group (S1). A named campaign keeps its voters sealed.
 */
describe('the public e-poll', () => {
  const env = useTestApp();
  let office = '';
  let units = { u1: 0, u2: 0 };
  let campaign = { id: 0, version: 0, groups: [] as { id: number; code: string; channel: string }[] };
  let poll = 0;
  let n = 0;
  const inject = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    opts: { cookie?: string; payload?: unknown; ip?: string } = {},
  ) =>
    env.app.inject({
      method,
      url,
      headers: opts.cookie ? { cookie: opts.cookie } : {},
      payload: opts.payload as never,
      remoteAddress: opts.ip ?? '10.0.0.1',
    });
  const ok = jsonOf;
  /** What only a holder of the installation secret can do: find the answer by trying all 10,000. */
  const solved = async () => {
    const { token, svg } = await ok(inject('GET', '/api/poll/captcha'));
    expect(svg).toMatch(/^<svg/);
    const probe = new Captcha(env.deps.config.secret);
    const now = env.clock.now.getTime();
    for (let i = 0; i < 10_000; i++) {
      const answer = String(i).padStart(4, '0');
      if (probe.check(token, answer, now) === 'ok') return { token, answer };
    }
    throw new Error('unsolvable captcha');
  };
  /** A new device: opening the poll page gives it its cookie. */
  const device = async (ip?: string) => {
    const r = await inject('GET', `/api/poll/${poll}`, { ip });
    expect(r.statusCode).toBe(200);
    const set = r.cookies.find((c) => c.name === 'jixiao_poll_device')!;
    expect(set).toMatchObject({ httpOnly: true, path: '/api/poll' });
    return `jixiao_poll_device=${set.value}`;
  };
  const cast = async (cookie: string, answers: unknown, extra: object = {}, ip?: string) =>
    inject('POST', `/api/poll/${poll}`, {
      cookie,
      ip,
      payload: { answers, captcha: await solved(), ...extra },
    });

  it('the office adds an e-poll group beside a code group, each scoring its own indicator', async () => {
    office = await officeCookie(env);
    const org = await buildOrg(env, office, { u1: '一号局', u2: '二号局' }, '市');
    units = org.units;
    const plan = await activePlan(env, office, {
      systemId: org.system,
      name: '满意度方案',
      document: surveyPlan(),
    });
    const q = await ok(
      inject('POST', '/api/questionnaires', {
        cookie: office,
        payload: {
          name: '网络民调',
          questions: [
            {
              id: 'units',
              type: 'matrix',
              title: '各单位满意度',
              scale: satisfactionScale,
              rows: { source: 'units' },
            },
            { id: 'advice', type: 'text', title: '意见建议', required: false },
          ],
        },
      }),
      201,
    );
    const group = (code: string, channel: string, indicator: string) => ({
      code,
      name: code,
      kind: 'public',
      weight: 1,
      minSample: 2,
      indicator,
      questionnaireId: q.id,
      unitIds: [units.u1, units.u2],
      channel,
    });
    campaign = await ok(
      inject('POST', '/api/survey-campaigns', {
        cookie: office,
        payload: {
          planId: plan,
          name: '2026 网络民调',
          kind: 'year_end',
          period: '2026-Y',
          opensAt: '2026-02-01T00:00:00+08:00',
          closesAt: '2026-03-31T23:59:59+08:00',
          groups: [group('codes', 'code', 'S1'), group('poll', 'poll', 'S2')],
        },
      }),
      201,
    );
    // A draft changes as a whole, naming the version it read; a stale version is refused.
    const {
      id: _id,
      status: _s,
      createdAt: _c,
      createdBy: _b,
      scoredAt: _a,
      scoredBy: _y,
      planId: _p,
      ...draft
    } = campaign as never as Record<string, unknown>;
    const groups = (draft.groups as Record<string, unknown>[]).map(
      ({ id: _g, codesIssued: _i, codesUsed: _u, ...g }) => g,
    );
    const renamed = await ok(
      inject('PUT', `/api/survey-campaigns/${campaign.id}`, {
        cookie: office,
        payload: { ...draft, groups, name: '2026 网上民意调查' },
      }),
    );
    expect(renamed).toMatchObject({ name: '2026 网上民意调查', version: campaign.version + 1 });
    const stale = await inject('PUT', `/api/survey-campaigns/${campaign.id}`, {
      cookie: office,
      payload: { ...draft, groups },
    });
    expect(stale.statusCode).toBe(409);
    campaign = renamed;
    poll = campaign.groups.find((g) => g.code === 'poll')!.id;
    expect(campaign.groups.map((g) => g.channel)).toEqual(['code', 'poll']);
    // Codes belong to code groups only.
    const codes = await inject('POST', `/api/survey-campaigns/${campaign.id}/codes`, {
      cookie: office,
      payload: { groupId: poll, count: 1 },
    });
    expect(codes.json().error.details[0]).toMatchObject({ path: 'groupId', code: 'survey.group_not_code' });
    // Not open yet: the page says so.
    expect((await inject('GET', `/api/poll/${poll}`)).json().error.details).toMatchObject({
      code: 'survey.campaign_not_open',
    });
    campaign = await ok(
      inject('POST', `/api/survey-campaigns/${campaign.id}/transitions`, {
        cookie: office,
        payload: { action: 'open', version: campaign.version },
      }),
    );
    // A code group's id is no poll.
    expect((await inject('GET', `/api/poll/${campaign.groups[0]!.id}`)).statusCode).toBe(404);
  });

  it('a device votes once; a wrong, reused or missing captcha and a cookieless post store nothing', async () => {
    const phone = await device();
    const form = await ok(inject('GET', `/api/poll/${poll}`, { cookie: phone }));
    expect(form).toMatchObject({ group: 'poll', named: false, unit: null });
    expect(form.questions[0].rows.map((r: { code: string }) => r.code)).toEqual(['u1', 'u2']);

    const good = await solved();
    const wrongAnswer = String((Number(good.answer) + 1) % 10_000).padStart(4, '0');
    const wrong = await inject('POST', `/api/poll/${poll}`, {
      cookie: phone,
      payload: { answers: { units: { u1: 'sat', u2: 'basic' } }, captcha: { ...good, answer: wrongAnswer } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toMatchObject({
      path: 'captcha.answer',
      code: 'survey.captcha_wrong',
    });

    const noCookie = await inject('POST', `/api/poll/${poll}`, {
      payload: { answers: { units: { u1: 'sat', u2: 'basic' } }, captcha: good },
    });
    expect(noCookie.json().error.details[0]).toMatchObject({ path: 'device', code: 'survey.poll_no_device' });
    expect((await env.database.query('select id from survey_response')).length).toBe(0);

    // u1 满意 100, u2 基本满意 80.
    const first = await inject('POST', `/api/poll/${poll}`, {
      cookie: phone,
      payload: { answers: { units: { u1: 'sat', u2: 'basic' }, advice: '网上办事再快些' }, captcha: good },
    });
    expect(first.statusCode).toBe(201);
    const reused = await inject('POST', `/api/poll/${poll}`, {
      cookie: await device(),
      payload: { answers: { units: { u1: 'sat', u2: 'sat' } }, captcha: good },
    });
    expect(reused.json().error.details[0]).toMatchObject({ code: 'survey.captcha_used' });
    const again = await cast(phone, { units: { u1: 'unsat', u2: 'unsat' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({ code: 'survey.poll_device_used' });
    // A second phone: u1 不满意 0, u2 满意 100.
    expect((await cast(await device(), { units: { u1: 'unsat', u2: 'sat' } })).statusCode).toBe(201);
    // An answer outside the questionnaire is named and stores nothing.
    const bad = await cast(await device(), { units: { u1: 'great', u2: 'sat' } });
    expect(bad.json().error.details[0]).toMatchObject({
      path: 'answers.units',
      code: 'survey.unknown_option',
    });
    const rows = await env.database.query<{ channel: string; voter: string | null }>(
      'select channel, voter from survey_response',
    );
    expect(rows).toEqual([
      { channel: 'poll', voter: null },
      { channel: 'poll', voter: null },
    ]);
    n = 2;
  });

  it('one address may cast 30 ballots an hour; the 31st is refused, others go on', async () => {
    for (let i = 0; i < 30; i++) {
      const r = await cast(await device('10.9.9.9'), { units: { u1: 'basic', u2: 'basic' } }, {}, '10.9.9.9');
      expect(r.statusCode).toBe(201);
    }
    const over = await cast(
      await device('10.9.9.9'),
      { units: { u1: 'basic', u2: 'basic' } },
      {},
      '10.9.9.9',
    );
    expect(over.statusCode).toBe(429);
    expect(over.json().error.details).toMatchObject({ code: 'survey.poll_rate', params: { max: 30 } });
    // Back to the hand-computed sample: the rate test's 30 ballots are removed again.
    await env.database.query("delete from survey_response where answers->'units'->>'u1' = 'basic'");
    expect((await env.database.query('select id from survey_response')).length).toBe(n);
  });

  it('scored, the poll group feeds S2 alone: u1 (100 + 0) / 2 = 50, u2 (80 + 100) / 2 = 90', async () => {
    for (const action of ['close', 'score'])
      campaign = await ok(
        inject('POST', `/api/survey-campaigns/${campaign.id}/transitions`, {
          cookie: office,
          payload: { action, version: campaign.version },
        }),
      );
    const results = await ok(
      inject('GET', `/api/survey-campaigns/${campaign.id}/results`, { cookie: office }),
    );
    const s2 = results.filter((r: { indicator: string }) => r.indicator === 'S2');
    expect(s2.map((r: { unitCode: string; value: number; n: number }) => [r.unitCode, r.value, r.n])).toEqual(
      [
        ['u1', 50, 2],
        ['u2', 90, 2],
      ],
    );
    // The code group had no ballots: S1 is missing for both, below its sample.
    const s1 = results.filter((r: { indicator: string }) => r.indicator === 'S1');
    expect(s1.every((r: { value: number | null }) => r.value === null)).toBe(true);
    // The poll is closed now.
    expect((await inject('GET', `/api/poll/${poll}`)).json().error.details).toMatchObject({
      code: 'survey.campaign_closed',
    });
  });

  it('a named campaign asks who votes and stores it sealed: no name or contact in the database', async () => {
    const copy = { ...campaign, name: '实名民调', anonymous: false };
    const named = await ok(
      inject('POST', '/api/survey-campaigns', {
        cookie: office,
        payload: {
          planId: (await env.database.query<{ plan_id: number }>('select plan_id from survey_campaign'))[0]!
            .plan_id,
          name: copy.name,
          kind: 'year_end',
          period: '2026-Y',
          anonymous: false,
          opensAt: '2026-02-01T00:00:00+08:00',
          closesAt: '2026-03-31T23:59:59+08:00',
          groups: [
            {
              code: 'named',
              name: '实名群众',
              kind: 'public',
              weight: 1,
              indicator: 'S2',
              questionnaireId: (await env.database.query<{ id: number }>('select id from questionnaire'))[0]!
                .id,
              unitIds: [units.u1, units.u2],
              channel: 'poll',
            },
          ],
        },
      }),
      201,
    );
    await ok(
      inject('POST', `/api/survey-campaigns/${named.id}/transitions`, {
        cookie: office,
        payload: { action: 'open', version: named.version },
      }),
    );
    poll = named.groups[0].id;
    const phone = await device('10.1.1.1');
    expect((await ok(inject('GET', `/api/poll/${poll}`, { cookie: phone }))).named).toBe(true);
    const anonymous = await cast(phone, { units: { u1: 'sat', u2: 'sat' } }, {}, '10.1.1.1');
    expect(anonymous.json().error.details[0]).toMatchObject({ path: 'voter', code: 'survey.voter_required' });
    const voter = { name: '王小明', contact: '13912345678' };
    expect((await cast(phone, { units: { u1: 'sat', u2: 'sat' } }, { voter }, '10.1.1.1')).statusCode).toBe(
      201,
    );
    const [row] = await env.database.query<{ voter: string }>(
      `select voter from survey_response where campaign_id = ${named.id}`,
    );
    expect(row!.voter).toMatch(/^sm4:/);
    const dump = JSON.stringify(await env.database.query('select * from survey_response'));
    expect(dump).not.toContain('王小明');
    expect(dump).not.toContain('13912345678');
    expect(JSON.parse(fieldCipher(env.deps.config.secret).open(row!.voter))).toEqual(voter);
    // The office opens them, and the opening is on the record.
    const opened = await ok(inject('GET', `/api/survey-campaigns/${named.id}/voters`, { cookie: office }));
    expect(opened).toEqual([{ group: '实名群众', day: '2026-03-01', channel: 'poll', ...voter }]);
    const audit = await env.database.query<{ action: string }>(
      "select action from audit_log where action = 'campaign.voters_read'",
    );
    expect(audit).toHaveLength(1);
  });
});
