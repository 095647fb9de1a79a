import type { PlanSummary } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import {
  defaultPeriod,
  defaultPlan,
  fmtRaw,
  fmtScore,
  openingPeriod,
  periodOptions,
  unitsByGroup,
} from './ranking.js';

const plan = (id: number, year: number, status: PlanSummary['status']) =>
  ({ id, year, status }) as PlanSummary;

describe('results helpers', () => {
  it('opens the active plan of the latest year, with its year-end period', () => {
    const p = defaultPlan([plan(1, 2025, 'active'), plan(2, 2026, 'draft'), plan(3, 2026, 'active')]);
    expect(p?.id).toBe(3);
    expect(defaultPeriod(p!)).toBe('2026-Y');
    expect(defaultPlan([plan(1, 2025, 'draft'), plan(2, 2024, 'archived')])?.id).toBe(1);
    expect(defaultPlan([])).toBeUndefined();
  });

  it('groups units by group code in published order', () => {
    const u = (unit: string, group: string, placement: number) => ({
      unit,
      group,
      placement,
      rank: placement,
    });
    const g = unitsByGroup([u('b2', 'B1', 2), u('a1', 'A', 1), u('b1', 'B1', 1)]);
    expect(g.map((x) => x.group)).toEqual(['A', 'B1']);
    expect(g[1]!.units.map((x) => x.unit)).toEqual(['b1', 'b2']);
  });

  it('formats scores and lists periods', () => {
    expect(fmtScore(95)).toBe('95.00');
    expect(fmtScore(null)).toBe('—');
    expect(periodOptions(2026)).toHaveLength(19);
    expect(periodOptions(2026)[0]).toBe('2026-Y');
  });
});

describe('fmtRaw', () => {
  it('prints unrounded values without float noise', () => {
    expect(fmtRaw(14.469999999999999)).toBe('14.47');
    expect(fmtRaw(0.1 + 0.2)).toBe('0.3');
    expect(fmtRaw(99.66)).toBe('99.66');
    expect(fmtRaw(1.0147058823529411)).toBe('1.014705882');
    expect(fmtRaw(null)).toBe('');
  });
});

describe('openingPeriod', () => {
  it('opens the yearly plan on the year end at once', () => {
    expect(openingPeriod({ year: 2026, adHoc: false }, undefined)).toBe('2026-Y');
  });
  it('opens an ad-hoc plan on the last period of its window, once its document is there', () => {
    expect(openingPeriod({ year: 2026, adHoc: true }, undefined)).toBeUndefined();
    expect(openingPeriod({ year: 2026, adHoc: true }, { period: { to: '2026-Q4' } })).toBe('2026-Q4');
    expect(openingPeriod({ year: 2026, adHoc: true }, { period: {} })).toBe('2026-Y');
    expect(openingPeriod({ year: 2026, adHoc: true }, { period: { to: '2027-Q1' } })).toBe('2026-Y');
  });
});

describe('defaultPlan with ad-hoc plans (Z7)', () => {
  it('opens the yearly plan, not the ad-hoc one active beside it', () => {
    const plans = [
      { id: 1, year: 2025, status: 'archived', adHoc: false },
      { id: 2, year: 2026, status: 'active', adHoc: false },
      { id: 3, year: 2026, status: 'active', adHoc: true },
    ] as PlanSummary[];
    expect(defaultPlan(plans)?.id).toBe(2);
    expect(defaultPlan(plans.filter((p) => p.id !== 2))?.id).toBe(3);
  });
});
