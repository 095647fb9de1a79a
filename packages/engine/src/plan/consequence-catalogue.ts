import type { ExcellenceQuotaRule } from './types';

/**
 * Consequence rules as the rule catalogue states them (docs: rules.md §7), for plans, the demo and
 * the plan editor to start from. Each call gives a fresh object: a plan owns and edits its rules.
 */

/**
 * S16 / Z10: the civil-servant excellence quota — base 15 %, +3 % at the top grade level, −3 % at
 * the bottom; three or more consecutive years at the top +5 % with a collective merit, at the
 * bottom −5 %.
 */
export function catalogueQuota(): ExcellenceQuotaRule {
  return {
    code: 'quota',
    name: '公务员年度考核优秀比例',
    ref: 'S16',
    kind: 'excellenceQuota',
    base: 15,
    levels: [
      { level: 0, step: 3 },
      { level: -1, step: -3 },
    ],
    streaks: [
      { level: 0, years: 3, step: 5, merit: true },
      { level: -1, years: 3, step: -5 },
    ],
  };
}
