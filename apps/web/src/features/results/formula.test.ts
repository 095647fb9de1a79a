import { explainTemplates, stepParams } from '@jixiao/contracts';
import { STEP_CODES } from '@jixiao/engine';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { explainT, renderStages, renderStep, renderSteps, renderVars } from './formula.js';

/** An i18next instance loaded the way i18n/index.ts loads the explanation templates. */
async function webT(lng: 'zh-CN' | 'en') {
  const i = i18next.createInstance();
  await i.init({
    resources: {
      'zh-CN': { translation: { explain: explainTemplates['zh-CN'] } },
      en: { translation: { explain: explainTemplates.en } },
    },
    lng,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return explainT(i.t.bind(i) as never);
}

const placeholders = (s: string) => [...new Set(s.match(/\{\{(\w+)\}\}/g) ?? [])].sort();

describe('explanation templates through i18next', () => {
  for (const lng of ['zh-CN', 'en'] as const)
    it(`${lng}: every code the engine can emit has its template`, async () => {
      const t = await webT(lng);
      const missing = STEP_CODES.filter((c) => t(`steps.${c}`) === `steps.${c}`);
      expect(missing).toEqual([]);
    });

  it('zh-CN and en fill the same params, and only params the code has', async () => {
    const zh = await webT('zh-CN');
    const en = await webT('en');
    for (const code of STEP_CODES) {
      const z = placeholders(zh(`steps.${code}`));
      expect([code, z]).toEqual([code, placeholders(en(`steps.${code}`))]);
      const shape = Object.keys(stepParams[code].shape).map((k) => `{{${k}}}`);
      expect([code, z.filter((p) => !shape.includes(p))]).toEqual([code, []]);
    }
  });
});

describe('rendering steps (zh-CN, i18next)', () => {
  it('pro-rata: 115 against 144 × 10/12 = 120, 5 points: 4.791666667', async () => {
    const t = await webT('zh-CN');
    const steps = [
      { code: 'pro_rata.formula', params: { basis: 'month' } },
      { code: 'pro_rata.reference', params: { target: 144, elapsed: 0.8333333333, ref: 120 } },
      { code: 'ratio.higher', params: { x: 115, ref: 120, r: 0.9583333333 } },
      { code: 'ratio.below', params: { r: 0.9583333333, f: 0.9583333333 } },
      { code: 'leaf.score', params: { f: 0.9583333333, full: 5, raw: 4.791666667 } },
    ];
    expect(renderSteps(steps, t)).toBe(
      '序时进度（按月）：序时目标 = 年度目标 × 已过时间比例；序时目标 = 144 × 0.8333333333 = 120；' +
        '完成率 r = 实际值 x ÷ 参照值 = 115 ÷ 120 = 0.9583333333；f = max(0, r) = 0.9583333333；' +
        '得分 = f × 5 = 0.9583333333 × 5 = 4.791666667',
    );
  });
  it('a param named like an i18next option (count) is filled, not taken as a plural count', async () => {
    const t = await webT('zh-CN');
    const s = { code: 'deduction.result', params: { full: 10, count: 3, perItem: 1.5, f: 0.55 } };
    expect(renderStep(s, t)).toBe('f = max(0, 10 − 3 × 1.5) ÷ 10 = 0.55');
  });
  it('notes, grade, placement, rounding stages and vars in Chinese', async () => {
    const t = await webT('zh-CN');
    expect(renderStep({ code: 'note.scope', params: { scope: 'group', n: 7 } }, t)).toBe(
      '统计范围：本组（7 个单位有数值）',
    );
    expect(
      renderStep(
        {
          code: 'grade.vetoed',
          params: { name: '良好', code: 'good', natural: '优秀', events: ['重大安全生产事故'] },
        },
        t,
      ),
    ).toBe('良好：按得分为优秀，因一票否决（重大安全生产事故）降一档，列于良好末位');
    expect(renderStep({ code: 'placement', params: { rank: 2, group: 'A', placement: 3 } }, t)).toBe(
      '组内排名第 2（A 组，按公布总分并列排名）；公布名次第 3',
    );
    expect(renderStages(['indicator', 'total'], t)).toBe('指标，总分');
    expect(renderVars({ x: 115.3, ref: 120, g: '-unbounded', y: null }, t)).toBe(
      '实际值 x = 115.3，参照值 = 120，增幅 g = −∞，y = —',
    );
  });
  it('en', async () => {
    const t = await webT('en');
    expect(renderStep({ code: 'leaf.left_out', params: { policy: 'reweight' } }, t)).toBe(
      'left out (missing-value policy: left out, siblings re-weighted)',
    );
  });
});
