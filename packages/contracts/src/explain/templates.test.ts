import { describe, expect, it } from 'vitest';
import { dictKeys, dictLookup } from '../dict.js';
import { dictTranslate, explainTemplates, plainNumber, renderStep } from './render.js';
import { stepCodes, stepEnums } from './steps.js';

describe('explanation templates', () => {
  for (const [lang, dict] of Object.entries(explainTemplates)) {
    it(`${lang}: one template for every step code, one term for every enum value`, () => {
      const missing = stepCodes.filter((c) => typeof dictLookup(dict, `steps.${c}`) !== 'string');
      expect(missing).toEqual([]);
      for (const [name, values] of Object.entries(stepEnums))
        for (const v of values)
          expect(
            typeof (dict.terms as Record<string, Record<string, unknown>>)[name]?.[v],
            `${name}.${v}`,
          ).toBe('string');
    });
    it(`${lang}: no template for a code that does not exist`, () => {
      const codes = new Set(stepCodes.map((c) => `steps.${c}`));
      expect(dictKeys(dict.steps, 'steps').filter((k) => !codes.has(k))).toEqual([]);
    });
  }
  it('zh-CN and en have the same keys', () => {
    expect(dictKeys(explainTemplates.en).sort()).toEqual(dictKeys(explainTemplates['zh-CN']).sort());
  });
});

describe('rendering', () => {
  const zh = dictTranslate(explainTemplates['zh-CN']);
  const en = dictTranslate(explainTemplates.en);
  it('a ratio step with its numbers', () => {
    const s = { code: 'ratio.higher', params: { x: 318, ref: 400, r: 0.795 } };
    expect(renderStep(s, zh)).toBe('完成率 r = 实际值 x ÷ 参照值 = 318 ÷ 400 = 0.795');
    expect(renderStep(s, en)).toBe('completion r = value x ÷ reference = 318 ÷ 400 = 0.795');
  });
  it('enum params through their terms; a term with the step’s own numbers', () => {
    const s = { code: 'note.division_by_zero', params: { cause: 'reference', value: 0, outcome: 'missing' } };
    expect(renderStep(s, zh)).toBe('除数为零（参照值 0 ≤ 0）：视为缺失');
    expect(renderStep(s, en)).toBe('division by zero (reference 0 ≤ 0): treated as missing');
  });
  it('reported scores with the plan’s decimals; weighted terms; rounding', () => {
    const terms = [
      { weight: 0.7, score: { value: 100, decimals: 2 } },
      { weight: 0.3, score: { value: 70, decimals: null } },
    ];
    expect(renderStep({ code: 'aggregate.weighted', params: { terms, weights: 1, raw: 91 } }, zh)).toBe(
      '加权平均 = Σ 权重 × 得分 ÷ Σ 权重 = (0.7 × 100.00 + 0.3 × 70) ÷ 1 = 91',
    );
    const r = { code: 'rounding', params: { raw: 21.675, value: 21.68, mode: 'half_up', decimals: 2 } };
    expect(renderStep(r, zh)).toBe('21.675 → 21.68（四舍五入，保留 2 位小数）');
  });
  it('items and lists', () => {
    const b = {
      code: 'bonus.capped',
      params: {
        cap: 8,
        items: [
          { points: 3, source: '创新创优' },
          { points: 2.5, source: '进档升位' },
        ],
      },
    };
    expect(renderStep(b, zh)).toBe('min(8, 3（创新创优） + 2.5（进档升位）)：先按各来源上限，再按共享上限 8');
    const bp = {
      code: 'bands.step',
      params: {
        x: 85,
        breakpoints: [
          [60, 0.6],
          [80, 1],
        ],
      },
    };
    expect(renderStep(bp, en)).toContain('breakpoints [x, f]: [60, 0.6] [80, 1]');
  });
  it('numbers: shortest exact form, no exponent', () => {
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(-1.5e-7)).toBe('-0.00000015');
    expect(plainNumber(1.25e21)).toBe('1250000000000000000000');
    expect(plainNumber(0.30000000000000004)).toBe('0.30000000000000004');
    expect(plainNumber(-0)).toBe('0');
  });
});
