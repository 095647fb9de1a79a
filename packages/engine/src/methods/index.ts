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
import type { MethodDef } from './types';
import { zscore } from './zscore';

/** Registry by kind. Methods are parameterised, not subclassed: variants are spec fields. */
export const METHODS: Record<MethodSpec['kind'], MethodDef> = {
  completion: completion as MethodDef,
  pro_rata: proRata as MethodDef,
  total_growth: totalGrowth as MethodDef,
  benchmark: benchmark as MethodDef,
  bands: bands as MethodDef,
  deduction: deduction as MethodDef,
  rank: rank as MethodDef,
  efficacy: efficacy as MethodDef,
  zscore: zscore as MethodDef,
  expert_panel: expertPanel as MethodDef,
  satisfaction: satisfaction as MethodDef,
  manual: manual as MethodDef,
};

export function methodOf(spec: MethodSpec): MethodDef | undefined {
  return Object.hasOwn(METHODS, spec.kind) ? METHODS[spec.kind] : undefined;
}
