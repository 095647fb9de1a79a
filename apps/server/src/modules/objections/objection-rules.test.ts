import { evaluate } from '@jixiao/engine';
import { miniInput, pointsPlan } from '@jixiao/engine/testing';
import { describe, expect, it } from 'vitest';
import {
  adjustInput,
  carryAdjustments,
  dueDay,
  objectionStep,
  pastDue,
  TargetError,
  targetView,
} from './objection-rules.js';

describe('an objection’s life', () => {
  it('filed → answered → accepted (closed), or escalated → decided (closed)', () => {
    expect(objectionStep('filed', 'answer')).toEqual({ ok: true, to: 'answered' });
    expect(objectionStep('answered', 'accept')).toEqual({ ok: true, to: 'closed' });
    expect(objectionStep('answered', 'escalate')).toEqual({ ok: true, to: 'escalated' });
    expect(objectionStep('escalated', 'decide')).toEqual({ ok: true, to: 'closed' });
  });
  it('nothing is decided before it is escalated, and nothing changes once closed', () => {
    expect(objectionStep('filed', 'decide').ok).toBe(false);
    expect(objectionStep('answered', 'answer').ok).toBe(false);
    for (const a of ['answer', 'accept', 'escalate', 'decide', 'withdraw'] as const)
      expect(objectionStep('closed', a).ok).toBe(false);
  });
  it('deadlines are Beijing days counted from the step', () => {
    // 2026-12-10 17:00 UTC is already the 11th in Beijing; five days later is the 16th.
    expect(dueDay(new Date('2026-12-10T17:00:00Z'), 5)).toBe('2026-12-16');
    expect(pastDue('2026-12-16', new Date('2026-12-16T15:59:59Z'))).toBe(false);
    expect(pastDue('2026-12-16', new Date('2026-12-16T16:00:00Z'))).toBe(true);
  });
});

describe('the contested item and its adjustment', () => {
  const plan = pointsPlan();
  const input = miniInput();
  const a3 = evaluate(plan, input).unit('A3')!;
  const scores = new Map(a3.indicators.map((n) => [n.code, n.score]));

  it('an indicator is answered by its owner, with the score the run shows', () => {
    // A3's T1: 80/100 × 30 = 24, owned by fgw.
    expect(targetView(plan, input, scores, 'A3', { kind: 'indicator', code: 'T1' })).toEqual({
      label: 'T1 主要目标',
      score: 24,
      indicator: 'T1',
      lead: 'fgw',
    });
    expect(targetView(plan, input, scores, 'A3', { kind: 'deduction', index: 0 })).toEqual({
      label: '迟报',
      score: -1.5,
      indicator: null,
      lead: null,
    });
  });
  it('an item the unit does not have is refused', () => {
    expect(() => targetView(plan, input, scores, 'A3', { kind: 'bonus', index: 0 })).toThrow(TargetError);
    expect(() => targetView(plan, input, scores, 'A3', { kind: 'indicator', code: 'X9' })).toThrow(
      TargetError,
    );
  });
  it('a new value changes only that unit’s indicator; a withdrawn deduction keeps its place at 0', () => {
    const moved = adjustInput(input, 'A3', { kind: 'indicator', code: 'T1' }, { value: 100 });
    // T1 30 instead of 24: 83.18 + 6 = 89.18.
    expect(evaluate(plan, moved).unit('A3')!.total).toBe(89.18);
    expect(evaluate(plan, moved).unit('A1')!.total).toBe(103);
    const waived = adjustInput(input, 'A3', { kind: 'deduction', index: 0 }, { points: 0 });
    expect(waived.deductions).toEqual([{ unit: 'A3', points: 0, reason: '迟报' }]);
    expect(evaluate(plan, waived).unit('A3')!.total).toBe(84.68);
  });
  it('an adjustment of the wrong kind is refused', () => {
    expect(() => adjustInput(input, 'A3', { kind: 'deduction', index: 0 }, { value: 3 })).toThrow(
      TargetError,
    );
  });
});

describe('a correction carries the adjustments that stood', () => {
  const plan = pointsPlan();
  it('finds a deduction by its reason wherever it moved, and a value by its indicator', () => {
    const fresh = miniInput({
      deductions: [
        { unit: 'A3', points: 0.5, reason: '新增通报' },
        { unit: 'A3', points: 1.5, reason: '迟报' },
      ],
    });
    const carried = carryAdjustments(fresh, [
      {
        objection: 1,
        unit: 'A3',
        target: { kind: 'deduction', index: 0 },
        label: '迟报',
        adjustment: { points: 0 },
      },
      {
        objection: 2,
        unit: 'A3',
        target: { kind: 'indicator', code: 'T1' },
        label: 'T1',
        adjustment: { value: 100 },
      },
    ]);
    expect(carried.deductions).toEqual([
      { unit: 'A3', points: 0.5, reason: '新增通报' },
      { unit: 'A3', points: 0, reason: '迟报' },
    ]);
    // 84.68 base + 6 (T1 30 instead of 24) − 0.5 = 90.18.
    expect(evaluate(plan, carried).unit('A3')!.total).toBe(90.18);
  });
  it('refuses when the item is gone, so no decided adjustment is lost silently', () => {
    expect(() =>
      carryAdjustments(miniInput({ deductions: [] }), [
        {
          objection: 1,
          unit: 'A3',
          target: { kind: 'deduction', index: 0 },
          label: '迟报',
          adjustment: { points: 0 },
        },
      ]),
    ).toThrow(TargetError);
  });
});
