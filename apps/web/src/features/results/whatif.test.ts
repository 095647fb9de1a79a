import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  computeDeltas,
  currentValue,
  deductionProblems,
  eventDraftLink,
  keepSimulation,
  loadSimulation,
  movedOnly,
  placesMoved,
  readSimulation,
  type Standing,
  simulationKey,
  type WhatIfChange,
} from './whatif.js';

const g = (code: string) => ({ code, name: code, color: '#000' });
const s = (unit: string, total: number, rank: number, grade = 'good', group = 'A'): Standing => ({
  unit,
  name: unit,
  group,
  total,
  rank,
  grade: g(grade),
});

describe('computeDeltas', () => {
  const before = [s('U1', 90, 1, 'excellent'), s('U2', 85, 2), s('U3', 80, 3), s('V1', 70, 1, 'pass', 'B')];
  const after = [s('U1', 84.5, 2), s('U2', 85, 1, 'excellent'), s('U3', 80, 3), s('V1', 70, 1, 'pass', 'B')];

  it('gives Δtotal, places moved and grade changes, sorted by the new rank', () => {
    const d = computeDeltas(before, after, 'A');
    expect(d.map((x) => x.unit)).toEqual(['U2', 'U1', 'U3']);
    expect(d[0]).toMatchObject({ dTotal: 0, dRank: 1, gradeChanged: true });
    expect(d[1]).toMatchObject({ dTotal: -5.5, dRank: -1, gradeChanged: true });
    expect(d[2]).toMatchObject({ dTotal: 0, dRank: 0, gradeChanged: false });
  });

  it('keeps other groups apart and lists only moved units on request', () => {
    expect(computeDeltas(before, after).length).toBe(4);
    expect(movedOnly(computeDeltas(before, after)).map((x) => x.unit)).toEqual(['U2', 'U1']);
  });

  it('rounds the total difference to 2 decimals (no float noise)', () => {
    const d = computeDeltas([s('U', 0.1, 1)], [s('U', 0.3, 1)]);
    expect(d[0]!.dTotal).toBe(0.2);
  });
});

describe('applyChanges', () => {
  const input = {
    period: '2026-Y',
    units: [],
    values: [{ unit: 'U1', indicator: 'T1', value: 80, target: 100 }],
    bonuses: [{ unit: 'U1', source: 'innovation', points: 1 }],
  };

  it('changes a field, adds missing rows, appends bonuses and deductions, and leaves the input alone', () => {
    const out = applyChanges(input, [
      { type: 'value', unit: 'U1', indicator: 'T1', field: 'value', value: 95 },
      { type: 'value', unit: 'U2', indicator: 'T1', field: 'target', value: 50 },
      { type: 'bonus', unit: 'U2', source: 'effect', points: 2, reason: 'r' },
      { type: 'deduction', unit: 'U1', points: 0.5, reason: '迟报' },
    ]);
    expect(out.values).toEqual([
      { unit: 'U1', indicator: 'T1', value: 95, target: 100 },
      { unit: 'U2', indicator: 'T1', target: 50 },
    ]);
    expect(out.bonuses).toHaveLength(2);
    expect(out.deductions).toEqual([{ unit: 'U1', points: 0.5, reason: '迟报' }]);
    expect(input.values[0]!.value).toBe(80);
    expect(input.bonuses).toHaveLength(1);
    expect(currentValue(out, 'U1', 'T1', 'value')).toBe(95);
    expect(currentValue(out, 'U1', 'T9', 'value')).toBeNull();
  });
});

describe('placesMoved (Δ名次 with its direction)', () => {
  it('shows ↑ for a unit that rose, ↓ for one that fell and — when unchanged', () => {
    expect(placesMoved(2)).toEqual({ dir: 'up', n: 2, text: '↑2' });
    expect(placesMoved(-1)).toEqual({ dir: 'down', n: 1, text: '↓1' });
    expect(placesMoved(0)).toEqual({ dir: 'same', n: 0, text: '—' });
  });

  it('tells the unit that fell from the one that rose when two swap places', () => {
    const before = [s('U1', 90, 1), s('U2', 85, 2)];
    const after = [s('U1', 84, 2), s('U2', 85, 1)];
    const d = computeDeltas(before, after);
    const text = new Map(d.map((x) => [x.unit, placesMoved(x.dRank).text]));
    expect(text.get('U1')).toBe('↓1');
    expect(text.get('U2')).toBe('↑1');
  });
});

describe('a simulation is kept per user, plan, period and run', () => {
  const scope = { user: 'office', planId: 2, period: '2026-Y', runId: 7 };
  const memory = () => {
    const m = new Map<string, string>();
    return {
      m,
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
    };
  };
  const changes: WhatIfChange[] = [
    { type: 'deduction', unit: 'A01', points: 1.5, reason: '日常督查发现问题' },
    { type: 'value', unit: 'A02', indicator: 'T1', field: 'value', value: 90 },
  ];

  it('keys by user, plan, period and run', () => {
    expect(simulationKey(scope)).toBe('jixiao.whatif.office.2.2026-Y.7');
    expect(simulationKey({ ...scope, user: 'leader' })).not.toBe(simulationKey(scope));
    expect(simulationKey({ ...scope, runId: 8 })).not.toBe(simulationKey(scope));
  });

  it('round-trips, forgets an empty simulation, and keeps other users apart', () => {
    const store = memory();
    keepSimulation(store, scope, changes);
    expect(loadSimulation(store, scope)).toEqual(changes);
    expect(loadSimulation(store, { ...scope, user: 'admin' })).toEqual([]);
    keepSimulation(store, scope, []);
    expect(store.m.size).toBe(0);
  });

  it('drops unreadable or invalid entries instead of failing', () => {
    expect(readSimulation('not json')).toEqual([]);
    expect(readSimulation('{"a":1}')).toEqual([]);
    expect(
      readSimulation(
        JSON.stringify([
          { type: 'deduction', unit: 'A01', points: 1, reason: '' },
          { type: 'deduction', unit: 'A01', points: -1, reason: 'x' },
          { type: 'value', unit: 'A01', indicator: 'T1', field: 'nope', value: 1 },
          { type: 'bonus', unit: 'A01', source: 'innovation', points: 2 },
        ]),
      ),
    ).toEqual([{ type: 'bonus', unit: 'A01', source: 'innovation', points: 2 }]);
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {},
    };
    expect(loadSimulation(broken, scope)).toEqual([]);
    expect(() => keepSimulation(broken, scope, changes)).not.toThrow();
  });
});

describe('a simulated deduction', () => {
  it('asks for points above 0 (at most 1000) and a reason', () => {
    expect(deductionProblems({ points: 1, reason: '迟报' })).toEqual({});
    expect(deductionProblems({ points: null, reason: '' })).toEqual({
      points: 'sim.pointsInvalid',
      reason: 'sim.reasonRequired',
    });
    expect(deductionProblems({ points: 0, reason: 'x' }).points).toBe('sim.pointsInvalid');
    expect(deductionProblems({ points: 1001, reason: 'x' }).points).toBe('sim.pointsInvalid');
    expect(deductionProblems({ points: 2, reason: '   ' }).reason).toBe('sim.reasonRequired');
  });

  it('links to the events page prefilled, where the real event is recorded', () => {
    const url = eventDraftLink(
      { type: 'deduction', unit: 'A01', points: 1.5, reason: '日常督查 发现问题', indicator: 'T1' },
      { planId: 2, period: '2026-Y', unitId: 40 },
    );
    const u = new URL(url, 'http://x');
    expect(u.pathname).toBe('/events');
    expect(Object.fromEntries(u.searchParams)).toEqual({
      planId: '2',
      unitId: '40',
      unit: 'A01',
      period: '2026-Y',
      kind: 'deduction',
      points: '1.5',
      reason: '日常督查 发现问题',
      indicator: 'T1',
    });
  });
});
