/**
 * Plan-validation issues as data (issue 9 point 3): every problem validatePlan finds is a code and
 * its params, `{ code, path, params }`, never prose. The engine imports nothing, so the codes and
 * the names of their params are declared here; packages/contracts holds one template per code in
 * each language (plan-issues/templates.<lang>.json) and the one renderer, and its test checks
 * that every code has a template using only the params declared here.
 *
 * `add()` in the validators is typed against this table: an undeclared code, or params other than
 * the code's own, is a type error.
 *
 * Params named `indicator`, `component`, `group`, … carry codes the plan's author typed; `method`
 * is a method kind and `direction` a direction (the templates translate both); numbers stay
 * numbers; lists are lists.
 */
export const PLAN_ISSUE_PARAMS = {
  // the document and its header
  not_object: [],
  unreadable: ['error'],
  format: [],
  id_required: [],
  name_required: [],
  scoring: [],
  period_granularity: [],
  period_from: ['value'],
  period_to: ['value'],
  rounding_decimals: [],
  // codes used twice
  duplicate_category: ['category'],
  duplicate_group: ['group'],
  duplicate_component: ['component'],
  duplicate_indicator: ['indicator'],
  duplicate_sub_item: ['indicator', 'subItem'],
  duplicate_grade: ['grade'],
  duplicate_bonus_source: ['source'],
  duplicate_consequence: ['rule'],
  // categories, groups, the tree
  groups_required: [],
  components_required: [],
  unknown_category: ['group', 'category'],
  unknown_parent_group: ['group', 'parent'],
  group_category: ['group', 'parent'],
  indicator_code_required: ['n'],
  parent_or_component: ['indicator'],
  unknown_parent: ['indicator', 'parent'],
  unknown_component: ['indicator', 'component'],
  code_dot: ['indicator'],
  parent_cycle: ['indicator', 'chain'],
  sub_item_limit: ['indicator', 'count', 'limit'],
  sub_items_with_children: ['indicator'],
  empty_component: ['component'],
  // leaves: owner, method, direction
  missing_owner: ['indicator'],
  missing_method: ['indicator'],
  unknown_method: ['indicator', 'kind'],
  direction: ['indicator'],
  method_direction: ['indicator', 'method', 'direction'],
  missing_policy: ['indicator'],
  frequency: ['indicator'],
  // a method's parameters (the method's `check`; the indicator and method added by the caller)
  'method.scale_positive': ['indicator', 'method'],
  'method.excess_rate_negative': ['indicator', 'method'],
  'method.excess_cap_negative': ['indicator', 'method'],
  'method.per_item_negative': ['indicator', 'method'],
  'method.breakpoints_empty': ['indicator', 'method'],
  'method.breakpoint_invalid': ['indicator', 'method', 'n'],
  'method.breakpoints_ascending': ['indicator', 'method'],
  'method.mode_choice': ['indicator', 'method'],
  'method.sigma_choice': ['indicator', 'method'],
  'method.basis_choice': ['indicator', 'method'],
  'method.limits_missing': ['indicator', 'method'],
  'method.limits_equal': ['indicator', 'method'],
  'method.clamp_invalid': ['indicator', 'method'],
  'method.trim_invalid': ['indicator', 'method'],
  'method.floor_range': ['indicator', 'method'],
  'method.table_negative': ['indicator', 'method'],
  'method.table_increasing': ['indicator', 'method'],
  'method.total_share_range': ['indicator', 'method'],
  // points and weights
  missing_points: ['indicator'],
  missing_weight: ['indicator'],
  component_missing_points: ['component'],
  component_missing_weight: ['component'],
  unknown_scope: ['indicator', 'scope'],
  amount_negative: ['indicator', 'scope'],
  points_sum_components: ['sum', 'expected', 'group'],
  points_sum_component: ['component', 'sum', 'expected', 'group'],
  points_sum_indicator: ['indicator', 'sum', 'expected', 'group'],
  points_sum_sub_items: ['indicator', 'sum', 'expected', 'group'],
  weights_sum_components: ['sum', 'group'],
  weights_sum_component: ['component', 'sum', 'group'],
  weights_sum_indicator: ['indicator', 'sum', 'group'],
  weights_sum_sub_items: ['indicator', 'sum', 'group'],
  // AHP (the matrix's own problems carry `indicator` when validatePlan reports them)
  ahp_order: ['indicator', 'order', 'children'],
  'ahp.empty': ['indicator'],
  'ahp.order_limit': ['indicator', 'order'],
  'ahp.row_length': ['indicator', 'row', 'order'],
  'ahp.entry_positive': ['indicator', 'row', 'col'],
  'ahp.diagonal': ['indicator', 'row'],
  'ahp.reciprocal': ['indicator', 'row', 'col'],
  'ahp.inconsistent': ['indicator', 'cr', 'limit', 'ri', 'order'],
  ahp_points_mismatch: ['indicator', 'amounts', 'weights'],
  ahp_weights_mismatch: ['indicator', 'amounts', 'weights'],
  // objective child weights, rounding stages, component deductions
  child_weights_both: ['indicator'],
  child_weights_method: ['node'],
  child_weights_children: ['node'],
  child_weights_child_scored: ['node', 'child'],
  child_weights_child_amount: ['node', 'child', 'weighting'],
  child_weights_child_unit: ['node', 'child'],
  rounding_stage: ['stage'],
  rounding_product_stage: [],
  deductions_from: ['component'],
  deductions_floor: ['component'],
  // grades
  grades_levels: [],
  grade_color: ['grade'],
  grade_order: ['grade', 'minScore', 'better'],
  grade_max_share: ['grade'],
  grade_max_count: ['grade'],
  grade_last: ['grade'],
  // bonus, deductions, inquiries, veto, rankings, awards, half year, links, cycle
  bonus_cap: [],
  deductions_cap: [],
  inquiry_points: [],
  veto_effect: ['effect'],
  veto_freed_quota: [],
  ranking_group: ['ranking', 'group'],
  ranking_category: ['ranking', 'category'],
  award_ranking: ['award', 'ranking'],
  award_top: ['award'],
  half_year_weight: [],
  link_share: ['unit'],
  link_self: ['unit'],
  cycle_unverified: [],
  cycle_rejected: [],
  cycle_missing_before_due: [],
  cycle_missing_after_due: [],
  cycle_penalty: [],
  // plan-level constraints (Z2, Z16)
  constraint_min_share: ['label', 'share', 'group', 'limit'],
  constraint_max_share: ['label', 'share', 'group', 'limit'],
  // consequence rules
  consequences_list: [],
  consequence_code_required: ['n'],
  consequence_name: ['rule'],
  consequence_kind: ['rule'],
  consequence_level: ['rule', 'level', 'last', 'levels'],
  consequence_action: ['rule'],
  consequence_ranking: ['rule', 'ranking'],
  consequence_base: ['rule'],
  consequence_step: ['rule'],
  consequence_years_positive: ['rule'],
  consequence_n: ['rule'],
  consequence_condition: ['rule'],
  consequence_years_min: ['rule'],
  consequence_bottom_n: ['rule'],
  consequence_average: ['rule'],
  consequence_basis: ['rule'],
  consequence_award: ['rule', 'award'],
  consequence_indicator: ['rule', 'indicator'],
  consequence_within: ['rule'],
} as const satisfies Record<string, readonly string[]>;

export type PlanIssueCode = keyof typeof PLAN_ISSUE_PARAMS;
export const PLAN_ISSUE_CODES = Object.keys(PLAN_ISSUE_PARAMS) as PlanIssueCode[];

/** Codes a method's `check` returns (the caller adds `indicator` and `method`). */
export type MethodIssueCode = Extract<PlanIssueCode, `method.${string}`>;
/** Codes of a pairwise matrix's problems (plan/ahp.ts; validatePlan adds `indicator`). */
export type AhpIssueCode = Extract<PlanIssueCode, `ahp.${string}`>;

/** A param: a code the author typed, a number, or a list of them. */
export type PlanIssueParam = string | number | readonly (string | number)[];

/** The params of one code, exactly the names declared for it. */
export type PlanIssueParams<C extends PlanIssueCode> = {
  [K in (typeof PLAN_ISSUE_PARAMS)[C][number]]: PlanIssueParam;
};

/** Params a caller adds to a method's or a matrix's own issue. */
type Added = 'indicator' | 'method';

/** A problem a method's `check` (or the AHP matrix check) finds, before the caller places it. */
export type PartIssue<C extends MethodIssueCode | AhpIssueCode> = {
  [K in C]: { code: K; params: Omit<PlanIssueParams<K>, Added> };
}[C];

export type MethodIssue = PartIssue<MethodIssueCode>;
export type AhpIssue = PartIssue<AhpIssueCode>;

export function methodIssue<C extends MethodIssueCode>(
  code: C,
  params: Omit<PlanIssueParams<C>, Added>,
): MethodIssue {
  return { code, params } as MethodIssue;
}
