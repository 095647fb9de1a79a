import { byScope, groupChain } from '../compile';
import { parsePeriod } from '../period';
import { ahp } from './ahp';
import type { PlanIssueCode, PlanIssueParam } from './issue-codes';
import type { Component, Indicator, Plan } from './types';
import { checkConsequences } from './validate-consequences';
import { checkConstraints, checkEvents, checkGrades, checkMethod } from './validate-rules';
import { checkSettings, objectivelyWeighted } from './validate-settings';
import { type Add, arr, dupes } from './validate-util';

export interface PlanValidationIssue {
  /** What is wrong, one template per code (contracts plan-issues), e.g. 'unknown_category'. */
  code: PlanIssueCode;
  /** JSON path in the plan, e.g. 'indicators[3].method'. */
  path: string;
  /** The indicator (or component) code the issue is about, when there is one. */
  indicator?: string;
  /** The code's params (issue-codes.ts declares their names): codes the author typed, numbers, lists. */
  params: Record<string, PlanIssueParam>;
}

/**
 * Thrown by evaluate/createEvaluator for a plan failing validation; lists every issue. Its message
 * names the codes and paths (for logs); readers get the issues rendered by contracts' renderPlanIssue.
 */
export class PlanValidationError extends Error {
  readonly issues: PlanValidationIssue[];
  constructor(issues: PlanValidationIssue[]) {
    super(
      `plan is invalid (${issues.length} issue(s)):\n${issues.map((i) => `- ${i.code} at ${i.path || '(plan)'} ${JSON.stringify(i.params)}`).join('\n')}`,
    );
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
  const add: Add = (code, path, params, indicator) =>
    out.push(indicator ? { code, path, indicator, params } : { code, path, params });
  if (!plan || typeof plan !== 'object') return [{ code: 'not_object', path: '', params: {} }];
  if (plan.format !== 'jixiao-plan/1') add('format', 'format', {});
  if (!plan.id) add('id_required', 'id', {});
  if (!plan.name) add('name_required', 'name', {});
  if (plan.scoring !== 'points' && plan.scoring !== 'weighted') add('scoring', 'scoring', {});
  if (!['month', 'quarter', 'half', 'year'].includes(plan.period?.granularity))
    add('period_granularity', 'period.granularity', {});
  for (const k of ['from', 'to'] as const) {
    const p = plan.period?.[k];
    if (p !== undefined && !parsePeriod(p))
      add(k === 'from' ? 'period_from' : 'period_to', `period.${k}`, { value: String(p) });
  }
  const dec = plan.rounding?.decimals;
  if (dec !== undefined && !(Number.isInteger(dec) && dec >= 0 && dec <= 8))
    add('rounding_decimals', 'rounding.decimals', {});
  const categories = arr(plan.categories);
  const groups = arr(plan.groups);
  const components = arr(plan.components);
  const indicators = arr(plan.indicators);
  dupes(categories, (c) => add('duplicate_category', 'categories', { category: c }, c));
  dupes(groups, (c) => add('duplicate_group', 'groups', { group: c }, c));
  dupes(components, (c) => add('duplicate_component', 'components', { component: c }, c));
  dupes(indicators, (c) => add('duplicate_indicator', 'indicators', { indicator: c }, c));
  const catCodes = new Set(categories.map((c) => c.code));
  const groupCodes = new Set(groups.map((g) => g.code));
  const compCodes = new Set(components.map((c) => c.code));
  const indByCode = new Map(indicators.map((i) => [i.code, i]));
  checkCycle(plan, add);
  if (groups.length === 0) add('groups_required', 'groups', {});
  if (components.length === 0) add('components_required', 'components', {});
  groups.forEach((g, i) => {
    if (!catCodes.has(g.category))
      add('unknown_category', `groups[${i}].category`, { group: g.code, category: String(g.category) });
    if (g.parent !== undefined) {
      const p = groups.find((x) => x.code === g.parent);
      if (!p) add('unknown_parent_group', `groups[${i}].parent`, { group: g.code, parent: g.parent });
      else if (p.category !== g.category)
        add('group_category', `groups[${i}]`, { group: g.code, parent: p.code });
    }
  });

  // Tree shape.
  const children = new Map<string, Indicator[]>();
  indicators.forEach((ind, i) => {
    const path = `indicators[${i}]`;
    if (!ind.code) add('indicator_code_required', `${path}.code`, { n: i + 1 });
    if ((ind.parent === undefined) === (ind.component === undefined))
      add('parent_or_component', path, { indicator: ind.code }, ind.code);
    else if (ind.parent !== undefined && !indByCode.has(ind.parent))
      add('unknown_parent', `${path}.parent`, { indicator: ind.code, parent: ind.parent }, ind.code);
    else if (ind.component !== undefined && !compCodes.has(ind.component))
      add(
        'unknown_component',
        `${path}.component`,
        { indicator: ind.code, component: ind.component },
        ind.code,
      );
    const key = ind.parent ?? `component:${ind.component}`;
    children.set(key, [...(children.get(key) ?? []), ind]);
    if (ind.code?.includes('.')) add('code_dot', `${path}.code`, { indicator: ind.code }, ind.code);
  });
  for (const ind of indicators) {
    const seen = new Set<string>();
    let p: Indicator | undefined = ind;
    while (p?.parent !== undefined) {
      if (seen.has(p.code)) {
        add('parent_cycle', 'indicators', { indicator: ind.code, chain: [...seen] }, ind.code);
        break;
      }
      seen.add(p.code);
      p = indByCode.get(p.parent);
    }
  }

  // The checks below walk parent chains: with a loop they would not end, so stop here.
  if (out.some((i) => i.code === 'parent_cycle')) return out;

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
        { indicator: ind.code, count: subs.length, limit: SUB_ITEM_LIMIT },
        ind.code,
      );
    if (subs.length > 0 && !isLeaf)
      add('sub_items_with_children', `${path}.subItems`, { indicator: ind.code }, ind.code);
    dupes(subs, (c) =>
      add('duplicate_sub_item', `${path}.subItems`, { indicator: ind.code, subItem: c }, ind.code),
    );
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
      if (!ind.owner) add('missing_owner', `${path}.owner`, { indicator: ind.code }, ind.code);
    }
    const anyAmount =
      mode === 'points' ? ind.points !== undefined || ind.pointsBy : ind.weight !== undefined || ind.weightBy;
    if (!anyAmount && !objective.has(ind.code))
      add(mode === 'points' ? 'missing_points' : 'missing_weight', path, { indicator: ind.code }, ind.code);
    for (const [k, v] of Object.entries({ ...(ind.pointsBy ?? {}), ...(ind.weightBy ?? {}) }))
      if (!groupCodes.has(k) && !catCodes.has(k))
        add('unknown_scope', path, { indicator: ind.code, scope: k }, ind.code);
      else if (!(v >= 0)) add('amount_negative', path, { indicator: ind.code, scope: k }, ind.code);
    if (ind.missing !== undefined && !['zero', 'reweight', 'error'].includes(ind.missing))
      add('missing_policy', `${path}.missing`, { indicator: ind.code }, ind.code);
    if (ind.frequency !== undefined && !['month', 'quarter', 'half', 'year'].includes(ind.frequency))
      add('frequency', `${path}.frequency`, { indicator: ind.code }, ind.code);
    if (ind.ahp) {
      const kids = children.get(ind.code) ?? [];
      const r = ahp(ind.ahp);
      if (ind.ahp.length !== kids.length)
        add(
          'ahp_order',
          `${path}.ahp`,
          { indicator: ind.code, order: ind.ahp.length, children: kids.length },
          ind.code,
        );
      for (const m of r.issues)
        add(m.code, `${path}.ahp`, { ...m.params, indicator: ind.code } as never, ind.code);
      if (r.issues.length === 0 && ind.ahp.length === kids.length) {
        for (const g of scopes) {
          const ws = kids.map((k) => amount(k, g.chain) ?? 0);
          const sw = ws.reduce((a, b) => a + b, 0);
          if (sw > 0 && ws.some((w, k) => Math.abs(w / sw - r.weights[k]!) > 0.005)) {
            add(
              mode === 'points' ? 'ahp_points_mismatch' : 'ahp_weights_mismatch',
              `${path}.ahp`,
              {
                indicator: ind.code,
                amounts: ws,
                weights: r.weights.map((w) => Math.round(w * 1000) / 1000),
              },
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
    of: Of,
    path: string,
    code: string | undefined,
  ) => {
    const reported = new Set<string>();
    const owner = (): Record<string, string> =>
      of === 'components' ? {} : of === 'component' ? { component: code! } : { indicator: code! };
    for (const g of scopes) {
      const present = kids.filter((k) => !k.ind || appliesIn(k.ind, g));
      if (present.length === 0) continue;
      const parent = parentAmount(g.chain);
      if (parent === undefined || parent === 0) continue;
      const sum = present.reduce((a, k) => a + (amount(k, g.chain) ?? 0), 0);
      // One issue per distinct wrong sum (the first group that has it), not one per group.
      if (mode === 'points') {
        if (Math.abs(sum - parent) > EPS) {
          const key = `${round(sum)}/${parent}`;
          if (!reported.has(key))
            add(
              `points_sum_${of}`,
              path,
              { ...owner(), sum: round(sum), expected: parent, group: g.code } as never,
              code,
            );
          reported.add(key);
        }
      } else if (Math.abs(sum - 100) > EPS && Math.abs(sum - 1) > EPS) {
        const key = `${round(sum)}`;
        if (!reported.has(key))
          add(`weights_sum_${of}`, path, { ...owner(), sum: round(sum), group: g.code } as never, code);
        reported.add(key);
      }
    }
  };
  /** The children of a component or indicator add up to its points (100 in weighted mode). */
  const childrenSum = (parent: Component | Indicator, kids: Indicator[], of: Of, path: string) =>
    sumCheck(
      kids.map((k) => ({ ...k, ind: k })),
      (chain) => (mode === 'points' ? amount(parent, chain) : 100),
      of,
      path,
      parent.code,
    );
  sumCheck(components, () => (mode === 'points' ? totalPoints : 100), 'components', 'components', undefined);
  components.forEach((c: Component, i) => {
    const kids = children.get(`component:${c.code}`) ?? [];
    if (kids.length === 0) add('empty_component', `components[${i}]`, { component: c.code }, c.code);
    if (kids.some((k) => k.appliesTo?.units?.length) || c.childWeights) return; // re-weighted per unit / period
    childrenSum(c, kids, 'component', `components[${i}]`);
  });
  indicators.forEach((ind, i) => {
    const kids = children.get(ind.code) ?? [];
    if (kids.length > 0 && !ind.childWeights && !kids.some((k) => k.appliesTo?.units?.length))
      childrenSum(ind, kids, 'indicator', `indicators[${i}]`);
    const subs = arr(ind.subItems);
    if (subs.length > 0 && !ind.childWeights)
      sumCheck(
        subs,
        (chain) => (mode === 'points' ? amount(ind, chain) : 100),
        'sub_items',
        `indicators[${i}].subItems`,
        ind.code,
      );
  });
  if (mode === 'points')
    components.forEach((c, i) => {
      if (c.points === undefined && !c.pointsBy)
        add('component_missing_points', `components[${i}]`, { component: c.code }, c.code);
    });
  else
    components.forEach((c, i) => {
      if (c.weight === undefined && !c.weightBy)
        add('component_missing_weight', `components[${i}]`, { component: c.code }, c.code);
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
function checkCycle(plan: Plan, add: Add) {
  const c = plan.cycle;
  if (c === undefined) return;
  const options = [
    ['unverified', ['count', 'missing'], 'cycle_unverified'],
    ['rejected', ['missing', 'count'], 'cycle_rejected'],
    ['missingBeforeDue', ['reweight', 'pending'], 'cycle_missing_before_due'],
    ['missingAfterDue', ['zero', 'carry_forward', 'penalty'], 'cycle_missing_after_due'],
  ] as const;
  for (const [k, allowed, code] of options)
    if (c[k] !== undefined && !(allowed as readonly string[]).includes(String(c[k])))
      add(code, `cycle.${k}`, {});
  const p = c.missingPenalty;
  if (c.missingAfterDue === 'penalty' && !(typeof p === 'number' && p > 0))
    add('cycle_penalty', 'cycle.missingPenalty', {});
}

/** Whose children a sum check adds up: the plan's components, a component's, an indicator's, its sub-items. */
type Of = 'components' | 'component' | 'indicator' | 'sub_items';
