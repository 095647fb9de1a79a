import { dictKeys, runStatuses, sourceKind, valueSource } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { en as enAll, zhCN as zhAll } from '../../i18n/resources.js';
import { planKindKey, planOptionGroups } from '../plans/planChoice.js';
import { emptyKey, type RunStepName, statusView } from './runs.js';
import { describeSource, MISSING_POLICIES } from './sources.js';

const en = enAll.resultsLoop;
const zhCN = zhAll.resultsLoop;

const zh = new Set(dictKeys(zhCN));

describe('results-loop strings', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(dictKeys(en).sort()).toEqual(dictKeys(zhCN).sort());
  });

  it('name every source kind, field and missing-value policy the contracts allow', () => {
    const ctx = { planId: 1, unit: 'A01' };
    for (const kind of sourceKind.options)
      for (const policy of [...MISSING_POLICIES, 'something_new']) {
        const l = describeSource(
          {
            indicator: 'T1',
            field: 'value',
            kind,
            id: 1,
            period: '2026-M10',
            value: 1,
            submitted: 2,
            policy,
          },
          ctx,
        );
        expect(zh.has(l.textKey), l.textKey).toBe(true);
      }
    for (const field of valueSource.shape.field.options)
      expect(zh.has(`sources.fields.${field}`), field).toBe(true);
  });

  it('name run states, steps, empty states and plan kinds', () => {
    const r = {
      computedAt: 'x',
      computedBy: null,
      releasedAt: null,
      releasedBy: null,
      submittedAt: null,
      submittedBy: null,
      publicity: {
        from: 'x',
        to: 'y',
        answerDays: 1,
        respondDays: 1,
        publicPage: false,
        publishedAt: 'x',
        publishedBy: null,
      },
    };
    for (const status of runStatuses) {
      const v = statusView({ ...r, status, latest: true });
      expect(zh.has(v.key) && zh.has(v.detailKey), status).toBe(true);
    }
    const steps: RunStepName[] = ['publish', 'submit', 'approve', 'return', 'correct'];
    for (const s of steps)
      for (const k of [`runs.step.${s}`, `runs.done.${s}`]) expect(zh.has(k), k).toBe(true);
    expect(zh.has(emptyKey(true)) && zh.has(emptyKey(false))).toBe(true);
    expect(zh.has(planKindKey({ adHoc: true })) && zh.has(planKindKey({ adHoc: false }))).toBe(true);
    for (const g of planOptionGroups([])) expect(zh.has(g.titleKey)).toBe(true);
    for (const k of [
      'planPicker.active',
      'planPicker.archived',
      'sim.up',
      'sim.down',
      'sim.same',
      'sim.pointsInvalid',
      'sim.reasonRequired',
    ])
      expect(zh.has(k), k).toBe(true);
  });
});
