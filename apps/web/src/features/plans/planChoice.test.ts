import type { PlanSummary } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { choosePlan, offeredPlans, planKindKey, planOptionGroups, planParam } from './planChoice.js';

const plan = (id: number, year: number, status: PlanSummary['status'], adHoc = false, name = `P${id}`) =>
  ({
    id,
    systemId: 1,
    year,
    name,
    status,
    version: 1,
    revision: 1,
    clonedFromId: null,
    updatedAt: '2026-01-01T00:00:00Z',
    updatedBy: null,
    activatedAt: null,
    errorCount: 0,
    adHoc,
  }) satisfies PlanSummary;

const plans = [
  plan(1, 2025, 'archived'),
  plan(2, 2026, 'active', true, '优化营商环境专项'),
  plan(3, 2026, 'active', false, '2026 年度考评方案'),
  plan(4, 2026, 'draft'),
  plan(5, 2026, 'active', true, '安全生产专项'),
];

describe('offeredPlans', () => {
  it('offers active plans, the yearly plan first, ad-hoc plans after it by name; never drafts', () => {
    expect(offeredPlans(plans).map((p) => p.id)).toEqual([3, 5, 2]);
  });
  it('adds archived plans after the active ones on request', () => {
    expect(offeredPlans(plans, { includeArchived: true }).map((p) => p.id)).toEqual([3, 5, 2, 1]);
  });
  it('puts the latest year first among active plans', () => {
    const two = [plan(7, 2025, 'active'), plan(8, 2026, 'active', true)];
    expect(offeredPlans(two).map((p) => p.id)).toEqual([8, 7]);
  });
});

describe('choosePlan', () => {
  const offered = offeredPlans(plans);
  it('takes the plan the URL names when it is offered', () => {
    expect(choosePlan(offered, 2)?.id).toBe(2);
  });
  it('falls back to the yearly plan when the URL names nothing, a draft or an unknown plan', () => {
    expect(choosePlan(offered, undefined)?.id).toBe(3);
    expect(choosePlan(offered, 4)?.id).toBe(3);
    expect(choosePlan(offered, 99)?.id).toBe(3);
    expect(choosePlan([], 3)).toBeUndefined();
  });
});

describe('planParam', () => {
  it('reads a positive integer and nothing else', () => {
    expect(planParam('12')).toBe(12);
    for (const bad of [null, '', '0', '-1', '1.5', 'abc', '3x']) expect(planParam(bad)).toBeUndefined();
  });
});

describe('planOptionGroups and planKindKey', () => {
  it('groups active and archived plans, leaving out an empty group', () => {
    const groups = planOptionGroups(offeredPlans(plans, { includeArchived: true }));
    expect(groups.map((g) => [g.titleKey, g.plans.map((p) => p.id)])).toEqual([
      ['planPicker.active', [3, 5, 2]],
      ['planPicker.archived', [1]],
    ]);
    expect(planOptionGroups(offeredPlans(plans)).map((g) => g.titleKey)).toEqual(['planPicker.active']);
  });
  it('labels ad-hoc plans 专项 and the yearly plan 年度', () => {
    expect(planKindKey({ adHoc: true })).toBe('planPicker.adHoc');
    expect(planKindKey({ adHoc: false })).toBe('planPicker.yearly');
  });
});
