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

const posInt = (x: unknown) => Number.isInteger(x) && (x as number) > 0;

export function checkConsequences(plan: Plan, add: Add): void {
  if (plan.consequences === undefined) return;
  if (!Array.isArray(plan.consequences)) {
    add('consequence', 'consequences', 'consequences must be a list of rules');
    return;
  }
  const rules = arr(plan.consequences);
  dupes(rules, 'consequences', 'consequence rule', add);
  const levels = arr(plan.grades?.levels).length;
  const rankings = new Set(arr(plan.rankings).map((r) => r.code));
  const awards = new Set(arr(plan.awards).map((a) => a.code));
  const indicators = new Set(arr(plan.indicators).map((i) => i.code));
  rules.forEach((rule: ConsequenceRule, i) => {
    const at = `consequences[${i}]`;
    const bad = (field: string, what: string) =>
      add('consequence', `${at}.${field}`, `consequence ${rule.code}: ${what}`);
    if (!rule.code) add('consequence', `${at}.code`, `consequence rule ${i + 1}: code is required`);
    if (!rule.name) bad('name', 'name is required');
    if (!(CONSEQUENCE_KINDS as readonly string[]).includes(rule.kind)) {
      bad('kind', `kind must be one of ${CONSEQUENCE_KINDS.join(', ')}`);
      return;
    }
    const level = (x: unknown, field: string) => {
      if (!(Number.isInteger(x) && (x as number) < levels && (x as number) >= -levels))
        bad(
          field,
          `level ${String(x)} is not a grade level position (0 = top … ${levels - 1}, or −1 = bottom … −${levels})`,
        );
    };
    const action = (x: unknown) => {
      if (!(CONSEQUENCE_ACTIONS as readonly string[]).includes(x as string))
        bad('action', `action must be one of ${CONSEQUENCE_ACTIONS.join(', ')}`);
    };
    const ranking = (x: string | undefined) => {
      if (x !== undefined && !rankings.has(x)) bad('ranking', `unknown ranking "${x}"`);
    };
    switch (rule.kind) {
      case 'excellenceQuota':
        if (!(Number.isFinite(rule.base) && rule.base >= 0 && rule.base <= 100))
          bad('base', 'base must be a percentage 0–100 (S16: 15)');
        arr(rule.levels).forEach((l, j) => {
          level(l.level, `levels[${j}].level`);
          if (!Number.isFinite(l.step)) bad(`levels[${j}].step`, 'step must be a number of percent');
        });
        arr(rule.streaks).forEach((s, j) => {
          level(s.level, `streaks[${j}].level`);
          if (!Number.isFinite(s.step)) bad(`streaks[${j}].step`, 'step must be a number of percent');
          if (!posInt(s.years)) bad(`streaks[${j}].years`, 'years must be a positive integer');
        });
        break;
      case 'bottomN':
        if (!posInt(rule.n)) bad('n', 'n must be a positive integer');
        ranking(rule.ranking);
        action(rule.action);
        break;
      case 'streak':
        if (!(STREAK_CONDITIONS as readonly string[]).includes(rule.condition))
          bad('condition', `condition must be one of ${STREAK_CONDITIONS.join(', ')}`);
        if (!(posInt(rule.years) && rule.years >= 2)) bad('years', 'years must be an integer ≥ 2');
        if (rule.condition === 'bottom_n' && !posInt(rule.n))
          bad('n', 'bottom_n needs n, a positive integer');
        if (rule.average !== undefined && rule.average !== 'group' && rule.average !== 'all')
          bad('average', 'average must be group or all');
        ranking(rule.ranking);
        action(rule.action);
        break;
      case 'award':
        if (!AWARD_BASES.includes(rule.basis)) bad('basis', `basis must be one of ${AWARD_BASES.join(', ')}`);
        if (rule.basis === 'award' && !awards.has(rule.award ?? ''))
          bad('award', `award "${rule.award ?? ''}" is not one of the plan's awards`);
        for (const c of arr(rule.indicators))
          if (!indicators.has(c)) bad('indicators', `unknown indicator "${c}"`);
        if (rule.within !== undefined && rule.within !== 'group' && rule.within !== 'all')
          bad('within', 'within must be group or all');
        break;
      case 'vetoBar':
        break;
    }
  });
}
