import type { ValueSource } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { describeSource, fmtShare, fmtValue, otherSources, sourcesOf } from './sources.js';

const src = (over: Partial<ValueSource>): ValueSource => ({
  indicator: 'T1',
  field: 'value',
  kind: 'submission',
  id: 11,
  period: '2026-M10',
  value: 115.3,
  ...over,
});
const ctx = { planId: 2, unit: 'A01', unitId: 40 };

describe('describeSource', () => {
  it('a submitted value names its period and links to the submission of that unit and indicator', () => {
    const l = describeSource(src({}), ctx);
    expect(l).toMatchObject({
      kind: 'submission',
      fieldKey: 'sources.fields.value',
      value: '115.3',
      textKey: 'sources.submission',
      params: { period: '2026-M10' },
    });
    expect(l.link).toEqual({
      to: '/submissions?plan=2&period=2026-M10&unit=A01&indicator=T1&submission=11',
      permission: 'submissions.read',
    });
  });

  it('a verified correction shows what the unit had sent and links to the submission', () => {
    const l = describeSource(
      src({ kind: 'verification', id: 5, submissionId: 11, value: 98, submitted: 101.5 }),
      ctx,
    );
    expect(l.textKey).toBe('sources.verificationCorrected');
    expect(l.params).toEqual({ period: '2026-M10', submitted: '101.5' });
    expect(l.link?.to).toContain('submission=11');
  });

  it('a verification that kept the value says so without 原报', () => {
    expect(describeSource(src({ kind: 'verification', submitted: 115.3 }), ctx).textKey).toBe(
      'sources.verification',
    );
    expect(describeSource(src({ kind: 'verification', submitted: null }), ctx).textKey).toBe(
      'sources.verification',
    );
  });

  it('an import batch and an event link to their pages', () => {
    const b = describeSource(src({ kind: 'import_batch', id: 3 }), ctx);
    expect(b).toMatchObject({ textKey: 'sources.importBatch', params: { id: 3 } });
    expect(b.link).toEqual({ to: '/imports?planId=2&batch=3', permission: 'data.import' });
    const e = describeSource(src({ kind: 'event', field: 'event', indicator: null, id: 9, value: 1.5 }), ctx);
    expect(e).toMatchObject({
      textKey: 'sources.event',
      params: { id: 9 },
      fieldKey: 'sources.fields.event',
    });
    expect(e.link).toEqual({ to: '/events?planId=2&unit=A01&event=9', permission: 'events.read' });
  });

  it('a hotline figure names which one, its period and work orders, and links to the hotline page', () => {
    const h = describeSource(src({ kind: 'hotline', id: 7, value: 92.5, n: 40, figure: 'timelyRate' }), ctx);
    expect(h).toMatchObject({
      textKey: 'sources.hotline.timelyRate',
      params: { period: '2026-M10', n: 40 },
      value: '92.5',
    });
    expect(h.link).toEqual({ to: '/hotline?plan=2&period=2026-M10', permission: 'data.import' });
    expect(describeSource(src({ kind: 'hotline', figure: 'odd' }), ctx).textKey).toBe(
      'sources.hotline.other',
    );
  });

  it('a period-scaled task-book target shows the full-year target and the share', () => {
    const l = describeSource(
      src({ kind: 'task_book', field: 'target', value: 60, fullTarget: 120, share: 0.5 }),
      ctx,
    );
    expect(l.textKey).toBe('sources.taskBookShare');
    expect(l.params).toEqual({ full: '120', share: '6/12' });
    expect(
      describeSource(src({ kind: 'task_book', field: 'target', share: 1, fullTarget: 120 }), ctx).textKey,
    ).toBe('sources.taskBook');
    expect(describeSource(src({ kind: 'task_book', field: 'target' }), ctx).textKey).toBe('sources.taskBook');
  });

  it('a missing value names the policy the plan applied, and an unknown policy by its code', () => {
    const l = describeSource(src({ kind: 'missing', id: null, value: null, policy: 'reweight' }), ctx);
    expect(l).toMatchObject({ textKey: 'sources.missing.reweight', value: '', link: null });
    expect(describeSource(src({ kind: 'missing', policy: 'carry_forward' }), ctx).textKey).toBe(
      'sources.missing.carry_forward',
    );
    expect(describeSource(src({ kind: 'missing', policy: 'odd' }), ctx)).toMatchObject({
      textKey: 'sources.missing.other',
      params: { policy: 'odd' },
    });
  });

  it('leaves out empty link parameters (no unit id, no submission id)', () => {
    const l = describeSource(src({ kind: 'verification', submissionId: null }), { planId: 2, unit: 'A01' });
    expect(l.link?.to).toBe('/submissions?plan=2&period=2026-M10&unit=A01&indicator=T1');
    expect(describeSource(src({ kind: 'event', id: 9 }), { planId: 2, unit: 'A01' }).link?.to).toBe(
      '/events?planId=2&unit=A01&event=9',
    );
  });

  it('references and half-year figures carry no link', () => {
    expect(describeSource(src({ kind: 'reference', field: 'baseline' }), ctx).link).toBeNull();
    expect(
      describeSource(src({ kind: 'half_year', field: 'halfYear', indicator: null }), ctx).link,
    ).toBeNull();
  });
});

describe('formatting', () => {
  it('shares as twelfths when whole months, else percent', () => {
    expect(fmtShare(0.5)).toBe('6/12');
    expect(fmtShare(10 / 12)).toBe('10/12');
    expect(fmtShare(0.3)).toBe('30%');
  });
  it('values without float noise', () => {
    expect(fmtValue(0.1 + 0.2)).toBe('0.3');
    expect(fmtValue(null)).toBe('');
    expect(fmtValue(Number.NaN)).toBe('');
  });
});

describe('sourcesOf and otherSources', () => {
  const all = [
    src({ indicator: 'T1' }),
    src({ indicator: 'T1', field: 'target', kind: 'task_book' }),
    src({ indicator: 'T2.S1' }),
    src({ indicator: null, kind: 'event', field: 'event' }),
    src({ indicator: 'X9' }),
  ];
  it('picks a leaf’s sources by its code, a sub-item as indicator.sub', () => {
    expect(sourcesOf(all, 'T1')).toHaveLength(2);
    expect(sourcesOf(all, 'T2.S1')).toHaveLength(1);
    expect(sourcesOf(undefined, 'T1')).toEqual([]);
  });
  it('lists the rest on their own', () => {
    expect(otherSources(all, ['T1', 'T2.S1']).map((s) => s.indicator)).toEqual([null, 'X9']);
  });
});
