import { describe, expect, it } from 'vitest';
import { diffPlans } from '../src/modules/plans/plan-diff.js';
import { jsonErrorOffset, parsePlanFile } from '../src/modules/plans/plan-file.js';

const base = {
  name: 'p',
  components: [
    { code: 'a', name: 'A', points: 60 },
    { code: 'b', name: 'B', points: 40 },
  ],
  indicators: [
    { code: 'X1', component: 'a', points: 30, method: { kind: 'completion' } },
    { code: 'X2', component: 'a', points: 30, subItems: [{ code: 'S1', points: 30 }] },
    { code: 'Y1', component: 'b', points: 40 },
  ],
  grades: { levels: [{ code: 'ok', name: '合格' }] },
};

describe('diffPlans', () => {
  it('reports nothing for equal documents and ignores reordering', () => {
    const moved = structuredClone(base);
    moved.indicators.reverse();
    moved.components.reverse();
    expect(diffPlans(base, structuredClone(base))).toEqual([]);
    expect(diffPlans(base, moved)).toEqual([]);
  });

  it('keys indicators and sub-items by code', () => {
    const next = structuredClone(base);
    const [x1, x2, y1] = next.indicators;
    x1!.component = 'b'; // moved to another component
    x1!.method = { kind: 'bands' } as never;
    x2!.subItems![0]!.points = 25;
    next.indicators = [x2!, x1!, { code: 'Z1', component: 'b', points: 5 }];
    expect(diffPlans(base, next)).toEqual([
      { kind: 'changed', path: 'indicators[X1].component', code: 'X1', before: 'a', after: 'b' },
      {
        kind: 'changed',
        path: 'indicators[X1].method.kind',
        code: 'X1',
        before: 'completion',
        after: 'bands',
      },
      { kind: 'changed', path: 'indicators[X2].subItems[S1].points', code: 'S1', before: 30, after: 25 },
      { kind: 'removed', path: 'indicators[Y1]', code: 'Y1', before: y1 },
      { kind: 'added', path: 'indicators[Z1]', code: 'Z1', after: { code: 'Z1', component: 'b', points: 5 } },
    ]);
  });

  it('reports fields that appear or disappear as changes of that field', () => {
    const next = structuredClone(base) as typeof base & { bonus?: unknown };
    next.bonus = { cap: 8, sources: [] };
    delete (next.indicators[2] as { points?: number }).points;
    expect(diffPlans(base, next)).toEqual([
      { kind: 'changed', path: 'indicators[Y1].points', code: 'Y1', before: 40 },
      { kind: 'changed', path: 'bonus', code: null, after: { cap: 8, sources: [] } },
    ]);
  });
});

describe('plan files', () => {
  it('tells JSON from YAML by content', () => {
    expect(parsePlanFile('{"a": 1}')).toEqual({ format: 'json', document: { a: 1 } });
    expect(parsePlanFile('a: 1\nb: [x, y]\n')).toEqual({ format: 'yaml', document: { a: 1, b: ['x', 'y'] } });
  });

  it('locates JSON errors', () => {
    expect(jsonErrorOffset('{"a": [1, 2]}')).toBeNull();
    expect(jsonErrorOffset('{\n "a": x\n}')).toBe(8);
    expect(() => parsePlanFile('{\n "a": 1,\n}')).toThrow(/line 3/);
    expect(() => parsePlanFile('- 1\n- 2\n')).toThrow(/one object/);
  });
});
