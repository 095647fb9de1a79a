import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './helpers.js';
import { tinyPlan } from './plans-fixture.js';
import { cycleFixture, enterValue } from './submissions-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * Issue 8, point 12: B1-01 (filler2) got a 500 on its own live score — a lost-points entry carried
 * ±Infinity in x_s / x_h: an efficacy indicator with group limits while nobody in the group has a
 * value yet. The same situation on the tiny plan: I2 scored by efficacy, no value of I2 anywhere.
 */
describe('live score while a group-relative indicator has no value in the group', () => {
  const env = useTestApp();
  let f: Awaited<ReturnType<typeof cycleFixture>>;
  let filler = '';
  beforeAll(async () => {
    const plan = tinyPlan();
    plan.indicators[1] = { ...plan.indicators[1]!, method: { kind: 'efficacy', limits: 'group' } as never };
    f = await cycleFixture(env, plan);
    filler = await signIn(env, 'filler1');
    await enterValue(env, filler, {
      planId: f.plan,
      unitId: f.u1,
      indicator: 'I1',
      period: '2026-M03',
      value: 80,
    });
    // After March's due date (04-10) the missing I2 scores 0 (the default after-due policy) and so
    // is among the lost points; before it, it would be left out and re-weighted.
    env.clock.now = new Date('2026-04-15T00:00:00Z');
    filler = await signIn(env, 'filler1');
  });

  it('the unit opens its own live score: 200, every number finite, the limits null with a note', async () => {
    const r = await env.app.inject({
      url: `/api/live/${f.plan}?period=2026-M03`,
      headers: { cookie: filler },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.body).not.toMatch(/Infinity|NaN/);
    const units = r.json().units as {
      lost?: { code: string; vars: Record<string, unknown>; notes: { code: string }[] }[];
    }[];
    expect(units).toHaveLength(1);
    const i2 = units[0]!.lost?.find((l) => l.code === 'I2');
    expect(i2, 'I2 is among the lost points').toBeDefined();
    if (i2) {
      expect(i2.vars).toMatchObject({ x_s: null, x_h: null });
      expect(i2.notes).toContainEqual({ code: 'note.no_limits', params: {} });
    }
  });
});
