import { METHODS } from '../methods/index';
import type { Component, Indicator, Plan } from './types';
import { type Add, arr, dupes } from './validate-util';

/** Rule checks of validatePlan: methods, grades, events, plan-level constraints. */

export function checkMethod(
  m: Indicator['method'],
  direction: Indicator['direction'],
  path: string,
  code: string,
  add: Add,
): void {
  if (direction !== undefined && direction !== 'higher' && direction !== 'lower')
    add('direction', path, { indicator: code }, code);
  if (!m) {
    add('missing_method', path, { indicator: code }, code);
    return;
  }
  const def = Object.hasOwn(METHODS, m.kind) ? METHODS[m.kind] : undefined;
  if (!def) {
    add('unknown_method', path, { indicator: code, kind: String(m.kind) }, code);
    return;
  }
  for (const issue of def.check(m))
    add(issue.code, path, { ...issue.params, indicator: code, method: m.kind } as never, code);
  if (def.direction && (direction ?? 'higher') !== def.direction)
    add('method_direction', path, { indicator: code, method: m.kind, direction: def.direction }, code);
}

export function checkGrades(plan: Plan, add: Add): void {
  const levels = arr(plan.grades?.levels);
  if (levels.length < 2) add('grades_levels', 'grades.levels', {});
  dupes(levels, (c) => add('duplicate_grade', 'grades.levels', { grade: c }, c));
  let prevMin = Number.POSITIVE_INFINITY;
  levels.forEach((l, i) => {
    const path = `grades.levels[${i}]`;
    if (!l.color) add('grade_color', path, { grade: l.code });
    if (l.minScore !== undefined) {
      if (l.minScore > prevMin)
        add('grade_order', path, { grade: l.code, minScore: l.minScore, better: prevMin });
      prevMin = l.minScore;
    }
    if (l.maxShare !== undefined && !(l.maxShare > 0 && l.maxShare <= 1))
      add('grade_max_share', path, { grade: l.code });
    if (l.maxCount !== undefined && !(Number.isInteger(l.maxCount) && l.maxCount >= 0))
      add('grade_max_count', path, { grade: l.code });
    if (
      i === levels.length - 1 &&
      (l.maxShare !== undefined || l.maxCount !== undefined || l.minScore !== undefined)
    )
      add('grade_last', path, { grade: l.code });
  });
}

export function checkEvents(plan: Plan, groupCodes: Set<string>, catCodes: Set<string>, add: Add): void {
  if (plan.bonus) {
    if (!(plan.bonus.cap >= 0)) add('bonus_cap', 'bonus.cap', {});
    dupes(arr(plan.bonus.sources), (c) => add('duplicate_bonus_source', 'bonus.sources', { source: c }, c));
  }
  if (plan.deductions?.cap !== undefined && !(plan.deductions.cap >= 0))
    add('deductions_cap', 'deductions.cap', {});
  if (plan.inquiry !== undefined) {
    const p = plan.inquiry?.unansweredPoints;
    if (!(typeof p === 'number' && Number.isFinite(p) && p > 0 && p <= 100))
      add('inquiry_points', 'inquiry.unansweredPoints', {});
  }
  if (plan.veto) {
    for (const e of arr(plan.veto.effects))
      if (!['no_advanced_title', 'exclude_awards', 'downgrade_last'].includes(e))
        add('veto_effect', 'veto.effects', { effect: String(e) });
    if (!['next_unit', 'lapse'].includes(plan.veto.freedQuota))
      add('veto_freed_quota', 'veto.freedQuota', {});
  }
  const rankingCodes = new Set<string>();
  arr(plan.rankings).forEach((r, i) => {
    rankingCodes.add(r.code);
    for (const g of arr(r.groups))
      if (!groupCodes.has(g)) add('ranking_group', `rankings[${i}]`, { ranking: r.code, group: g });
    for (const c of arr(r.categories))
      if (!catCodes.has(c)) add('ranking_category', `rankings[${i}]`, { ranking: r.code, category: c });
  });
  arr(plan.awards).forEach((a, i) => {
    if (a.ranking !== undefined && !rankingCodes.has(a.ranking))
      add('award_ranking', `awards[${i}]`, { award: a.code, ranking: a.ranking });
    if (!(Number.isInteger(a.top) && a.top > 0)) add('award_top', `awards[${i}]`, { award: a.code });
  });
  if (plan.halfYear && !(plan.halfYear.weight >= 0 && plan.halfYear.weight <= 1))
    add('half_year_weight', 'halfYear.weight', {});
  arr(plan.links).forEach((l, i) => {
    if (!(l.share >= 0 && l.share <= 1)) add('link_share', `links[${i}]`, { unit: l.unit });
    if (l.sources.includes(l.unit)) add('link_self', `links[${i}]`, { unit: l.unit });
  });
}

/** Plan-level constraints written in the plan (Z2 external ≥ 30 %, Z16 government service ≥ 5 %). */
export function checkConstraints(
  plan: Plan,
  scopes: { code: string; chain: string[] }[],
  children: Map<string, Indicator[]>,
  indByCode: Map<string, Indicator>,
  amount: (x: Indicator | Component, chain: string[]) => number | undefined,
  add: Add,
  /** Whether an indicator is part of a group's plan (appliesTo); one that is not carries no share there. */
  appliesIn: (ind: Indicator, g: { code: string; chain: string[] }) => boolean = () => true,
): void {
  const comps = arr(plan.components);
  arr(plan.constraints).forEach((c, i) => {
    for (const g of scopes) {
      // Effective share of each node in the total: its amount over its siblings', down the path.
      const share = new Map<string, number>();
      const compSum = comps.reduce((a, x) => a + (amount(x, g.chain) ?? 0), 0);
      const walk = (all: Indicator[], parentShare: number) => {
        const kids = all.filter((k) => appliesIn(k, g));
        const sum = kids.reduce((a, k) => a + (amount(k, g.chain) ?? 0), 0);
        for (const k of kids) {
          const s = sum > 0 ? (parentShare * (amount(k, g.chain) ?? 0)) / sum : 0;
          share.set(k.code, s);
          walk(children.get(k.code) ?? [], s);
        }
      };
      let total = 0;
      for (const comp of comps) {
        const s = compSum > 0 ? (amount(comp, g.chain) ?? 0) / compSum : 0;
        if (c.components?.includes(comp.code)) total += s;
        else walk(children.get(`component:${comp.code}`) ?? [], s);
      }
      const selected = (ind: Indicator) =>
        c.indicators?.includes(ind.code) || (ind.tags ?? []).some((t) => c.tags?.includes(t));
      for (const [code, s] of share) {
        const ind = indByCode.get(code)!;
        if (!selected(ind)) continue;
        // Count a selected node once: skip it when an ancestor is selected too.
        let p = ind.parent ? indByCode.get(ind.parent) : undefined;
        let covered = false;
        while (p) {
          if (selected(p)) covered = true;
          p = p.parent ? indByCode.get(p.parent) : undefined;
        }
        if (!covered) total += s;
      }
      const ok = c.kind === 'min_share' ? total >= c.share - EPS : total <= c.share + EPS;
      if (!ok) {
        add(c.kind === 'min_share' ? 'constraint_min_share' : 'constraint_max_share', `constraints[${i}]`, {
          label: c.label,
          share: round(total * 100),
          group: g.code,
          limit: round(c.share * 100),
        });
        break;
      }
    }
  });
}

const EPS = 1e-9;

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
