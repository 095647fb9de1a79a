import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { translation } from '../../i18n/resources.js';
import { problemKey } from '../../shared/feedback.js';
import { effectLines, verdictText } from './view.js';

/** Every problem code the server sends for runs and objections (run-state.ts, objections.service.ts). */
const CODES = [
  'results.run_state',
  'results.publicity_running',
  'results.objections_open',
  'results.not_latest',
  'results.run_changed',
  'results.not_official',
  'objection.state',
  'objection.not_your_unit',
  'objection.target_missing',
  'objection.window_closed',
  'objection.answer_late',
  'objection.respond_late',
  'objection.reason_required',
  'objection.adjustment_kind',
  'objection.adjustment_lost',
  'objection.run_moved',
];

describe('objections in words', () => {
  const zh = i18next.createInstance();
  beforeAll(async () => {
    await zh.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: translation('zh-CN') } } });
  });

  it('every problem code has a text in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const t = translation(lang) as Record<string, unknown>;
      for (const code of CODES) {
        const path = problemKey(code).split('.');
        const v = path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], t);
        expect(typeof v, `${lang} ${code}`).toBe('string');
      }
    }
  });

  it('says a verdict with its amount', () => {
    expect(
      verdictText(
        zh.t,
        { kind: 'indicator', code: 'T1' },
        {
          verdict: 'adjust',
          explanation: '核验单有效',
          adjustment: { value: 100 },
        },
      ),
    ).toBe('实际值调整为 100：核验单有效');
    expect(
      verdictText(zh.t, { kind: 'deduction', index: 0 }, { verdict: 'reject', explanation: '依据充分' }),
    ).toBe('维持原结果：依据充分');
  });

  it('says what an adjustment did: total and rank, each indicator, the deductions', () => {
    const lines = effectLines(zh.t, {
      unit: 'u1',
      name: '一号局',
      group: 'A',
      before: { total: 86, rank: 2, placement: 2, grade: 'good' },
      after: { total: 92, rank: 2, placement: 2, grade: 'excellent' },
      totalDelta: 6,
      rankDelta: 0,
      indicators: [
        { code: 'I1', name: '主要任务完成率', kind: 'indicator', before: 54, after: 60, delta: 6 },
        { code: 'main', name: '目标任务', kind: 'component', before: 86, after: 92, delta: 6 },
      ],
      bonus: { before: 0, after: 0 },
      deductions: { before: 1.5, after: 0 },
      vetoes: { added: [], removed: [] },
      changed: true,
    });
    expect(lines).toEqual([
      '总分 86.00 → 92.00，名次 2 → 2',
      '主要任务完成率 54.00 → 60.00',
      '扣分 1.50 → 0.00',
    ]);
  });
});
