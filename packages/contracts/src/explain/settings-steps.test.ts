import { settingsSteps } from '@jixiao/engine/testing';
import { describe, expect, it } from 'vitest';
import { dictTranslate, explainTemplates, renderStep } from './render.js';
import { explanationStep } from './steps.js';

/**
 * The steps of the plan settings of issue 9 point 8, as the engine emits them (its test fixture
 * settingsSteps), parse and read in both languages.
 */
const { products, entropy, deductions } = settingsSteps;
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
