import { describe, expect, it } from 'vitest';
import { lagMonth } from '../src/modules/cockpit/cockpit.service.js';
import { laggingList, shapeCockpit } from '../src/modules/cockpit/cockpit-shape.js';
import { fillCycle } from './cycle-data.js';
import { jsonOf, makeUser, signIn } from './helpers.js';
import { injectAsUser } from './org-fixture.js';
import { tinyInput, tinyPlan } from './plans-fixture.js';
import { cycleFixture } from './submissions-fixture.js';
import { useTestApp } from './use-app.js';

/** A trace leaf or component for the pure shaping tests. */
interface Node {
  code: string;
  name: string;
  full: number;
  score: number | null;
  children: Node[];
}
const node = (code: string, full: number, score: number | null, children: Node[] = []): Node => ({
  code,
  name: `名${code}`,
  full,
  score,
  children,
});
const standing = (unit: string, group: string, total: number, rank: number) => ({
  unitId: unit.length,
  unit,
  name: unit,
  group,
  total,
  rank,
  grade: null,
});

describe('cockpit shaping (pure)', () => {
  it('points lost per leaf, aspect rates, top indicators per group, trend and group order', () => {
    const s = shapeCockpit({
      groups: [
        { code: 'B', name: '乙组' },
        { code: 'A', name: '甲组' },
      ],
      top: 2,
      units: [
        // a: C1 (60) = L1 40 of 40 + L2 10 of 20 → 50; C2 (40) = L3 30 of 40. Lost L2 10, L3 10.
        {
          ...standing('a', 'A', 80, 2),
          components: [
            node('C1', 60, 50, [node('L1', 40, 40), node('L2', 20, 10)]),
            node('C2', 40, 30, [node('L3', 40, 30)]),
          ],
        },
        // b: L1 35 (lost 5), L2 left out (lost nothing), L3 40. C1 rate 35/60.
        {
          ...standing('b', 'A', 95, 1),
          components: [
            node('C1', 60, 35, [node('L1', 40, 35), node('L2', 20, null)]),
            node('C2', 40, 40, [node('L3', 40, 40)]),
          ],
        },
        {
          ...standing('c', 'B', 70, 1),
          components: [
            node('C1', 60, null, [node('L1', 40, null)]),
            node('C2', 40, 10, [node('L3', 40, 10)]),
          ],
        },
      ],
      trend: [
        { period: '2026-M02', units: [{ unit: 'a', total: 81, rank: 1 }] },
        { period: '2026-M01', units: [{ unit: 'a', total: 70, rank: 2 }] },
      ],
    });
    expect(s.aspects).toEqual([
      { code: 'C1', name: '名C1' },
      { code: 'C2', name: '名C2' },
    ]);
    // The plan's group order (B before A), units by rank.
    expect(s.groups.map((g) => [g.group, g.name, g.units.map((u) => u.unit)])).toEqual([
      ['B', '乙组', ['c']],
      ['A', '甲组', ['b', 'a']],
    ]);
    const [b, a] = s.groups[1]!.units;
    expect(a).toMatchObject({ lost: { L2: 10, L3: 10 }, lostTotal: 20, aspects: { C1: 0.833333, C2: 0.75 } });
    expect(a!.trend).toEqual([
      { period: '2026-M01', total: 70, rank: 2 },
      { period: '2026-M02', total: 81, rank: 1 },
    ]);
    expect(b).toMatchObject({ lost: { L1: 5 }, lostTotal: 5, aspects: { C1: 0.583333, C2: 1 }, trend: [] });
    // Group A loses L2 10, L3 10, L1 5: the top two, ties by code.
    expect(s.groups[1]!.indicators).toEqual([
      { code: 'L2', name: '名L2', lost: 10 },
      { code: 'L3', name: '名L3', lost: 10 },
    ]);
    // c: C1 left out → no rate; L3 loses 30.
    expect(s.groups[0]!.units[0]).toMatchObject({ aspects: { C1: null, C2: 0.25 }, lost: { L3: 30 } });
  });

  it('lagging list: only lagging and serious, by group then the most behind', () => {
    const units = [
      { id: 1, code: 'u1', name: '一', group: 'B' },
      { id: 2, code: 'u2', name: '二', group: 'A' },
    ];
    const rows = laggingList(
      [
        { unitId: 1, indicator: 'I1', ratio: 0.9, status: 'lagging' },
        { unitId: 1, indicator: 'I2', ratio: 0.5, status: 'serious' },
        { unitId: 2, indicator: 'I1', ratio: 1.2, status: 'on_track' },
        { unitId: 2, indicator: 'I2', ratio: 0.95, status: 'lagging' },
        { unitId: 2, indicator: 'I1', ratio: null, status: 'no_data' },
      ],
      units,
      [{ code: 'I1', name: '任务' }],
    );
    expect(rows.map((r) => [r.unit, r.indicator, r.indicatorName, r.status])).toEqual([
      ['u2', 'I2', 'I2', 'lagging'],
      ['u1', 'I2', 'I2', 'serious'],
      ['u1', 'I1', '任务', 'lagging'],
    ]);
  });

  it('the lagging month is the period’s last month', () => {
    expect(lagMonth('2026-Y')).toBe('2026-M12');
    expect(lagMonth('2026-H1')).toBe('2026-M06');
    expect(lagMonth('2026-M05')).toBe('2026-M05');
  });
});

/**
 * The cockpit on a two-aspect variant of the tiny plan: 目标任务 (60: I1 completion) and 效能
 * (40: I2 completion); completion = value / pro-rata target × points; grades 优秀 ≥ 90, 良好 ≥ 75.
 */
const twoAspects = () => {
  const p = tinyPlan();
  return {
    ...p,
    components: [
      { code: 'main', name: '目标任务', points: 60 },
      { code: 'eff', name: '效能', points: 40 },
    ],
    indicators: p.indicators.map((i) => (i.code === 'I2' ? { ...i, component: 'eff' } : i)),
  };
};

describe('GET /api/cockpit/:planId and the unit view', () => {
  const env = useTestApp();
  const who: Record<string, string> = {};
  const api = injectAsUser(() => env, who);
  const get = async (user: string, url: string, status = 200) => {
    const r = await api(user, 'GET', url);
    expect(r.statusCode, r.body).toBe(status);
    return r.json();
  };

  it('totals, ranks, points lost, aspect rates, trend, lagging and counts, hand-computed', async () => {
    const f = await cycleFixture(env, twoAspects());
    who.office = f.office;
    await makeUser(env, 'boss', [{ role: 'leader', scopeType: 'global' }]);
    for (const u of ['filler1', 'filler2', 'provider', 'boss']) who[u] = await signIn(env, u);
    // Targets I1 100, I2 50 for both units (the office's figures), values from submissions.
    const input = tinyInput('2026-M01', { u1: [0, 100, 0, 50], u2: [0, 100, 0, 50] });
    input.values = input.values.map(({ unit, indicator, target }) => ({ unit, indicator, target })) as never;
    await fillCycle(env, f.plan, input);
    const enter = (user: string, unitId: number, indicator: string, value: number) =>
      jsonOf(
        api(user, 'POST', '/api/submissions', {
          planId: f.plan,
          unitId,
          indicator,
          period: '2026-M06',
          value,
        }),
        201,
      );
    // June, pro-rata 6/12: I1 expects 50, I2 25.
    await enter('filler1', f.u1, 'I1', 45);
    await enter('provider', f.u1, 'I2', 20);
    await enter('filler2', f.u2, 'I1', 50);
    await enter('provider', f.u2, 'I2', 25);
    // A stored June run (a draft: the office's trend has it, the leaders' not).
    await jsonOf(api('office', 'POST', `/api/plans/${f.plan}/evaluate`, { period: '2026-M06' }));
    await env.database.query(
      "insert into notice (kind, plan_id, unit_id, indicator, title, body) values ('urging', $1, $2, 'I1', '催办', '请加快')",
      [f.plan, f.u1],
    );
    await env.database.query(
      `insert into rectification_task (unit_id, source_kind, title, weakness_code, weakness_params, deadline, created_by)
       values ($1, 'manual', '整改', 'rectification.weakness.manual', '{}', '2026-12-31', 'office')`,
      [f.u1],
    );

    const c = await get('office', `/api/cockpit/${f.plan}?period=2026-M06`);
    // u1: I1 45/50·60 = 54 (loses 6), I2 20/25·40 = 32 (loses 8) → 86 良好, rank 2; u2 60 + 40 = 100 优秀.
    expect(c.aspects).toEqual([
      { code: 'main', name: '目标任务' },
      { code: 'eff', name: '效能' },
    ]);
    expect(c.groups).toHaveLength(1);
    const [g] = c.groups;
    expect(
      g.units.map((u: { unit: string; total: number; rank: number; grade: { name: string } }) => [
        u.unit,
        u.total,
        u.rank,
        u.grade.name,
      ]),
    ).toEqual([
      ['u2', 100, 1, '优秀'],
      ['u1', 86, 2, '良好'],
    ]);
    expect(g.units[1]).toMatchObject({
      unitId: f.u1,
      lost: { I1: 6, I2: 8 },
      lostTotal: 14,
      aspects: { main: 0.9, eff: 0.8 },
      trend: [{ period: '2026-M06', total: 86, rank: 2 }],
    });
    expect(g.units[0]).toMatchObject({ lost: {}, lostTotal: 0, aspects: { main: 1, eff: 1 } });
    expect(g.indicators).toEqual([
      { code: 'I2', name: '重点项目完成率', lost: 8 },
      { code: 'I1', name: '主要任务完成率', lost: 6 },
    ]);
    expect(c.trendPeriods).toEqual(['2026-M06']);
    // Pro-rata at June: u1 I2 20/25 = 0.8 and I1 45/50 = 0.9 are lagging (below 1, not below 0.8).
    expect(c.lagPeriod).toBe('2026-M06');
    expect(
      c.lagging.map((l: { unit: string; indicator: string; ratio: number; status: string }) => [
        l.unit,
        l.indicator,
        l.ratio,
        l.status,
      ]),
    ).toEqual([
      ['u1', 'I2', 0.8, 'lagging'],
      ['u1', 'I1', 0.9, 'lagging'],
    ]);
    expect(c.counts).toEqual({ openObjections: 0, openNotices: 1, openRectifications: 1 });

    // The leaders see the same live standing, but not the office's draft run in the trend.
    const l = await get('boss', `/api/cockpit/${f.plan}?period=2026-M06`);
    expect(l.groups[0].units.map((u: { total: number }) => u.total)).toEqual([100, 86]);
    expect(l.trendPeriods).toEqual([]);

    // The unit head's view: its own standing and where it loses points; another unit is not found.
    const mine = await get('filler1', `/api/cockpit/${f.plan}/unit/${f.u1}?period=2026-M06`);
    expect(mine).toMatchObject({ groupSize: 2, unit: { unit: 'u1', total: 86, rank: 2, lostTotal: 14 } });
    expect(mine.losing).toEqual([
      { code: 'I2', name: '重点项目完成率', lost: 8 },
      { code: 'I1', name: '主要任务完成率', lost: 6 },
    ]);
    expect(mine.lagging).toHaveLength(2);
    expect(mine.unit.trend).toEqual([]);
    await get('filler1', `/api/cockpit/${f.plan}/unit/${f.u2}?period=2026-M06`, 404);
    // A unit role has no cockpit; a bad period is refused with the field named.
    await get('filler1', `/api/cockpit/${f.plan}?period=2026-M06`, 403);
    await get('office', `/api/cockpit/${f.plan}?period=June`, 400);
    // An empty year: no values at all in 2026-M01's live evaluation still shapes every unit.
    const jan = await get('office', `/api/cockpit/${f.plan}?period=2026-M01`);
    expect(jan.groups[0].units).toHaveLength(2);
  });
});
