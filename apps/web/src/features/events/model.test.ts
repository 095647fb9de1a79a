import type { CycleEvent } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import {
  bonusRoom,
  bonusRules,
  capUsage,
  draftBody,
  draftProblems,
  eventActions,
  eventRights,
  leafIndicators,
  prefillFromQuery,
  refusalText,
  unitIdOf,
} from './model.js';

const wuxi = {
  bonus: {
    cap: 8,
    sources: [
      { code: 'ranking', name: '排名指标在江苏省进档升位' },
      { code: 'innovation', name: '工作创新创优', cap: 3 },
      { code: 'award', name: '国家级表彰', outsideSharedCap: true },
      { name: 'no code' },
    ],
  },
  indicators: [
    { code: 'T', name: '目标管理' },
    { code: 'T1', name: '重点工作', parent: 'T' },
    { code: 'T4', name: '信息报送', parent: 'T' },
    { code: 'D3', name: '日常督查' },
  ],
};

let nextId = 1;
const ev = (over: Partial<CycleEvent>): CycleEvent => ({
  id: nextId++,
  planId: 1,
  period: '2026-Y',
  unitId: 10,
  unitCode: 'A01',
  unitName: '市纪委监委机关',
  kind: 'bonus',
  code: 'ranking',
  indicator: null,
  points: 1,
  reason: 'r',
  status: 'approved',
  source: 'entry',
  importBatchId: null,
  evidence: [],
  createdAt: '2026-11-01T00:00:00Z',
  createdBy: 'office',
  decidedAt: null,
  decidedBy: null,
  decisionNote: null,
  version: 1,
  ...over,
});

describe('plan document', () => {
  it('reads the bonus sources and the shared cap, skipping sources without a code', () => {
    const r = bonusRules(wuxi);
    expect(r.cap).toBe(8);
    expect(r.sources.map((s) => s.code)).toEqual(['ranking', 'innovation', 'award']);
    expect(r.sources[1]).toEqual({ code: 'innovation', name: '工作创新创优', cap: 3 });
    expect(r.sources[2]!.outsideSharedCap).toBe(true);
    expect(bonusRules({})).toEqual({ cap: null, sources: [] });
    expect(bonusRules(null)).toEqual({ cap: null, sources: [] });
  });
  it('lists leaf indicators only', () => {
    expect(leafIndicators(wuxi).map((i) => i.code)).toEqual(['T1', 'T4', 'D3']);
  });
});

describe('bonus against the cap (W9)', () => {
  const rules = bonusRules(wuxi);
  it('sums approved and pending per unit, leaves out rejected, withdrawn and other kinds', () => {
    const rows = capUsage(
      [
        ev({ points: 4 }),
        ev({ points: 2, code: 'innovation' }),
        ev({ points: 1.5, status: 'pending' }),
        ev({ points: 9, status: 'rejected' }),
        ev({ points: 9, status: 'withdrawn' }),
        ev({ kind: 'deduction', code: null, points: 2 }),
        ev({ unitId: 11, unitCode: 'A02', unitName: '市委办公室', points: 0.5 }),
      ],
      rules,
    );
    expect(rows.map((r) => r.unitCode)).toEqual(['A01', 'A02']);
    expect(rows[0]).toMatchObject({
      approved: 6,
      counted: 6,
      pending: 1.5,
      cap: 8,
      over: false,
      pendingOver: false,
    });
    expect(rows[1]).toMatchObject({ approved: 0.5, pending: 0 });
  });
  it('counts no more than the shared cap, and a source no more than its own cap', () => {
    const [r] = capUsage([ev({ points: 6 }), ev({ points: 5, code: 'innovation' })], rules);
    // innovation 5 → its own cap 3; 6 + 3 = 9 → shared cap 8.
    expect(r).toMatchObject({ approved: 11, shared: 9, counted: 8, over: true });
  });
  it('keeps sources outside the shared cap outside it', () => {
    const [r] = capUsage([ev({ points: 8 }), ev({ points: 2, code: 'award' })], rules);
    expect(r).toMatchObject({ approved: 10, shared: 8, counted: 10, over: false });
  });
  it('flags when the pending bonuses would pass the cap', () => {
    const [r] = capUsage([ev({ points: 6 }), ev({ points: 3, status: 'pending' })], rules);
    expect(r).toMatchObject({ over: false, pendingOver: true });
  });
  it('tells the room left for a new bonus', () => {
    const events = [
      ev({ points: 5 }),
      ev({ points: 1, status: 'pending' }),
      ev({ points: 2, code: 'innovation' }),
    ];
    expect(bonusRoom(events, rules, 10, 'ranking')).toBe(0);
    expect(bonusRoom([ev({ points: 5 })], rules, 10, 'ranking')).toBe(3);
    expect(bonusRoom([ev({ points: 2, code: 'innovation' })], rules, 10, 'innovation')).toBe(1);
    expect(bonusRoom(events, rules, 10, 'award')).toBeNull();
    expect(bonusRoom(events, rules, 99, 'ranking')).toBe(8);
    expect(bonusRoom(events, { cap: null, sources: [] }, 10, 'x')).toBeNull();
  });
});

describe('actions by role', () => {
  const office = eventRights({
    permissions: ['events.read', 'events.record', 'events.approve'],
    username: 'office',
  });
  const assessor = eventRights({ permissions: ['events.read', 'events.record'], username: 'assessor' });
  const unit = eventRights({ permissions: ['events.read'], username: 'filler' });
  it('the office decides a pending bonus and withdraws anything live', () => {
    expect(eventActions(ev({ status: 'pending' }), office)).toEqual([
      'approve',
      'reject',
      'withdraw',
      'attach',
    ]);
    expect(eventActions(ev({ status: 'approved' }), office)).toEqual(['withdraw', 'attach']);
    expect(
      eventActions(ev({ kind: 'deduction', status: 'approved', createdBy: 'assessor' }), office),
    ).toEqual(['withdraw', 'attach']);
    expect(eventActions(ev({ status: 'rejected' }), office)).toEqual([]);
    expect(eventActions(ev({ status: 'withdrawn' }), office)).toEqual([]);
  });
  it('a lead department withdraws only what it recorded and never decides', () => {
    expect(eventActions(ev({ status: 'pending', createdBy: 'assessor' }), assessor)).toEqual([
      'withdraw',
      'attach',
    ]);
    expect(eventActions(ev({ status: 'pending', createdBy: 'office' }), assessor)).toEqual([]);
    expect(eventActions(ev({ status: 'pending', createdBy: null }), assessor)).toEqual([]);
  });
  it('a unit only reads', () => {
    expect(unit).toEqual({ record: false, decide: false, username: 'filler' });
    expect(eventActions(ev({ status: 'pending', createdBy: 'filler' }), unit)).toEqual([]);
  });
});

describe('the record form', () => {
  const ctx = { sources: bonusRules(wuxi).sources, indicators: leafIndicators(wuxi) };
  it('asks per kind for what the server requires', () => {
    expect(draftProblems({ kind: 'deduction', reason: '' }, ctx)).toEqual([
      'period',
      'unit',
      'points',
      'reason',
    ]);
    expect(
      draftProblems({ kind: 'deduction', period: '2026-Y', unitId: 1, points: 1, reason: '督查发现' }, ctx),
    ).toEqual([]);
    expect(
      draftProblems(
        { kind: 'deduction', period: '2026-Y', unitId: 1, points: 1, indicator: 'T', reason: 'x' },
        ctx,
      ),
    ).toEqual(['indicator']);
    expect(
      draftProblems(
        { kind: 'bonus', period: '2026-Y', unitId: 1, code: 'nope', points: 2, reason: 'x' },
        ctx,
      ),
    ).toEqual(['source']);
    expect(
      draftProblems(
        { kind: 'bonus', period: '2026-Y', unitId: 1, code: 'ranking', points: 0, reason: 'x' },
        ctx,
      ),
    ).toEqual(['points']);
    expect(draftProblems({ kind: 'veto', period: '2026-Y', unitId: 1, code: ' ', reason: 'x' }, ctx)).toEqual(
      ['code'],
    );
    expect(
      draftProblems({ kind: 'veto', period: '2026-Y', unitId: 1, code: 'safety_accident', reason: 'x' }, ctx),
    ).toEqual([]);
  });
  it('sends only the fields of the kind', () => {
    expect(
      draftBody(
        {
          kind: 'veto',
          period: '2026-Y',
          unitId: 3,
          code: ' mass_incident ',
          points: 4,
          indicator: 'T1',
          reason: ' 事件 ',
        },
        7,
      ),
    ).toEqual({
      planId: 7,
      period: '2026-Y',
      unitId: 3,
      kind: 'veto',
      code: 'mass_incident',
      indicator: null,
      points: null,
      reason: '事件',
    });
    expect(
      draftBody(
        {
          kind: 'deduction',
          period: '2026-M10',
          unitId: 3,
          code: 'x',
          points: 1.5,
          indicator: '',
          reason: 'r',
        },
        7,
      ),
    ).toMatchObject({ code: null, indicator: null, points: 1.5 });
  });
});

describe('pre-fill from the what-if link', () => {
  it('opens a deduction form with the unit, points and reason', () => {
    const p = prefillFromQuery(
      new URLSearchParams(
        'planId=3&period=2026-Y&unitId=12&kind=deduction&points=-1.5&reason=%E6%A8%A1%E6%8B%9F&indicator=T4',
      ),
    );
    expect(p).toEqual({
      planId: 3,
      period: '2026-Y',
      draft: { kind: 'deduction', unitId: 12, points: 1.5, reason: '模拟', indicator: 'T4' },
    });
  });
  it('takes the what-if link as the results page writes it (unit code beside the id)', () => {
    const p = prefillFromQuery(
      new URLSearchParams('planId=2&unit=A01&period=2026-Y&kind=bonus&points=1&reason=r&code=innovation'),
    );
    expect(p).toEqual({
      planId: 2,
      period: '2026-Y',
      unitCode: 'A01',
      draft: { kind: 'bonus', points: 1, reason: 'r', code: 'innovation' },
    });
    expect(unitIdOf([{ id: 4, code: 'A01' }], p.unitCode)).toBe(4);
    expect(unitIdOf([{ id: 4, code: 'A01' }], 'B9')).toBeUndefined();
  });
  it('a trace link filters to the unit and points at the event, without a form', () => {
    expect(prefillFromQuery(new URLSearchParams('planId=2&unit=A01&event=9'))).toEqual({
      planId: 2,
      unitCode: 'A01',
      eventId: 9,
    });
  });
  it('drops bad values and opens no form without a kind or a unit', () => {
    expect(prefillFromQuery(new URLSearchParams('planId=x&period=2026-13&points=abc'))).toEqual({});
    expect(prefillFromQuery(new URLSearchParams('planId=2'))).toEqual({ planId: 2 });
    expect(prefillFromQuery(new URLSearchParams('kind=bogus&unitId=5&points=abc'))).toEqual({
      draft: { kind: 'deduction', unitId: 5 },
    });
    expect(prefillFromQuery(new URLSearchParams('kind=bonus&code=ranking')).draft).toEqual({
      kind: 'bonus',
      code: 'ranking',
    });
  });
});

describe('a refused event (403)', () => {
  const assessor = [{ scopeType: 'indicators', refs: ['T1', 'T4'] }];
  it('names the indicators of the grant, or the unit outside it', () => {
    expect(refusalText([{ path: 'indicator', message: 'outside your grant' }], assessor)).toEqual({
      key: 'events.forbidden.indicator',
      params: { refs: 'T1、T4' },
    });
    expect(refusalText([{ path: 'unitId', message: 'outside your grant' }], [])).toEqual({
      key: 'events.forbidden.unit',
    });
    expect(refusalText(undefined, assessor)).toBeNull();
    expect(refusalText([{ path: 'other' }], assessor)).toBeNull();
  });
});
