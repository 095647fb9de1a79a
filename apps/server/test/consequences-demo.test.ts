import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { demoApp, signIn, type TestEnv } from './helpers.js';

interface Line {
  rule: string;
  kind: string;
  code: string;
  params: Record<string, unknown>;
}
interface UnitLines {
  unit: string;
  group: string;
  rank: number;
  lines: Line[];
}

/**
 * 结果运用 and the archive on the demo city (issue 11 points 5 and 7): the 2024 and 2025 released
 * year-end runs are placed against the released 2026 run (demo/seed-archive.ts), so the
 * consecutive-year rules fire for the units picked there.
 */
describe('consequences and the archive (demo)', () => {
  let env: TestEnv;
  let office: string;
  let planId: number;
  let runId: number;
  let data: {
    archive: { year: number; planId: number; runId: number }[];
    units: UnitLines[];
    rules: { code: string }[];
  };
  const get = (url: string, cookie = office) => env.app.inject({ url, headers: { cookie } });
  const unitsOf = (group: string) =>
    data.units
      .filter((u) => u.group === group)
      .sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit));

  beforeAll(async () => {
    env = await demoApp();
    await env.database.exec('update app_user set must_change_password = false');
    office = await signIn(env, 'office', DEMO_PASSWORD);
    const plans = (await get('/api/plans?year=2026')).json().filter((p: { adHoc: boolean }) => !p.adHoc);
    planId = plans[0].id;
    runId = (await get(`/api/plans/${planId}/results?period=2026-Y`)).json().id;
    const res = await get(`/api/plans/${planId}/runs/${runId}/consequences`);
    expect(res.statusCode).toBe(200);
    data = res.json();
  });
  afterAll(() => env.close());

  it('reads the two earlier released years and gives every unit its quota line', () => {
    expect(data.archive.map((a) => a.year)).toEqual([2024, 2025]);
    expect(data.units).toHaveLength(125);
    for (const u of data.units) {
      const q = u.lines.filter((l) => l.code === 'excellence_quota');
      expect(q).toHaveLength(1);
      expect(q[0]!.params.quota).toBe(15 + (q[0]!.params.step as number));
    }
  });

  it('W5: the last unit of group A, last in 2025 as well, gets 组织调整 with both years', () => {
    const last = unitsOf('A').at(-1)!;
    const line = last.lines.find((l) => l.rule === 'last2');
    expect(line?.code).toBe('organisational_adjustment');
    expect((line!.params.years as number[]).slice(-2)).toEqual([2025, 2026]);
    expect(line!.params.ranks).toEqual(expect.arrayContaining([last.rank]));
  });

  it('S17: the second-to-last of B1, last in 2024 and 2025, is three years in the bottom three', () => {
    const list = unitsOf('B1');
    const unit = list.at(-2)!;
    const line = unit.lines.find((l) => l.rule === 'lagging3');
    expect(line?.code).toBe('replace_head');
    expect(line!.params.years).toEqual([2024, 2025, 2026]);
    expect((line!.params.ranks as number[]).slice(0, 2)).toEqual([list.length, list.length]);
  });

  it('Z10: the first of C1, first in 2024 and 2025 as well, has the streak quota and 集体记功 when 优秀 all three years', () => {
    const first = unitsOf('C1')[0]!;
    const quota = first.lines.find((l) => l.code === 'excellence_quota')!;
    expect(quota.params).toMatchObject({
      level: 0,
      step: 5,
      quota: 20,
      streak: 3,
      years: [2024, 2025, 2026],
    });
    expect(first.lines.some((l) => l.code === 'collective_merit')).toBe(true);
  });

  it('the vetoed unit is barred and has no award line; awards follow the engine (二十佳 over A and B)', () => {
    const vetoed = data.units.filter((u) => u.lines.some((l) => l.code === 'barred_from_awards'));
    expect(vetoed).toHaveLength(1);
    expect(vetoed[0]!.lines.some((l) => l.code === 'award')).toBe(false);
    const top20 = data.units.filter((u) => u.lines.some((l) => l.rule === 'top20'));
    expect(top20.length).toBeGreaterThanOrEqual(20);
    expect(top20.every((u) => ['A', 'B1', 'B2'].includes(u.group))).toBe(true);
  });

  it('is reproducible: the same lines on every read', async () => {
    const again = (await get(`/api/plans/${planId}/runs/${runId}/consequences`)).json();
    expect(again.units).toEqual(data.units);
  });

  it('exports one row per line with Chinese headers', async () => {
    const res = await get(`/api/plans/${planId}/runs/${runId}/consequences.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['单位代码', '单位名称', '组别', '名次']);
    expect(ws.rowCount - 1).toBe(data.units.reduce((n, u) => n + u.lines.length, 0));
    const last = unitsOf('A').at(-1)!.unit;
    const rows = ws.getSheetValues().filter((r) => Array.isArray(r) && r[1] === last) as unknown[][];
    expect(rows.some((r) => r[9] === '组织调整' && String(r[10]).includes('2025、2026'))).toBe(true);
  });

  it('a unit sees its own lines and its own archive only', async () => {
    const filler = await signIn(env, 'filler', DEMO_PASSWORD);
    const own = (await get(`/api/plans/${planId}/runs/${runId}/consequences`, filler)).json();
    expect(own.units.map((u: UnitLines) => u.unit)).toEqual(['A01']);
    const archive = await get('/api/archive/units/A01', filler);
    expect(archive.statusCode).toBe(200);
    expect(archive.json().years.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026]);
    expect((await get('/api/archive/units/B1-01', filler)).statusCode).toBe(404);
  });

  it("the archive of the W5 unit lists each year's rank and this year's W5 line", async () => {
    const last = unitsOf('A').at(-1)!;
    const a = (await get(`/api/archive/units/${last.unit}`)).json();
    const size = unitsOf('A').length;
    expect(a.years.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026]);
    expect(a.years.slice(1).map((y: { rank: number; groupSize: number }) => [y.rank, y.groupSize])).toEqual([
      [size, size],
      [last.rank, size],
    ]);
    expect(a.years[2].lines.some((l: Line) => l.rule === 'last2')).toBe(true);
    expect(a.years[1].lines.some((l: Line) => l.rule === 'last2')).toBe(false);
  });

  it("an earlier year's archive lines are that year's own consequences, key-indicator firsts too", async () => {
    const y2025 = data.archive.find((a) => a.year === 2025)!;
    const res = await get(`/api/plans/${y2025.planId}/runs/${y2025.runId}/consequences`);
    expect(res.statusCode).toBe(200);
    const then: { archive: { year: number }[]; units: UnitLines[] } = res.json();
    expect(then.archive.map((a) => a.year)).toEqual([2024]);
    // W5 重点工作单项第一 places units on indicators, so the archive recomputes that year's run.
    const first = then.units.find((u) => u.lines.some((l) => l.rule === 'key_first'))!;
    expect(first).toBeDefined();
    const archive = (await get(`/api/archive/units/${first.unit}`)).json();
    expect(archive.years.find((y: { year: number }) => y.year === 2025).lines).toEqual(first.lines);
  });

  it('a run that is not a year end has no consequences (409)', async () => {
    const half = (await get(`/api/plans/${planId}/results?period=2026-H1`)).json();
    const res = await get(`/api/plans/${planId}/runs/${half.id}/consequences`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.code).toBe('consequences.year_end_only');
  });
});
