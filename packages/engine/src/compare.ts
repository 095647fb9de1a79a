import type { EvaluationResult, UnitResult } from './result';
import { roundDecimal } from './rounding';

/** One unit's standing in one result. */
export interface Standing {
  total: number;
  rank: number;
  placement: number;
  /** Grade level code, null when the plan grades nobody. */
  grade: string | null;
}

/** A node (component, indicator or sub-item) whose reported score differs between the results. */
export interface IndicatorChange {
  code: string;
  name: string;
  kind: 'component' | 'indicator' | 'sub_item';
  before: number | null;
  after: number | null;
  /** after − before; null when one side has no score (left out). */
  delta: number | null;
}

export interface UnitComparison {
  unit: string;
  name: string;
  group: string;
  /** null when the unit is in only one of the results. */
  before: Standing | null;
  after: Standing | null;
  totalDelta: number;
  /** Places gained in the group: positive moved up (rank 5 → 3 is +2). */
  rankDelta: number;
  /** The changed nodes, in the plan's order (children before parents). */
  indicators: IndicatorChange[];
  bonus: { before: number; after: number };
  deductions: { before: number; after: number };
  vetoes: { added: string[]; removed: string[] };
  /** Whether anything of the unit differs (standing, grade, any node, vetoes). */
  changed: boolean;
}

export interface ComparisonSummary {
  up: number;
  down: number;
  changed: number;
  unchanged: number;
}

/** How many units moved up, down, changed at all, or not (of any subset of a comparison). */
export function comparisonSummary(units: readonly UnitComparison[]): ComparisonSummary {
  const changed = units.filter((u) => u.changed).length;
  return {
    up: units.filter((u) => u.rankDelta > 0).length,
    down: units.filter((u) => u.rankDelta < 0).length,
    changed,
    unchanged: units.length - changed,
  };
}

export interface ResultComparison {
  /** Every unit of either result: the changed ones first, by size of move, then the rest by unit. */
  units: UnitComparison[];
  summary: ComparisonSummary;
}

const standing = (u: UnitResult): Standing => ({
  total: u.total,
  rank: u.rank,
  placement: u.placement,
  grade: u.grade?.code ?? null,
});

/**
 * Who moved between two results of one plan and period, by how much, and why: indicator by
 * indicator, then bonus, deductions and vetoes. Differences are rounded to the plan's decimals so
 * that a change is exactly what the two published numbers show.
 */
export function compareResults(before: EvaluationResult, after: EvaluationResult): ResultComparison {
  const decimals = Math.max(before.decimals, after.decimals);
  const diff = (a: number, b: number) => roundDecimal(b - a, decimals);
  const old = new Map(before.units.map((u) => [u.unit, u]));
  const now = new Map(after.units.map((u) => [u.unit, u]));
  const codes = [...new Set([...old.keys(), ...now.keys()])];

  const units = codes.map((code): UnitComparison => {
    const a = old.get(code);
    const b = now.get(code);
    const any = (b ?? a)!;
    const scoreOf = new Map((a?.indicators ?? []).map((n) => [n.code, n.score]));
    const indicators: IndicatorChange[] = [];
    const seen = new Set<string>();
    for (const n of b?.indicators ?? []) {
      seen.add(n.code);
      const prev = scoreOf.has(n.code) ? scoreOf.get(n.code)! : null;
      if (prev === n.score) continue;
      const delta = prev === null || n.score === null ? null : diff(prev, n.score);
      if (delta === 0) continue;
      indicators.push({ code: n.code, name: n.name, kind: n.kind, before: prev, after: n.score, delta });
    }
    for (const n of a?.indicators ?? [])
      if (!seen.has(n.code) && n.score !== null)
        indicators.push({
          code: n.code,
          name: n.name,
          kind: n.kind,
          before: n.score,
          after: null,
          delta: null,
        });
    const vetoesA = new Set((a?.vetoes ?? []).map((v) => v.event));
    const vetoesB = new Set((b?.vetoes ?? []).map((v) => v.event));
    const u: Omit<UnitComparison, 'changed'> = {
      unit: code,
      name: any.name ?? code,
      group: any.group,
      before: a ? standing(a) : null,
      after: b ? standing(b) : null,
      totalDelta: diff(a?.total ?? 0, b?.total ?? 0),
      rankDelta: a && b ? a.rank - b.rank : 0,
      indicators,
      bonus: { before: a?.bonus.capped ?? 0, after: b?.bonus.capped ?? 0 },
      deductions: { before: a?.deductions.total ?? 0, after: b?.deductions.total ?? 0 },
      vetoes: {
        added: [...vetoesB].filter((v) => !vetoesA.has(v)),
        removed: [...vetoesA].filter((v) => !vetoesB.has(v)),
      },
    };
    const changed =
      !u.before ||
      !u.after ||
      u.totalDelta !== 0 ||
      u.rankDelta !== 0 ||
      u.before.grade !== u.after.grade ||
      u.indicators.length > 0 ||
      u.vetoes.added.length + u.vetoes.removed.length > 0;
    return { ...u, changed };
  });

  const weight = (u: UnitComparison) => (u.changed ? 1 : 0);
  units.sort(
    (x, y) =>
      weight(y) - weight(x) ||
      Math.abs(y.rankDelta) - Math.abs(x.rankDelta) ||
      Math.abs(y.totalDelta) - Math.abs(x.totalDelta) ||
      (x.unit < y.unit ? -1 : x.unit > y.unit ? 1 : 0),
  );
  return { units, summary: comparisonSummary(units) };
}
