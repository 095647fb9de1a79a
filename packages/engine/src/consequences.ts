import type {
  AwardRule,
  ConsequenceAction,
  ConsequenceKind,
  ExcellenceQuotaRule,
  Indicator,
  Plan,
  StreakCondition,
  StreakRule,
} from './plan/types';
import { roundDecimal } from './rounding';

/**
 * Use of results (结果运用, issue 11 point 5): the plan's `consequences` rules applied to one
 * released year of a system plus the standings of the system's earlier released years (the
 * archive). Pure: the same year and archive always give the same lines. Rules are keyed on grade
 * LEVEL positions (0 = top, −1 = bottom) and ranks, never on grade names, so they survive a new
 * grade scheme.
 */

/** One unit's place in one released year (the archive row the consecutive-year rules read). */
export interface YearStanding {
  year: number;
  unit: string;
  group: string;
  /** Competition rank within the group (1 = first). */
  rank: number;
  /** Units of the group ranked strictly below this one (0 = last place). */
  below: number;
  groupSize: number;
  /** Grade level position from the top (0 = best), null without a grade; `levels` = how many the plan had. */
  level: number | null;
  levels: number;
  grade: string | null;
  total: number;
  groupAverage: number;
  /** Average total of all units of the year (the city average, W7). */
  average: number;
  vetoed: boolean;
  /** Places in the plan's cross-group rankings (ranking code → rank, units below). */
  rankings?: Record<string, { rank: number; below: number }>;
}

/** What a stored run says of a unit, enough to place it (contracts `unitScore`). */
export interface StandingSource {
  unit: string;
  group: string;
  total: number;
  rank: number;
  /** Grade code, or null. */
  grade: string | null;
  vetoed: boolean;
}

/** This year's unit: its standing, the awards the engine gave it, its indicator scores. */
export interface ConsequenceUnit extends YearStanding {
  awards: readonly string[];
  vetoes?: readonly string[];
  /** Indicator code → score and full points (needed by key_indicator and lead_unit awards). */
  indicators?: Record<string, { score: number | null; full: number }>;
}

export type ConsequenceParam = string | number | boolean | null | readonly (string | number | null)[];

/** One line: the rule that produced it, what it says (`code`, an i18n key) and its inputs. */
export interface ConsequenceLine {
  rule: string;
  kind: ConsequenceKind;
  code: ConsequenceAction;
  params: Record<string, ConsequenceParam>;
}

export interface UnitConsequences {
  unit: string;
  group: string;
  lines: ConsequenceLine[];
}

const r2 = (x: number) => roundDecimal(x, 2);

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/**
 * Standings of one year from its units (a stored run): grade level positions from the year's
 * own grade codes (best first), units below within the group and within each ranking, averages.
 */
export function standingsOf(
  year: number,
  units: readonly StandingSource[],
  gradeCodes: readonly string[],
  rankings: readonly { code: string; entries: readonly { unit: string; rank: number }[] }[] = [],
): YearStanding[] {
  const byGroup = new Map<string, StandingSource[]>();
  for (const u of units) byGroup.set(u.group, [...(byGroup.get(u.group) ?? []), u]);
  const average = mean(units.map((u) => u.total));
  const places = new Map<string, Record<string, { rank: number; below: number }>>();
  for (const r of rankings)
    for (const e of r.entries) {
      const below = r.entries.filter((x) => x.rank > e.rank).length;
      places.set(e.unit, { ...places.get(e.unit), [r.code]: { rank: e.rank, below } });
    }
  return units.map((u) => {
    const group = byGroup.get(u.group)!;
    const level = u.grade === null ? -1 : gradeCodes.indexOf(u.grade);
    const s: YearStanding = {
      year,
      unit: u.unit,
      group: u.group,
      rank: u.rank,
      below: group.filter((x) => x.rank > u.rank).length,
      groupSize: group.length,
      level: level < 0 ? null : level,
      levels: gradeCodes.length,
      grade: u.grade,
      total: u.total,
      groupAverage: mean(group.map((x) => x.total)),
      average,
      vetoed: u.vetoed,
    };
    const p = places.get(u.unit);
    if (p) s.rankings = p;
    return s;
  });
}

/** A level position (0 = top, −1 = bottom) as an index into `levels` levels. */
export const levelIndex = (position: number, levels: number) => (position < 0 ? levels + position : position);

function holds(s: YearStanding, rule: Pick<StreakRule, 'condition' | 'n' | 'ranking' | 'average'>): boolean {
  switch (rule.condition) {
    case 'last_place':
      return s.groupSize > 1 && s.below === 0;
    case 'below_average':
      return s.total < (rule.average === 'all' ? s.average : s.groupAverage);
    case 'bottom_level':
      return s.level !== null && s.level === s.levels - 1;
    case 'top_level':
      return s.level === 0;
    case 'bottom_n': {
      const place = rule.ranking ? s.rankings?.[rule.ranking] : s;
      return place !== undefined && place.below < (rule.n ?? 1);
    }
  }
}

/** The unit's years, newest first, back from `year` while `test` holds (a missing year ends it). */
function streak(
  history: Map<number, YearStanding>,
  year: number,
  test: (s: YearStanding) => boolean,
): YearStanding[] {
  const out: YearStanding[] = [];
  for (let y = year; ; y--) {
    const s = history.get(y);
    if (!s || !test(s)) break;
    out.push(s);
  }
  return out.reverse();
}

function streakParams(run: YearStanding[], condition: StreakCondition, average?: 'group' | 'all') {
  const p: Record<string, ConsequenceParam> = {
    years: run.map((s) => s.year),
    count: run.length,
    ranks: run.map((s) => s.rank),
    totals: run.map((s) => r2(s.total)),
  };
  if (condition === 'below_average')
    p.averages = run.map((s) => r2(average === 'all' ? s.average : s.groupAverage));
  if (condition === 'bottom_level' || condition === 'top_level') p.grades = run.map((s) => s.grade);
  if (condition === 'last_place') p.groupSizes = run.map((s) => s.groupSize);
  return p;
}

function quotaLines(
  rule: ExcellenceQuotaRule,
  u: ConsequenceUnit,
  history: Map<number, YearStanding>,
): { code: ConsequenceAction; params: Record<string, ConsequenceParam> }[] {
  const base = { base: rule.base, level: u.level, grade: u.grade };
  for (const st of rule.streaks ?? []) {
    const want = levelIndex(st.level, u.levels);
    const run = streak(
      history,
      u.year,
      (s) => s.level !== null && s.level === levelIndex(st.level, s.levels),
    );
    if (u.level !== want || run.length < st.years) continue;
    const years = run.map((s) => s.year);
    const quota = r2(rule.base + st.step);
    return [
      { code: 'excellence_quota', params: { ...base, step: st.step, quota, streak: run.length, years } },
      ...(st.merit ? [{ code: 'collective_merit' as const, params: { streak: run.length, years } }] : []),
    ];
  }
  const step =
    u.level === null
      ? 0
      : ((rule.levels ?? []).find((l) => levelIndex(l.level, u.levels) === u.level)?.step ?? 0);
  return [{ code: 'excellence_quota', params: { ...base, step, quota: r2(rule.base + step) } }];
}

/** Pools of units an indicator place is decided in: each group, or all units. */
function pools(units: readonly ConsequenceUnit[], within: AwardRule['within']): ConsequenceUnit[][] {
  if (within === 'all') return [[...units]];
  const m = new Map<string, ConsequenceUnit[]>();
  for (const u of units) m.set(u.group, [...(m.get(u.group) ?? []), u]);
  return [...m.values()];
}

/** The units of a pool with the best ratio (ties all win); units without a score take no part. */
function best<T>(pool: readonly T[], ratio: (x: T) => number | null): { unit: T; ratio: number }[] {
  const scored = pool.flatMap((x) => {
    const r = ratio(x);
    return r === null || !Number.isFinite(r) ? [] : [{ unit: x, ratio: r }];
  });
  if (scored.length === 0) return [];
  const top = Math.max(...scored.map((s) => s.ratio));
  return scored.filter((s) => s.ratio === top);
}

/** Top-level indicators of each lead department (an indicator under one of the same department is left out). */
function leadIndicators(plan: Plan): Map<string, Indicator[]> {
  const byCode = new Map(plan.indicators.map((i) => [i.code, i]));
  const out = new Map<string, Indicator[]>();
  for (const ind of plan.indicators) {
    if (!ind.leadDept) continue;
    let p = ind.parent ? byCode.get(ind.parent) : undefined;
    let covered = false;
    while (p) {
      if (p.leadDept === ind.leadDept) covered = true;
      p = p.parent ? byCode.get(p.parent) : undefined;
    }
    if (!covered) out.set(ind.leadDept, [...(out.get(ind.leadDept) ?? []), ind]);
  }
  return out;
}

function awardLines(
  plan: Plan,
  rule: AwardRule,
  units: readonly ConsequenceUnit[],
): Map<string, Record<string, ConsequenceParam>[]> {
  const out = new Map<string, Record<string, ConsequenceParam>[]>();
  const give = (unit: string, params: Record<string, ConsequenceParam>) =>
    out.set(unit, [...(out.get(unit) ?? []), params]);
  // A vetoed unit takes no place: the next unit is first (its bar is the vetoBar line).
  const eligible = units.filter((u) => !u.vetoed);
  if (rule.basis === 'award') {
    const name = plan.awards?.find((a) => a.code === rule.award)?.name ?? rule.award ?? '';
    for (const u of eligible)
      if (u.awards.includes(rule.award ?? ''))
        give(u.unit, { award: rule.award ?? '', name, rank: u.rank, total: r2(u.total) });
    return out;
  }
  const ratioOf = (u: ConsequenceUnit, codes: string[]) => {
    let score = 0;
    let full = 0;
    let any = false;
    for (const c of codes) {
      const x = u.indicators?.[c];
      if (!x || x.score === null) continue;
      any = true;
      score += x.score;
      full += x.full;
    }
    return any && full > 0 ? { ratio: score / full, score, full } : null;
  };
  const items: { codes: string[]; params: Record<string, ConsequenceParam> }[] =
    rule.basis === 'key_indicator'
      ? plan.indicators
          .filter((i) => (rule.indicators ? rule.indicators.includes(i.code) : i.key === true))
          .map((i) => ({ codes: [i.code], params: { indicator: i.code, indicatorName: i.name } }))
      : [...leadIndicators(plan)].map(([dept, inds]) => ({
          codes: inds.map((i) => i.code),
          params: { leadDept: dept, indicators: inds.map((i) => i.code) },
        }));
  for (const item of items)
    for (const pool of pools(eligible, rule.within))
      for (const w of best(pool, (u) => ratioOf(u, item.codes)?.ratio ?? null)) {
        const r = ratioOf(w.unit, item.codes)!;
        give(w.unit.unit, { ...item.params, score: r2(r.score), full: r2(r.full) });
      }
  return out;
}

/**
 * Every unit's consequence lines for this year: `units` are the year's units (all of the run),
 * `archive` the standings of earlier released years of the same system (any order; rows of this
 * year are ignored). Lines follow the plan's rule order. A vetoed unit never has an award line.
 */
export function consequences(
  plan: Plan,
  units: readonly ConsequenceUnit[],
  archive: readonly YearStanding[],
): UnitConsequences[] {
  const rules = plan.consequences ?? [];
  const year = units[0]?.year;
  const histories = new Map<string, Map<number, YearStanding>>();
  for (const s of archive) {
    if (s.year === year) continue;
    const h = histories.get(s.unit) ?? new Map<number, YearStanding>();
    h.set(s.year, s);
    histories.set(s.unit, h);
  }
  for (const u of units) {
    const h = histories.get(u.unit) ?? new Map<number, YearStanding>();
    h.set(u.year, u);
    histories.set(u.unit, h);
  }
  const lines = new Map<string, ConsequenceLine[]>(units.map((u) => [u.unit, []]));
  const add = (unit: string, line: ConsequenceLine) => lines.get(unit)?.push(line);
  for (const rule of rules) {
    const head = { rule: rule.code, kind: rule.kind };
    switch (rule.kind) {
      case 'excellenceQuota':
        for (const u of units)
          for (const l of quotaLines(rule, u, histories.get(u.unit)!)) add(u.unit, { ...head, ...l });
        break;
      case 'bottomN':
        for (const u of units) {
          const place = rule.ranking ? u.rankings?.[rule.ranking] : u;
          if (place === undefined || place.below >= rule.n) continue;
          const size = rule.ranking ? units.filter((x) => x.rankings?.[rule.ranking!]).length : u.groupSize;
          add(u.unit, {
            ...head,
            code: rule.action,
            params: { n: rule.n, rank: place.rank, size, ranking: rule.ranking ?? null, total: r2(u.total) },
          });
        }
        break;
      case 'streak':
        for (const u of units) {
          const run = streak(histories.get(u.unit)!, u.year, (s) => holds(s, rule));
          if (run.length < rule.years) continue;
          add(u.unit, {
            ...head,
            code: rule.action,
            params: {
              condition: rule.condition,
              need: rule.years,
              ...streakParams(run, rule.condition, rule.average),
            },
          });
        }
        break;
      case 'award':
        for (const [unit, list] of awardLines(plan, rule, units))
          for (const params of list)
            add(unit, { ...head, code: 'award', params: { basis: rule.basis, ...params } });
        break;
      case 'vetoBar':
        for (const u of units)
          if (u.vetoed)
            add(u.unit, { ...head, code: 'barred_from_awards', params: { vetoes: [...(u.vetoes ?? [])] } });
        break;
    }
  }
  return units.map((u) => ({
    unit: u.unit,
    group: u.group,
    // A veto bars the unit from every award (S15), whatever produced the line.
    lines: u.vetoed ? lines.get(u.unit)!.filter((l) => l.code !== 'award') : lines.get(u.unit)!,
  }));
}
