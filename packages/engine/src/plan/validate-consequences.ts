import type { PLAN_ISSUE_PARAMS, PlanIssueCode } from './issue-codes';
import type { ConsequenceRule, Plan } from './types';
import { type Add, arr, dupes } from './validate-util';

/** Checks of the plan's `consequences` rules (结果运用, issue 11 point 5). */

export const CONSEQUENCE_KINDS = ['excellenceQuota', 'bottomN', 'streak', 'award', 'vetoBar'] as const;
export const CONSEQUENCE_ACTIONS = [
  'excellence_quota',
  'collective_merit',
  'warning_talk',
  'rectification_report',
  'organisational_adjustment',
  'replace_head',
  'award',
  'barred_from_awards',
] as const;
export const STREAK_CONDITIONS = [
  'last_place',
  'below_average',
  'bottom_level',
  'bottom_n',
  'top_level',
] as const;
const AWARD_BASES = ['award', 'key_indicator', 'lead_unit'];

/** Codes whose one param is the rule's code. */
type RuleOnly = {
  [C in PlanIssueCode]: (typeof PLAN_ISSUE_PARAMS)[C] extends readonly ['rule'] ? C : never;
}[PlanIssueCode];

const posInt = (x: unknown) => Number.isInteger(x) && (x as number) > 0;

export function checkConsequences(plan: Plan, add: Add): void {
  if (plan.consequences === undefined) return;
  if (!Array.isArray(plan.consequences)) {
    add('consequences_list', 'consequences', {});
    return;
  }
  const rules = arr(plan.consequences);
  dupes(rules, (c) => add('duplicate_consequence', 'consequences', { rule: c }));
  const levels = arr(plan.grades?.levels).length;
  const rankings = new Set(arr(plan.rankings).map((r) => r.code));
  const awards = new Set(arr(plan.awards).map((a) => a.code));
  const indicators = new Set(arr(plan.indicators).map((i) => i.code));
  rules.forEach((rule: ConsequenceRule, i) => {
    const at = `consequences[${i}]`;
    const r = { rule: String(rule.code ?? '') };
    /** The issue `code` of this rule's `field`, for codes whose only param is the rule. */
    const bad = (field: string, code: RuleOnly) => add(code, `${at}.${field}`, r);
    if (!rule.code) add('consequence_code_required', `${at}.code`, { n: i + 1 });
    if (!rule.name) bad('name', 'consequence_name');
    if (!(CONSEQUENCE_KINDS as readonly string[]).includes(rule.kind)) {
      bad('kind', 'consequence_kind');
      return;
    }
    const level = (x: unknown, field: string) => {
      if (!(Number.isInteger(x) && (x as number) < levels && (x as number) >= -levels))
        add('consequence_level', `${at}.${field}`, { ...r, level: String(x), last: levels - 1, levels });
    };
    const action = (x: unknown) => {
      if (!(CONSEQUENCE_ACTIONS as readonly string[]).includes(x as string))
        bad('action', 'consequence_action');
    };
    const ranking = (x: string | undefined) => {
      if (x !== undefined && !rankings.has(x))
        add('consequence_ranking', `${at}.ranking`, { ...r, ranking: x });
    };
    switch (rule.kind) {
      case 'excellenceQuota':
        if (!(Number.isFinite(rule.base) && rule.base >= 0 && rule.base <= 100))
          bad('base', 'consequence_base');
        arr(rule.levels).forEach((l, j) => {
          level(l.level, `levels[${j}].level`);
          if (!Number.isFinite(l.step)) bad(`levels[${j}].step`, 'consequence_step');
        });
        arr(rule.streaks).forEach((s, j) => {
          level(s.level, `streaks[${j}].level`);
          if (!Number.isFinite(s.step)) bad(`streaks[${j}].step`, 'consequence_step');
          if (!posInt(s.years)) bad(`streaks[${j}].years`, 'consequence_years_positive');
        });
        break;
      case 'bottomN':
        if (!posInt(rule.n)) bad('n', 'consequence_n');
        ranking(rule.ranking);
        action(rule.action);
        break;
      case 'streak':
        if (!(STREAK_CONDITIONS as readonly string[]).includes(rule.condition))
          bad('condition', 'consequence_condition');
        if (!(posInt(rule.years) && rule.years >= 2)) bad('years', 'consequence_years_min');
        if (rule.condition === 'bottom_n' && !posInt(rule.n)) bad('n', 'consequence_bottom_n');
        if (rule.average !== undefined && rule.average !== 'group' && rule.average !== 'all')
          bad('average', 'consequence_average');
        ranking(rule.ranking);
        action(rule.action);
        break;
      case 'award':
        if (!AWARD_BASES.includes(rule.basis)) bad('basis', 'consequence_basis');
        if (rule.basis === 'award' && !awards.has(rule.award ?? ''))
          add('consequence_award', `${at}.award`, { ...r, award: rule.award ?? '' });
        for (const c of arr(rule.indicators))
          if (!indicators.has(c)) add('consequence_indicator', `${at}.indicators`, { ...r, indicator: c });
        if (rule.within !== undefined && rule.within !== 'group' && rule.within !== 'all')
          bad('within', 'consequence_within');
        break;
      case 'vetoBar':
        break;
    }
  });
}
