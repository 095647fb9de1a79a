import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssignExpert, assignJudges, exclusionReasons } from './assignment.js';
import { callStatusAt, callStep } from './call-state.js';

const project = (id: number, unitCode: string, category = 'economy', organisation = `单位${unitCode}`) => ({
  id,
  unitCode,
  organisation,
  category,
});
const expert = (id: number, over: Partial<AssignExpert> = {}): AssignExpert => ({
  id,
  organisation: `大学${id}`,
  memberUnitCode: null,
  conflictUnitCodes: [],
  available: true,
  ...over,
});

describe('call state machine', () => {
  it('draft → open → closed, edits before closing, categories only in a draft, applications only while open', () => {
    expect(callStep('draft', 'open')).toEqual({ ok: true, to: 'open' });
    expect(callStep('open', 'close')).toEqual({ ok: true, to: 'closed' });
    expect(callStep('open', 'edit')).toEqual({ ok: true, to: 'open' });
    expect(callStep('open', 'editCategories')).toEqual({
      ok: false,
      code: 'innovation.call_state',
      params: { status: 'open', action: 'editCategories' },
    });
    expect(callStep('draft', 'apply').ok).toBe(false);
    expect(callStep('open', 'apply').ok).toBe(true);
    expect(callStep('closed', 'apply').ok).toBe(false);
    expect(callStep('closed', 'open').ok).toBe(false);
    expect(callStep('draft', 'close').ok).toBe(false);
  });
  it('an open call is closed once its deadline day has ended in Beijing', () => {
    const c = { status: 'open', deadline: '2026-05-31' };
    // 23:59 on 31 May in Beijing is 15:59 UTC.
    expect(callStatusAt(c, new Date('2026-05-31T15:59:00Z'))).toBe('open');
    expect(callStatusAt(c, new Date('2026-05-31T16:00:00Z'))).toBe('closed');
    expect(callStatusAt({ status: 'draft', deadline: '2020-01-01' }, new Date('2026-05-31T16:00:00Z'))).toBe(
      'draft',
    );
  });
});

describe('exclusion reasons', () => {
  it('names every reason an expert may not judge a project', () => {
    const p = project(1, 'fgj', 'economy', '区发展和改革局');
    expect(exclusionReasons(expert(1), p)).toEqual([]);
    expect(
      exclusionReasons(
        expert(2, {
          organisation: ' 区发展和改革局',
          memberUnitCode: 'fgj',
          conflictUnitCodes: ['fgj'],
          available: false,
        }),
        p,
      ),
    ).toEqual([
      { code: 'unavailable', params: {} },
      { code: 'same_organisation', params: { organisation: '区发展和改革局' } },
      { code: 'declared_conflict', params: { unit: 'fgj' } },
      { code: 'member_of_unit', params: { unit: 'fgj' } },
    ]);
  });
});

describe('assignJudges', () => {
  it('per project: the least-loaded eligible experts, ties by id, with shortfalls', () => {
    const ps = [project(1, 'a'), project(2, 'b'), project(3, 'c')];
    const es = [
      expert(10),
      expert(11, { conflictUnitCodes: ['a'] }),
      expert(12),
      expert(13, { available: false }),
    ];
    const r = assignJudges(ps, es, { perProject: 2 });
    // Project 1 has two eligible experts (10, 12) and goes first; then 2 and 3 take the lightest.
    expect(r.assignments).toEqual([
      { projectId: 1, expertId: 10 },
      { projectId: 1, expertId: 12 },
      { projectId: 2, expertId: 10 },
      { projectId: 2, expertId: 11 },
      { projectId: 3, expertId: 11 },
      { projectId: 3, expertId: 12 },
    ]);
    expect(r.shortfalls).toEqual([]);
    expect(r.exclusions).toContainEqual({
      projectId: 1,
      expertId: 11,
      reasons: [{ code: 'declared_conflict', params: { unit: 'a' } }],
    });
    expect(r.exclusions.filter((x) => x.expertId === 13)).toHaveLength(3);
    expect(assignJudges(ps, es, { perProject: 4 }).shortfalls).toEqual([
      { projectId: 1, wanted: 4, got: 2 },
      { projectId: 2, wanted: 4, got: 3 },
      { projectId: 3, wanted: 4, got: 3 },
    ]);
  });

  it('keeps fixed (manual) pairs: they count towards N and load', () => {
    const ps = [project(1, 'a'), project(2, 'b')];
    const es = [expert(10), expert(11), expert(12)];
    const r = assignJudges(ps, es, { perProject: 2 }, [{ projectId: 1, expertId: 12 }]);
    expect(r.assignments).toEqual(
      [
        { projectId: 1, expertId: 10 },
        { projectId: 2, expertId: 11 },
        { projectId: 2, expertId: 10 },
      ].sort((a, b) => a.projectId - b.projectId || a.expertId - b.expertId),
    );
  });

  it('panel per category: one panel judges the category, a conflicted member is replaced for that project', () => {
    const ps = [project(1, 'a', 'economy'), project(2, 'b', 'economy'), project(3, 'c', 'urban')];
    const es = [expert(10, { conflictUnitCodes: ['b'] }), expert(11), expert(12), expert(13)];
    const r = assignJudges(ps, es, { panelPerCategory: 2 });
    expect(r.panels).toEqual([
      { category: 'economy', expertIds: [11, 12] },
      { category: 'urban', expertIds: [10, 13] },
    ]);
    expect(r.assignments).toEqual([
      { projectId: 1, expertId: 11 },
      { projectId: 1, expertId: 12 },
      { projectId: 2, expertId: 11 },
      { projectId: 2, expertId: 12 },
      { projectId: 3, expertId: 10 },
      { projectId: 3, expertId: 13 },
    ]);
    // All experts conflicted with project 2 but two: the panel's stand-in fills the gap.
    const r2 = assignJudges(ps, [expert(10), expert(11, { conflictUnitCodes: ['b'] }), expert(12)], {
      panelPerCategory: 2,
    });
    expect(r2.assignments.filter((a) => a.projectId === 2).map((a) => a.expertId)).toEqual([10, 12]);
  });

  const unitCodes = ['a', 'b', 'c', 'd', 'e'];
  const projectsArb = fc
    .array(fc.record({ unit: fc.constantFrom(...unitCodes), category: fc.constantFrom('x', 'y', 'z') }), {
      minLength: 0,
      maxLength: 25,
    })
    .map((xs) => xs.map((x, i) => project(i + 1, x.unit, x.category)));
  const expertsArb = (withConflicts: boolean) =>
    fc
      .array(
        fc.record({
          member: fc.option(fc.constantFrom(...unitCodes), { nil: null }),
          conflicts: fc.subarray(unitCodes, { maxLength: 2 }),
          available: fc.boolean(),
          sameOrg: fc.option(fc.constantFrom(...unitCodes), { nil: null }),
        }),
        { minLength: 0, maxLength: 15 },
      )
      .map((xs) =>
        xs.map((x, i) =>
          withConflicts
            ? expert(100 + i, {
                memberUnitCode: x.member,
                conflictUnitCodes: x.conflicts,
                available: x.available,
                organisation: x.sameOrg ? `单位${x.sameOrg}` : `大学${i}`,
              })
            : expert(100 + i),
        ),
      );
  const modeArb = fc.oneof(
    fc.integer({ min: 1, max: 6 }).map((n) => ({ perProject: n })),
    fc.integer({ min: 1, max: 6 }).map((n) => ({ panelPerCategory: n })),
  );

  it('never assigns an expert who may not judge the project, nor twice', () => {
    fc.assert(
      fc.property(projectsArb, expertsArb(true), modeArb, (ps, es, mode) => {
        const r = assignJudges(ps, es, mode);
        const byId = new Map(es.map((e) => [e.id, e]));
        const seen = new Set<string>();
        for (const a of r.assignments) {
          const p = ps.find((x) => x.id === a.projectId)!;
          expect(exclusionReasons(byId.get(a.expertId)!, p)).toEqual([]);
          const k = `${a.projectId}/${a.expertId}`;
          expect(seen.has(k)).toBe(false);
          seen.add(k);
        }
        // Every excluded pair is reported with its reasons.
        for (const x of r.exclusions) expect(x.reasons.length).toBeGreaterThan(0);
      }),
    );
  });

  it('every project gets min(N, eligible) judges', () => {
    fc.assert(
      fc.property(projectsArb, expertsArb(true), modeArb, (ps, es, mode) => {
        const n = 'perProject' in mode ? mode.perProject : mode.panelPerCategory;
        const r = assignJudges(ps, es, mode);
        for (const p of ps) {
          const eligible = es.filter((e) => exclusionReasons(e, p).length === 0).length;
          const got = r.assignments.filter((a) => a.projectId === p.id).length;
          expect(got).toBe(Math.min(n, eligible));
          expect(r.shortfalls.some((s) => s.projectId === p.id)).toBe(got < n);
        }
      }),
    );
  });

  it('without conflicts, loads (per project mode) differ by at most one', () => {
    fc.assert(
      fc.property(projectsArb, expertsArb(false), fc.integer({ min: 1, max: 6 }), (ps, es, n) => {
        const r = assignJudges(ps, es, { perProject: n });
        const load = es.map((e) => r.assignments.filter((a) => a.expertId === e.id).length);
        if (load.length) expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is deterministic: the same input in another order gives the same answer', () => {
    fc.assert(
      fc.property(projectsArb, expertsArb(true), modeArb, (ps, es, mode) => {
        expect(assignJudges([...ps].reverse(), [...es].reverse(), mode)).toEqual(assignJudges(ps, es, mode));
      }),
    );
  });
});
