import { evaluate } from '@jixiao/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { cycleInput } from '../src/modules/inputs/inputs.service.js';
import * as plansRepo from '../src/modules/plans/plans.repository.js';
import { makeUser, pushIntegration, signIn } from './helpers.js';
import { form } from './multipart.js';
import { buildCycle, type CycleFixture, cyclePlan, issueApiToken } from './notices-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * Hotline statistics (issue 10 point 8, H8) on the notices fixture: units u1, u2 of one system;
 * plan indicator I1 (completion, 60 points) with u1's target 120 (office reference) and u2's 150
 * (issued task book); u1 reported I1 = 50 for 2026-M06 itself.
 */
describe('hotline statistics (H8)', () => {
  const env = useTestApp();
  let f: CycleFixture;
  let token: string;

  const HEADER = '单位编码,工单量,及时响应率(%),按时办结率(%),满意率(%)';
  const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;
  const upload = (
    what: 'preview' | 'commit',
    body: string,
    period = '2026-M06',
    plan = f.plan,
    cookie = f.office,
  ) => {
    const { payload, headers } = form('hotline.csv', body);
    return env.app.inject({
      method: 'POST',
      url: `/api/plans/${plan}/hotline${what === 'preview' ? '/preview' : ''}?period=${period}`,
      headers: { ...headers, cookie },
      payload,
    });
  };
  const push = (body: object, auth: string | null = `Bearer ${token}`) =>
    pushIntegration(env, 'hotline-stats', body, auth);
  const stored = async (period = '2026-M06') =>
    (
      await env.database.query<{ n: number }>(
        `select count(*)::int as n from hotline_stat where plan_id = ${f.plan} and period = '${period}'`,
      )
    )[0]!.n;
  const input = async () =>
    cycleInput(
      env.database.db,
      (await plansRepo.findPlan(env.database.db, f.plan))!,
      '2026-M06',
      env.clock.now,
    );

  beforeAll(async () => {
    f = await buildCycle(env);
    ({ token } = await issueApiToken(env, f.office, '12345热线'));
  });

  it('maps the timely-response rate to I1 (a leaf of the plan only, once)', async () => {
    const put = (feeds: object[]) =>
      env.app.inject({
        method: 'PUT',
        url: `/api/plans/${f.plan}/hotline/feeds`,
        headers: { cookie: f.office },
        payload: { feeds },
      });
    expect((await put([{ field: 'timelyRate', indicator: 'NOPE' }])).statusCode).toBe(400);
    const twice = [
      { field: 'timelyRate', indicator: 'I1' },
      { field: 'satisfaction', indicator: 'I1' },
    ];
    expect((await put(twice)).statusCode).toBe(400);
    const ok = await put([{ field: 'timelyRate', indicator: 'I1' }]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual([{ field: 'timelyRate', indicator: 'I1' }]);
  });

  it('previews a file without storing it, then commits it', async () => {
    const body = csv('u1,40,92.5%,90,88', 'u2,10,100,95,97.5');
    const p = await upload('preview', body);
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json()).toMatchObject({ format: 'csv', problems: [], replaces: 0 });
    expect(p.json().rows[0]).toEqual({
      line: 2,
      unit: 'u1',
      volume: 40,
      timelyRate: 92.5,
      completionRate: 90,
      satisfaction: 88,
    });
    expect(await stored()).toBe(0);
    const c = await upload('commit', body);
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toEqual({ planId: f.plan, period: '2026-M06', before: 0, after: 2 });
    const list = await env.app.inject({
      url: `/api/plans/${f.plan}/hotline?period=2026-M06`,
      headers: { cookie: f.office },
    });
    expect(
      list.json().map((s: { unitCode: string; timelyRate: number }) => [s.unitCode, s.timelyRate]),
    ).toEqual([
      ['u1', 92.5],
      ['u2', 100],
    ]);
  });

  it('the fed figure is the unit value of I1 over its own report, and the method scores it', async () => {
    const a = await input();
    const u1 = a.input.values.find((v) => v.unit === 'u1' && v.indicator === 'I1')!;
    expect(u1.value).toBe(92.5);
    expect(u1.target).toBe(120);
    const sources = a.sources.filter((s) => s.unit === 'u1' && s.indicator === 'I1' && s.field === 'value');
    // Only the hotline: u1's own report of 50 gives way (the hotline is the designated provider).
    expect(sources).toEqual([
      expect.objectContaining({ kind: 'hotline', figure: 'timelyRate', n: 40, period: '2026-M06' }),
    ]);
    // The fixture plan leaves out what a scoring run needs besides I1 (owners, two grades).
    const scorable = {
      ...a.plan,
      indicators: a.plan.indicators.map((i) => ({ ...i, owner: '考核办' })),
      grades: {
        levels: [
          { code: 'good', name: '良好', color: '#1677ff', minScore: 60 },
          { code: 'pass', name: '合格', color: '#d4b106' },
        ],
      },
    };
    const r = evaluate(scorable, a.input);
    const score = (unit: string) => r.unit(unit)!.indicators.find((i) => i.code === 'I1')!.score;
    // completion: 60 × 92.5 / 120 = 46.25; u2: 60 × 100 / 150 (task book target) = 40.
    expect(score('u1')).toBe(46.25);
    expect(score('u2')).toBe(40);
    expect(cyclePlan().indicators[0]).toMatchObject({
      code: 'I1',
      points: 60,
      method: { kind: 'completion' },
    });
  });

  it('a bad file → 400 naming line and column for every problem; nothing is written', async () => {
    const bad = await upload(
      'commit',
      csv('u1,40,92.5,90,88', 'zz,1,90,90,90', 'u2,-3,120,90,90', 'u1,5,90,90,90', 'u2,1.5,90,abc,90'),
    );
    expect(bad.statusCode).toBe(400);
    const details = bad.json().error.details as { line: number; field: string; code: string }[];
    expect(details.map((d) => `${d.line}:${d.field}:${d.code}`)).toEqual([
      '3:unit:unknown_unit',
      '4:volume:negative_volume',
      '4:timelyRate:rate_out_of_range',
      '5:unit:duplicate_unit',
      '6:unit:duplicate_unit',
      '6:volume:fractional_volume',
      '6:completionRate:not_a_number',
    ]);
    expect(await stored()).toBe(2);
    const header = await upload('commit', '单位编码,工单量\nu1,4\n');
    expect(header.statusCode).toBe(400);
    expect(header.json().error.details.map((d: { code: string }) => d.code)).toContain('missing_column');
    const year = await upload('commit', csv('u1,40,92.5,90,88'), '2025-M06');
    expect(year.statusCode).toBe(400);
    expect(year.json().error.details[0]).toMatchObject({
      line: 1,
      field: 'period',
      code: 'period_out_of_year',
    });
    const wrong = await upload(
      'commit',
      '单位编码,期间,工单量,及时响应率,按时办结率,满意率\nu1,2026-M05,4,90,90,90\n',
    );
    expect(wrong.json().error.details[0]).toMatchObject({ line: 2, field: 'period', code: 'wrong_period' });
    expect(await stored()).toBe(2);
    expect(await stored('2025-M06')).toBe(0);
  });

  it('re-importing a period replaces it, audited with the counts before and after', async () => {
    const c = await upload('commit', csv('u1,50,80,85,90'));
    expect(c.json()).toMatchObject({ before: 2, after: 1 });
    expect(await stored()).toBe(1);
    const audit = await env.database.query<{ before: unknown; after: unknown }>(
      "select before, after from audit_log where action = 'hotline_stat.import' order by id desc limit 1",
    );
    expect(audit[0]).toEqual({
      before: { period: '2026-M06', rows: 2 },
      after: { period: '2026-M06', rows: 1, source: 'file' },
    });
  });

  it('the hotline system pushes the same rows with the supervision API token', async () => {
    const rows = [
      { unitCode: 'u1', volume: 40, timelyRate: 92.5, completionRate: 90, satisfaction: 88 },
      { unitCode: 'u2', volume: 10, timelyRate: 100, completionRate: 95, satisfaction: 97.5 },
    ];
    const body = { planId: f.plan, period: '2026-M06', rows };
    expect((await push(body, 'Bearer jxs_wrong')).statusCode).toBe(401);
    expect((await push(body, null)).statusCode).toBe(401);
    expect(await stored()).toBe(1);
    const ok = await push(body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ before: 1, after: 2 });
    const who = await env.database.query<{ actor_name: string }>(
      "select actor_name from audit_log where action = 'hotline_stat.import' order by id desc limit 1",
    );
    expect(who[0]!.actor_name).toBe('api-token:12345热线');
    const bad = await push({ ...body, rows: [rows[0], { ...rows[1], timelyRate: 101 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ line: 2, field: 'timelyRate' })]);
    expect((await push({ ...body, planId: 999999 })).statusCode).toBe(404);
    expect(await stored()).toBe(2);
  });

  it("another system's plan is not found for an office scoped to its own system", async () => {
    const other = await env.app.inject({
      method: 'POST',
      url: '/api/systems',
      headers: { cookie: f.office },
      payload: { code: 'county', name: '区县' },
    });
    const at = env.clock.now;
    const plan = await plansRepo.insertPlan(env.database.db, {
      systemId: other.json().id,
      year: 2026,
      name: '区县方案',
      status: 'active',
      document: cyclePlan(),
      createdAt: at,
      updatedAt: at,
    });
    await makeUser(env, 'sysoffice', [{ role: 'office_admin', scopeType: 'system', systemId: f.system }]);
    const cookie = await signIn(env, 'sysoffice');
    expect((await upload('preview', csv('u1,40,92.5,90,88'), '2026-M06', f.plan, cookie)).statusCode).toBe(
      200,
    );
    expect((await upload('commit', csv('u1,40,92.5,90,88'), '2026-M06', plan.id, cookie)).statusCode).toBe(
      404,
    );
    const list = await env.app.inject({
      url: `/api/plans/${plan.id}/hotline?period=2026-M06`,
      headers: { cookie },
    });
    expect(list.statusCode).toBe(404);
  });
});
