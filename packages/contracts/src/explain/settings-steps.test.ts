import { describe, expect, it } from 'vitest';
import { dictTranslate, explainTemplates, renderStep } from './render.js';
import { explanationStep } from './steps.js';

/**
 * The steps of the plan settings of issue 9 point 8, exactly as the engine emits them in
 * packages/engine/src/plan-settings.test.ts, parse and read in both languages.
 */
const products = {
  code: 'aggregate.products' as const,
  params: {
    terms: [
      { weight: 45, score: { value: 99.9, decimals: null } },
      { weight: 20, score: { value: 88.35, decimals: null } },
    ],
    weights: 100,
    products: [
      { value: 44.96, decimals: 2 },
      { value: 17.67, decimals: 2 },
    ],
    raw: 62.63,
  },
};
const entropy = {
  code: 'weights.entropy' as const,
  params: {
    units: 4,
    codes: ['E1', 'E2', 'E3'],
    weights: [0.1493012243, 0.5520963272, 0.2986024486],
    entropy: [0.7295739585, 0, 0.459147917],
    divergence: [0.2704260415, 1, 0.540852083],
  },
};
const deductions = {
  code: 'component.deductions' as const,
  params: { points: 30, floor: 0, applied: 25, before: 25, after: 0 },
};
const zh = dictTranslate(explainTemplates['zh-CN']);
const en = dictTranslate(explainTemplates.en);

describe('steps of objective weights, rounded products and component deductions', () => {
  it('parse with their codes’ param shapes', () => {
    for (const s of [products, entropy, deductions]) expect(explanationStep.safeParse(s).success).toBe(true);
  });
  it('read in Chinese and English', () => {
    expect(renderStep(products, zh)).toBe(
      '逐项舍入后相加：(45 × 99.9 + 20 × 88.35) ÷ 100 逐项舍入为 44.96 + 17.67，合计 62.63',
    );
    expect(renderStep(deductions, zh)).toBe('归属本部分的扣分 30：25 − 25 = 0（不低于 0）');
    expect(renderStep(entropy, zh)).toContain('熵值法（本组 4 个单位的本期数据）');
    expect(renderStep(entropy, en)).toContain('entropy method (this period, 4 units of the group)');
    expect(renderStep(deductions, en)).toBe('deductions attributed here 30: 25 − 25 = 0 (not below 0)');
  });
});
