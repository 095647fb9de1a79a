/** Pure helpers of the live-score page (Z6): which indicators lose points, and why. */
import type { LiveScores } from '@jixiao/contracts';
import { parsePeriod } from '@jixiao/engine';

/** One indicator losing points, as GET /api/live/:planId sends it (with the sources of its inputs). */
export type LostPoints = NonNullable<LiveScores['units'][number]['lost']>[number];

export interface LostRow extends LostPoints {
  /** "x = 115.3, ref = 318" — the formula's inputs, a missing one shown as "—". */
  inputs: string;
  /** The value was missing (the engine applied the indicator's missing-value policy). */
  missing: boolean;
  /**
   * Not scored at all (score null: the plan's policy left the value out and gave its weight to
   * the others, or holds it as pending): it loses nothing itself, so it counts in no total.
   */
  leftOut: boolean;
  /** Share of all points lost, 0–1 (0 when left out). */
  share: number;
}

const fmt = (v: number | string | null) =>
  v === null ? '—' : typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : v;

/** The formula's inputs as one line, in the engine's order, by var name (the page passes labels: renderVars). */
export function formatInputs(vars: Record<string, number | string | null>): string {
  return Object.entries(vars)
    .map(([k, v]) => `${k} = ${fmt(v)}`)
    .join(', ');
}

/**
 * Lost points, largest loss first (then by code), each with its inputs and share of the total
 * loss; entries that lose nothing are dropped. Entries left out of scoring come last: they lose
 * nothing themselves (the server reports their full points as `lost`).
 */
export function lostRows(
  lost: readonly LostPoints[],
  inputs: (vars: LostPoints['vars']) => string = formatInputs,
): LostRow[] {
  const rows = lost.filter((l) => l.lost > 0 || l.score === null);
  const sum = totalLost(rows);
  return rows
    .map((l) => {
      const leftOut = l.score === null;
      return {
        ...l,
        inputs: inputs(l.vars),
        missing:
          l.notes.some((n) => n.code === 'note.missing_input') ||
          !!l.sources?.some((s) => s.kind === 'missing'),
        leftOut,
        share: sum > 0 && !leftOut ? l.lost / sum : 0,
      };
    })
    .sort((a, b) => Number(a.leftOut) - Number(b.leftOut) || b.lost - a.lost || a.code.localeCompare(b.code));
}

/** Points lost in all, rounded to 2 decimals (the engine's display precision); left-out entries count 0. */
export function totalLost(lost: readonly (Pick<LostPoints, 'lost'> & { score?: number | null })[]): number {
  return Math.round(lost.reduce((s, l) => s + (l.score === null ? 0 : l.lost), 0) * 100) / 100;
}

/** Whether the office may freeze the half-year result from this period: `<year>-H1`. */
export const isHalfYear = (period: string | undefined) => {
  const p = period ? parsePeriod(period) : null;
  return p?.granularity === 'half' && p.index === 1;
};
