/**
 * Pure view model of the plan editor's 结果运用 tab: new rules per kind (the catalogue's usual
 * settings), grade level positions shown with the plan's current grade of that position, and the
 * field clean-up when a streak's condition or an award's basis changes (a field that no longer
 * applies is left out of the document, so the rule says only what the engine reads).
 */
import {
  type AwardRule,
  CONSEQUENCE_ACTIONS,
  type ConsequenceAction,
  type ConsequenceKind,
  type ConsequenceRule,
  catalogueQuota,
  type Plan,
  type StreakCondition,
  type StreakRule,
} from '@jixiao/engine';
import { nextCode } from './forms.js';

/** Prefix of a new rule's code, by kind. */
const PREFIX: Record<ConsequenceKind, string> = {
  excellenceQuota: 'quota',
  bottomN: 'bottom',
  streak: 'streak',
  award: 'award',
  vetoBar: 'veto_bar',
};

/**
 * A new rule of `kind` for `plan`, named `name`, with the next free code: the S16 / Z10 quota,
 * S15's bottom three with a warning talk, W5's last place two years running, an award of the
 * plan's first award (first per key indicator when it has none), S15's veto bar.
 */
export function newRule(plan: Plan, kind: ConsequenceKind, name: string): ConsequenceRule {
  const code = nextCode(
    (plan.consequences ?? []).map((r) => r.code),
    PREFIX[kind],
  );
  switch (kind) {
    case 'excellenceQuota':
      return { ...catalogueQuota(), code, name };
    case 'bottomN':
      return { code, name, ref: 'S15', kind, n: 3, action: 'warning_talk' };
    case 'streak':
      return {
        code,
        name,
        ref: 'W5',
        kind,
        condition: 'last_place',
        years: 2,
        action: 'organisational_adjustment',
      };
    case 'award': {
      const award = plan.awards?.[0]?.code;
      return award
        ? { code, name, ref: 'W13', kind, basis: 'award', award }
        : { code, name, ref: 'W5', kind, basis: 'key_indicator' };
    }
    case 'vetoBar':
      return { code, name, ref: 'S15', kind };
  }
}

/** The grade level a position names (0 = top, −1 = bottom), or undefined outside the plan's levels. */
export function levelAt(plan: Plan, position: number) {
  const levels = plan.grades?.levels ?? [];
  if (!Number.isInteger(position) || position >= levels.length || position < -levels.length) return undefined;
  return levels[position >= 0 ? position : levels.length + position];
}

/** A level position with the plan's grade there: "0 · 优秀", "-1 · 不合格", "5 · ?" when it has none. */
export function levelLabel(plan: Plan, position: number): string {
  return `${position} · ${levelAt(plan, position)?.name ?? '?'}`;
}

/**
 * The positions a rule may name, each labelled with its grade: counted from the top (0, 1, …),
 * then from the bottom (… −2, −1), so the top comes first and the bottom last. A stored position
 * outside the levels is kept as an option, so the select shows it (with its issue under it).
 */
export function levelOptions(plan: Plan, current?: number): { value: number; label: string }[] {
  const n = plan.grades?.levels?.length ?? 0;
  const positions = [
    ...Array.from({ length: n }, (_, i) => i),
    ...Array.from({ length: n }, (_, i) => i - n),
  ];
  if (typeof current === 'number' && !positions.includes(current)) positions.push(current);
  return positions.map((value) => ({ value, label: levelLabel(plan, value) }));
}

/**
 * Actions a bottom-N or streak rule may give: every action but the quota and the award, whose
 * lines carry their own figures (a rule already naming one keeps it as a choice).
 */
export function actionCodes(current?: ConsequenceAction): ConsequenceAction[] {
  const codes: ConsequenceAction[] = CONSEQUENCE_ACTIONS.filter(
    (a) => a !== 'excellence_quota' && a !== 'award',
  );
  return current && !codes.includes(current) ? [...codes, current] : codes;
}

/**
 * A streak rule with another condition: `n` and `ranking` stay only for bottom_n (n = 3 when it
 * had none), `average` only for below_average.
 */
export function withCondition(rule: StreakRule, condition: StreakCondition): StreakRule {
  const { n, ranking, average, ...rest } = rule;
  return {
    ...rest,
    condition,
    ...(condition === 'bottom_n' ? { n: n ?? 3, ...(ranking ? { ranking } : {}) } : {}),
    ...(condition === 'below_average' && average ? { average } : {}),
  };
}

/**
 * An award rule with another basis: `award` stays only for the basis award (the plan's first
 * award when it had none), `indicators` only for key_indicator, `within` for both indicator bases.
 */
export function withBasis(rule: AwardRule, basis: AwardRule['basis'], plan: Plan): AwardRule {
  const { award, indicators, within, ...rest } = rule;
  const first = award ?? plan.awards?.[0]?.code;
  return {
    ...rest,
    basis,
    ...(basis === 'award' && first ? { award: first } : {}),
    ...(basis === 'key_indicator' && indicators ? { indicators } : {}),
    ...(basis !== 'award' && within ? { within } : {}),
  };
}
