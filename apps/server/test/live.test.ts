import { beforeAll, describe, expect, it } from 'vitest';
import { drawSample } from '../src/modules/verification/sample.js';
import { fillCycle } from './cycle-data.js';
import { signIn } from './helpers.js';
import { injectAsUser } from './org-fixture.js';
import { tinyInput, tinyPlan } from './plans-fixture.js';
import { cycleFixture } from './submissions-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * Live scores (Z6) on the tiny plan: I1 60 points, I2 40 points, completion = value / target ×
 * points, rounded to 2 decimals; grades excellent ≥ 90, good ≥ 75, pass. The half-year weighs 0.4
 * in the year end (S9): base = 0.4 · h + 0.6 · year-end base.
 */
interface Row {
  unit: string;
  total: number;
  rank: number;
  grade: { name: string };
  lost: { code: string; lost: number; steps: { code: string; params: Record<string, unknown> }[] }[];
}
// Loosely typed JSON of the responses used below.
type Json = Record<string, unknown> & {
  units: Row[];
  items: { submission: { id: number; version: number } }[];
  version: number;
  halfYearFrozen: boolean;
  values: number;
};

describe('live scores and the half-year assessment', () => {
  const env = useTestApp();
  let f: Awaited<ReturnType<typeof cycleFixture>>;
  const who: Record<string, string> = {};
  const api = injectAsUser(() => env, who);
  const ok = async (r: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const res = await r;
    if (res.statusCode >= 300) throw new Error(res.body);
    return res.json() as Json;
  };
  const enter = (user: string, unitId: number, indicator: string, period: string, value: number) =>
    ok(api(user, 'POST', '/api/submissions', { planId: f.plan, unitId, indicator, period, value }));
  const targets = (period: string) => {
    const input = tinyInput(period, { u1: [0, 100, 0, 50], u2: [0, 100, 0, 50] });
    // Targets only (the office's start-of-year figures): the values come from the submissions.
    input.values = input.values.map(({ unit, indicator, target }) => ({ unit, indicator, target })) as never;
    return fillCycle(env, f.plan, input);
  };

  beforeAll(async () => {
    f = await cycleFixture(env, { ...tinyPlan(), halfYear: { weight: 0.4 } });
    who.office = f.office;
    for (const u of ['filler1', 'filler2', 'provider']) who[u] = await signIn(env, u);
    await targets('2026-M01');
  });

  it('recomputes when a value changes; a unit sees only itself and the points it loses', async () => {
    // June reports are year-to-date amounts: held against 6/12 of the yearly target (S9),
    // I1 100 × 6/12 = 50 and I2 50 × 6/12 = 25.
    await enter('filler1', f.u1, 'I1', '2026-M06', 45);
    await enter('provider', f.u1, 'I2', '2026-M06', 20);
    await enter('filler2', f.u2, 'I1', '2026-M06', 50);
    await enter('provider', f.u2, 'I2', '2026-M06', 25);
    // u1: 45/50·60 = 54, 20/25·40 = 32 → 86 良好; u2: 60 + 40 = 100 优秀.
    const before = await ok(api('office', 'GET', `/api/live/${f.plan}?period=2026-M06`));
    expect(before.units.map((u: Row) => [u.unit, u.total, u.rank, u.grade.name])).toEqual([
      ['u1', 86, 2, '良好'],
      ['u2', 100, 1, '优秀'],
    ]);
    expect(before.values).toBe(4);
    const list = await ok(
      api('filler1', 'GET', `/api/submissions?planId=${f.plan}&period=2026-M06&unitId=${f.u1}`),
    );
    const s = list.items[0]!.submission;
    await ok(api('filler1', 'PUT', `/api/submissions/${s.id}`, { value: 40, version: s.version }));
    // u1: 40/50·60 = 48, + 32 → 80; I1 loses 12, I2 loses 8.
    const mine = await ok(api('filler1', 'GET', `/api/live/${f.plan}?period=2026-M06`));
    expect(mine.units).toHaveLength(1);
    expect(mine.units[0]).toMatchObject({ unit: 'u1', total: 80, rank: 2 });
    expect(mine.units[0]!.lost.map((l: Row['lost'][number]) => [l.code, l.lost])).toEqual([
      ['I1', 12],
      ['I2', 8],
    ]);
    // The engine's steps, numbers as params: score = f × 60 = 0.8 × 60 = 48.
    expect(mine.units[0]!.lost[0]!.steps.at(-1)).toEqual({
      code: 'leaf.score',
      params: { f: 0.8, full: 60, raw: 48 },
    });
  });

  it('freezes the half year once and carries it into the year end', async () => {
    // H1 takes the latest values up to June against half the target: u1 40 and 20 → 48 + 32 = 80; u2 → 100.
    const frozen = await ok(api('office', 'POST', `/api/live/${f.plan}/half-year`));
    expect(frozen).toMatchObject({ period: '2026-H1', units: 2 });
    const again = await api('office', 'POST', `/api/live/${f.plan}/half-year`);
    expect(again.statusCode).toBe(409);
    const h1 = await ok(api('office', 'GET', `/api/plans/${f.plan}/results?period=2026-H1`));
    expect(h1.units.map((u: Row) => u.total)).toEqual([80, 100]);
    // December: u1 I1 100 → 60, I2 still June's 20 against 25 → 32: 92; u2 I2 25 of 50 → 60 + 20 = 80.
    await enter('filler1', f.u1, 'I1', '2026-M12', 100);
    await enter('provider', f.u2, 'I2', '2026-M12', 25);
    // Year end: u1 0.4·80 + 0.6·92 = 32 + 55.2 = 87.2; u2 0.4·100 + 0.6·80 = 40 + 48 = 88.
    const live = await ok(api('office', 'GET', `/api/live/${f.plan}?period=2026-Y`));
    expect(live.halfYearFrozen).toBe(true);
    expect(live.units.map((u: Row) => [u.unit, u.total])).toEqual([
      ['u1', 87.2],
      ['u2', 88],
    ]);
    // The stored year-end evaluation carries it too, on the office's own year-end data.
    const input = tinyInput('2026-Y', { u1: [100, 100, 40, 50], u2: [100, 100, 25, 50] });
    await fillCycle(env, f.plan, input);
    const run = await ok(api('office', 'POST', `/api/plans/${f.plan}/evaluate`, { period: '2026-Y' }));
    expect(run.units.map((u: Row) => [u.unit, u.total])).toEqual([
      ['u1', 87.2],
      ['u2', 88],
    ]);
  });
});

describe('seeded verification sample (Z4)', () => {
  const ids = [11, 12, 13, 14, 15, 16, 17, 18];

  it('is reproducible: same seed and candidates → same sample, whatever their order', () => {
    const a = drawSample(ids, 3, '2026-M03 on-site');
    expect(drawSample([...ids].reverse(), 3, '2026-M03 on-site')).toEqual(a);
    expect(a).toHaveLength(3);
    expect(new Set(a).size).toBe(3);
    for (const id of a) expect(ids).toContain(id);
    expect(a).toEqual([...a].sort((x, y) => x - y));
  });

  it('takes everything when asked for more than there is, and a seed changes the draw', () => {
    expect(drawSample([3, 1, 2], 5, 'x')).toEqual([1, 2, 3]);
    const draws = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((s) => drawSample(ids, 2, s).join(',')));
    expect(draws.size).toBeGreaterThan(1);
  });
});
