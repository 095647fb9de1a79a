import { describe, expect, it } from 'vitest';
import formulaEn from '../../i18n/formula.en.js';
import formulaZhCN from '../../i18n/formula.zh-CN.js';
import {
  dictTranslate,
  type FormulaNode,
  renderAggregate,
  renderBase,
  renderBonus,
  renderDeductions,
  renderLeafFormula,
  renderNodeFormula,
  renderNote,
  renderRank,
  renderRounding,
  renderTotal,
} from './formula.js';

const zh = dictTranslate(formulaZhCN);
const en = dictTranslate(formulaEn);

/** A scored leaf as the engine writes it: `<method formula>; score = f × full`. */
const leaf = (
  method: string | undefined,
  body: string,
  full: number,
  vars: FormulaNode['vars'],
  raw: number,
) => ({
  method,
  formula: `${body}; score = f × ${full}`,
  vars,
  full,
  raw,
});

function keysOf(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('i18n parity', () => {
  it('zh-CN and en have the same keys and interpolations', () => {
    expect(keysOf(formulaZhCN).sort()).toEqual(keysOf(formulaEn).sort());
    for (const k of keysOf(formulaZhCN)) {
      const vars = (s: string) => [...new Set(s.match(/\{\{\w+\}\}/g) ?? [])].sort();
      expect([k, vars(zh(k))]).toEqual([k, vars(en(k))]);
    }
  });
});

describe('completion and pro-rata', () => {
  it('target reached, no bonus', () => {
    const n = leaf(
      'completion',
      'completion against target; r = x / ref; f = 1 (reference reached, no bonus for exceeding)',
      20,
      { x: 110, ref: 100, r: 1.1, f: 1 },
      20,
    );
    expect(renderLeafFormula(n, zh)).toBe(
      '完成率 r = 实际值 x ÷ 目标值 ref = 110 ÷ 100 = 1.1；已达目标值，超额不加分，f = 1；得分 = f × 20 = 1 × 20 = 20',
    );
    expect(renderLeafFormula(n, en)).toBe(
      'completion r = value x ÷ target ref = 110 ÷ 100 = 1.1; target reached, no bonus for exceeding, f = 1; score = f × 20 = 1 × 20 = 20',
    );
  });
  it('below target, linear; raw without float noise', () => {
    const n = leaf(
      'completion',
      'completion against target; r = x / ref; f = max(0, r)',
      25,
      { x: 57.88, ref: 100, r: 0.5788, f: 0.5788 },
      14.469999999999999,
    );
    expect(renderLeafFormula(n, zh)).toBe(
      '完成率 r = 实际值 x ÷ 目标值 ref = 57.88 ÷ 100 = 0.5788；f = max(0, r) = 0.5788；得分 = f × 25 = 0.5788 × 25 = 14.47',
    );
  });
  it('lower is better against the baseline, with capped bonus', () => {
    // r = 100 / 80 = 1.25; f = 1 + min(0.2, 0.5 × 0.25) = 1.125
    const n = leaf(
      'completion',
      'completion against baseline; r = ref / x; f = 1 + min(0.2, 0.5 × (r − 1))',
      10,
      { x: 80, ref: 100, r: 1.25, f: 1.125 },
      11.25,
    );
    expect(renderLeafFormula(n, zh)).toBe(
      '完成率 r = 基数 ref ÷ 实际值 x = 100 ÷ 80 = 1.25（越低越好）；超额加分，f = 1 + min(0.2, 0.5 × (r − 1)) = 1.125；得分 = f × 10 = 1.125 × 10 = 11.25',
    );
  });
  it('below target with below: zero', () => {
    const n = leaf(
      'completion',
      'completion against target; r = x / ref; f = 0 (reference not reached)',
      10,
      { x: 90, ref: 100, r: 0.9, f: 0 },
      0,
    );
    expect(renderLeafFormula(n, zh)).toBe(
      '完成率 r = 实际值 x ÷ 目标值 ref = 90 ÷ 100 = 0.9；未达目标值，f = 0；得分 = f × 10 = 0 × 10 = 0',
    );
  });
  it('missing value: left out, or zero', () => {
    expect(
      renderLeafFormula(
        {
          method: 'completion',
          formula: 'completion against target; left out (reweight)',
          vars: { x: null, ref: 100 },
          full: 10,
          raw: null,
        },
        zh,
      ),
    ).toBe('完成率（对照目标值）；不计分（缺失值处理：不计入，同级重新分配权重）');
    expect(
      renderLeafFormula(
        leaf('completion', 'completion against target', 10, { x: null, ref: 100, f: 0 }, 0),
        zh,
      ),
    ).toBe('完成率（对照目标值）；f = 0；得分 = f × 10 = 0 × 10 = 0');
  });
  it('pro-rata by month', () => {
    // ref = 120 × 0.5 = 60; r = 40 / 60
    const n = leaf(
      'pro_rata',
      'pro-rata (month): ref = target × elapsed; r = x / ref; f = 0 (reference not reached)',
      10,
      { x: 40, target: 120, elapsed: 0.5, ref: 60, r: 0.6666666667, f: 0 },
      0,
    );
    expect(renderLeafFormula(n, zh)).toBe(
      '序时进度（按月）：序时目标 ref = 年度目标 × 已过时间比例 = 120 × 0.5 = 60；完成率 r = 实际值 x ÷ 序时目标 ref = 40 ÷ 60 = 0.6666666667；未达序时目标，f = 0；得分 = f × 10 = 0 × 10 = 0',
    );
  });
});

describe('other methods', () => {
  it('total and growth', () => {
    // totalPart = 110 / 120; g = 0.1; gT = (120 − 100) / 100 = 0.2; growthPart = 0.5; f = 0.4 × 0.9166666667 + 0.6 × 0.5
    const n = leaf(
      'total_growth',
      'f = 0.4 × min(1, x / target) + 0.6 × clamp(g / gT, 0, 1); g = (x − base) / base',
      10,
      {
        x: 110,
        target: 120,
        base: 100,
        totalPart: 0.9166666667,
        g: 0.1,
        gT: 0.2,
        growthPart: 0.5,
        f: 0.6666666667,
      },
      6.666666667,
    );
    expect(renderLeafFormula(n, zh)).toBe(
      '总量部分 = min(1, max(0, x ÷ 目标值)) = min(1, max(0, 110 ÷ 120)) = 0.9166666667；增幅 g = (x − 基期值) ÷ 基期值 = (110 − 100) ÷ 100 = 0.1；目标增幅 gT = 0.2；增幅部分 = clamp(g ÷ gT, 0, 1) = 0.5；f = 0.4 × 0.9166666667 + 0.6 × 0.5 = 0.6666666667；得分 = f × 10 = 0.6666666667 × 10 = 6.666666667',
    );
  });
  it('benchmark, ratio and difference', () => {
    const g = '; g = (x − base) / base; gp = (peer − peerBase) / peerBase';
    const vars = { x: 108, base: 100, peer: 110, peerBase: 100, g: 0.08, gp: 0.1 };
    expect(
      renderLeafFormula(leaf('benchmark', `f = clamp(g / gp, 0, 1)${g}`, 10, { ...vars, f: 0.8 }, 8), zh),
    ).toBe(
      '本地增幅 g = (x − 基期值) ÷ 基期值 = (108 − 100) ÷ 100 = 0.08；对标增幅 gp = (对标值 − 对标基期值) ÷ 对标基期值 = (110 − 100) ÷ 100 = 0.1；f = clamp(g ÷ gp, 0, 1) = 0.8；得分 = f × 10 = 0.8 × 10 = 8',
    );
    // 0.8 + 0.05 × 100 × (0.08 − 0.1) = 0.7
    expect(
      renderLeafFormula(
        leaf('benchmark', `f = clamp(0.8 + 0.05 × 100 × (g − gp), 0, 1.2)${g}`, 10, { ...vars, f: 0.7 }, 7),
        zh,
      ),
    ).toBe(
      '本地增幅 g = (x − 基期值) ÷ 基期值 = (108 − 100) ÷ 100 = 0.08；对标增幅 gp = (对标值 − 对标基期值) ÷ 对标基期值 = (110 − 100) ÷ 100 = 0.1；f = clamp(0.8 + 0.05 × 100 × (g − gp), 0, 1.2) = 0.7；得分 = f × 10 = 0.7 × 10 = 7',
    );
  });
  it('bands, step and interpolated', () => {
    const bp = '[[60,0.6],[80,1]]';
    expect(
      renderLeafFormula(
        leaf(
          'bands',
          'f = fraction of the highest breakpoint with x ≥ x_i',
          10,
          { x: 75, breakpoints: bp, f: 0.6 },
          6,
        ),
        zh,
      ),
    ).toBe(
      '分档计分：取 x ≥ xᵢ 的最高档的 fᵢ，低于第一档为 0；x = 75，分档 [x, f]：[60, 0.6] [80, 1]；f = 0.6；得分 = f × 10 = 0.6 × 10 = 6',
    );
    // 0.6 + 0.4 × 15 / 20 = 0.9
    expect(
      renderLeafFormula(
        leaf(
          'bands',
          'f = f_i + (f_{i+1} − f_i) × (x − x_i) / (x_{i+1} − x_i)',
          10,
          { x: 75, breakpoints: bp, f: 0.9 },
          9,
        ),
        zh,
      ),
    ).toBe(
      '分段插值：f = fᵢ + (fᵢ₊₁ − fᵢ) × (x − xᵢ) ÷ (xᵢ₊₁ − xᵢ)，两端以外取端点值；x = 75，分档 [x, f]：[60, 0.6] [80, 1]；f = 0.9；得分 = f × 10 = 0.9 × 10 = 9',
    );
  });
  it('deduction', () => {
    // max(0, 10 − 3 × 2) / 10 = 0.4
    expect(
      renderLeafFormula(
        leaf('deduction', 'f = max(0, full − count × 2) / full', 10, { count: 3, full: 10, f: 0.4 }, 4),
        zh,
      ),
    ).toBe(
      '扣分：f = max(0, 满分 − 问题数 × 每项扣分) ÷ 满分 = max(0, 10 − 3 × 2) ÷ 10 = 0.4；得分 = f × 10 = 0.4 × 10 = 4',
    );
  });
  it('rank, linear and table', () => {
    // 1 − 0.4 × 2 / 4 = 0.8
    expect(
      renderLeafFormula(
        leaf('rank', 'f = 1 − (1 − 0.6) × (r − 1) / (n − 1)', 10, { x: 50, r: 3, n: 5, f: 0.8 }, 8),
        zh,
      ),
    ).toBe(
      '按名次计分：x = 50，名次 r = 3（共 5 个）；f = 1 − (1 − 0.6) × (r − 1) ÷ (n − 1) = 1 − (1 − 0.6) × (3 − 1) ÷ (5 − 1) = 0.8；得分 = f × 10 = 0.8 × 10 = 8',
    );
    expect(
      renderLeafFormula(
        leaf('rank', 'f = table[r − 1], table = [1,0.9,0.8]', 10, { x: 50, r: 2, n: 4, f: 0.9 }, 9),
        zh,
      ),
    ).toBe(
      '按名次计分：x = 50，名次 r = 2（共 4 个）；f = 名次分值表[r − 1]（超出取最后一档），表 = [1, 0.9, 0.8]，f = 0.9；得分 = f × 10 = 0.9 × 10 = 9',
    );
  });
  it('efficacy', () => {
    // 60 + 40 × 25 / 50 = 80
    expect(
      renderLeafFormula(
        leaf(
          'efficacy',
          'd = 60 + 40 × (x − x_s) / (x_h − x_s), clamped to [60, 100]; f = d / 100',
          10,
          { x: 75, x_s: 50, x_h: 100, d: 80, f: 0.8 },
          8,
        ),
        zh,
      ),
    ).toBe(
      '功效系数：d = 60 + 40 × (x − 最差值 x_s) ÷ (最好值 x_h − x_s) = 60 + 40 × (75 − 50) ÷ (100 − 50)，限定在 [60, 100]，d = 80；f = d ÷ 100 = 0.8；得分 = f × 10 = 0.8 × 10 = 8',
    );
  });
  it('z-score, lower is better, and σ = 0', () => {
    // z = −(70 − 80) / 5 = 2; d = 80 + 10 × 2 = 100
    expect(
      renderLeafFormula(
        leaf(
          'zscore',
          'z = −(x − mean) / σ (population); d = clamp(80 + 10 × z, 0, 100); f = d / 100',
          10,
          { x: 70, mean: 80, sigma: 5, n: 4, z: 2, d: 100, f: 1 },
          10,
        ),
        zh,
      ),
    ).toBe(
      '标准分：z = −(x − 均值) ÷ σ = −(70 − 80) ÷ 5 = 2（总体标准差，n = 4）；d = clamp(80 + 10 × z, 0, 100) = 100；f = d ÷ 100 = 1；得分 = f × 10 = 1 × 10 = 10',
    );
    expect(
      renderLeafFormula(
        leaf(
          'zscore',
          'z = (x − mean) / σ (sample); d = clamp(80 + 10 × z, 0, 100); f = d / 100',
          10,
          { x: 70, mean: 70, sigma: 0, n: 1, z: 0, d: 80, f: 0.8 },
          8,
        ),
        zh,
      ),
    ).toBe(
      '标准分：σ = 0（n = 1），z = 0；d = clamp(80 + 10 × 0, 0, 100) = 80；f = d ÷ 100 = 0.8；得分 = f × 10 = 0.8 × 10 = 8',
    );
  });
  it('expert panel', () => {
    expect(
      renderLeafFormula(
        leaf(
          'expert_panel',
          'mean of the scores without the 1 highest and 1 lowest; f = mean / 100',
          10,
          { scores: '88, 92, 79, 95, 90', kept: '88, 90, 92', mean: 90, f: 0.9 },
          9,
        ),
        zh,
      ),
    ).toBe(
      '专家评分：去掉 1 个最高分和 1 个最低分后取平均；评分 88，92，79，95，90，计入 88，90，92，平均分 = 90；f = clamp(平均分 ÷ 100, 0, 1) = 0.9；得分 = f × 10 = 0.9 × 10 = 9',
    );
  });
  it('satisfaction and manual; without the method (live page) a neutral template', () => {
    const sat = leaf('satisfaction', 'f = clamp(x / 100, 0, 1)', 5, { x: 85, f: 0.85 }, 4.25);
    expect(renderLeafFormula(sat, zh)).toBe(
      '满意度 x = 85；f = clamp(x ÷ 100, 0, 1) = 0.85；得分 = f × 5 = 0.85 × 5 = 4.25',
    );
    expect(renderLeafFormula({ ...sat, method: 'manual' }, zh)).toBe(
      '人工评分 x = 85；f = clamp(x ÷ 100, 0, 1) = 0.85；得分 = f × 5 = 0.85 × 5 = 4.25',
    );
    const { raw: _r, ...live } = { ...sat, method: undefined };
    expect(renderLeafFormula(live, zh)).toBe(
      'x = 85；f = clamp(x ÷ 100, 0, 1) = 0.85；得分 = f × 5 = 0.85 × 5 = 4.25',
    );
  });
  it('detects the kind from the formula when the method is not given', () => {
    const n = leaf(undefined, 'f = max(0, full − count × 2) / full', 10, { count: 3, full: 10, f: 0.4 }, 4);
    expect(renderLeafFormula({ ...n, raw: undefined }, zh)).toBe(
      '扣分：f = max(0, 满分 − 问题数 × 每项扣分) ÷ 满分 = max(0, 10 − 3 × 2) ÷ 10 = 0.4；得分 = f × 10 = 0.4 × 10 = 4',
    );
  });
  it('falls back to the engine text for an unknown method or variant', () => {
    const unknown = leaf('magic', 'f = magic(x)', 10, { x: 1, f: 1 }, 10);
    expect(renderLeafFormula(unknown, zh)).toBe('f = magic(x); score = f × 10');
    const odd = leaf(
      'completion',
      'completion against target; r = x / ref; f = something new',
      10,
      { f: 1 },
      10,
    );
    expect(renderLeafFormula(odd, zh)).toBe(odd.formula);
    expect(renderLeafFormula({ ...unknown, formula: 'whatever' }, zh)).toBe('whatever');
  });
  it('not applicable', () => {
    expect(
      renderLeafFormula(
        {
          formula: 'not applicable to this unit: left out, siblings re-weighted',
          vars: {},
          full: 0,
          raw: null,
        },
        zh,
      ),
    ).toBe('本指标不适用于该单位：不计分，同级按权重重新分配');
  });
});

describe('aggregates and steps', () => {
  it('sums, weighted means and re-weighting', () => {
    expect(
      renderNodeFormula(
        { formula: 'Σ = 20.00 + 14.47', vars: {}, full: 50, raw: 34.47, children: [1, 2] },
        zh,
      ),
    ).toBe('合计 = 20.00 + 14.47 = 34.47');
    expect(renderAggregate('Σ w·s / Σ w = (60 × 90.00 + 40 × 80.00) / 100', zh, 86)).toBe(
      '加权平均 = Σ 权重 × 得分 ÷ Σ 权重 = (60 × 90.00 + 40 × 80.00) ÷ 100 = 86',
    );
    expect(renderAggregate('(8.00 + 6.00) × 20 / 15 (re-weighted)', zh, 18.66666667)).toBe(
      '按满分折算 = (8.00 + 6.00) × 20 ÷ 15 = 18.66666667',
    );
    expect(renderAggregate('all children left out', zh)).toBe('下级项均不计分');
  });
  it('base with half-year and link, total', () => {
    expect(renderBase('base = Σ = 40.00 + 30.00', zh)).toBe('基础分 = 合计 = 40.00 + 30.00');
    expect(renderBase('base = Σ = 40.00 + 30.00; with half-year (S9): 0.3 × 80 + 0.7 × 70', zh)).toBe(
      '基础分 = 合计 = 40.00 + 30.00；计入半年结果：0.3 × 80 + 0.7 × 70',
    );
    expect(
      renderBase(
        'base = Σ = 70.00; linked (S1): 0.8 × 70 + 0.2 × mean(A01: 90, A02: 80) = 0.8 × 70 + 0.2 × 85',
        zh,
      ),
    ).toBe('基础分 = 合计 = 70.00；捆绑考核：0.8 × 70 + 0.2 × 平均(A01: 90, A02: 80) = 0.8 × 70 + 0.2 × 85');
    expect(renderTotal('total = base + bonus − deductions = 88.50 + 2.00 − 1.00', zh)).toBe(
      '总分 = 基础分 + 加分 − 扣分 = 88.50 + 2.00 − 1.00',
    );
    expect(renderBase('base = something else', zh)).toBe('base = something else');
  });
  it('bonus, deductions, rounding, rank', () => {
    const bonus = {
      formula: 'min(8, 5 (innovation) + 4 (honor)) — per-source caps first; shared cap 8',
      items: [
        { points: 5, source: 'innovation' },
        { points: 4, source: 'honor' },
      ],
    };
    expect(renderBonus(bonus, zh)).toBe(
      'min(8, 5（innovation） + 4（honor）)：先按各来源上限，再按共享上限 8',
    );
    expect(renderBonus({ formula: 'no bonus', items: [] }, zh)).toBe('无加分');
    const ded = {
      formula: '1 (督查通报) + 0.5 (信访), capped at 10',
      items: [
        { points: 1, reason: '督查通报' },
        { points: 0.5, reason: '信访' },
      ],
    };
    expect(renderDeductions(ded, zh)).toBe('1（督查通报） + 0.5（信访），上限 10');
    expect(renderDeductions({ formula: 'no deductions', items: [] }, zh)).toBe('无扣分');
    expect(renderRounding('21.675 → 21.68 (half_up to 2 decimals)', zh)).toBe(
      '21.675 → 21.68（四舍五入，保留 2 位小数）',
    );
    expect(renderRank('competition rank 2 in group A on reported totals; published placement 3', zh)).toBe(
      '组内排名第 2（A 组，按公布总分并列排名）；公布名次第 3',
    );
  });
});

describe('notes', () => {
  it('translates the known notes by pattern, keeps the rest', () => {
    expect(renderNote('missing input: value', zh)).toBe('缺少输入：实际值');
    expect(renderNote('missing-value policy: zero', zh)).toBe('缺失值处理：按 0 分计');
    expect(renderNote('division by zero (reference 0 ≤ 0): outcome "zero"', zh)).toBe(
      '除数为零（参照值 0 ≤ 0）：f = 0',
    );
    expect(renderNote('division by zero (peer growth ≤ 0): outcome "full"', zh)).toBe(
      '除数为零（对标增幅 ≤ 0）：f = 1（满分）',
    );
    expect(renderNote('scope: group (12 units with values)', zh)).toBe('统计范围：本组（12 个单位有数值）');
    expect(renderNote('σ = 0: z = 0', zh)).toBe('σ = 0：z = 0');
    expect(renderNote('fewer than 3 scores: plain mean', zh)).toBe('评分少于 3 个：直接取平均');
    expect(renderNote('missing input: somethingNew', zh)).toBe('missing input: somethingNew');
    expect(renderNote('division by zero (new case): outcome "zero"', zh)).toBe(
      'division by zero (new case): outcome "zero"',
    );
    expect(renderNote('missing input: value', en)).toBe('missing input: value');
  });
  it('translates the notes of values the engine cannot show as finite numbers', () => {
    expect(renderNote('no values in scope: x_s and x_h undefined', zh)).toBe(
      '统计范围内没有数值：x_s、x_h 无从确定',
    );
    expect(renderNote('no values in scope: x_s and x_h undefined', en)).toBe(
      'no values in scope: x_s and x_h undefined',
    );
    expect(renderNote('g is not a finite number: shown as -unbounded', zh)).toBe(
      'g 超出可表示的数值范围，显示为 −∞',
    );
    expect(renderNote('g is not a finite number: shown as unbounded', en)).toBe(
      'g is not a finite number: shown as +∞',
    );
  });
});
