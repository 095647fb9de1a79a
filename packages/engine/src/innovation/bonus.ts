import type { BonusSpec } from '../plan/types';
import { toUnits } from '../rounding';
import { cleanSteps, type Step, step } from '../steps';
import {
  byCode,
  checkCount,
  finite,
  InnovationInputError,
  type InnovationIssue,
  Issues,
  push,
  throwIfAny,
} from './shared';

/**
 * Rank → bonus points (issue 12 point 5, H10: 创新驱动加分). A table of rank bands gives each
 * ranked project its points; the points become bonus-event proposals of the project's unit in the
 * plan's innovation bonus source, and a unit's points together stay within that source's cap:
 *
 * - `rankOf: 'category'`: the rank within the project's category (ranking.ts rankByCategory), the
 *   bands of `tables[category]` or else `table`; `rankOf: 'top_ten'`: the seat in the top ten
 *   (ranking.ts topTen, selected projects only), the bands of `table`. Tied projects share a rank
 *   and so the same points.
 * - **Cap per unit.** A unit's projects are taken by points earned, highest first (then rank, then
 *   project code); each keeps what still fits under `cap` less the points the unit `already` has
 *   from this source, so the lower-earning project is the one cut (partly, or to 0 when the cap is
 *   used up, and its explanation says so). `cap: null` is no cap. sourceCap() reads the cap from
 *   the plan: the source's own cap, and the shared cap unless the source is outside it.
 * - Points are counted in units of 10^−decimals (default 2), so sums and cuts are exact.
 *
 * The evaluator still applies the plan's shared cap across all bonus sources (adjust.ts) when the
 * proposals are entered as bonus input; the unit's trace then shows them under the source's name.
 */

/** Ranks fromRank..toRank (inclusive) earn `points`. */
export interface BonusBand {
  fromRank: number;
  toRank: number;
  points: number;
}

export interface BonusCandidate {
  project: string;
  unit: string;
  category: string;
  /** The category rank, or the seat in the top ten. */
  rank: number;
}

export interface BonusConfig {
  rankOf: 'category' | 'top_ten';
  /** The bands for the top ten, or for every category without bands of its own. */
  table?: readonly BonusBand[];
  /** rankOf 'category': a category's own bands. */
  tables?: Readonly<Record<string, readonly BonusBand[]>>;
  /** The plan's bonus source the proposals go to (BonusInput.source). */
  source: string;
  /** Most points a unit may get from this source; null = no cap (see sourceCap). */
  cap: number | null;
  /** Points a unit already has from this source (other bonus events), counted under the cap. */
  already?: Readonly<Record<string, number>>;
  /** Decimals of the points (default 2). */
  decimals?: number;
}

/** A bonus event to propose: BonusInput's fields, the points before the cap and why. */
export interface BonusProposal {
  unit: string;
  project: string;
  source: string;
  /** After the unit's cap (may be 0 when the cap is used up). */
  points: number;
  /** What the table gives the rank. */
  earned: number;
  /** The table's reason (an `innovation.bonus` step). */
  reason: Step;
  /** The reason, and the cut when the cap took points off. */
  steps: Step[];
}

export interface UnitBonus {
  unit: string;
  cap: number | null;
  already: number;
  earned: number;
  points: number;
  steps: Step[];
}

export interface InnovationBonus {
  /** By unit code, then in the order the cap took them. */
  proposals: BonusProposal[];
  /** By unit code: units with at least one project earning points. */
  units: UnitBonus[];
}

/** The cap on one source's points for a unit: its own cap and, inside the shared cap, bonus.cap. */
export function sourceCap(bonus: BonusSpec | undefined, source: string): number | null {
  const s = bonus?.sources.find((x) => x.code === source);
  if (!bonus || !s)
    throw new InnovationInputError([
      {
        code: 'unknown_bonus_source',
        path: 'source',
        params: { source },
        message: `the plan has no bonus source ${source}`,
      },
    ]);
  const caps = [s.cap, s.outsideSharedCap ? undefined : bonus.cap].filter((c) => c !== undefined);
  return caps.length > 0 ? Math.min(...caps) : null;
}

/** Problems with a bonus configuration: bands (whole ranks from ≤ to, points ≥ 0, no overlap), cap. */
export function checkBonus(config: BonusConfig): InnovationIssue[] {
  const issues = new Issues();
  if (config.rankOf !== 'category' && config.rankOf !== 'top_ten')
    issues.add('rank_of', 'config.rankOf', 'rankOf must be "category" or "top_ten"');
  if (!config.source) issues.add('required', 'config.source', 'the bonus source is required');
  if (config.cap !== null && !(finite(config.cap) && config.cap >= 0))
    issues.add('cap', 'config.cap', 'cap must be a number ≥ 0 or null');
  checkCount(issues, 'config.decimals', config.decimals, 0);
  const tables: [string, readonly BonusBand[]][] = [
    ...(config.table ? [['config.table', config.table] as [string, readonly BonusBand[]]] : []),
    ...Object.entries(config.tables ?? {}).map(([c, t]): [string, readonly BonusBand[]] => [
      `config.tables.${c}`,
      t,
    ]),
  ];
  if (tables.length === 0) issues.add('required', 'config.table', 'a table of rank bands is required');
  const wholeBand = (b: BonusBand) =>
    Number.isInteger(b.fromRank) && Number.isInteger(b.toRank) && b.fromRank >= 1 && b.fromRank <= b.toRank;
  for (const [path, bands] of tables)
    bands.forEach((b, i) => {
      const at = `${path}[${i}]`;
      if (!wholeBand(b))
        issues.add('band', at, 'a band needs whole ranks 1 ≤ fromRank ≤ toRank', {
          fromRank: b.fromRank,
          toRank: b.toRank,
        });
      if (!(finite(b.points) && b.points >= 0))
        issues.add('points', `${at}.points`, 'points must be a number ≥ 0', { value: b.points });
      const clash = bands.findIndex(
        (o, j) => j < i && wholeBand(o) && wholeBand(b) && o.fromRank <= b.toRank && b.fromRank <= o.toRank,
      );
      if (clash >= 0)
        issues.add('band_overlap', at, `band ${i + 1} overlaps band ${clash + 1}`, {
          band: i + 1,
          other: clash + 1,
        });
    });
  return issues.list;
}

/** Proposals and per-unit totals; throws InnovationInputError on a bad configuration. */
export function innovationBonus(candidates: readonly BonusCandidate[], config: BonusConfig): InnovationBonus {
  throwIfAny(checkBonus(config));
  const m = 10 ** (config.decimals ?? 2);
  const earning = new Map<string, { c: BonusCandidate; band: BonusBand; earnedU: number }[]>();
  for (const c of candidates) {
    const bands =
      (config.rankOf === 'category' ? config.tables?.[c.category] : undefined) ?? config.table ?? [];
    const band = bands.find((b) => b.fromRank <= c.rank && c.rank <= b.toRank);
    const earnedU = band ? toUnits(band.points, m) : 0;
    if (band && earnedU > 0) push(earning, c.unit, { c, band, earnedU });
  }
  const proposals: BonusProposal[] = [];
  const units: UnitBonus[] = [];
  for (const unit of [...earning.keys()].sort(byCode)) {
    const list = earning
      .get(unit)!
      .sort((a, b) => b.earnedU - a.earnedU || a.c.rank - b.c.rank || byCode(a.c.project, b.c.project));
    const alreadyU = toUnits(config.already?.[unit] ?? 0, m);
    const capU = config.cap === null ? Number.POSITIVE_INFINITY : toUnits(config.cap, m);
    let usedU = alreadyU;
    let earnedSum = 0;
    let pointsSum = 0;
    for (const { c, band, earnedU } of list) {
      const pointsU = Math.max(0, Math.min(earnedU, capU - usedU));
      const reason = step('innovation.bonus', {
        rankOf: config.rankOf,
        category: c.category,
        rank: c.rank,
        fromRank: band.fromRank,
        toRank: band.toRank,
        points: earnedU / m,
      });
      const steps = [reason];
      if (pointsU < earnedU)
        steps.push(
          step('innovation.bonus_cut', {
            cap: capU / m,
            before: usedU / m,
            earned: earnedU / m,
            points: pointsU / m,
          }),
        );
      usedU += pointsU;
      earnedSum += earnedU;
      pointsSum += pointsU;
      cleanSteps(steps);
      const proposal = { unit, project: c.project, source: config.source, points: pointsU / m };
      proposals.push({ ...proposal, earned: earnedU / m, reason: { ...reason }, steps });
    }
    const p = { cap: config.cap, already: alreadyU / m, earned: earnedSum / m, points: pointsSum / m };
    units.push({ unit, ...p, steps: cleanSteps([step('innovation.bonus_unit', p)]) });
  }
  return { proposals, units };
}
