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

/**
 * The registry by kind: one line per method. Methods are parameterised, not subclassed: variants
 * are spec fields. The plan model's `MethodSpec` is derived from it, so a method's spec type is
 * written once, in its own file.
 */
const registry = {
  completion,
  pro_rata: proRata,
  total_growth: totalGrowth,
  benchmark,
  bands,
  deduction,
  rank,
  efficacy,
  zscore,
  expert_panel: expertPanel,
  satisfaction,
  manual,
} satisfies Record<string, MethodDef>;

type Registry = typeof registry;
type SpecOf<D> = D extends MethodDef<infer S> ? S : never;

export type MethodKind = keyof Registry;
/** A method's parameters in a plan: one of the registered methods' specs, told apart by `kind`. */
export type MethodSpec = { [K in MethodKind]: SpecOf<Registry[K]> }[MethodKind];

export const METHODS: Readonly<Record<MethodKind, MethodDef>> = registry as Record<MethodKind, MethodDef>;

export function methodOf(spec: MethodSpec): MethodDef | undefined {
  return Object.hasOwn(METHODS, spec.kind) ? METHODS[spec.kind] : undefined;
}
