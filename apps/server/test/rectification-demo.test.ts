import { describe, expect, it } from 'vitest';
import { useDemoCity } from './use-app.js';

describe('demo: rectification tasks and the rating rounds of the lead departments', () => {
  const { env, get, cookie } = useDemoCity();

  it('A01 has three tasks: one overdue, one reported at 60 %', async () => {
    const tasks = await get('unitadmin', '/api/rectifications');
    expect(tasks).toHaveLength(3);
    expect(
      tasks.filter((t: { overdue: boolean }) => t.overdue).map((t: { title: string }) => t.title),
    ).toEqual(['考评台账资料不完整']);
    expect(tasks.find((t: { status: string }) => t.status === 'reported')).toMatchObject({ progress: 60 });
    // Another unit's filler sees none of them.
    expect(await get('filler2', '/api/rectifications')).toEqual([]);
  });

  it('last year 市统计局 was poor (a task); this year it is poor again, so closing flags it', async () => {
    const rounds = await get('office', '/api/rating-rounds');
    expect(rounds.map((r: { year: number; status: string }) => `${r.year} ${r.status}`)).toEqual([
      '2026 open',
      '2025 closed',
    ]);
    const last = rounds[1];
    const poor = last.results.filter((d: { poor: boolean }) => d.poor);
    expect(poor.map((d: { unitCode: string }) => d.unitCode)).toEqual(['B1-14']);
    expect(poor[0].taskId).toBeGreaterThan(0);
    // The assessor belongs to 市统计局: it reads its own department's result only.
    const mine = await get('assessor', `/api/rating-rounds/${last.id}`);
    expect(mine.results.map((d: { unitCode: string }) => d.unitCode)).toEqual(['B1-14']);
    // A01 has not rated yet and may rate all three departments.
    const open = await get('unitadmin', `/api/rating-rounds/${rounds[0].id}`);
    expect(open).toMatchObject({ status: 'open', mine: {} });
    const office = await cookie('office');
    const closed = await env.app.inject({
      method: 'POST',
      url: `/api/rating-rounds/${rounds[0].id}/close`,
      headers: { cookie: office },
      payload: { version: rounds[0].version },
    });
    expect(closed.statusCode).toBe(200);
    const flagged = closed
      .json()
      .results.filter((d: { losesLeadAuthority: boolean }) => d.losesLeadAuthority);
    expect(flagged.map((d: { unitCode: string }) => d.unitCode)).toEqual(['B1-14']);
  });
});
