import { beforeAll, describe, expect, it } from 'vitest';
import { fillCycle } from './cycle-data.js';
import { makeUser, signIn } from './helpers.js';
import { releaseRun } from './org-fixture.js';
import { tinyInput } from './plans-fixture.js';
import { cycleFixture, enterValue } from './submissions-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * Issue 8, point 7: until the expert module exists, an expert reads only what the office assigned
 * it — an indicators grant (the values and evidence of those indicators in every unit, the plan, no
 * results) or an org grant (what a unit's own staff may read of that unit). Read-only throughout.
 */
describe('the expert role reads only its assignment', () => {
  const env = useTestApp();
  let f: Awaited<ReturnType<typeof cycleFixture>>;
  const who: Record<string, string> = {};
  const sub: Record<string, number> = {};
  const get = (user: string, url: string) => env.app.inject({ url, headers: { cookie: who[user]! } });

  beforeAll(async () => {
    f = await cycleFixture(env);
    await makeUser(env, 'expertI1', [{ role: 'expert', scopeType: 'indicators', refs: ['I1'] }]);
    await makeUser(env, 'expertU1', [{ role: 'expert', scopeType: 'org', orgNodeId: f.u1 }]);
    for (const u of ['filler1', 'filler2', 'provider', 'expertI1', 'expertU1']) who[u] = await signIn(env, u);
    who.office = f.office;
    const enter = async (user: string, unitId: number, indicator: string, value: number) => {
      const r = await enterValue(env, who[user]!, {
        planId: f.plan,
        unitId,
        indicator,
        period: '2026-M03',
        value,
      });
      sub[`${unitId === f.u1 ? 'u1' : 'u2'}.${indicator}`] = r.id;
    };
    await enter('filler1', f.u1, 'I1', 80);
    await enter('filler2', f.u2, 'I1', 70);
    await enter('provider', f.u1, 'I2', 30); // I2 is provider-owned in the fixture
    await enter('provider', f.u2, 'I2', 20);
    await fillCycle(env, f.plan, tinyInput('2026-Y', { u1: [90, 100, 40, 50], u2: [100, 100, 50, 50] }));
    const run = await env.app.inject({
      method: 'POST',
      url: `/api/plans/${f.plan}/evaluate`,
      headers: { cookie: f.office },
      payload: { period: '2026-Y' },
    });
    expect(run.statusCode, run.body).toBe(200);
    const rel = await releaseRun(env, f.office, f.plan, run.json().id);
    expect(rel.statusCode, rel.body).toBe(200);
  });

  describe('an expert assigned indicator I1', () => {
    it('lists the values of I1 in every unit, and nothing else', async () => {
      const r = await get('expertI1', `/api/submissions?planId=${f.plan}&period=2026-M03`);
      expect(r.statusCode, r.body).toBe(200);
      const items = r.json().items as { unitId: number; indicator: string; canWrite: boolean }[];
      expect(items.map((i) => `${i.unitId === f.u1 ? 'u1' : 'u2'}.${i.indicator}`).sort()).toEqual([
        'u1.I1',
        'u2.I1',
      ]);
      expect(items.every((i) => !i.canWrite)).toBe(true);
    });
    it('opens a value of I1; a value of I2 is not found', async () => {
      expect((await get('expertI1', `/api/submissions/${sub['u1.I1']}`)).statusCode).toBe(200);
      expect((await get('expertI1', `/api/submissions/${sub['u2.I1']}`)).statusCode).toBe(200);
      expect((await get('expertI1', `/api/submissions/${sub['u1.I2']}`)).statusCode).toBe(404);
      expect((await get('expertI1', `/api/submissions/${sub['u2.I2']}`)).statusCode).toBe(404);
    });
    it('reads the plan, but no unit’s results or live scores (403)', async () => {
      expect((await get('expertI1', `/api/plans/${f.plan}`)).statusCode).toBe(200);
      expect((await get('expertI1', `/api/plans/${f.plan}/results?period=2026-Y`)).statusCode).toBe(403);
      expect((await get('expertI1', `/api/plans/${f.plan}/results/u1/trace?period=2026-Y`)).statusCode).toBe(
        403,
      );
      expect((await get('expertI1', `/api/live/${f.plan}?period=2026-M03`)).statusCode).toBe(403);
    });
    it('writes nothing: entering, changing and verifying a value are 403', async () => {
      const post = (url: string, payload: object, method: 'POST' | 'PUT' = 'POST') =>
        env.app.inject({ method, url, headers: { cookie: who.expertI1! }, payload });
      const entry = { planId: f.plan, unitId: f.u1, indicator: 'I1', period: '2026-M04', value: 1 };
      expect((await post('/api/submissions', entry)).statusCode).toBe(403);
      expect(
        (await post(`/api/submissions/${sub['u1.I1']}`, { value: 1, version: 1 }, 'PUT')).statusCode,
      ).toBe(403);
      const check = { submissionId: sub['u1.I1'], method: 'work_slip', result: 'pass', version: 1 };
      expect((await post('/api/verifications', check)).statusCode).toBe(403);
    });
  });

  describe('an expert assigned unit u1', () => {
    it('reads the values of u1 only; u2 is not found', async () => {
      const r = await get('expertU1', `/api/submissions?planId=${f.plan}&period=2026-M03`);
      expect(r.statusCode, r.body).toBe(200);
      const items = r.json().items as { unitId: number; indicator: string; canWrite: boolean }[];
      expect(new Set(items.map((i) => i.unitId))).toEqual(new Set([f.u1]));
      expect(items.every((i) => !i.canWrite)).toBe(true);
      expect((await get('expertU1', `/api/submissions/${sub['u1.I2']}`)).statusCode).toBe(200);
      expect((await get('expertU1', `/api/submissions/${sub['u2.I1']}`)).statusCode).toBe(404);
    });
    it('reads the released result of u1 alone, and its trace; u2’s trace is not found', async () => {
      const r = await get('expertU1', `/api/plans/${f.plan}/results?period=2026-Y`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().units.map((u: { unit: string }) => u.unit)).toEqual(['u1']);
      expect((await get('expertU1', `/api/plans/${f.plan}/results/u1/trace?period=2026-Y`)).statusCode).toBe(
        200,
      );
      expect((await get('expertU1', `/api/plans/${f.plan}/results/u2/trace?period=2026-Y`)).statusCode).toBe(
        404,
      );
    });
    it('sees only u1 in the organisation', async () => {
      const nodes = (await get('expertU1', '/api/org-nodes')).json() as { id: number }[];
      expect(nodes.map((n) => n.id)).toEqual([f.u1]);
    });
  });
});
