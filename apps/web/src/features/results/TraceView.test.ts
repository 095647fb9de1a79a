import { evaluate, type Step, templates } from '@jixiao/engine';
import { settingsSteps } from '@jixiao/engine/testing';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n/index.js';
import { resultKeys, type TracedUnit } from './api.js';
import { bonusRows } from './bonus.js';
import { TraceView } from './TraceView.js';

/**
 * The trace page in Chinese with the steps of the plan settings of issue 9 point 8 (weights from
 * the data, rounded products, component deductions), params as the engine emits them
 * (packages/engine/src/plan-settings.test.ts), and the bonus table naming each source.
 */
const tpl = templates.find((t) => t.id === 'huangpu-2021')!;
const result = evaluate(tpl.plan, tpl.data);
const unit = result.units.find((u) => result.trace(u.unit).bonus.items.length > 0)!.unit;

const settings: Step[] = [settingsSteps.entropy, settingsSteps.products, settingsSteps.deductions];
const others: Step[] = [
  {
    code: 'weights.critic',
    params: {
      units: 4,
      codes: ['E1', 'E2', 'E3'],
      weights: [0.37489, 0.2805469, 0.3445631],
      deviation: [0.372678, 0.433013, 0.372678],
      conflict: [1.5, 0.9, 1.3],
      information: [0.559017, 0.389711, 0.484481],
    },
  },
  { code: 'weights.equal', params: { units: 1, codes: ['E1', 'E2'], weights: [0.5, 0.5] } },
];

function render(trace: TracedUnit): string {
  const client = new QueryClient();
  client.setQueryData(resultKeys.trace(1, trace.period, undefined, unit), trace);
  void i18n.changeLanguage('zh-CN');
  return renderToString(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(
        QueryClientProvider,
        { client },
        createElement(
          MemoryRouter,
          null,
          createElement(TraceView, { planId: 1, unit, period: trace.period }),
        ),
      ),
    ),
  );
}

describe('TraceView in zh-CN', () => {
  const tr = result.trace(unit) as TracedUnit;
  const [first, second, ...rest] = tr.components;
  const trace: TracedUnit = {
    ...tr,
    components: [
      { ...first!, steps: [...settings, ...first!.steps] },
      { ...second!, steps: [...others, ...second!.steps] },
      ...rest,
    ],
  };
  const html = render(trace).replace(/<[^>]+>/g, ' ');

  it('shows the steps of weights from the data, rounded products and component deductions', () => {
    expect(html).toContain('熵值法（本组 4 个单位的本期数据）');
    expect(html).toContain(
      '逐项舍入后相加：(45 × 99.9 + 20 × 88.35) ÷ 100 逐项舍入为 44.96 + 17.67，合计 62.63',
    );
    expect(html).toContain('归属本部分的扣分 30：25 − 25 = 0（不低于 0）');
    expect(html).toContain('CRITIC');
    expect(html).toContain('本期数据无差异（本组 1 个单位）');
    expect(html).not.toContain('weights.');
    expect(html).not.toContain('component.deductions');
    expect(html).not.toContain('aggregate.products');
  });

  it('names each bonus source as the plan does, not by its code', () => {
    const rows = bonusRows(tr.bonus);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const name = tpl.plan.bonus!.sources.find((s) => s.code === r.source)!.name;
      expect(r.sourceName).toBe(name);
      expect(html).toContain(name);
    }
  });
});
