import {
  beijingDay,
  beijingDayEnd,
  daysAfter,
  type ObjectionAdjustment,
  type ObjectionStatus,
  type ObjectionTarget,
} from '@jixiao/contracts';
import type { EvaluationInput, Plan } from '@jixiao/engine';
import { type Moves, stateMachine } from '../../platform/state-machine.js';

/**
 * An objection's life (S13) as data, its deadlines and what an adjustment does to a run's input.
 * Pure: no clock, no database.
 */
export type ObjectionAction = 'answer' | 'accept' | 'escalate' | 'decide' | 'withdraw';

const moves: Moves<ObjectionStatus, ObjectionAction> = {
  answer: { from: ['filed'], to: 'answered' },
  accept: { from: ['answered'], to: 'closed' },
  escalate: { from: ['answered'], to: 'escalated' },
  decide: { from: ['escalated'], to: 'closed' },
  withdraw: { from: ['filed', 'answered'], to: 'withdrawn' },
};
export const objectionStep = stateMachine('objection.state', moves);

/** Open objections hold the run in publicity: it cannot go to the leaders before they are settled. */
export const isOpen = (s: string) => s === 'filed' || s === 'answered' || s === 'escalated';

/** The Beijing day until whose end a step `days` after `at` may be taken. */
export const dueDay = (at: Date, days: number) => beijingDay(daysAfter(at, days));

/** Whether a deadline day has passed at `now`. */
export const pastDue = (day: string, now: Date) => now.getTime() > beijingDayEnd(day).getTime();

/** What is contested, as the run shows it, and who answers: the indicator's lead department. */
export interface TargetView {
  label: string;
  score: number | null;
  /** The indicator answered for: the contested one, or the deduction's; null: the office answers. */
  indicator: string | null;
  /** The lead department's unit code; null when the office answers. */
  lead: string | null;
}

type Problem = { code: string; params: Record<string, unknown> };
export class TargetError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}
const missing = (target: ObjectionTarget) =>
  new TargetError({ code: 'objection.target_missing', params: { kind: target.kind } });

/**
 * Find the contested item of `unit` in a run: an indicator of the plan (its reported score comes
 * from `scores`), or a deduction, bonus or veto of the run's input. Throws TargetError when the run
 * has no such item for the unit.
 */
export function targetView(
  plan: Plan,
  input: EvaluationInput,
  scores: Map<string, number | null>,
  unit: string,
  target: ObjectionTarget,
): TargetView {
  switch (target.kind) {
    case 'indicator': {
      const ind = plan.indicators.find((i) => i.code === target.code);
      if (!ind || !scores.has(target.code)) throw missing(target);
      return {
        label: `${ind.code} ${ind.name}`,
        score: scores.get(target.code) ?? null,
        indicator: ind.code,
        lead: ind.owner ?? null,
      };
    }
    case 'deduction': {
      const d = (input.deductions ?? []).filter((x) => x.unit === unit)[target.index];
      if (!d) throw missing(target);
      const owner = d.indicator ? plan.indicators.find((i) => i.code === d.indicator)?.owner : undefined;
      return { label: d.reason, score: -d.points, indicator: d.indicator ?? null, lead: owner ?? null };
    }
    case 'bonus': {
      const b = (input.bonuses ?? []).filter((x) => x.unit === unit)[target.index];
      if (!b) throw missing(target);
      return { label: b.reason ?? b.source, score: b.points, indicator: null, lead: null };
    }
    case 'veto': {
      const v = (input.vetoes ?? []).find((x) => x.unit === unit && x.event === target.event);
      if (!v) throw missing(target);
      return { label: v.reason ?? v.event, score: null, indicator: null, lead: null };
    }
  }
}

/** Replace the `index`-th item of `unit` in `list` (by `f`), or drop it (`f` returns null). */
function onUnitItem<T extends { unit: string }>(
  list: T[],
  unit: string,
  index: number,
  f: (x: T) => T | null,
) {
  let seen = -1;
  return list.flatMap((x) => {
    if (x.unit !== unit || ++seen !== index) return [x];
    const y = f(x);
    return y ? [y] : [];
  });
}

/**
 * The run's input with the adjustment made: an indicator's reported value, a deduction's or
 * bonus's points (kept at 0 so that later indexes stay put), or the veto lifted. Throws
 * TargetError when the adjustment does not fit the target.
 */
export function adjustInput(
  input: EvaluationInput,
  unit: string,
  target: ObjectionTarget,
  adjustment: ObjectionAdjustment,
): EvaluationInput {
  const wrong = () => new TargetError({ code: 'objection.adjustment_kind', params: { kind: target.kind } });
  switch (target.kind) {
    case 'indicator': {
      if (!('value' in adjustment)) throw wrong();
      const has = input.values.some((v) => v.unit === unit && v.indicator === target.code);
      const values = has
        ? input.values.map((v) =>
            v.unit === unit && v.indicator === target.code ? { ...v, value: adjustment.value } : v,
          )
        : [...input.values, { unit, indicator: target.code, value: adjustment.value }];
      return { ...input, values };
    }
    case 'deduction':
    case 'bonus': {
      if (!('points' in adjustment)) throw wrong();
      const key = target.kind === 'deduction' ? 'deductions' : 'bonuses';
      const list = (input[key] ?? []) as { unit: string; points: number }[];
      if (!list.filter((x) => x.unit === unit)[target.index]) throw missing(target);
      return {
        ...input,
        [key]: onUnitItem(list, unit, target.index, (x) => ({ ...x, points: adjustment.points })),
      };
    }
    case 'veto': {
      if (!('lift' in adjustment)) throw wrong();
      const vetoes = input.vetoes ?? [];
      if (!vetoes.some((v) => v.unit === unit && v.event === target.event)) throw missing(target);
      return { ...input, vetoes: vetoes.filter((v) => !(v.unit === unit && v.event === target.event)) };
    }
  }
}

/** An adjustment that stands, as a correction carries it into data computed afresh. */
export interface StandingAdjustment {
  objection: number;
  unit: string;
  target: ObjectionTarget;
  /** The contested item as it was shown (a deduction's or bonus's reason). */
  label: string;
  adjustment: ObjectionAdjustment;
}

/**
 * Carry the adjustments that stood in the release into an input computed afresh from the cycle's
 * data (a correction): an indicator's value by its code, a veto by its event, a deduction or bonus
 * by its reason, since its place in the list may have moved. An item that cannot be found, or
 * found twice, is refused: the correction would silently lose or misplace a decided adjustment.
 */
export function carryAdjustments(input: EvaluationInput, adjustments: readonly StandingAdjustment[]) {
  return adjustments.reduce((acc, a) => {
    if (a.target.kind !== 'deduction' && a.target.kind !== 'bonus')
      return adjustInput(acc, a.unit, a.target, a.adjustment);
    const list = ((a.target.kind === 'deduction' ? acc.deductions : acc.bonuses) ?? []) as {
      unit: string;
      reason?: string;
      source?: string;
    }[];
    const mine = list.filter((x) => x.unit === a.unit);
    const at = mine.flatMap((x, i) => ((x.reason ?? x.source) === a.label ? [i] : []));
    if (at.length !== 1)
      throw new TargetError({
        code: 'objection.adjustment_lost',
        params: { objection: a.objection, label: a.label, found: at.length },
      });
    return adjustInput(acc, a.unit, { kind: a.target.kind, index: at[0]! }, a.adjustment);
  }, input);
}
