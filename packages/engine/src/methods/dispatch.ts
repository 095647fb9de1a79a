import type { MethodSpec } from '../plan/types';
import { bands } from './bands';
import { benchmark } from './benchmark';
import { completion } from './completion';
import { deduction } from './deduction';
import { efficacy } from './efficacy';
import { expertPanel } from './expert-panel';
import { manual } from './manual';
import { proRata } from './pro-rata';
import { rank } from './rank';
import { satisfaction } from './satisfaction';
import { totalGrowth } from './total-growth';
import type { Cell, MethodContext } from './types';
import { zscore } from './zscore';

export const KIND_ID: Record<MethodSpec['kind'], number> = {
  completion: 0,
  pro_rata: 1,
  total_growth: 2,
  benchmark: 3,
  bands: 4,
  deduction: 5,
  rank: 6,
  efficacy: 7,
  zscore: 8,
  expert_panel: 9,
  satisfaction: 10,
  manual: 11,
};

/**
 * The fast path's call into a method. A switch with one direct call per method keeps every
 * call site monomorphic (so the JIT can inline), where `def.score(...)` in the evaluator's
 * loop would see twelve targets and stay slow. The same score functions serve the traces.
 */
// biome-ignore lint/suspicious/noExplicitAny: each branch passes the spec of its own kind
export function scoreByKind(kind: number, spec: any, c: Cell, ctx: MethodContext): number {
  switch (kind) {
    case 0:
      return completion.score(spec, c, ctx, null);
    case 1:
      return proRata.score(spec, c, ctx, null);
    case 2:
      return totalGrowth.score(spec, c, ctx, null);
    case 3:
      return benchmark.score(spec, c, ctx, null);
    case 4:
      return bands.score(spec, c, ctx, null);
    case 5:
      return deduction.score(spec, c, ctx, null);
    case 6:
      return rank.score(spec, c, ctx, null);
    case 7:
      return efficacy.score(spec, c, ctx, null);
    case 8:
      return zscore.score(spec, c, ctx, null);
    case 9:
      return expertPanel.score(spec, c, ctx, null);
    case 10:
      return satisfaction.score(spec, c, ctx, null);
    default:
      return manual.score(spec, c, ctx, null);
  }
}
