/**
 * The rules template 'shenzhen-2008' claims, each exercised through the template's plan with a
 * small hand-made input; the arithmetic is in the comments.
 *
 * Plan in brief (weighted mode: every node on 0–100, a parent is Σ wᵢ·sᵢ / Σ wᵢ; 2 decimals
 * half-up at indicator, node, component and total): internal 70 + external 30.
 *   city departments (dept): P1 行政业绩 45 (P1a 60 completion, P1b 40 completion), P2 行政效率 20
 *     (P2a 50 efficacy over the group, gov_service; P2b 50 z-score 80 + 10 z), P3 行政执行力 25
 *     (P3a deduction 5 per item), P4 行政成本 10 (P4a completion, lower is better);
 *   districts: R1 经济调节 10 (R1a completion), R2 公共服务 45 (R2a 30 efficacy, gov_service; R2b 70
 *     z-score), R3 社会管理 25 (R3a deduction 4 per item), R4 市场监管 20 (R4a efficacy);
 *   external: E1 50 expert panel (drop highest and lowest), E2 50 satisfaction (public_satisfaction).
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate';
import type { UnitInput } from '../input';
import { validatePlan } from '../plan/validate';
import { type Cells, input, planCopy, score, template, totals } from './claims-test-helpers';

const tpl = template('shenzhen-2008');
const Y = '2008-Y';

const units: UnitInput[] = [
  { code: 'D-1', group: 'dept' },
  { code: 'D-2', group: 'dept' },
  { code: 'R-1', group: 'district' },
  { code: 'R-2', group: 'district' },
];
const cells: Record<string, Cells> = {
  'D-1': {
    P1a: { value: 90, target: 100 }, // 90
    P1b: { value: 100, target: 100 }, // 100            P1 = (60 × 90 + 40 × 100) / 100 = 94
    P2a: { value: 98 }, // group best (D-2 90) → d = 100
    P2b: { value: 30 }, // mean 20, σ = 10 → z = 1 → 90  P2 = (50 × 100 + 50 × 90) / 100 = 95
    P3a: { value: 1 }, // 100 − 1 × 5 = 95               P3 = 95
    P4a: { value: 100, target: 90 }, // lower: 90 / 100 → 90  P4 = 90
    // internal = (45 × 94 + 20 × 95 + 25 × 95 + 10 × 90) / 100 = 9405 / 100 = 94.05
    E1: { scores: [90, 80, 70] }, // drop 90 and 70 → 80
    E2: { value: 90 }, // 90                             external = (50 × 80 + 50 × 90) / 100 = 85
    // total = (70 × 94.05 + 30 × 85) / 100 = (6583.5 + 2550) / 100 = 91.335 → 91.34
  },
  'D-2': {
    P1a: { value: 100, target: 100 },
    P1b: { value: 100, target: 100 }, // P1 = 100
    P2a: { value: 90 }, // group worst → d = 60
    P2b: { value: 10 }, // z = −1 → 70                    P2 = (50 × 60 + 50 × 70) / 100 = 65
    P3a: { value: 0 }, // 100
    P4a: { value: 90, target: 90 }, // 100
    // internal = (45 × 100 + 20 × 65 + 25 × 100 + 10 × 100) / 100 = 9300 / 100 = 93
    E1: { scores: [100, 100, 100] },
    E2: { value: 100 }, // external = 100
    // total = (70 × 93 + 30 × 100) / 100 = 95.1
  },
  'R-1': {
    R1a: { value: 100, target: 100 }, // 100
    R2a: { value: 98 }, // group best (R-2 90) → 100
    R2b: { value: 30 }, // z = 1 → 90                     R2 = (30 × 100 + 70 × 90) / 100 = 93
    R3a: { value: 2 }, // 100 − 2 × 4 = 92
    R4a: { value: 80 }, // group worst (R-2 100) → 60
    // internal = (10 × 100 + 45 × 93 + 25 × 92 + 20 × 60) / 100 = 8685 / 100 = 86.85
    E1: { scores: [100, 100, 100] },
    E2: { value: 100 },
    // total = (70 × 86.85 + 30 × 100) / 100 = (6079.5 + 3000) / 100 = 90.795 → 90.80 (half up)
  },
  'R-2': {
    R1a: { value: 100, target: 100 },
    R2a: { value: 90 }, // 60
    R2b: { value: 10 }, // 70                             R2 = (30 × 60 + 70 × 70) / 100 = 67
    R3a: { value: 0 }, // 100
    R4a: { value: 100 }, // 100
    // internal = (10 × 100 + 45 × 67 + 25 × 100 + 20 × 100) / 100 = 8515 / 100 = 85.15
    E1: { scores: [100, 100, 100] },
    E2: { value: 100 },
    // total = (70 × 85.15 + 3000) / 100 = (5960.5 + 3000) / 100 = 89.605 → 89.61
  },
};
const r = evaluate(
  tpl.plan,
  input(Y, units, (u) => cells[u.code]!),
);

describe('Z1 / Z13 multi-level indicators: component → aspect (一级) → indicator (三级)', () => {
  it('every level is the weighted average of the one below', () => {
    expect(score(r, 'D-1', 'P1a')).toBe(90);
    expect(score(r, 'D-1', 'P1')).toBe(94);
    expect(score(r, 'D-1', 'P2')).toBe(95);
    expect(score(r, 'D-1', 'internal')).toBe(94.05);
    expect(score(r, 'D-2', 'P2')).toBe(65);
    expect(score(r, 'D-2', 'internal')).toBe(93);
  });
  it('the tree is three deep: internal → P1 → P1a', () => {
    const byCode = new Map(r.unit('D-1')!.indicators.map((i) => [i.code, i]));
    expect(byCode.get('P1a')!.parent).toBe('P1');
    expect(byCode.get('P1')!.parent).toBe('internal');
    expect(byCode.get('internal')!.kind).toBe('component');
  });
});

describe('Z2 internal 70 % + external 30 %; external ≥ 30 %, public satisfaction ≥ 15 %', () => {
  it('totals combine the two parts 70 : 30', () => {
    expect(score(r, 'D-1', 'external')).toBe(85);
    expect(totals(r, ['D-1', 'D-2'])).toEqual([91.34, 95.1]);
  });
  it('the shipped plan meets both floors (external 30 %, E2 = 30 % × 50/100 = 15 %)', () => {
    expect(validatePlan(tpl.plan)).toEqual([]);
  });
  it('external at 25 % (the pre-2008 share) is refused', () => {
    const plan = planCopy('shenzhen-2008');
    plan.components = [
      { code: 'internal', name: '内部评估', weight: 75 },
      { code: 'external', name: '外部评估', weight: 25 },
    ];
    expect(validatePlan(plan).map((i) => [i.code, i.params])).toContainEqual([
      'constraint_min_share',
      { label: '外部评估不低于30%（Z2）', share: 25, group: 'dept', limit: 30 },
    ]);
    // E2 then carries 25 % × 50 / 100 = 12.5 %
    expect(validatePlan(plan).map((i) => [i.code, i.params])).toContainEqual([
      'constraint_min_share',
      { label: '公众满意度不低于15%（Z2）', share: 12.5, group: 'dept', limit: 15 },
    ]);
  });
});

describe('Z9 aspect weights differ by category: departments 45/20/25/10, districts 10/45/25/20', () => {
  it('a department is scored on P1–P4 only, a district on R1–R4 only', () => {
    for (const c of ['R1', 'R2', 'R3', 'R4']) expect(score(r, 'D-1', c)).toBeNull();
    for (const c of ['P1', 'P2', 'P3', 'P4']) expect(score(r, 'R-1', c)).toBeNull();
  });
  it('district totals, hand-computed with the district weights', () => {
    expect(score(r, 'R-1', 'R2')).toBe(93);
    expect(score(r, 'R-1', 'internal')).toBe(86.85);
    expect(score(r, 'R-2', 'internal')).toBe(85.15);
    expect(totals(r, ['R-1', 'R-2'])).toEqual([90.8, 89.61]);
  });
});

describe('Z16 government service carries at least 5 % of the total', () => {
  // Shipped: dept P2a = 70 % × 20/100 × 50/100 = 7 %; district R2a = 70 % × 45/100 × 30/100 = 9.45 %.
  it('the shipped plan passes', () => {
    expect(validatePlan(tpl.plan)).toEqual([]);
  });
  it('P2a at 10 of P2 gives 70 % × 20 % × 10 % = 1.4 % and is refused', () => {
    const plan = planCopy('shenzhen-2008');
    plan.indicators.find((i) => i.code === 'P2a')!.weight = 10;
    plan.indicators.find((i) => i.code === 'P2b')!.weight = 90;
    expect(validatePlan(plan).map((i) => [i.code, i.params])).toEqual([
      ['constraint_min_share', { label: '政务服务不低于5%（Z16）', share: 1.4, group: 'dept', limit: 5 }],
    ]);
  });
});
