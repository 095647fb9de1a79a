import { compilePlan, type Plan } from '@jixiao/engine';
import type { DecompositionRule } from './decomposition.js';

/** One line of a task book: a scored leaf (indicator or sub-item) that applies to the unit. */
export interface TargetLine {
  indicator: string;
  name: string;
  path: string;
  /** The leaf's code and its ancestors' indicator codes: a lead department of any of them reviews it. */
  chain: string[];
  leadDept: string | null;
  measureUnit: string | null;
  decomposition: DecompositionRule;
}

const rules = new Set(['sum', 'each', 'free']);

/**
 * The lines of a unit's task book from the plan: every leaf the unit's group is scored on (points or
 * weight above zero), minus unit-specific indicators (S7) of other units. The decomposition rule is
 * read from `decomposition` on the indicator (the engine's plan type has no such field yet; it is
 * ignored by scoring), default 'sum'; a sub-item takes its indicator's rule.
 */
export function targetLines(plan: Plan, groupCode: string, unitCode: string): TargetLine[] {
  const c = compilePlan(plan);
  const g = c.groupByCode.get(groupCode);
  if (g === undefined) return [];
  const nN = c.nodes.length;
  const byCode = new Map(plan.indicators.map((i) => [i.code, i as typeof i & { decomposition?: string }]));
  const out: TargetLine[] = [];
  for (const leaf of c.leaves) {
    const node = c.nodes[leaf]!;
    if (!(c.weight[g * nN + leaf]! > 0)) continue;
    const chain: string[] = [];
    const names: string[] = [];
    let restricted = false;
    for (let i = leaf; i !== c.root && c.nodes[i]!.kind !== 'component'; i = c.nodes[i]!.parent) {
      const n = c.nodes[i]!;
      if (n.onlyUnits && !n.onlyUnits.has(unitCode)) restricted = true;
      chain.push(n.code);
      names.unshift(n.name);
    }
    if (restricted) continue;
    const own = byCode.get(node.code);
    const ind = own ?? byCode.get(chain[1] ?? '');
    const rule = ind?.decomposition;
    out.push({
      indicator: node.code,
      name: names.join(' › '),
      path: [...chain].reverse().join(' › '),
      chain,
      leadDept: ind?.leadDept ?? null,
      measureUnit: ind?.unit ?? null,
      decomposition: rule && rules.has(rule) ? (rule as DecompositionRule) : 'sum',
    });
  }
  return out;
}
