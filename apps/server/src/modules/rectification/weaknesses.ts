import type { UnitResult } from '@jixiao/engine';

/** What the function reads of a unit's result: its code and its nodes' scores. */
export type ScoredUnit = Pick<UnitResult, 'unit' | 'indicators'>;

export interface Weakness {
  unit: string;
  indicator: string;
  name: string;
  score: number;
  full: number;
  /** (full − score) / full, rounded to 4 decimals. */
  lostShare: number;
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Weaknesses of a released run (issue 11 point 8), pure: every indicator where a unit lost more
 * than `minLostShare` of its points. Leaf indicators only (a parent's loss is its children's), and
 * only those scored (not left out) with points to lose.
 */
export function runWeaknesses(units: readonly ScoredUnit[], minLostShare: number): Weakness[] {
  const out: Weakness[] = [];
  for (const u of units) {
    const parents = new Set(u.indicators.filter((n) => n.kind === 'indicator').map((n) => n.parent));
    for (const n of u.indicators) {
      if (n.kind !== 'indicator' || parents.has(n.code) || n.score === null || !(n.full > 0)) continue;
      const lost = (n.full - n.score) / n.full;
      if (lost > minLostShare)
        out.push({
          unit: u.unit,
          indicator: n.code,
          name: n.name,
          score: n.score,
          full: n.full,
          lostShare: r4(lost),
        });
    }
  }
  return out;
}
