import { describe, expect, it } from 'vitest';
import { useDemoCity } from './use-app.js';

describe('demo: the innovation call, its projects, the expert pool and the judges', () => {
  const { get } = useDemoCity();

  it('a 2026 call (closed: the defence is over) with the four categories and 12 projects of 12 units, 3 judges each', async () => {
    const [call] = await get('office', '/api/innovation/calls');
    expect(call).toMatchObject({ year: 2026, status: 'closed', projects: 12 });
    expect(call.categories).toHaveLength(4);
    const projects = await get('office', `/api/innovation/calls/${call.id}/projects`);
    expect(new Set(projects.map((p: { unitCode: string }) => p.unitCode)).size).toBe(12);
    const board = await get('office', `/api/innovation/calls/${call.id}/assignments`);
    expect(board.shortfalls).toEqual([]);
    for (const p of board.projects) {
      expect(p.judges).toHaveLength(3);
      const excluded = new Set(p.excluded.map((x: { expertId: number }) => x.expertId));
      for (const j of p.judges) expect(excluded.has(j.expertId)).toBe(false);
    }
    // 许研究员 declared a conflict with A09: the board says so.
    const a09 = board.projects.find((p: { unitCode: string }) => p.unitCode === 'A09');
    expect(a09.excluded.map((x: { name: string }) => x.name)).toContain('许研究员');
    // The unit sees its own project only.
    const mine = await get('filler', `/api/innovation/calls/${call.id}/projects`);
    expect(mine.map((p: { unitCode: string; editable: boolean }) => [p.unitCode, p.editable])).toEqual([
      ['A01', false],
    ]);
  });

  it('12 experts, contact data for the office only; the expert account judges its assigned projects', async () => {
    const pool = await get('office', '/api/innovation/experts');
    expect(pool).toHaveLength(12);
    expect(pool.every((e: { contact: unknown }) => e.contact !== null)).toBe(true);
    expect(
      (await get('leader', '/api/innovation/experts')).every((e: { contact: unknown }) => e.contact === null),
    ).toBe(true);
    const mine = await get('expert', '/api/innovation/my-projects');
    expect(mine.length).toBeGreaterThan(0);
    expect(JSON.stringify(mine)).not.toContain('1390000');
  });

  it('a finished defence session; results with a top ten; the bonus events match the proposals', async () => {
    const [call] = await get('office', '/api/innovation/calls');
    const [session] = await get('office', `/api/innovation/calls/${call.id}/sessions`);
    expect(session).toMatchObject({
      status: 'finished',
      projects: 12,
      closed: 12,
      chair: { name: '林教授' },
    });
    const board = await get('office', `/api/innovation/sessions/${session.id}/board`);
    for (const item of board.items)
      expect(item).toMatchObject({ stage: 'closed', submitted: 3, assigned: 3 });
    const r = await get('office', `/api/innovation/calls/${call.id}/results`);
    expect(r).toMatchObject({ stale: false, left: [], plan: { source: 'innovation', period: '2026-Y' } });
    expect(r.projects).toHaveLength(12);
    expect(r.topTen.length).toBeGreaterThanOrEqual(10);
    const seats = r.projects.filter((p: { topTen: boolean }) => p.topTen);
    expect(seats.map((p: { projectId: number }) => p.projectId).sort()).toEqual([...r.topTen].sort());
    // Each project's score is the mean of its three judges (fewer than five: no trimming).
    for (const p of r.projects) {
      const mean = p.panel.reduce((s: number, x: { raw: number }) => s + x.raw, 0) / p.panel.length;
      expect(p.score).toBeCloseTo(mean, 2);
    }
    // Seats 1–3 earn 1 point, 4–10 earn 0.5: the approved events of the plan are exactly those.
    const granted = r.proposals.filter((p: { points: number }) => p.points > 0);
    expect(granted).toHaveLength(r.topTen.length);
    const events = (await get('office', `/api/events?planId=${r.plan.id}&kind=bonus&status=approved`)).filter(
      (e: { reason: string }) => e.reason.includes('改革创新十优'),
    );
    expect(events).toHaveLength(granted.length);
    for (const p of granted) {
      const e = events.find((x: { reason: string }) => x.reason.includes(`「${p.title}」`));
      expect(e).toMatchObject({
        unitCode: p.unitCode,
        points: p.points,
        period: '2026-Y',
        code: 'innovation',
      });
    }
    expect(r.applied).toMatchObject({ events: granted.length });
    // A01's filler: its own project, its judges unnamed.
    const mine = await get('filler', `/api/innovation/calls/${call.id}/results`);
    expect(mine.projects.map((p: { unitCode: string }) => p.unitCode)).toEqual(['A01']);
    expect(mine.projects[0].panel.every((x: { judge: unknown }) => x.judge === null)).toBe(true);
    expect(mine.judges).toEqual([]);
    // The expert's projects are all locked.
    const judging = await get('expert', `/api/innovation/calls/${call.id}/judging`);
    expect(judging.projects.length).toBeGreaterThan(0);
    expect(judging.projects.every((p: { locked: boolean; sheet: unknown }) => p.locked && p.sheet)).toBe(
      true,
    );
  });
});
