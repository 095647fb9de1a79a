/**
 * The rules template 'wuxi-districts-2016' claims, each exercised through the template's plan
 * with a small hand-made input; the arithmetic is in the comments.
 *
 * Plan in brief (points mode, 2 decimals half-up): comprehensive 40 (Z1a 5, Z1b 5, Z3a 8 total and
 * growth 4:6; Z2a 8 and Z4a 6 (lower is better) completion; Z5a 4 manual; Z6a 4 satisfaction),
 * key 25 (K1 4, K2…K8 3 each, completion), benchmark 20 (B1…B9 growth against the peer region,
 * ratio mode, up to 20 % extra: B1 3, B8 3, others 2), tough 10 (G1 expert panel, drop highest and
 * lowest), innovation 5 (C1 expert panel); veto: no advanced title; award 年度科学发展先进地区 = the
 * top 3 of all regions, advanced.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate';
import { EvaluationInputError, type UnitInput } from '../input';
import { type Cells, input, score, template, totals } from './claims-test-helpers';

const tpl = template('wuxi-districts-2016');
const Y = '2016-Y';

const growth = { value: 110, target: 110, baseValue: 100 }; // x/target = 1; g = gT = 0.1 → f = 1
const peer = { value: 110, baseValue: 100, peerValue: 110, peerBaseValue: 100 }; // g = gp → f = 1
const met = { value: 100, target: 100 };
const FULL: Cells = {
  Z1a: growth,
  Z1b: growth,
  Z2a: met,
  Z3a: growth,
  Z4a: { value: 30, target: 30 }, // lower: ref / x = 1
  Z5a: { value: 4 }, // manual on its own 4 points
  Z6a: { value: 100 },
  ...Object.fromEntries(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8'].map((k) => [k, met])),
  ...Object.fromEntries(['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9'].map((k) => [k, peer])),
  G1: { scores: [100, 100, 100] },
  C1: { scores: [100, 100, 100] },
};
const full = (over: Cells = {}): Cells => ({ ...FULL, ...over });

const units: UnitInput[] = [
  { code: 'X01', name: '江阴市', group: 'county' },
  { code: 'X02', name: '宜兴市', group: 'county' },
  { code: 'Q01', name: '梁溪区', group: 'district' },
  { code: 'Q02', name: '锡山区', group: 'district' },
];

describe('W1 one city, several evaluation systems side by side', () => {
  const departments = template('wuxi-departments-2016');
  it('the districts plan is its own system, with its own groups, beside the departments plan', () => {
    expect(tpl.plan.system).toBe('districts');
    expect(departments.plan.system).toBe('departments');
    expect(tpl.plan.year).toBe(departments.plan.year);
    const r = evaluate(
      tpl.plan,
      input(Y, units, () => full()),
    );
    expect(totals(r, ['X01', 'Q01'])).toEqual([100, 100]);
    // A district is not a unit of the departments system: its groups are unknown there.
    expect(() =>
      evaluate(
        departments.plan,
        input(Y, units, () => ({})),
      ),
    ).toThrow(EvaluationInputError);
  });
});

describe('W2 five parts, and benchmarking against a chosen peer region', () => {
  it('the parts are 综合 40, 重点 25, 对标 20, 攻坚克难 10, 创新 5', () => {
    expect(tpl.plan.components.map((c) => `${c.name} ${c.points}`).join(', ')).toBe(
      '综合考核 40, 重点考核 25, 对标考核 20, 攻坚克难考核 10, 创新工作考核 5',
    );
    expect(tpl.plan.indicators.filter((i) => i.component === 'benchmark')).toHaveLength(9);
    expect(tpl.plan.indicators.filter((i) => i.component === 'key')).toHaveLength(8);
  });

  const r = evaluate(
    tpl.plan,
    input(Y, units, (u) =>
      u.code === 'X01'
        ? full({
            // g = 6/100 = 0.06, peer gp = 8/100 = 0.08 → f = 0.06 / 0.08 = 0.75 → 0.75 × 3 = 2.25
            B1: { value: 106, baseValue: 100, peerValue: 108, peerBaseValue: 100 },
            // g = 0.12, gp = 0.08 → 1.5, capped at 1 + 0.2 → 1.2 × 3 = 3.6
            B8: { value: 112, baseValue: 100, peerValue: 108, peerBaseValue: 100 },
            // drop 95 and 60: (80 + 70 + 90) / 3 = 80 → 0.8 × 10 = 8
            G1: { scores: [95, 80, 70, 90, 60] },
            // drop 100 and 80: 90 → 0.9 × 5 = 4.5
            C1: { scores: [100, 90, 80] },
          })
        : full(),
    ),
  );
  it('hand-computed part scores', () => {
    expect(score(r, 'X01', 'B1')).toBe(2.25);
    expect(score(r, 'X01', 'B8')).toBe(3.6);
    // benchmark = 20 − 3 + 2.25 − 3 + 3.6 = 19.85
    expect(r.unit('X01')!.components.map((c) => c.score)).toEqual([40, 25, 19.85, 8, 4.5]);
    expect(r.unit('X01')!.total).toBe(97.35); // 40 + 25 + 19.85 + 8 + 4.5
  });
});

describe('W3 growth indicators on total and growth rate together, 4:6', () => {
  const r = evaluate(
    tpl.plan,
    input(Y, units, (u) =>
      u.code === 'X01'
        ? full({
            // total 99/110 = 0.9; g = 9/90 = 0.1, gT = (110 − 90)/90 = 2/9 → g/gT = 0.45
            // f = 0.4 × 0.9 + 0.6 × 0.45 = 0.36 + 0.27 = 0.63 → 0.63 × 5 = 3.15
            Z1a: { value: 99, target: 110, baseValue: 90 },
            // shrank: total 88/110 = 0.8, g = −2/90 < 0 → growth part 0; f = 0.4 × 0.8 = 0.32 → 1.6
            Z1b: { value: 88, target: 110, baseValue: 90 },
            // over target and growth target: both parts capped at 1 → 8 (no extra)
            Z3a: { value: 120, target: 110, baseValue: 100 },
          })
        : full(),
    ),
  );
  it('hand-computed', () => {
    expect(score(r, 'X01', 'Z1a')).toBe(3.15);
    expect(score(r, 'X01', 'Z1b')).toBe(1.6);
    expect(score(r, 'X01', 'Z3a')).toBe(8);
    expect(score(r, 'X01', 'Z1')).toBe(4.75); // 3.15 + 1.6
  });
});

describe('W5 a veto bars the advanced-region title', () => {
  // Z6a (satisfaction, 4 points): 75 → 3, 50 → 2, 25 → 1; all else full.
  // Totals: X01 100, X02 99, Q01 98, Q02 97. The advanced award is the top 3 over all regions.
  const cells = (u: UnitInput): Cells =>
    full({ Z6a: { value: { X01: 100, X02: 75, Q01: 50, Q02: 25 }[u.code]! } });
  it('without a veto the top 3 are X01, X02, Q01', () => {
    const r = evaluate(tpl.plan, input(Y, units, cells));
    expect(totals(r, ['X01', 'X02', 'Q01', 'Q02'])).toEqual([100, 99, 98, 97]);
    expect(r.awards[0]!.units.sort()).toEqual(['Q01', 'X01', 'X02']);
  });
  it('vetoed X01 keeps its score, rank and grade but loses the title to Q02', () => {
    const r = evaluate(
      tpl.plan,
      input(Y, units, cells, { vetoes: [{ unit: 'X01', event: 'mass_incident', reason: '群体性事件' }] }),
    );
    const x01 = r.unit('X01')!;
    expect(x01.total).toBe(100);
    expect(x01.ranks.all).toBe(1);
    expect(x01.grade!.name).toBe('优秀'); // ≥ 94; the plan's grades carry no advanced flag
    expect(x01.eligibleForAdvanced).toBe(false);
    expect(r.awards[0]!.units.sort()).toEqual(['Q01', 'Q02', 'X02']);
  });
});
