import type { UnitScore } from '@jixiao/contracts';
import {
  type ConsequenceUnit,
  type EvaluationResult,
  type Plan,
  standingsOf,
  type YearStanding,
} from '@jixiao/engine';

/**
 * The engine's consequence input from stored runs (pure, tested alone): a year's standings from
 * its stored units and rankings, and this year's units with their awards and, when a rule places
 * units on indicators, the indicator scores of the run recomputed from its own snapshot.
 */

export interface StoredYear {
  year: number;
  units: readonly UnitScore[];
  rankings: readonly { code: string; entries: readonly { unit: string; rank: number }[] }[];
  /** The year's plan (its grade levels, best first). */
  plan: Pick<Plan, 'grades'>;
}

export const gradeCodes = (plan: Pick<Plan, 'grades'>) => (plan.grades?.levels ?? []).map((l) => l.code);

export function yearStandings(y: StoredYear): YearStanding[] {
  return standingsOf(
    y.year,
    y.units.map((u) => ({
      unit: u.unit,
      group: u.group,
      total: u.total,
      rank: u.rank,
      grade: u.grade?.code ?? null,
      vetoed: u.vetoes.length > 0,
    })),
    gradeCodes(y.plan),
    y.rankings,
  );
}

/** Whether a rule places units on indicators (then the run is recomputed for indicator scores). */
export const needsIndicators = (plan: Plan) =>
  (plan.consequences ?? []).some((r) => r.kind === 'award' && r.basis !== 'award');

export function currentUnits(y: StoredYear, recomputed: EvaluationResult | null): ConsequenceUnit[] {
  const byCode = new Map(y.units.map((u) => [u.unit, u]));
  return yearStandings(y).map((s) => {
    const u = byCode.get(s.unit)!;
    const r = recomputed?.unit(s.unit);
    return {
      ...s,
      awards: u.awards,
      vetoes: u.vetoes,
      ...(r
        ? {
            indicators: Object.fromEntries(
              r.indicators.map((i) => [i.code, { score: i.score, full: i.full }]),
            ),
          }
        : {}),
    };
  });
}
