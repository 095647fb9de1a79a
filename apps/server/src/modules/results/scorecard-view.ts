import type { UnitScore } from '@jixiao/contracts';
import type { TraceNode, UnitTrace } from '@jixiao/engine';
import { share } from './scorecard-charts.js';

/**
 * What a unit's scorecard (效能成绩单) shows, assembled from its row of a run, its trace and its
 * ranks of earlier years. Pure: scorecard-pdf.ts draws it; tests read it.
 */
export interface ScorecardView {
  plan: string;
  period: string;
  /** The run is not yet released: the card says 草稿 / 公示中 / 待审定. */
  status: string;
  unit: { code: string; name: string };
  group: { code: string; name: string };
  total: number;
  rank: number;
  /** Units in the group. */
  of: number;
  grade: string | null;
  vetoes: string[];
  decimals: number;
  components: { name: string; score: number | null; full: number }[];
  /** The radar's axes (share of full points), or bars when there are fewer than three. */
  aspects: { name: string; share: number }[];
  aspectChart: 'radar' | 'bars';
  /** Rank in the released yearly runs of the same evaluation system, oldest first. */
  history: { year: number; rank: number; of: number }[];
  /** Where points were lost: leaves below full, the largest loss of the total first. */
  lost: { name: string; score: number; full: number }[];
  deductions: { reason: string; points: number }[];
  bonus: number;
  deductionTotal: number;
}

/** A radar with more spokes than this is unreadable on A4: the components are shown instead. */
export const MAX_RADAR_AXES = 12;
/** The lost points listed at most. */
export const MAX_LOST = 8;

/**
 * The aspects (方面) of a unit: the first-level indicators under its components, as the plans
 * group them (深圳: 行政业绩 / 行政效率 / 行政执行力 / 行政成本); a plan with more than 12 uses
 * its components. Fewer than three cannot make a radar: bars instead.
 */
export function aspectsOf(
  trace: Pick<UnitTrace, 'components'>,
): Pick<ScorecardView, 'aspects' | 'aspectChart'> {
  const first = trace.components.flatMap((c) => c.children);
  const nodes = first.length >= 3 && first.length <= MAX_RADAR_AXES ? first : trace.components;
  const aspects = nodes.map((n) => ({ name: n.name, share: share(n.score, n.full) }));
  return { aspects, aspectChart: aspects.length >= 3 ? 'radar' : 'bars' };
}

/**
 * Leaves that fell short of full points, largest loss first. A leaf's loss counts for the total
 * by its share of the total: its full points (points plans) or the product of its and its
 * ancestors' weights among their siblings (weighted plans).
 */
export function lostPoints(trace: Pick<UnitTrace, 'components' | 'mode'>): ScorecardView['lost'] {
  const out: { name: string; score: number; full: number; weight: number }[] = [];
  const walk = (nodes: readonly TraceNode[], weight: number) => {
    const sum = nodes.reduce((s, n) => s + (n.weight > 0 ? n.weight : 0), 0);
    for (const n of nodes) {
      const w = trace.mode === 'weighted' ? weight * (sum > 0 ? n.weight / sum : 0) : 1;
      if (n.children.length) walk(n.children, w);
      else if (n.score !== null && n.full > 0 && n.score < n.full)
        out.push({ name: n.name, score: n.score, full: n.full, weight: w });
    }
  };
  walk(trace.components, 1);
  const loss = (x: (typeof out)[number]) =>
    trace.mode === 'weighted' ? (1 - x.score / x.full) * x.weight : x.full - x.score;
  return out
    .sort((a, b) => loss(b) - loss(a))
    .slice(0, MAX_LOST)
    .map(({ name, score, full }) => ({ name, score, full }));
}

export function scorecardView(args: {
  plan: string;
  period: string;
  status: string;
  unit: UnitScore;
  groupName: string;
  of: number;
  trace: UnitTrace;
  decimals: number;
  history: ScorecardView['history'];
}): ScorecardView {
  const { unit, trace } = args;
  return {
    plan: args.plan,
    period: args.period,
    status: args.status,
    unit: { code: unit.unit, name: unit.name },
    group: { code: unit.group, name: args.groupName },
    total: unit.total,
    rank: unit.rank,
    of: args.of,
    grade: unit.grade?.name ?? null,
    vetoes: unit.vetoes,
    decimals: args.decimals,
    components: unit.components.map((c) => ({ name: c.name, score: c.score, full: c.full })),
    ...aspectsOf(trace),
    history: args.history,
    lost: lostPoints(trace),
    deductions: trace.deductions.items.map((d) => ({ reason: d.reason, points: d.points })),
    bonus: unit.bonus,
    deductionTotal: unit.deductions,
  };
}
