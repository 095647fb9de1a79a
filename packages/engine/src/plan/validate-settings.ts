import type { Indicator, Plan } from './types';
import { type Add, arr } from './validate-util';

/**
 * Checks of the settings that real schemes needed (issue 9 point 8): rounding stages (with the
 * weighted-product stage), objective child weights (entropy, CRITIC), deductions off a component.
 */

const STAGES = ['indicator', 'node', 'component', 'total', 'product'];

/**
 * Codes of indicators whose weight comes from their parent's `childWeights` (their own amount
 * is neither required nor allowed, and their parent's sum is not checked).
 */
export function objectivelyWeighted(plan: Plan): Set<string> {
  const out = new Set<string>();
  const comps = new Map(arr(plan.components).map((c) => [c.code, c]));
  const inds = new Map(arr(plan.indicators).map((i) => [i.code, i]));
  for (const ind of arr(plan.indicators)) {
    const parent = ind.parent !== undefined ? inds.get(ind.parent) : comps.get(ind.component ?? '');
    if (parent?.childWeights) out.add(ind.code);
  }
  return out;
}

export function checkSettings(plan: Plan, children: Map<string, Indicator[]>, add: Add): void {
  arr(plan.rounding?.stages).forEach((s, i) => {
    if (!STAGES.includes(s)) add('rounding_stage', `rounding.stages[${i}]`, { stage: String(s) });
    else if (s === 'product' && plan.scoring !== 'weighted')
      add('rounding_product_stage', `rounding.stages[${i}]`, {});
  });
  const owners: { node: { code: string; childWeights?: { method: string } }; path: string; kids: Kid[] }[] =
    [];
  arr(plan.components).forEach((c, i) => {
    owners.push({ node: c, path: `components[${i}]`, kids: children.get(`component:${c.code}`) ?? [] });
    const d = c.deductions;
    if (d === undefined) return;
    if (d.from !== 'total' && d.from !== 'component')
      add('deductions_from', `components[${i}].deductions.from`, { component: c.code }, c.code);
    if (d.floor !== undefined && !(Number.isFinite(d.floor) && d.floor >= 0))
      add('deductions_floor', `components[${i}].deductions.floor`, { component: c.code }, c.code);
  });
  arr(plan.indicators).forEach((ind, i) => {
    const kids: Kid[] = children.get(ind.code) ?? arr(ind.subItems).map((s) => ({ ...s, subItem: true }));
    owners.push({ node: ind, path: `indicators[${i}]`, kids });
    if (ind.childWeights && ind.ahp)
      add('child_weights_both', `indicators[${i}]`, { indicator: ind.code }, ind.code);
  });
  for (const { node, path, kids } of owners) {
    const cw = node.childWeights;
    if (cw === undefined) continue;
    const at = `${path}.childWeights`;
    const n = node.code;
    if (cw.method !== 'entropy' && cw.method !== 'critic') add('child_weights_method', at, { node: n }, n);
    if (kids.length < 2) add('child_weights_children', at, { node: n }, n);
    for (const k of kids) {
      if (!k.subItem && (children.get(k.code)?.length || arr(k.subItems).length))
        add('child_weights_child_scored', at, { node: n, child: k.code }, n);
      if (k.points !== undefined || k.weight !== undefined || k.pointsBy || k.weightBy)
        add('child_weights_child_amount', at, { node: n, child: k.code, weighting: String(cw.method) }, n);
      if (k.appliesTo?.units?.length) add('child_weights_child_unit', at, { node: n, child: k.code }, n);
    }
  }
}

interface Kid {
  code: string;
  points?: number;
  weight?: number;
  pointsBy?: Record<string, number>;
  weightBy?: Record<string, number>;
  subItems?: unknown[];
  appliesTo?: Indicator['appliesTo'];
  subItem?: boolean;
}
