import type { Plan } from '@jixiao/engine';
import { describe, expect, it } from 'vitest';
import {
  type AssembleArgs,
  assembleCycleInput,
  type HotlineValue,
  type Report,
  type SurveyValue,
} from './assemble.js';
import { dueShare, expectedReport } from './figures.js';

/** An indicator of the one component, named by its code, scored by completion unless `more` says. */
const indicator = (code: string, points: number, frequency: string, more: object = {}) => ({
  code,
  name: code,
  component: 'main',
  points,
  frequency,
  method: { kind: 'completion' },
  ...more,
});

/**
 * The cycle input, hand-checked. Plan: A (amount, completion, monthly), R (rate "%", completion,
 * monthly), Q (amount, completion, quarterly), Y (satisfaction, yearly).
 */
const plan = {
  format: 'jixiao-plan/1',
  id: 'p',
  name: 'p',
  year: 2026,
  period: { granularity: 'year' },
  scoring: 'points',
  categories: [{ code: 'C', name: 'C' }],
  groups: [{ code: 'G', name: 'G', category: 'C' }],
  components: [{ code: 'main', name: 'main', points: 100 }],
  indicators: [
    indicator('A', 40, 'month'),
    indicator('R', 20, 'month', { unit: '%' }),
    indicator('Q', 20, 'quarter'),
    indicator('Y', 20, 'year', { method: { kind: 'satisfaction' } }),
  ],
  grades: { levels: [{ code: 'ok', name: 'ok', color: '#000' }] },
} as unknown as Plan;

const at = (iso: string) => new Date(iso);
/** The assembled input names a source with (at least) these fields. */
const expectSource = (a: { sources: unknown[] }, fields: object) =>
  expect(a.sources).toContainEqual(expect.objectContaining(fields));
let nextId = 1;
const report = (over: Partial<Report> & Pick<Report, 'indicator' | 'period' | 'value'>): Report => ({
  id: nextId++,
  unit: 'u1',
  status: 'submitted',
  source: 'unit',
  importBatchId: null,
  updatedAt: at('2026-06-01T00:00:00Z'),
  by: 'filler',
  correction: null,
  ...over,
});

/** Default calendar: a month is due on the 10th of the next month. */
const dueAt = (p: string) => {
  const m = /^2026-M(\d\d)$/.exec(p);
  if (m) return at(`2026-${String(Number(m[1]) + 1).padStart(2, '0')}-10T15:59:59Z`);
  if (p === '2026-Q3') return at('2026-10-15T15:59:59Z');
  if (p === '2026-Q2') return at('2026-07-15T15:59:59Z');
  return at('2027-01-20T15:59:59Z');
};

const base = (over: Partial<AssembleArgs> = {}): AssembleArgs => ({
  plan,
  period: '2026-M06',
  units: [{ code: 'u1', group: 'G' }],
  reports: [],
  targets: [],
  references: [],
  events: [],
  supervision: [],
  halfYear: null,
  dueAt,
  now: at('2026-07-05T00:00:00Z'),
  ...over,
});

/** The cycle input assembled from the base arguments with `over`. */
const assemble = (over: Partial<AssembleArgs> = {}) => assembleCycleInput(base(over));

const cellOf = (a: ReturnType<typeof assembleCycleInput>, indicator: string) =>
  a.input.values.find((v) => v.indicator === indicator);

describe('which figure counts', () => {
  it('the expected report follows the frequency', () => {
    expect(expectedReport('month', '2026-M10')).toBe('2026-M10');
    expect(expectedReport('quarter', '2026-M10')).toBe('2026-Q3');
    expect(expectedReport('quarter', '2026-M02')).toBeNull();
    expect(expectedReport('half', '2026-M10')).toBe('2026-H1');
    expect(expectedReport('year', '2026-M10')).toBeNull();
    expect(expectedReport('year', '2026-Y')).toBe('2026-Y');
  });

  it('takes the newest counted report up to the period; a quarterly indicator ignores monthly rows', () => {
    const a = assemble({
      period: '2026-M10',
      now: at('2026-10-20T00:00:00Z'),
      reports: [
        report({ indicator: 'A', period: '2026-M09', value: 50 }),
        report({ indicator: 'A', period: '2026-M11', value: 99 }), // after the period
        report({ indicator: 'Q', period: '2026-Q3', value: 30 }),
        report({ indicator: 'Q', period: '2026-M10', value: 77 }), // not of Q's frequency
      ],
    });
    expect(cellOf(a, 'A')?.value).toBe(50);
    expect(cellOf(a, 'Q')?.value).toBe(30);
  });

  it('a year run prefers the year figure to the last monthly report', () => {
    const a = assemble({
      period: '2026-Y',
      reports: [
        report({ indicator: 'A', period: '2026-M12', value: 95 }),
        report({ indicator: 'A', period: '2026-Y', value: 97 }),
      ],
    });
    expect(cellOf(a, 'A')?.value).toBe(97);
  });

  it('a verified correction replaces the submitted value and says so; returned values do not count', () => {
    const a = assemble({
      reports: [
        report({
          indicator: 'A',
          period: '2026-M06',
          value: 90,
          status: 'verified',
          correction: { verificationId: 7, value: 80, by: 'assessor', at: at('2026-06-20T00:00:00Z') },
        }),
        report({ indicator: 'R', period: '2026-M06', value: 60, status: 'returned' }),
      ],
    });
    expect(cellOf(a, 'A')?.value).toBe(80);
    expectSource(a, {
      indicator: 'A',
      field: 'value',
      kind: 'verification',
      id: 7,
      submitted: 90,
      value: 80,
    });
    expect(cellOf(a, 'R')).toBeUndefined();
  });

  it('unverified values count unless the plan says they are missing', () => {
    const args = base({ reports: [report({ indicator: 'A', period: '2026-M06', value: 40 })] });
    expect(cellOf(assembleCycleInput(args), 'A')?.value).toBe(40);
    const strict = { ...plan, cycle: { unverified: 'missing' as const } };
    expect(cellOf(assembleCycleInput({ ...args, plan: strict }), 'A')).toBeUndefined();
  });
});

describe('targets (W10, S9)', () => {
  it('the issued task book wins over the reference figure; June holds amounts against 6/12, rates in full', () => {
    const a = assemble({
      reports: [
        report({ indicator: 'A', period: '2026-M06', value: 45 }),
        report({ indicator: 'R', period: '2026-M06', value: 95 }),
      ],
      references: [
        {
          id: 3,
          unit: 'u1',
          indicator: 'A',
          period: '2026-M01',
          target: 200,
          baseline: null,
          baseValue: null,
          peerValue: null,
          peerBaseValue: null,
          scores: null,
          importBatchId: 9,
        },
      ],
      targets: [
        { taskBookId: 5, unit: 'u1', indicator: 'A', target: 100, baseline: null },
        { taskBookId: 5, unit: 'u1', indicator: 'R', target: 98, baseline: null },
      ],
    });
    // A: 100 × 6/12 = 50; R is a rate: 98 all year.
    expect(cellOf(a, 'A')).toMatchObject({ value: 45, target: 50 });
    expect(cellOf(a, 'R')).toMatchObject({ value: 95, target: 98 });
    expectSource(a, {
      indicator: 'A',
      field: 'target',
      kind: 'task_book',
      id: 5,
      value: 50,
      fullTarget: 100,
      share: 0.5,
    });
    expect(a.sources.filter((s) => s.indicator === 'A' && s.field === 'target')).toHaveLength(1);
  });

  it("a task book's quarterly schedule sets the share (interpolated by month)", () => {
    // Q1 20 %, Q2 45 %: May = 20 % + (45 % − 20 %) × 2/3 = 36.67 %.
    expect(dueShare(5, [0.2, 0.45, 0.7, 1])).toBeCloseTo(0.366667, 5);
    expect(dueShare(6, [0.2, 0.45, 0.7, 1])).toBeCloseTo(0.45, 10);
    expect(dueShare(6)).toBe(0.5);
    const a = assemble({
      reports: [report({ indicator: 'A', period: '2026-M06', value: 40 })],
      targets: [
        {
          taskBookId: 5,
          unit: 'u1',
          indicator: 'A',
          target: 100,
          baseline: null,
          schedule: [0.2, 0.45, 0.7, 1],
        },
      ],
    });
    expect(cellOf(a, 'A')?.target).toBe(45);
  });
});

describe('missing reports follow the plan', () => {
  it('before the due date: left out and re-weighted (default), the source says so', () => {
    // June is due 2026-07-10; now is 2026-07-05. Y is yearly: nothing due yet.
    const a = assemble();
    expect(a.missing).toMatchObject({ A: 'reweight', R: 'reweight', Y: 'reweight' });
    expect(a.plan.indicators.find((i) => i.code === 'A')?.missing).toBe('reweight');
    expectSource(a, { indicator: 'A', kind: 'missing', policy: 'reweight', period: '2026-M06' });
  });

  it('after the due date: zero by default; carry forward takes the last report; a penalty deducts', () => {
    const args = base({
      now: at('2026-07-11T00:00:00Z'),
      reports: [report({ indicator: 'A', period: '2026-M05', value: 30 })],
    });
    const zero = assembleCycleInput(args);
    expect(cellOf(zero, 'A')).toBeUndefined();
    expect(zero.missing.A).toBe('zero');
    expect(zero.plan.indicators.find((i) => i.code === 'A')?.missing).toBe('zero');

    const carried = assembleCycleInput({
      ...args,
      plan: { ...plan, cycle: { missingAfterDue: 'carry_forward' } },
    });
    // May's figure against May's share of the (absent) target: the value is carried.
    expect(cellOf(carried, 'A')?.value).toBe(30);
    expectSource(carried, {
      indicator: 'A',
      kind: 'submission',
      period: '2026-M05',
      policy: 'carry_forward',
    });

    const penalty = assembleCycleInput({
      ...args,
      plan: { ...plan, cycle: { missingAfterDue: 'penalty', missingPenalty: 0.5 } },
    });
    expect(penalty.input.deductions).toContainEqual(
      expect.objectContaining({ unit: 'u1', points: 0.5, indicator: 'A' }),
    );
  });
});

describe('survey values (issue 10)', () => {
  const survey = (over: Partial<SurveyValue>): SurveyValue => ({
    campaignId: 7,
    unit: 'u1',
    indicator: 'Y',
    period: '2026-H1',
    value: 88.5,
    n: 40,
    missing: null,
    scoredAt: at('2026-07-02T00:00:00Z'),
    scoredBy: 'office',
    ...over,
  });

  it('a scored campaign is the survey indicator’s value, before a report of the same period, and the source names it', () => {
    const a = assemble({
      reports: [report({ indicator: 'Y', period: '2026-M06', value: 70 })],
      surveys: [survey({})],
    });
    expect(cellOf(a, 'Y')!.value).toBe(88.5);
    expect(a.sources.filter((s) => s.indicator === 'Y')).toEqual([
      expect.objectContaining({
        field: 'value',
        kind: 'survey',
        id: 7,
        period: '2026-H1',
        value: 88.5,
        n: 40,
      }),
    ]);
  });

  it('a year figure reported after a mid-year campaign counts at the year end', () => {
    const a = assemble({
      period: '2026-Y',
      now: at('2027-02-01T00:00:00Z'),
      reports: [report({ indicator: 'Y', period: '2026-Y', value: 93 })],
      surveys: [survey({})],
    });
    expect(cellOf(a, 'Y')!.value).toBe(93);
    expect(a.sources.find((s) => s.indicator === 'Y' && s.field === 'value')).toMatchObject({
      kind: 'submission',
    });
  });

  it('the newest campaign up to the period counts; a later one waits for its period', () => {
    const list = [survey({}), survey({ campaignId: 8, period: '2026-Y', value: 91 })];
    expect(cellOf(assemble({ period: '2026-M10', surveys: list }), 'Y')!.value).toBe(88.5);
    expect(cellOf(assemble({ period: '2026-Y', surveys: list }), 'Y')!.value).toBe(91);
  });

  it('short of its sample the value stays missing for the plan’s policy, and the source says why', () => {
    const a = assemble({ surveys: [survey({ value: null, missing: 'below_sample', n: 3 })] });
    expect(cellOf(a, 'Y')!.value).toBeUndefined();
    expect(a.sources.find((s) => s.indicator === 'Y')).toMatchObject({
      kind: 'survey',
      value: null,
      policy: 'below_sample',
    });
    expect(a.missing.Y).toBeUndefined();
  });
});

describe('events and the half year', () => {
  it('events count from their period to the year end; a year run takes the frozen half year', () => {
    const events = [
      {
        id: 1,
        unit: 'u1',
        period: '2026-M03',
        kind: 'deduction' as const,
        code: null,
        indicator: 'A',
        points: 1,
        reason: 'r',
      },
      {
        id: 2,
        unit: 'u1',
        period: '2026-M09',
        kind: 'bonus' as const,
        code: 'innovation',
        indicator: null,
        points: 2,
        reason: 'r',
      },
      {
        id: 3,
        unit: 'u1',
        period: '2025-Y',
        kind: 'veto' as const,
        code: 'x',
        indicator: null,
        points: null,
        reason: 'r',
      },
    ];
    const june = assemble({ events });
    expect(june.input.deductions).toEqual([{ unit: 'u1', points: 1, reason: 'r', indicator: 'A' }]);
    expect(june.input.bonuses).toEqual([]);
    expect(june.input.vetoes).toEqual([]);
    const year = assemble({ period: '2026-Y', events, halfYear: [{ unit: 'u1', total: 81 }] });
    expect(year.input.bonuses).toEqual([{ unit: 'u1', source: 'innovation', points: 2, reason: 'r' }]);
    expect(year.input.halfYear).toEqual([{ unit: 'u1', total: 81 }]);
    expectSource(year, { kind: 'event', id: 2, value: 2 });
  });

  it('rows of units outside the system are ignored', () => {
    const a = assemble({
      reports: [report({ unit: 'elsewhere', indicator: 'A', period: '2026-M06', value: 1 })],
    });
    expect(a.input.values).toEqual([]);
    expect(a.counted).toBe(0);
  });
});

describe('hotline figures (H8)', () => {
  const hot = (over: Partial<HotlineValue> = {}): HotlineValue => ({
    id: 5,
    unit: 'u1',
    indicator: 'R',
    field: 'timelyRate',
    period: '2026-M05',
    value: 92.5,
    volume: 40,
    importedAt: at('2026-06-02T00:00:00Z'),
    importedBy: 'office',
    ...over,
  });

  it("a fed figure is the indicator's value over the unit's own report, and the source names it", () => {
    const a = assemble({
      reports: [report({ indicator: 'R', period: '2026-M06', value: 99 })],
      hotline: [hot()],
    });
    expect(cellOf(a, 'R')!.value).toBe(92.5);
    const value = a.sources.filter((s) => s.indicator === 'R' && s.field === 'value');
    expect(value).toEqual([
      {
        unit: 'u1',
        indicator: 'R',
        field: 'value',
        kind: 'hotline',
        id: 5,
        period: '2026-M05',
        value: 92.5,
        n: 40,
        figure: 'timelyRate',
        by: 'office',
        at: '2026-06-02T00:00:00.000Z',
      },
    ]);
    // Neither counted as a report nor missing: June's report is due and absent for R no more.
    expect(a.counted).toBe(0);
    expect(a.missing.R).toBeUndefined();
  });

  it('the newest stored period of the year up to the period counts', () => {
    const list = [
      hot(),
      hot({ id: 6, period: '2026-M06', value: 95 }),
      hot({ id: 7, period: '2026-M07', value: 10 }),
    ];
    expect(cellOf(assemble({ hotline: list }), 'R')!.value).toBe(95);
    const lastYear = [hot({ period: '2025-M12' })];
    expect(cellOf(assemble({ hotline: lastYear }), 'R')).toBeUndefined();
  });
});
