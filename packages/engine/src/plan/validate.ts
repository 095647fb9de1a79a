import { byScope, groupChain } from '../compile';
import { parsePeriod } from '../period';
import { ahp } from './ahp';
import type { Component, Indicator, Plan } from './types';
import { checkConsequences } from './validate-consequences';
import { checkConstraints, checkEvents, checkGrades, checkMethod } from './validate-rules';
import { checkSettings, objectivelyWeighted } from './validate-settings';
import { arr, dupes } from './validate-util';

export interface PlanValidationIssue {
  /** Machine code, e.g. 'points_sum', 'sub_item_limit', 'missing_method'. */
  code: string;
  /** JSON path in the plan, e.g. 'indicators[3].method'. */
  path: string;
  /** The indicator (or component) code the issue is about, when there is one. */
  indicator?: string;
  message: string;
}

/** Thrown by evaluate/createEvaluator for a plan failing validation; lists every issue. */
export class PlanValidationError extends Error {
  readonly issues: PlanValidationIssue[];
  constructor(issues: PlanValidationIssue[]) {
    super(`plan is invalid (${issues.length} issue(s)):\n${issues.map((i) => `- ${i.message}`).join('\n')}`);
    this.name = 'PlanValidationError';
    this.issues = issues;
  }
}

export const SUB_ITEM_LIMIT = 20;
const EPS = 1e-9;

export function assertValidPlan(plan: Plan): void {
  const issues = validatePlan(plan);
  if (issues.length > 0) throw new PlanValidationError(issues);
}

/** Check a plan and return every problem at once (empty array = valid). */
export function validatePlan(plan: Plan): PlanValidationIssue[] {
  const out: PlanValidationIssue[] = [];
  const add = (code: string, path: string, message: string, indicator?: string) =>
    out.push(indicator ? { code, path, indicator, message } : { code, path, message });
  if (!plan || typeof plan !== 'object')
    return [{ code: 'not_object', path: '', message: 'the plan must be a JSON object' }];
  if (plan.format !== 'jixiao-plan/1') add('format', 'format', 'format must be "jixiao-plan/1"');
  if (!plan.id) add('required', 'id', 'plan id is required');
  if (!plan.name) add('required', 'name', 'plan name is required');
  if (plan.scoring !== 'points' && plan.scoring !== 'weighted')
    add('scoring', 'scoring', 'scoring must be "points" or "weighted"');
  if (!['month', 'quarter', 'half', 'year'].includes(plan.period?.granularity))
    add('period', 'period.granularity', 'period.granularity must be month, quarter, half or year');
  for (const k of ['from', 'to'] as const) {
    const p = plan.period?.[k];
    if (p !== undefined && !parsePeriod(p))
      add('period', `period.${k}`, `period.${k} "${p}" is not like 2026-M01, 2026-Q1, 2026-H1 or 2026-Y`);
  }
  const dec = plan.rounding?.decimals;
  if (dec !== undefined && !(Number.isInteger(dec) && dec >= 0 && dec <= 8))
    add('rounding', 'rounding.decimals', 'rounding.decimals must be an integer 0–8');
  const categories = arr(plan.categories);
  const groups = arr(plan.groups);
  const components = arr(plan.components);
  const indicators = arr(plan.indicators);
  dupes(categories, 'categories', 'category', add);
  dupes(groups, 'groups', 'group', add);
  dupes(components, 'components', 'component', add);
  dupes(indicators, 'indicators', 'indicator', add);
  const catCodes = new Set(categories.map((c) => c.code));
  const groupCodes = new Set(groups.map((g) => g.code));
  const compCodes = new Set(components.map((c) => c.code));
  const indByCode = new Map(indicators.map((i) => [i.code, i]));
  checkCycle(plan, add);
  if (groups.length === 0) add('required', 'groups', 'the plan needs at least one group');
  if (components.length === 0) add('required', 'components', 'the plan needs at least one component');
  groups.forEach((g, i) => {
    if (!catCodes.has(g.category))
      add(
        'unknown_category',
        `groups[${i}].category`,
        `group ${g.code}: category "${g.category}" is not defined`,
      );
    if (g.parent !== undefined) {
      const p = groups.find((x) => x.code === g.parent);
      if (!p)
        add(
          'unknown_group',
          `groups[${i}].parent`,
          `group ${g.code}: parent group "${g.parent}" is not defined`,
        );
      else if (p.category !== g.category)
        add('group_category', `groups[${i}]`, `group ${g.code}: category differs from its parent ${p.code}`);
    }
  });

  // Tree shape.
  const children = new Map<string, Indicator[]>();
  indicators.forEach((ind, i) => {
    const path = `indicators[${i}]`;
    if (!ind.code) add('required', `${path}.code`, `indicator #${i + 1} has no code`);
    if ((ind.parent === undefined) === (ind.component === undefined))
      add(
        'tree',
        path,
        `indicator ${ind.code}: give exactly one of parent (an indicator) or component`,
        ind.code,
      );
    else if (ind.parent !== undefined && !indByCode.has(ind.parent))
      add(
        'unknown_parent',
        `${path}.parent`,
        `indicator ${ind.code}: parent "${ind.parent}" is not an indicator`,
        ind.code,
      );
    else if (ind.component !== undefined && !compCodes.has(ind.component))
      add(
        'unknown_component',
        `${path}.component`,
        `indicator ${ind.code}: component "${ind.component}" is not defined`,
        ind.code,
      );
    const key = ind.parent ?? `component:${ind.component}`;
    children.set(key, [...(children.get(key) ?? []), ind]);
    if (ind.code?.includes('.'))
      add(
        'code',
        `${path}.code`,
        `indicator ${ind.code}: codes must not contain "." (reserved for sub-items)`,
        ind.code,
      );
  });
  for (const ind of indicators) {
    const seen = new Set<string>();
    let p: Indicator | undefined = ind;
    while (p?.parent !== undefined) {
      if (seen.has(p.code)) {
        add(
          'cycle',
          'indicators',
          `indicator ${ind.code}: parent chain loops back (${[...seen].join(' → ')})`,
          ind.code,
        );
        break;
      }
      seen.add(p.code);
      p = indByCode.get(p.parent);
    }
  }

  const mode = plan.scoring;
  const scopes = groups.map((g) => ({ code: g.code, chain: groupChain(groups, g.code) }));
  const amount = (
    x: {
      points?: number;
      weight?: number;
      pointsBy?: Record<string, number>;
      weightBy?: Record<string, number>;
    },
    chain: string[],
  ) => (mode === 'points' ? byScope(chain, x.pointsBy, x.points) : byScope(chain, x.weightBy, x.weight));
  const appliesIn = (ind: Indicator, g: { code: string; chain: string[] }): boolean => {
    const a = ind.appliesTo;
    const cat = g.chain[g.chain.length - 1]!;
    if (a?.categories?.length && !a.categories.includes(cat)) return false;
    if (a?.groups?.length && !a.groups.some((c) => g.chain.includes(c))) return false;
    return (
      ind.parent === undefined ||
      (indByCode.has(ind.parent) ? appliesIn(indByCode.get(ind.parent)!, g) : true)
    );
  };
  const word = mode === 'points' ? 'points' : 'weights';
  const objective = objectivelyWeighted(plan); // weights from the parent's childWeights

  // Leaves: method, owner, sub-items; amounts present.
  indicators.forEach((ind, i) => {
    const path = `indicators[${i}]`;
    const isLeaf = !children.has(ind.code);
    const subs = arr(ind.subItems);
    if (subs.length > SUB_ITEM_LIMIT)
      add(
        'sub_item_limit',
        `${path}.subItems`,
        `indicator ${ind.code}: ${subs.length} sub-items exceed the limit of ${SUB_ITEM_LIMIT} (H5)`,
        ind.code,
      );
    if (subs.length > 0 && !isLeaf)
      add(
        'tree',
        `${path}.subItems`,
        `indicator ${ind.code}: an indicator with child indicators cannot also have sub-items`,
        ind.code,
      );
    dupes(subs, `${path}.subItems`, `sub-item of ${ind.code}`, add);
    if (isLeaf) {
      if (subs.length === 0) checkMethod(ind.method, ind.direction, `${path}.method`, ind.code, add);
      else
        subs.forEach((s, k) => {
          checkMethod(
            s.method ?? ind.method,
            s.direction ?? ind.direction,
            `${path}.subItems[${k}].method`,
            `${ind.code}.${s.code}`,
            add,
          );
        });
      if (!ind.owner)
        add(
          'missing_owner',
          `${path}.owner`,
          `indicator ${ind.code}: no data owner (G3: one indicator, one owner)`,
          ind.code,
        );
    }
    const anyAmount =
      mode === 'points' ? ind.points !== undefined || ind.pointsBy : ind.weight !== undefined || ind.weightBy;
    if (!anyAmount && !objective.has(ind.code))
      add(
        'missing_amount',
        path,
        `indicator ${ind.code}: no ${mode === 'points' ? 'points' : 'weight'}`,
        ind.code,
      );
    for (const [k, v] of Object.entries({ ...(ind.pointsBy ?? {}), ...(ind.weightBy ?? {}) }))
      if (!groupCodes.has(k) && !catCodes.has(k))
        add(
          'unknown_scope',
          path,
          `indicator ${ind.code}: points/weight given for unknown group or category "${k}"`,
          ind.code,
        );
      else if (!(v >= 0))
        add('amount', path, `indicator ${ind.code}: points/weight for ${k} must be ≥ 0`, ind.code);
    if (ind.missing !== undefined && !['zero', 'reweight', 'error'].includes(ind.missing))
      add(
        'missing_policy',
        `${path}.missing`,
        `indicator ${ind.code}: missing must be zero, reweight or error`,
        ind.code,
      );
    if (ind.frequency !== undefined && !['month', 'quarter', 'half', 'year'].includes(ind.frequency))
      add(
        'frequency',
        `${path}.frequency`,
        `indicator ${ind.code}: frequency must be month, quarter, half or year`,
        ind.code,
      );
    if (ind.ahp) {
      const kids = children.get(ind.code) ?? [];
      const r = ahp(ind.ahp);
      if (ind.ahp.length !== kids.length)
        add(
          'ahp',
          `${path}.ahp`,
          `indicator ${ind.code}: AHP matrix order ${ind.ahp.length} ≠ ${kids.length} children`,
          ind.code,
        );
      for (const m of r.issues) add('ahp', `${path}.ahp`, `indicator ${ind.code}: ${m}`, ind.code);
      if (r.issues.length === 0 && ind.ahp.length === kids.length) {
        for (const g of scopes) {
          const ws = kids.map((k) => amount(k, g.chain) ?? 0);
          const sw = ws.reduce((a, b) => a + b, 0);
          if (sw > 0 && ws.some((w, k) => Math.abs(w / sw - r.weights[k]!) > 0.005)) {
            add(
              'ahp',
              `${path}.ahp`,
              `indicator ${ind.code}: child ${word} (${ws.join(', ')}) do not match the AHP weights (${r.weights.map((w) => w.toFixed(3)).join(', ')})`,
              ind.code,
            );
            break;
          }
        }
      }
    }
  });

  // Sums per level, per group (points or weights may differ by category, Z9/S5).
  const totalPoints = plan.totalPoints ?? 100;
  const sumCheck = (
    kids: {
      code: string;
      points?: number;
      weight?: number;
      pointsBy?: Record<string, number>;
      weightBy?: Record<string, number>;
      ind?: Indicator;
    }[],
    parentAmount: (chain: string[]) => number | undefined,
    label: string,
    path: string,
    code: string | undefined,
  ) => {
    const reported = new Set<string>();
    for (const g of scopes) {
      const present = kids.filter((k) => !k.ind || appliesIn(k.ind, g));
      if (present.length === 0) continue;
      const parent = parentAmount(g.chain);
      if (parent === undefined || parent === 0) continue;
      const sum = present.reduce((a, k) => a + (amount(k, g.chain) ?? 0), 0);
      if (mode === 'points') {
        if (Math.abs(sum - parent) > EPS) {
          const msg = `${label}: children points sum to ${round(sum)}, not ${parent}`;
          if (!reported.has(msg)) add('points_sum', path, `${msg} (group ${g.code})`, code);
          reported.add(msg);
        }
      } else if (Math.abs(sum - 100) > EPS && Math.abs(sum - 1) > EPS) {
        const msg = `${label}: weights sum to ${round(sum)}, not 100 (or 1)`;
        if (!reported.has(msg)) add('weights_sum', path, `${msg} (group ${g.code})`, code);
        reported.add(msg);
      }
    }
  };
  /** The children of a component or indicator add up to its points (100 in weighted mode). */
  const childrenSum = (parent: Component | Indicator, kids: Indicator[], label: string, path: string) =>
    sumCheck(
      kids.map((k) => ({ ...k, ind: k })),
      (chain) => (mode === 'points' ? amount(parent, chain) : 100),
      label,
      path,
      parent.code,
    );
  sumCheck(components, () => (mode === 'points' ? totalPoints : 100), 'components', 'components', undefined);
  components.forEach((c: Component, i) => {
    const kids = children.get(`component:${c.code}`) ?? [];
    if (kids.length === 0)
      add('empty_component', `components[${i}]`, `component ${c.code} has no indicators`, c.code);
    if (kids.some((k) => k.appliesTo?.units?.length) || c.childWeights) return; // re-weighted per unit / period
    childrenSum(c, kids, `component ${c.code}`, `components[${i}]`);
  });
  indicators.forEach((ind, i) => {
    const kids = children.get(ind.code) ?? [];
    if (kids.length > 0 && !ind.childWeights && !kids.some((k) => k.appliesTo?.units?.length))
      childrenSum(ind, kids, `indicator ${ind.code}`, `indicators[${i}]`);
    const subs = arr(ind.subItems);
    if (subs.length > 0 && !ind.childWeights)
      sumCheck(
        subs,
        (chain) => (mode === 'points' ? amount(ind, chain) : 100),
        `indicator ${ind.code} sub-items`,
        `indicators[${i}].subItems`,
        ind.code,
      );
  });
  if (mode === 'points')
    components.forEach((c, i) => {
      if (c.points === undefined && !c.pointsBy)
        add('missing_amount', `components[${i}]`, `component ${c.code}: no points`, c.code);
    });
  else
    components.forEach((c, i) => {
      if (c.weight === undefined && !c.weightBy)
        add('missing_amount', `components[${i}]`, `component ${c.code}: no weight`, c.code);
    });

  checkGrades(plan, add);
  checkSettings(plan, children, add);
  checkEvents(plan, groupCodes, catCodes, add);
  checkConstraints(plan, scopes, children, indByCode, amount, add, appliesIn);
  checkConsequences(plan, add);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The cycle policy names known options only; a penalty policy needs a positive penalty. */
function checkCycle(plan: Plan, add: (code: string, path: string, message: string) => void) {
  const c = plan.cycle;
  if (c === undefined) return;
  const options: [keyof NonNullable<Plan['cycle']>, string[]][] = [
    ['unverified', ['count', 'missing']],
    ['rejected', ['missing', 'count']],
    ['missingBeforeDue', ['reweight', 'pending']],
    ['missingAfterDue', ['zero', 'carry_forward', 'penalty']],
  ];
  for (const [k, allowed] of options)
    if (c[k] !== undefined && !allowed.includes(String(c[k])))
      add('cycle', `cycle.${k}`, `cycle.${k} must be one of ${allowed.join(', ')}`);
  const p = c.missingPenalty;
  if (c.missingAfterDue === 'penalty' && !(typeof p === 'number' && p > 0))
    add('cycle', 'cycle.missingPenalty', 'cycle.missingPenalty must be a positive number of points');
}
