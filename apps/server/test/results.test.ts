import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillCycle } from './cycle-data.js';
import { makeUser, signIn } from './helpers.js';
import { activePlan, buildOrg, leaderCookie, officeCookie, releaseRun } from './org-fixture.js';
import { tinyInput, tinyPlan } from './plans-fixture.js';
import { useTestApp } from './use-app.js';

describe('evaluation runs: draft, release, results, traces, export', () => {
  const env = useTestApp();
  let office: string;
  let plan: number;
  const units: Record<string, number> = {};
  const api = (method: string, url: string, payload?: unknown, cookie = office) =>
    env.app.inject({ method: method as 'GET', url, headers: { cookie }, payload: payload as never });
  beforeAll(async () => {
    office = await officeCookie(env);
    const org = await buildOrg(env, office, { u1: '一号局', u2: '二号局', u3: '三号局' }, '市');
    Object.assign(units, org.units);
    await makeUser(
      env,
      'filler1',
      [{ role: 'unit_filler', scopeType: 'org', orgNodeId: units.u1! }],
      units.u1!,
    );
    plan = await activePlan(env, office, { systemId: org.system, name: '小方案', document: tinyPlan() });
  });

  it('evaluates a tiny plan from the cycle data to hand-computed totals, ranks and grades; a draft', async () => {
    // I1 60 points, I2 40 points, completion = value / target × points.
    // u1: 90/100·60 = 54.00, 40/50·40 = 32.00 → 86.00 良好
    // u2: 100/100·60 = 60.00, 50/50·40 = 40.00 → 100.00 优秀
    // u3: 60/100·60 = 36.00, 35/50·40 = 28.00 → 64.00 合格 (minus a deduction of 1.50 → 62.50)
    const input = tinyInput('2026-Y', {
      u1: [90, 100, 40, 50],
      u2: [100, 100, 50, 50],
      u3: [60, 100, 35, 50],
    });
    await fillCycle(env, plan, { ...input, deductions: [{ unit: 'u3', points: 1.5, reason: '督查通报' }] });

    const res = await api('POST', `/api/plans/${plan}/evaluate`, { period: '2026-Y' });
    expect(res.statusCode).toBe(200);
    const run = res.json();
    expect(run).toMatchObject({ status: 'draft', latest: true, releasedAt: null });
    const by = Object.fromEntries(run.units.map((u: { unit: string }) => [u.unit, u]));
    expect(by.u1).toMatchObject({ total: 86, base: 86, rank: 2, unitId: units.u1, grade: { code: 'good' } });
    expect(by.u1.components).toEqual([{ code: 'main', name: '目标任务', score: 86, full: 100 }]);
    expect(by.u2).toMatchObject({ total: 100, rank: 1, grade: { code: 'excellent', name: '优秀' } });
    expect(by.u3).toMatchObject({ total: 62.5, base: 64, deductions: 1.5, rank: 3, grade: { code: 'pass' } });
    // Quota counts per group travel with the run (this plan's levels have no quota: none listed).
    expect(run.quotas).toEqual([{ group: 'A', units: 3, levels: [] }]);

    const trace = (await api('GET', `/api/plans/${plan}/results/u1/trace?period=2026-Y`)).json();
    expect(trace.unit).toBe('u1');
    expect(trace.total.value).toBe(86);
    // Every input names its origin: the value an import batch, the target a reference figure.
    const kinds = trace.sources.map(
      (x: { indicator: string; field: string; kind: string }) => `${x.indicator}.${x.field}:${x.kind}`,
    );
    expect(kinds).toEqual(expect.arrayContaining(['I1.value:import_batch', 'I1.target:reference']));
  });

  it("a draft is the office's only: the unit sees nothing until it is released, then only its own row", async () => {
    const filler = await signIn(env, 'filler1');
    const before = await api('GET', `/api/plans/${plan}/results?period=2026-Y`, undefined, filler);
    expect(before.statusCode).toBe(404);
    expect((await api('GET', `/api/plans/${plan}/runs?period=2026-Y`, undefined, filler)).json()).toEqual([]);
    const [draft] = (await api('GET', `/api/plans/${plan}/runs?period=2026-Y`)).json();
    expect(draft).toMatchObject({ status: 'draft', latest: true, units: 3 });
    // The office submits it (报审) and a leader approves it (审定): the release. Once only.
    const rel = await releaseRun(env, office, plan, draft.id);
    expect(rel.statusCode).toBe(200);
    expect(rel.json()).toMatchObject({ status: 'released', submittedBy: 'office', releasedBy: 'leader1' });
    const again = await api(
      'POST',
      `/api/plans/${plan}/runs/${draft.id}/approve`,
      {},
      await leaderCookie(env),
    );
    expect(again.statusCode).toBe(409);

    const res = await api('GET', `/api/plans/${plan}/results?period=2026-Y`, undefined, filler);
    expect(res.statusCode).toBe(200);
    expect(res.json().units.map((u: { unit: string }) => u.unit)).toEqual(['u1']);
    expect(JSON.stringify(res.json().rankings)).not.toContain('u2');
    expect(
      (await api('GET', `/api/plans/${plan}/results/u1/trace?period=2026-Y`, undefined, filler)).statusCode,
    ).toBe(200);
    expect(
      (await api('GET', `/api/plans/${plan}/results/u2/trace?period=2026-Y`, undefined, filler)).statusCode,
    ).toBe(404);
    // The what-if input is the office's.
    expect(
      (await api('GET', `/api/plans/${plan}/runs/${draft.id}/input`, undefined, filler)).statusCode,
    ).toBe(403);
  });

  it('only the latest run of a period can be released (a newer one supersedes it); the unit keeps seeing the released one meanwhile', async () => {
    const filler = await signIn(env, 'filler1');
    const [released] = (await api('GET', `/api/plans/${plan}/runs?period=2026-Y`)).json();
    const second = (await api('POST', `/api/plans/${plan}/evaluate`, { period: '2026-Y' })).json();
    const third = (await api('POST', `/api/plans/${plan}/evaluate`, { period: '2026-Y' })).json();
    const stale = await api('POST', `/api/plans/${plan}/runs/${second.id}/submit`, {});
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({
      code: 'results.run_state',
      params: { status: 'superseded', action: 'submit' },
    });
    const seen = (await api('GET', `/api/plans/${plan}/results?period=2026-Y`, undefined, filler)).json();
    expect(seen.id).toBe(released.id);
    expect((await api('GET', `/api/plans/${plan}/results?period=2026-Y`)).json().id).toBe(third.id);
  });

  it('computing while the period is open must be said', async () => {
    await env.database.query(
      `insert into period_window (plan_id, period, opens_at, due_at) values ($1, '2026-M03', '2026-03-01', '2026-04-10')`,
      [plan],
    );
    const res = await api('POST', `/api/plans/${plan}/evaluate`, { period: '2026-M03' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PERIOD_OPEN');
    const ok = await api('POST', `/api/plans/${plan}/evaluate`, { period: '2026-M03', whileOpen: true });
    expect(ok.statusCode).toBe(200);
  });

  it("exports each group's ranking to .xlsx with Chinese headers", async () => {
    const res = await api('GET', `/api/plans/${plan}/results/export?period=2026-Y`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const text = JSON.stringify(ws.getSheetValues());
    for (const h of ['名次', '单位名称', '总分', '等次']) expect(text).toContain(h);
    expect(text).toContain('二号局');
  });

  it('answers 404 for a period without results', async () => {
    const res = await api('GET', `/api/plans/${plan}/results?period=2026-H1`);
    expect(res.statusCode).toBe(404);
  });
});
