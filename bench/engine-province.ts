/** Synthetic province for the engine benchmark: a points plan with 100 leaf indicators in 10 groups. */
import type { Indicator, MethodSpec, Plan } from '../packages/engine/src/index';
import { fourGrades, interpolatedBands, planOf } from '../packages/engine/src/test-fixtures';

export const GROUPS = 10;
export const INDICATORS = 100;

/** Mix of methods as a real plan would have: mostly completion/pro-rata, some group-relative. */
function methodFor(i: number): { method: MethodSpec; direction?: 'lower' } {
  switch (i % 10) {
    case 0:
      return { method: { kind: 'efficacy', limits: 'group' } };
    case 1:
      return { method: { kind: 'deduction', perItem: 0.5 }, direction: 'lower' };
    case 2:
      return { method: { kind: 'satisfaction' } };
    case 3:
      return { method: interpolatedBands };
    case 4:
    case 5:
      return { method: { kind: 'pro_rata', basis: 'month', excessRate: 0.5, excessCap: 0.1 } };
    default:
      return { method: { kind: 'completion', excessRate: 0.5, excessCap: 0.2 } };
  }
}

export function provincePlan(): Plan {
  // 50 / 25 / 25 components; 50, 25, 25 indicators of 1 point each.
  const comps = [
    { code: 'target', name: '目标管理', points: 50, n: 50 },
    { code: 'daily', name: '日常督察', points: 25, n: 25 },
    { code: 'social', name: '社会评议', points: 25, n: 25 },
  ];
  const indicators: Indicator[] = [];
  let k = 0;
  for (const c of comps)
    for (let i = 0; i < c.n; i++, k++) {
      const m = methodFor(k);
      indicators.push({
        code: `I${String(k).padStart(3, '0')}`,
        name: `指标${k}`,
        component: c.code,
        points: 1,
        owner: 'stats',
        ...m,
      });
    }
  return planOf({
    id: 'bench-province',
    name: 'Synthetic province',
    period: { granularity: 'month' },
    categories: [{ code: 'P', name: '全省' }],
    groups: Array.from({ length: GROUPS }, (_, g) => ({ code: `G${g}`, name: `组${g}`, category: 'P' })),
    components: comps.map(({ code, name, points }) => ({ code, name, points })),
    indicators,
    bonus: { cap: 8, sources: [{ code: 'innovation', name: '创新' }] },
    veto: { effects: ['downgrade_last'], freedQuota: 'next_unit' },
    grades: { levels: fourGrades(0.2) },
  });
}
