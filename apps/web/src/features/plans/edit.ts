/** Immutable edits of a plan document (the editor never mutates the loaded plan). */
import type { Component, Indicator, Plan, SubItem } from '@jixiao/engine';
import type { RowRef } from './tree.js';

const clone = <T>(x: T): T => structuredClone(x);

export type RowValues = Partial<Indicator> & Partial<SubItem> & Partial<Component>;

/** Replaces the fields of one row; fields set to undefined are removed. */
export function updateRow(plan: Plan, ref: RowRef, values: RowValues): Plan {
  const next = clone(plan);
  const apply = (target: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined || v === null || v === '') delete target[k];
      else target[k] = v;
    }
  };
  if (ref.level === 'component') {
    const comp = next.components[ref.index];
    const old = comp?.code;
    if (comp) apply(comp as unknown as Record<string, unknown>);
    if (comp && old !== undefined && values.code && values.code !== old)
      for (const i of next.indicators) if (i.component === old) i.component = values.code;
  } else if (ref.level === 'indicator') {
    const ind = next.indicators[ref.index];
    const old = ind?.code;
    if (ind) apply(ind as unknown as Record<string, unknown>);
    // A renamed indicator keeps its children.
    if (ind && old !== undefined && values.code && values.code !== old)
      for (const i of next.indicators) if (i.parent === old) i.parent = values.code;
  } else {
    const ind = next.indicators[ref.index];
    const sub = ind?.subItems?.[ref.subIndex];
    if (sub) apply(sub as unknown as Record<string, unknown>);
  }
  return next;
}

/** A code not used by any indicator, like "NEW1", "NEW2", … */
export function freshCode(plan: Plan, prefix = 'NEW'): string {
  const used = new Set(plan.indicators.map((i) => i.code));
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** The first free sub-item code S1, S2, … of the indicator at `index`. */
export function freshSubItemCode(plan: Plan, index: number): string {
  const used = new Set(plan.indicators[index]?.subItems?.map((s) => s.code));
  let n = 1;
  while (used.has(`S${n}`)) n++;
  return `S${n}`;
}

/** Adds an indicator under a component (code) or a parent indicator. */
export function addIndicator(
  plan: Plan,
  under: { component: string } | { parent: string },
  ind: Omit<Indicator, 'component' | 'parent'>,
): Plan {
  const next = clone(plan);
  next.indicators.push({ ...ind, ...under });
  return next;
}

/** Removes an indicator and every indicator below it. */
export function removeIndicator(plan: Plan, code: string): Plan {
  const gone = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const i of plan.indicators)
      if (i.parent && gone.has(i.parent) && !gone.has(i.code)) {
        gone.add(i.code);
        grew = true;
      }
  }
  const next = clone(plan);
  next.indicators = next.indicators.filter((i) => !gone.has(i.code));
  return next;
}

export function addSubItem(plan: Plan, indicatorIndex: number, sub: SubItem): Plan {
  const next = clone(plan);
  const ind = next.indicators[indicatorIndex];
  if (ind) ind.subItems = [...(ind.subItems ?? []), sub];
  return next;
}

export function removeSubItem(plan: Plan, indicatorIndex: number, subIndex: number): Plan {
  const next = clone(plan);
  const ind = next.indicators[indicatorIndex];
  if (ind?.subItems) {
    ind.subItems = ind.subItems.filter((_, k) => k !== subIndex);
    if (ind.subItems.length === 0) delete ind.subItems;
  }
  return next;
}

/** The children of a level (a component or an indicator) as rows the AHP helper can weigh. */
export function levelChildren(
  plan: Plan,
  level: { component: string } | { indicator: string },
): { code: string; name: string; index: number }[] {
  return plan.indicators
    .map((i, index) => ({ i, index }))
    .filter(({ i }) =>
      'component' in level ? i.component === level.component : i.parent === level.indicator,
    )
    .map(({ i, index }) => ({ code: i.code, name: i.name, index }));
}

/**
 * Writes AHP weights into the children of a level: in weighted mode as weights (summing to 1), in points
 * mode as the parent's points shared by weight (2 decimals, the last child takes the rounding rest).
 * For an indicator level the matrix is kept in `ahp` so validation can check it.
 */
export function applyAhpWeights(
  plan: Plan,
  level: { component: string } | { indicator: string },
  weights: number[],
  matrix?: number[][],
): Plan {
  const kids = levelChildren(plan, level);
  const next = clone(plan);
  let values = weights;
  if (plan.scoring === 'points') {
    const parentPoints =
      'component' in level
        ? next.components.find((c) => c.code === level.component)?.points
        : next.indicators.find((i) => i.code === level.indicator)?.points;
    values = sharePoints(parentPoints ?? 100, weights);
  }
  kids.forEach((k, j) => {
    const ind = next.indicators[k.index]!;
    if (plan.scoring === 'points') ind.points = values[j]!;
    else ind.weight = values[j]!;
  });
  if ('indicator' in level && matrix) {
    const parent = next.indicators.find((i) => i.code === level.indicator);
    if (parent) parent.ahp = matrix;
  }
  return next;
}

/** Total points shared by weights, 2 decimals, exact sum. */
export function sharePoints(total: number, weights: number[]): number[] {
  const out = weights.map((w) => Math.round(total * w * 100) / 100);
  const rest = Math.round((total - out.reduce((a, b) => a + b, 0)) * 100) / 100;
  if (out.length > 0 && rest !== 0) {
    const big = out.indexOf(Math.max(...out));
    out[big] = Math.round((out[big]! + rest) * 100) / 100;
  }
  return out;
}
