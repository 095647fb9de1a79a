import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletinHeader } from '../src/modules/progress/bulletin.js';
import { importForSeed } from '../src/modules/supervision/supervision.service.js';
import { systemCtx } from '../src/platform/context.js';
import { makeUser, signIn } from './helpers.js';
import { buildCycle, type CycleFixture, fixtureItems } from './notices-fixture.js';
import { useTestApp } from './use-app.js';

describe('progress matrix and bulletin', () => {
  const env = useTestApp();
  let f: CycleFixture;
  type Cell = {
    unit: string;
    indicator: string;
    expected: number;
    actual: number;
    ratio: number | null;
    status: string;
    source: string;
    target: number;
  };

  beforeAll(async () => {
    f = await buildCycle(env);
    await env.database.db.transaction((tx) =>
      importForSeed(env.deps, tx, systemCtx, f.plan, 'dcgl', fixtureItems),
    );
    await makeUser(env, 'u1filler', [{ role: 'unit_filler', scopeType: 'org', orgNodeId: f.unit1 }], f.unit1);
    await makeUser(env, 'u1leader', [{ role: 'leader', scopeType: 'org', orgNodeId: f.unit1 }], f.unit1);
    await makeUser(env, 'lead', [{ role: 'assessor', scopeType: 'indicators', refs: ['P'] }]);
  });

  const get = (cookie: string, url: string) => env.app.inject({ url, headers: { cookie } });

  it('computes every unit × tracked indicator as hand-computed in the fixture', async () => {
    const r = await get(f.office, `/api/progress/${f.plan}?period=2026-M06`);
    expect(r.statusCode, r.body).toBe(200);
    const m = r.json();
    // D (lower is better) is not tracked.
    expect(m.indicators.map((i: { code: string; mode: string }) => `${i.code}:${i.mode}`)).toEqual([
      'I1:latest',
      'K:latest',
      'P:latest',
    ]);
    const cell = (unit: string, ind: string) =>
      (m.cells as Cell[]).find((c) => c.unit === unit && c.indicator === ind)!;
    expect(cell('u1', 'I1')).toMatchObject({
      target: 120,
      actual: 50,
      expected: 60,
      ratio: 0.8333,
      status: 'lagging',
      source: 'submissions',
    });
    expect(cell('u2', 'I1')).toMatchObject({
      target: 150,
      actual: 70,
      expected: 75,
      ratio: 0.9333,
      status: 'lagging',
    });
    expect(cell('u1', 'P')).toMatchObject({
      target: 24,
      actual: 6,
      expected: 12,
      ratio: 0.5,
      status: 'serious',
    });
    expect(cell('u2', 'P')).toMatchObject({ target: 0, expected: 0, ratio: null, status: 'on_track' });
    expect(cell('u1', 'K')).toMatchObject({
      target: 100,
      actual: 50,
      expected: 50,
      ratio: 1,
      status: 'on_track',
      source: 'supervision',
    });
    expect(cell('u2', 'K')).toMatchObject({
      target: 100,
      actual: 20,
      expected: 50,
      ratio: 0.4,
      status: 'serious',
    });
  });

  it('an org-scoped reader sees only its own row; a lead department only its indicators', async () => {
    // Unit fillers follow progress through their notices; the matrix needs progress.read.
    expect(
      (await get(await signIn(env, 'u1filler'), `/api/progress/${f.plan}?period=2026-M06`)).statusCode,
    ).toBe(403);
    const mine = (await get(await signIn(env, 'u1leader'), `/api/progress/${f.plan}?period=2026-M06`)).json();
    expect(mine.units.map((u: { code: string }) => u.code)).toEqual(['u1']);
    const lead = (await get(await signIn(env, 'lead'), `/api/progress/${f.plan}?period=2026-M06`)).json();
    expect(lead.indicators.map((i: { code: string }) => i.code)).toEqual(['P']);
    expect(lead.cells).toHaveLength(2);
  });

  it('the quarterly bulletin lists the lagging items, most behind first; the .xlsx reads back', async () => {
    const b = (await get(f.office, `/api/bulletins/${f.plan}?quarter=2026-Q2`)).json();
    expect(b.title).toBe('2026年第二季度绩效管理工作通报');
    expect(b.rows.map((r: Cell) => `${r.unit}/${r.indicator}`)).toEqual(['u2/K', 'u1/P', 'u1/I1', 'u2/I1']);
    const x = await get(f.office, `/api/bulletins/${f.plan}?quarter=2026-Q2&format=xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('2026年第二季度绩效管理工作通报');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([...bulletinHeader]);
    expect(ws.getCell('E2').value).toBe('指标名称');
    const rows = [3, 4, 5, 6].map((n) => (ws.getRow(n).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['A', 'u2', '二号局', 'K', '重点工作', 100, 50, 20, 0.4, '严重滞后'],
      ['A', 'u1', '一号局', 'P', '信息报送', 24, 12, 6, 0.5, '严重滞后'],
      ['A', 'u1', '一号局', 'I1', '主要任务', 120, 60, 50, 0.8333, '滞后'],
      ['A', 'u2', '二号局', 'I1', '主要任务', 150, 75, 70, 0.9333, '滞后'],
    ]);
    expect(ws.getCell('I3').numFmt).toBe('0.0%');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('bad period → 400 naming it; an unknown plan → 404', async () => {
    const bad = await get(f.office, `/api/progress/${f.plan}?period=2026-13`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('period');
    expect((await get(f.office, '/api/progress/9999?period=2026-M06')).statusCode).toBe(404);
  });
});
