import type { CompiledPlan } from './compile';
import { type ObjectiveWeights, objectiveWeights } from './plan/objective-weights';

/**
 * Objective child weights in the evaluator (plan `childWeights`): for every parent that asks for
 * them and every group it applies to, the weights of its children from the units' values of the
 * period (plan/objective-weights.ts), written into the evaluator's own copy of the compiled
 * plan's [group × node] amounts before leaves are scored. Points mode: a child's full points are
 * w × the parent's points; weighted mode: its weight is w (full 100).
 */

/** The weights one parent got in one group, for the trace. */
export interface ChildWeightsOutcome {
  node: number;
  group: number;
  children: number[];
  result: ObjectiveWeights;
}

/** Whether a compiled plan has a parent weighted from the data (the evaluator then copies the amounts). */
export function hasChildWeights(cp: CompiledPlan): boolean {
  return cp.nodes.some((n) => n.childWeights !== null);
}

/** An evaluator's own compiled plan: the same plan with amounts it may overwrite. */
export function withOwnAmounts(cp: CompiledPlan): CompiledPlan {
  return { ...cp, full: cp.full.slice(), weight: cp.weight.slice() };
}

/**
 * Compute and write the weights. `base` is the plan as compiled (which children apply in which
 * group); `own` receives the amounts. `value` is the [leaf slot × unit] value field.
 */
export function applyChildWeights(
  base: CompiledPlan,
  own: CompiledPlan,
  value: Float64Array,
  unitGroup: Int32Array,
): ChildWeightsOutcome[] {
  const nN = base.nodes.length;
  const nU = unitGroup.length;
  const weighted = base.mode === 'weighted';
  const out: ChildWeightsOutcome[] = [];
  for (const p of base.nodes) {
    if (p.childWeights === null) continue;
    for (const g of base.groups) {
      const gb = g.index * nN;
      if (!(base.full[gb + p.index]! > 0)) continue;
      const kids = p.children.filter((c) => base.full[gb + c]! > 0);
      // Rows: the group's units with a value for every child.
      const rows: number[] = [];
      for (let u = 0; u < nU; u++) {
        if (unitGroup[u] !== g.index) continue;
        if (kids.every((c) => !Number.isNaN(value[base.nodes[c]!.slot * nU + u]!))) rows.push(u);
      }
      const result = objectiveWeights(
        p.childWeights,
        kids.map((c) => ({
          values: rows.map((u) => value[base.nodes[c]!.slot * nU + u]!),
          direction: base.nodes[c]!.direction,
        })),
      );
      kids.forEach((c, k) => {
        const w = result.weights[k]!;
        own.full[gb + c] = weighted ? 100 : w * own.full[gb + p.index]!;
        own.weight[gb + c] = weighted ? w : own.full[gb + c]!;
      });
      out.push({ node: p.index, group: g.index, children: kids, result });
    }
  }
  return out;
}
