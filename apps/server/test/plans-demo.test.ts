import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { demoApp, signIn, type TestEnv } from './helpers.js';

describe('demo plans and scores', () => {
  let env: TestEnv;
  let office: string;
  const get = (url: string, cookie = office) => env.app.inject({ url, headers: { cookie } });

  beforeAll(async () => {
    env = await demoApp();
    // Demo accounts must change their password unless the server runs in demo mode; tests sign in directly.
    await env.database.exec('update app_user set must_change_password = false');
    office = await signIn(env, 'office', DEMO_PASSWORD);
  });
  afterAll(() => env.close());

  it('has an active 2026 plan cloned from an archived 2025 plan (and 2024 for the archive), with a diff', async () => {
    const all = (await get('/api/plans')).json();
    // Beside the yearly plans, an ad-hoc special-topic plan of 2026 (Z7) is active.
    const plans = all.filter((p: { adHoc: boolean }) => !p.adHoc);
    expect(plans.map((p: { year: number; status: string }) => [p.year, p.status])).toEqual([
      [2026, 'active'],
      [2025, 'archived'],
      [2024, 'archived'],
    ]);
    expect(
      all.filter((p: { adHoc: boolean; status: string }) => p.adHoc && p.status === 'active'),
    ).toHaveLength(1);
    const current = plans[0];
    expect(current.errorCount).toBe(0);
    // Last year's plan validates too (group C's own T1 points moved with the rest).
    expect(plans.find((p: { year: number }) => p.year === 2025).errorCount).toBe(0);
    const diff = (await get(`/api/plans/${current.id}/diff`)).json();
    const points = diff.filter((d: { path: string }) => d.path.endsWith('.points'));
    expect(points).toEqual([
      { kind: 'changed', path: 'indicators[T1].points', code: 'T1', before: 22, after: 20 },
      { kind: 'changed', path: 'indicators[T4].points', code: 'T4', before: 3, after: 5 },
    ]);
  });

  it('has results for 2026-Y right away: 125 units, ranks, grades, one veto', async () => {
    const plans = (await get('/api/plans?year=2026')).json().filter((p: { adHoc: boolean }) => !p.adHoc);
    const run = (await get(`/api/plans/${plans[0].id}/results?period=2026-Y`)).json();
    expect(run.units).toHaveLength(125);
    expect(run.units.filter((u: { rank: number }) => u.rank === 1).length).toBeGreaterThanOrEqual(5);
    expect(run.units.every((u: { grade: unknown }) => u.grade)).toBe(true);
    expect(run.units.filter((u: { vetoes: string[] }) => u.vetoes.length > 0)).toHaveLength(1);
    expect(run.units.some((u: { bonus: number }) => u.bonus > 0)).toBe(true);
    expect(run.units.some((u: { deductions: number }) => u.deductions > 0)).toBe(true);
    const trace = (await get(`/api/plans/${plans[0].id}/results/A01/trace?period=2026-Y`)).json();
    expect(trace.unit).toBe('A01');

    // The A01 filler sees only A01.
    const filler = await signIn(env, 'filler', DEMO_PASSWORD);
    const own = (await get(`/api/plans/${plans[0].id}/results?period=2026-Y`, filler)).json();
    expect(own.units.map((u: { unit: string }) => u.unit)).toEqual(['A01']);
  });
});
