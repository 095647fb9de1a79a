import { METHODS } from './methods/index';
import type { MethodDef } from './methods/types';
import type {
  ByScope,
  ChildWeightsSpec,
  ComponentDeductionSpec,
  Direction,
  Group,
  MethodSpec,
  MissingPolicy,
  Plan,
  RoundingMode,
  WeightedNode,
  ZeroDivisionOutcome,
} from './plan/types';

/**
 * A plan compiled once into flat arrays so evaluation is loops over typed arrays.
 * Components, indicators and sub-items are all nodes; nodes are stored children-first
 * (post-order), so one forward pass aggregates a unit. The virtual root (the base score)
 * has index nodes.length.
 */
export interface CompiledNode {
  index: number;
  code: string;
  name: string;
  kind: 'component' | 'indicator' | 'sub_item';
  parent: number;
  children: number[];
  /** Leaf slot (column of the value arrays) or -1. */
  slot: number;
  method: MethodSpec | undefined;
  def: MethodDef | undefined;
  direction: Direction;
  missing: MissingPolicy;
  dz: ZeroDivisionOutcome;
  /** Unit-specific indicators (S7): only these units; null = no unit restriction. */
  onlyUnits: Set<string> | null;
  /** Children weighted from the period's data (entropy / CRITIC); null = by their own amounts. */
  childWeights: 'entropy' | 'critic' | null;
  /** Components: deductions attributed here come off this score, not below this floor; null = off the total. */
  deductionFloor: number | null;
}

export interface CompiledGroup {
  index: number;
  code: string;
  name: string;
  category: string;
  /** Own code, parent group codes, category code: the lookup chain for points/weights by scope. */
  chain: string[];
}

export interface CompiledPlan {
  plan: Plan;
  mode: 'points' | 'weighted';
  totalPoints: number;
  decimals: number;
  roundMode: RoundingMode;
  roundIndicator: boolean;
  roundNode: boolean;
  roundComponent: boolean;
  roundTotal: boolean;
  /** Weighted mode: each weighted product rounded before the sum (stage 'product'). */
  roundProduct: boolean;
  nodes: CompiledNode[];
  root: number;
  /** The root's children (the components), in plan order. */
  rootChildren: number[];
  leaves: number[];
  nodeByCode: Map<string, number>;
  groups: CompiledGroup[];
  groupByCode: Map<string, number>;
  /** [group × node]: reported full score (points, or 100 in weighted mode); 0 = not applicable. */
  full: Float64Array;
  /** [group × node]: weight of the node within its parent (points in points mode). */
  weight: Float64Array;
  hasUnitRestrictions: boolean;
}

/** Resolve points/weights by group chain then category; fall back to the plain value. */
export function byScope(
  chain: string[],
  by: ByScope | undefined,
  plain: number | undefined,
): number | undefined {
  if (by) for (const k of chain) if (Object.hasOwn(by, k)) return by[k];
  return plain;
}

export function groupChain(groups: Group[], code: string): string[] {
  const chain: string[] = [];
  const byCode = new Map(groups.map((g) => [g.code, g]));
  let g = byCode.get(code);
  const seen = new Set<string>();
  let category = '';
  while (g && !seen.has(g.code)) {
    seen.add(g.code);
    chain.push(g.code);
    category = g.category;
    g = g.parent ? byCode.get(g.parent) : undefined;
  }
  if (category) chain.push(category);
  return chain;
}

interface RawNode extends WeightedNode {
  kind: CompiledNode['kind'];
  parentCode: string | null;
  childWeights?: ChildWeightsSpec;
  deductions?: ComponentDeductionSpec;
  method?: MethodSpec;
  direction: Direction;
  missing: MissingPolicy;
  dz: ZeroDivisionOutcome;
  appliesTo?: { categories?: string[]; groups?: string[]; units?: string[] };
}

/** Compile a plan that passed validation (call validatePlan first; evaluate does). */
export function compilePlan(plan: Plan): CompiledPlan {
  const mode = plan.scoring;
  const dzDefault = plan.divisionByZero ?? 'zero';
  const raw: RawNode[] = [];
  for (const c of plan.components) {
    raw.push({
      ...pick(c),
      deductions: c.deductions,
      kind: 'component',
      parentCode: null,
      direction: 'higher',
      missing: 'reweight',
      dz: dzDefault,
    });
  }
  for (const ind of plan.indicators) {
    const parentCode = ind.parent ?? `component:${ind.component}`;
    const dir = ind.direction ?? 'higher';
    const miss = ind.missing ?? 'zero';
    const dz = ind.divisionByZero ?? dzDefault;
    raw.push({
      ...pick(ind),
      kind: 'indicator',
      parentCode,
      method: ind.subItems?.length ? undefined : ind.method,
      direction: dir,
      missing: miss,
      dz,
      appliesTo: ind.appliesTo,
    });
    for (const s of ind.subItems ?? []) {
      raw.push({
        code: `${ind.code}.${s.code}`,
        name: s.name,
        kind: 'sub_item',
        parentCode: ind.code,
        points: s.points,
        weight: s.weight,
        pointsBy: s.pointsBy,
        weightBy: s.weightBy,
        method: s.method ?? ind.method,
        direction: s.direction ?? dir,
        missing: s.missing ?? miss,
        dz,
      });
    }
  }
  // Children lists by parent key; component keys are prefixed so codes cannot collide.
  const key = (r: RawNode) => (r.kind === 'component' ? `component:${r.code}` : r.code);
  const kids = new Map<string | null, RawNode[]>();
  for (const r of raw) {
    const list = kids.get(r.parentCode) ?? [];
    list.push(r);
    kids.set(r.parentCode, list);
  }
  const ordered: RawNode[] = [];
  const visit = (r: RawNode) => {
    for (const k of kids.get(key(r)) ?? []) visit(k);
    ordered.push(r);
  };
  for (const r of kids.get(null) ?? []) visit(r);

  const indexOfKey = new Map<string, number>();
  ordered.forEach((r, i) => {
    indexOfKey.set(key(r), i);
  });
  const root = ordered.length;
  const nodes: CompiledNode[] = ordered.map((r, i) => ({
    index: i,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parent: r.parentCode === null ? root : (indexOfKey.get(r.parentCode) ?? root),
    children: [],
    slot: -1,
    method: r.method,
    def: r.method ? METHODS[r.method.kind] : undefined,
    direction: r.direction,
    missing: r.missing,
    dz: r.dz,
    onlyUnits: r.appliesTo?.units?.length ? new Set(r.appliesTo.units) : null,
    childWeights: r.childWeights?.method ?? null,
    deductionFloor: r.deductions?.from === 'component' ? (r.deductions.floor ?? 0) : null,
  }));
  for (const n of nodes) if (n.parent !== root) nodes[n.parent]!.children.push(n.index);
  const leaves: number[] = [];
  for (const n of nodes) {
    if (n.children.length === 0 && n.kind !== 'component') {
      n.slot = leaves.length;
      leaves.push(n.index);
    }
  }
  const nodeByCode = new Map<string, number>();
  for (const n of nodes) if (n.kind !== 'component') nodeByCode.set(n.code, n.index);

  const groups: CompiledGroup[] = plan.groups.map((g, i) => ({
    index: i,
    code: g.code,
    name: g.name,
    category: g.category,
    chain: groupChain(plan.groups, g.code),
  }));
  const nN = nodes.length;
  const full = new Float64Array(groups.length * nN);
  const weight = new Float64Array(groups.length * nN);
  for (const g of groups) {
    const base = g.index * nN;
    // top-down so a non-applicable parent hides its subtree
    for (let i = nN - 1; i >= 0; i--) {
      const r = ordered[i]!;
      const n = nodes[i]!;
      const parentOk = n.parent === root || weight[base + n.parent]! > 0;
      const applies = parentOk && appliesToGroup(r.appliesTo, g);
      if (!applies) continue;
      const byData = n.parent !== root && nodes[n.parent]!.childWeights !== null;
      if (byData) {
        // Weighted from the period's data (evaluator); equal shares until then.
        const share = 1 / nodes[n.parent]!.children.length;
        full[base + i] = mode === 'points' ? full[base + n.parent]! * share : 100;
        weight[base + i] = mode === 'points' ? full[base + i]! : share;
      } else if (mode === 'points') {
        const p = byScope(g.chain, r.pointsBy, r.points) ?? 0;
        full[base + i] = p;
        weight[base + i] = p;
      } else {
        const w = byScope(g.chain, r.weightBy, r.weight) ?? 0;
        full[base + i] = w > 0 ? 100 : 0;
        weight[base + i] = w;
      }
    }
  }
  const stages = new Set(plan.rounding?.stages ?? ['indicator', 'total']);
  return {
    plan,
    mode,
    totalPoints: mode === 'points' ? (plan.totalPoints ?? 100) : 100,
    decimals: plan.rounding?.decimals ?? 2,
    roundMode: plan.rounding?.mode ?? 'half_up',
    roundIndicator: stages.has('indicator'),
    roundNode: stages.has('node'),
    roundComponent: stages.has('component'),
    roundTotal: stages.has('total'),
    roundProduct: mode === 'weighted' && stages.has('product'),
    nodes,
    root,
    rootChildren: nodes.filter((n) => n.parent === root).map((n) => n.index),
    leaves,
    nodeByCode,
    groups,
    groupByCode: new Map(groups.map((g) => [g.code, g.index])),
    full,
    weight,
    hasUnitRestrictions: nodes.some((n) => n.onlyUnits !== null),
  };
}

function pick(
  x: WeightedNode & { childWeights?: ChildWeightsSpec },
): Pick<RawNode, 'code' | 'name' | 'points' | 'weight' | 'pointsBy' | 'weightBy' | 'childWeights'> {
  return {
    code: x.code,
    name: x.name,
    points: x.points,
    weight: x.weight,
    pointsBy: x.pointsBy,
    weightBy: x.weightBy,
    childWeights: x.childWeights,
  };
}

function appliesToGroup(a: RawNode['appliesTo'], g: CompiledGroup): boolean {
  if (!a) return true;
  if (a.categories?.length && !a.categories.includes(g.category)) return false;
  if (a.groups?.length && !a.groups.some((c) => g.chain.includes(c))) return false;
  return true;
}
