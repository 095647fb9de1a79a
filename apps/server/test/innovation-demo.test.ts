import { describe, expect, it } from 'vitest';
import { useDemoCity } from './use-app.js';

describe('demo: the innovation call, its projects, the expert pool and the judges', () => {
  const { get } = useDemoCity();

  it('an open 2026 call with the four categories and 12 projects of 12 units, 3 judges each', async () => {
    const [call] = await get('office', '/api/innovation/calls');
    expect(call).toMatchObject({ year: 2026, status: 'open', projects: 12 });
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
      ['A01', true],
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
});
