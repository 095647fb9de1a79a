import type { RoundingMode } from './plan/types';
import { roundUnits } from './rounding';

/**
 * Rounding stage `product` (weighted scoring): a parent's score is the sum of its children's
 * weighted products, each rounded to the plan's decimals before they are added — as schemes do
 * that publish a table of "weight × score" columns and total them (Shenzhen's four aspects 45 / 20
 * / 25 / 10, Z9: 45 % × 99.9 = 44.955 → 44.96, then added). Without the stage the parent is the
 * unrounded Σ w·s / Σ w, rounded once if its own stage rounds.
 *
 * Scores travel in units of 10^-decimals (as in the evaluator): a product is
 * roundUnits(wᵢ · sᵢ / Σw), decimal-exact with the engine's tolerance, so 45 × 9990 / 100 =
 * 4495.5 → 4496 (half_up) exactly, and the sum of rounded products is an exact integer sum.
 */
export function productUnits(w: number, sumW: number, sUnits: number, mode: RoundingMode): number {
  return roundUnits((w * sUnits) / sumW, mode);
}

/**
 * The decimal form (tests, traces): products wᵢ/Σw × sᵢ rounded to `decimals`, and their sum.
 * Children left out (score NaN) are skipped and the weights re-normalised over those present.
 */
export function roundedWeightedSum(
  weights: readonly number[],
  scores: readonly number[],
  decimals: number,
  mode: RoundingMode,
): { products: number[]; sum: number } {
  const m = 10 ** decimals;
  let sumW = 0;
  for (let i = 0; i < weights.length; i++) if (!Number.isNaN(scores[i]!)) sumW += weights[i]!;
  const products: number[] = [];
  let units = 0;
  for (let i = 0; i < weights.length; i++) {
    const s = scores[i]!;
    if (Number.isNaN(s) || !(sumW > 0)) {
      products.push(Number.NaN);
      continue;
    }
    const p = productUnits(weights[i]!, sumW, s * m, mode);
    units += p;
    products.push(p / m);
  }
  return { products, sum: units / m };
}
