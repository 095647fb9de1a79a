import type { SubmissionSlot } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import {
  computeTodos,
  defaultPeriod,
  evidenceErrorKey,
  formRows,
  initialDraft,
  isDirty,
  parseValue,
  previousPeriod,
  rowState,
  startedPeriods,
  stateFor,
  type WindowLike,
} from './model.js';

const NOW = Date.parse('2026-11-22T07:00:00Z');

type Sub = NonNullable<SubmissionSlot['submission']>;
const sub = (over: Partial<Sub>): Sub => ({
  id: 1,
  planId: 2,
  unitId: 7,
  indicator: 'T1',
  period: '2026-M10',
  value: 10,
  measureUnit: '%',
  note: null,
  status: 'submitted',
  source: 'unit',
  returnReason: null,
  late: false,
  submittedAt: null,
  submittedBy: null,
  verifiedAt: null,
  verifiedBy: null,
  version: 1,
  updatedAt: '2026-11-01T00:00:00Z',
  evidenceCount: 0,
  ...over,
});
const slot = (
  indicator: string,
  submission: Sub | null,
  over: Partial<SubmissionSlot> = {},
): SubmissionSlot => ({
  unitId: 7,
  unitCode: 'A01',
  unitName: '市纪委监委机关',
  indicator,
  indicatorName: `指标${indicator}`,
  measureUnit: '%',
  owner: null,
  providerOwned: false,
  canWrite: true,
  submission,
  ...over,
});
const win = (period: string, opensAt: string, state: string): WindowLike => ({
  period,
  opensAt,
  dueAt: '2026-12-31T00:00:00Z',
  state,
});

describe('rowState', () => {
  it('maps a missing value in a late period to missing + late, editable', () => {
    expect(rowState(slot('T4', null), 'late')).toEqual({
      status: 'missing',
      late: true,
      editable: true,
      needsReason: false,
    });
  });
  it('takes the late flag of a stored value, not of the period', () => {
    expect(rowState(slot('T1', sub({ late: false })), 'late').late).toBe(false);
    expect(rowState(slot('T1', sub({ late: true })), 'open').late).toBe(true);
  });
  it('a verified value needs a reason to change; a closed period or a provider value is read-only', () => {
    expect(rowState(slot('T1', sub({ status: 'verified' })), 'open')).toEqual({
      status: 'verified',
      late: false,
      editable: true,
      needsReason: true,
    });
    expect(rowState(slot('T1', sub({})), 'closed').editable).toBe(false);
    expect(rowState(slot('D3', sub({}), { providerOwned: true, canWrite: false }), 'open').editable).toBe(
      false,
    );
    expect(rowState(slot('T1', sub({ status: 'returned' })), 'reopened')).toMatchObject({
      status: 'returned',
      editable: true,
    });
  });
});

describe('periods', () => {
  it('previous period of the same granularity', () => {
    expect(previousPeriod('2026-M10')).toBe('2026-M09');
    expect(previousPeriod('2026-M01')).toBeNull();
    expect(previousPeriod('2026-Q3')).toBe('2026-Q2');
    expect(previousPeriod('2026-H2')).toBe('2026-H1');
    expect(previousPeriod('2026-Y')).toBeNull();
  });
  it('started periods newest first, months before quarters opened the same day', () => {
    const ws = [
      win('2026-M09', '2026-08-31T16:00:00Z', 'closed'),
      win('2026-Q4', '2026-09-30T16:00:00Z', 'open'),
      win('2026-M10', '2026-09-30T16:00:00Z', 'late'),
      win('2026-M12', '2026-11-30T16:00:00Z', 'not_open'),
    ];
    expect(startedPeriods(ws).map((w) => w.period)).toEqual(['2026-M10', '2026-Q4', '2026-M09']);
  });
});

describe('computeTodos and defaultPeriod', () => {
  const windows = [
    win('2026-M09', '2026-08-31T16:00:00Z', 'closed'),
    win('2026-M10', '2026-09-30T16:00:00Z', 'late'),
    win('2026-M11', '2026-10-31T16:00:00Z', 'open'),
    win('2026-Y', '2025-12-31T16:00:00Z', 'open'),
  ];
  const data: Record<string, SubmissionSlot[]> = {
    '2026-M09': [
      slot('T1', sub({ period: '2026-M09', status: 'returned', returnReason: '佐证材料不一致' })),
      slot('T4', sub({ period: '2026-M09', status: 'verified' })),
      slot('T2', null),
      slot('D3', sub({ status: 'returned', returnReason: 'x' }), { providerOwned: true, canWrite: false }),
    ],
    '2026-M10': [
      slot('T1', sub({})),
      slot('T4', null),
      slot('T2', null),
      slot('D3', null, { canWrite: false }),
    ],
    '2026-M11': [slot('T1', null), slot('T4', null), slot('T2', null)],
    '2026-Y': [slot('T1', null)],
  };

  it('missing = reported last period, none yet, writable; returned = writable with reason', () => {
    const todos = computeTodos(windows, (p) => data[p], NOW);
    expect(todos).toEqual([
      {
        period: '2026-M11',
        state: 'open',
        missing: [
          {
            kind: 'missing',
            period: '2026-M11',
            unitId: 7,
            unitName: '市纪委监委机关',
            indicator: 'T1',
            indicatorName: '指标T1',
            late: false,
          },
        ],
        returned: [],
      },
      {
        period: '2026-M10',
        state: 'late',
        missing: [
          {
            kind: 'missing',
            period: '2026-M10',
            unitId: 7,
            unitName: '市纪委监委机关',
            indicator: 'T4',
            indicatorName: '指标T4',
            late: true,
          },
        ],
        returned: [],
      },
      {
        period: '2026-M09',
        state: 'closed',
        missing: [],
        returned: [
          {
            kind: 'returned',
            period: '2026-M09',
            unitId: 7,
            unitName: '市纪委监委机关',
            indicator: 'T1',
            indicatorName: '指标T1',
            reason: '佐证材料不一致',
          },
        ],
      },
    ]);
  });

  it('skips periods whose data is not loaded yet', () => {
    expect(computeTodos(windows, (p) => (p === '2026-M10' ? data[p] : undefined), NOW)).toEqual([]);
  });

  it('opens the latest overdue period with a to-do, else an open one with a to-do, else the latest month', () => {
    const todos = computeTodos(windows, (p) => data[p], NOW);
    expect(defaultPeriod(windows, todos)).toBe('2026-M10');
    expect(
      defaultPeriod(
        windows,
        todos.filter((t) => t.period !== '2026-M10'),
      ),
    ).toBe('2026-M11');
    expect(defaultPeriod(windows, [])).toBe('2026-M11');
    expect(defaultPeriod([win('2026-M09', '2026-08-31T16:00:00Z', 'closed')], [])).toBe('2026-M09');
    expect(defaultPeriod([], [])).toBeUndefined();
  });
});

describe('a period reopened for one unit', () => {
  const m09 = {
    ...win('2026-M09', '2026-08-31T16:00:00Z', 'closed'),
    reopenings: [{ unitId: 7, until: '2026-11-30T15:59:59Z' }],
  };
  it('takes data again for that unit until the reopening ends, not for others', () => {
    expect(stateFor(m09, 7, NOW)).toBe('reopened');
    expect(stateFor(m09, 8, NOW)).toBe('closed');
    expect(stateFor(m09, 7, Date.parse('2026-12-01T00:00:00Z'))).toBe('closed');
    expect(stateFor(win('2026-M10', '2026-09-30T16:00:00Z', 'late'), 7, NOW)).toBe('late');
  });
  it('its returned values are an urgent to-do and open the form', () => {
    const slots = [slot('T1', sub({ period: '2026-M09', status: 'returned', returnReason: '请补充佐证' }))];
    const todos = computeTodos(
      [m09, win('2026-M11', '2026-10-31T16:00:00Z', 'open')],
      (p) => (p === '2026-M09' ? slots : []),
      NOW,
    );
    expect(todos.map((t) => [t.period, t.state, t.returned.length])).toEqual([['2026-M09', 'reopened', 1]]);
    expect(defaultPeriod([m09, win('2026-M11', '2026-10-31T16:00:00Z', 'open')], todos)).toBe('2026-M09');
  });
});

describe('small helpers', () => {
  it('parseValue takes finite numbers only', () => {
    expect(parseValue(' 1,234.5 ')).toBe(1234.5);
    expect(parseValue('-3')).toBe(-3);
    expect(parseValue('')).toBeNull();
    expect(parseValue('12abc')).toBeNull();
    expect(parseValue(Number.NaN)).toBeNull();
    expect(parseValue(7)).toBe(7);
  });
  it('isDirty compares value, note and measure unit with the stored ones', () => {
    const s = slot('T1', sub({ value: 10, note: 'a' }));
    expect(isDirty(s, { value: 10, note: 'a ', measureUnit: '%' })).toBe(false);
    expect(isDirty(s, { value: 11, note: 'a', measureUnit: '%' })).toBe(true);
    expect(isDirty(slot('T4', null), { value: null, note: '', measureUnit: '%' })).toBe(false);
  });
  it('evidence refusals by status', () => {
    expect(evidenceErrorKey(415, 'UNSUPPORTED_MEDIA_TYPE')).toBe('submissions.evidence.e415');
    expect(evidenceErrorKey(409, 'CONFLICT')).toBe('submissions.evidence.e409');
    expect(evidenceErrorKey(413, 'FST_REQ_FILE_TOO_LARGE')).toBe('submissions.evidence.e413');
    expect(evidenceErrorKey(403, 'FORBIDDEN')).toBeNull();
  });
});

describe('formRows', () => {
  const rows = [
    slot('T1', null),
    slot('T2', sub({ indicator: 'T2', status: 'draft' })),
    slot('T3', sub({ indicator: 'T3', status: 'verified' })),
    slot('T4', sub({ indicator: 'T4', status: 'submitted' })),
    slot('T5', null, { canWrite: false }),
  ];
  const drafts: Record<string, { value: number | null }> = { T1: { value: 5 }, T3: { value: 11 } };
  const draftOf = (s: SubmissionSlot) => ({ ...initialDraft(s), ...(drafts[s.indicator] ?? {}) });

  it('saves changed rows except corrections, submits changed, draft and returned rows', () => {
    const r = formRows(rows, () => 'open', draftOf);
    expect(r.editable.map((s) => s.indicator)).toEqual(['T1', 'T2', 'T3', 'T4']);
    // T3 is a correction of a verified value: it needs a reason, so 全部暂存 leaves it out.
    expect(r.saveAll.map((s) => s.indicator)).toEqual(['T1']);
    // T4 is submitted and unchanged: nothing to submit again.
    expect(r.submittable.map((s) => s.indicator)).toEqual(['T1', 'T2', 'T3']);
  });

  it('a closed period leaves nothing to save or submit', () => {
    const r = formRows(rows, () => 'closed', draftOf);
    expect(r).toEqual({ editable: [], saveAll: [], submittable: [] });
  });
});
