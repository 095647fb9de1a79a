import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { demoApp, signIn, type TestEnv } from './helpers.js';

/**
 * The demo as a new user meets it (issue 8 point 4): the October live board and the frozen half
 * year compare year-to-date figures with the share of the target due by then, so scores spread
 * over several grade levels instead of every unit failing; the year-end result is released.
 */
interface Unit {
  unit: string;
  total: number;
  rank: number;
  grade: { name: string } | null;
  lost?: { code: string; sources?: { kind: string }[] }[];
}

describe('demo cycle: plausible scores from the cycle data', () => {
  let env: TestEnv;
  const cookie: Record<string, string> = {};
  const get = async (user: string, url: string) => {
    const r = await env.app.inject({ method: 'GET', url, headers: { cookie: cookie[user]! } });
    return { status: r.statusCode, body: r.json() as Record<string, unknown> & { units: Unit[] } };
  };
  let planId = 0;

  beforeAll(async () => {
    // December 2026, as the demo is meant: M10 is past its due date (2026-11-10).
    env = await demoApp('2026-12-04T02:00:00Z');
    for (const u of ['office', 'filler', 'filler2', 'leader', 'assessor'])
      cookie[u] = await signIn(env, u, DEMO_PASSWORD);
    planId = (
      await env.database.query<{ id: number }>(
        "select id from plan where year = 2026 and status = 'active' and name like '%市级机关%'",
      )
    )[0]!.id;
  });
  afterAll(() => env.close());

  const spread = (units: Unit[]) => {
    const totals = units.map((u) => u.total);
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    return {
      mean,
      min: Math.min(...totals),
      max: Math.max(...totals),
      grades: new Set(units.map((u) => u.grade?.name)),
    };
  };

  it('the October live board spreads over at least three grade levels, and a group leader is not 不合格', async () => {
    const { status, body } = await get('office', `/api/live/${planId}?period=2026-M10`);
    expect(status).toBe(200);
    expect(body.units).toHaveLength(125);
    const s = spread(body.units);
    expect(s.grades.size).toBeGreaterThanOrEqual(3);
    expect(s.mean).toBeGreaterThan(60);
    expect(s.max - s.min).toBeGreaterThan(10);
    for (const u of body.units.filter((x) => x.rank === 1)) expect(u.grade?.name).not.toBe('不合格');
  });

  it('the frozen half year averages a plausible score with three grade levels', async () => {
    const { status, body } = await get('office', `/api/plans/${planId}/results?period=2026-H1`);
    expect(status).toBe(200);
    const s = spread(body.units);
    expect(s.mean).toBeGreaterThan(60);
    expect(s.grades.size).toBeGreaterThanOrEqual(3);
  });

  it('filler2 (B1-01) opens its own live score; its lost points name their sources', async () => {
    const { status, body } = await get('filler2', `/api/live/${planId}?period=2026-M10`);
    expect(status).toBe(200);
    expect(body.units.map((u) => u.unit)).toEqual(['B1-01']);
    const lost = body.units[0]!.lost ?? [];
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.some((l) => (l.sources ?? []).length > 0)).toBe(true);
  });

  it('the year-end run is released: the filler sees A01 only, the leader everyone', async () => {
    const mine = await get('filler', `/api/plans/${planId}/results?period=2026-Y`);
    expect(mine.status).toBe(200);
    expect(mine.body.status).toBe('released');
    expect(mine.body.units.map((u) => u.unit)).toEqual(['A01']);
    const all = await get('leader', `/api/plans/${planId}/results?period=2026-Y`);
    expect(all.body.units).toHaveLength(125);
    expect(spread(all.body.units).grades.size).toBeGreaterThanOrEqual(3);
  });

  it('an ad-hoc plan (Z7) is active beside the yearly plan, valid, and labelled', async () => {
    const { body } = await get('office', '/api/plans?year=2026');
    const list = ((body as unknown as { items?: unknown[] }).items ?? body) as unknown as {
      name: string;
      status: string;
      adHoc: boolean;
      errorCount: number;
    }[];
    const active = list.filter((p) => p.status === 'active');
    expect(active.map((p) => p.adHoc).sort()).toEqual([false, true]);
    for (const p of active) expect(p.errorCount).toBe(0);
  });

  it('forms list the imported values too (source import) for the office and the assessor', async () => {
    for (const user of ['office', 'assessor']) {
      const r = await get(user, `/api/submissions?planId=${planId}&period=2026-M10`);
      expect(r.status).toBe(200);
    }
    const form = await get('filler', `/api/submissions?planId=${planId}&period=2026-M10`);
    const items = (
      form.body as unknown as { items: { indicator: string; due?: boolean; submission: unknown }[] }
    ).items;
    // October shows the monthly indicators only (T2 is quarterly; T3 and S1–S4 report once a year).
    expect([...new Set(items.map((i) => i.indicator.split('.')[0]))].sort()).toEqual([
      'D1',
      'D2',
      'D3',
      'T1',
      'T4',
    ]);
    expect(items.filter((i) => i.due && !i.submission).map((i) => i.indicator)).toEqual(['T4']);
  });
});
