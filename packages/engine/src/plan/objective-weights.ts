import { meanSd } from '../stats';
import type { Direction } from './types';

/**
 * Objective weights (客观赋权) of a node's children from the period's data, beside AHP's
 * subjective ones: the entropy method (熵值法) and CRITIC. Both start from the same matrix —
 * one column per child indicator, one row per unit that has a value for every child — each
 * column standardised min-max and direction-aware:
 *   higher is better: z = (x − min) / (max − min);  lower is better: z = (max − x) / (max − min).
 * A constant column (max = min) tells nothing about the units: it is all 0 and gets weight 0.
 * When no column tells anything (every column constant, or fewer than two units) the children
 * keep equal weights and `fallback` says so.
 */

export type ObjectiveMethod = 'entropy' | 'critic';

export interface ObjectiveColumn {
  /** One value per unit, the same unit order in every column. */
  values: readonly number[];
  direction: Direction;
}

export interface ObjectiveWeights {
  method: ObjectiveMethod;
  /** Units (rows) the weights were computed from. */
  units: number;
  /** w_j, summing to 1. */
  weights: number[];
  /** Entropy: e_j = −(1 / ln n) Σ_i p_ij ln p_ij, with p_ij = z_ij / Σ_i z_ij and 0 · ln 0 = 0. */
  entropy?: number[];
  /** Entropy: d_j = 1 − e_j (degree of divergence). */
  divergence?: number[];
  /** CRITIC: σ_j, population standard deviation of the standardised column. */
  sigma?: number[];
  /** CRITIC: Σ_k (1 − r_jk), r = Pearson correlation (0 against a constant column). */
  conflict?: number[];
  /** CRITIC: C_j = σ_j · Σ_k (1 − r_jk). */
  information?: number[];
  /** True when equal weights were used because the data carry no information. */
  fallback: boolean;
}

/** Min-max standardisation of one column, direction-aware; a constant column gives zeros. */
export function standardise(values: readonly number[], direction: Direction): number[] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const x of values) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const range = max - min;
  if (!(range > 0)) return values.map(() => 0);
  return values.map((x) => (direction === 'lower' ? (max - x) / range : (x - min) / range));
}

function normalise(scores: number[]): { weights: number[]; fallback: boolean } {
  const s = scores.reduce((a, b) => a + b, 0);
  if (!(s > 0)) return { weights: scores.map(() => 1 / scores.length), fallback: true };
  return { weights: scores.map((x) => x / s), fallback: false };
}

/** Entropy method (熵值法): w_j = d_j / Σ d, d_j = 1 − e_j. */
export function entropyWeights(columns: readonly ObjectiveColumn[]): ObjectiveWeights {
  const n = columns[0]?.values.length ?? 0;
  const entropy: number[] = [];
  for (const c of columns) {
    const z = standardise(c.values, c.direction);
    const sum = z.reduce((a, b) => a + b, 0);
    if (!(sum > 0) || n < 2) {
      entropy.push(1); // no spread: no information
      continue;
    }
    let h = 0;
    for (const x of z) if (x > 0) h += (x / sum) * Math.log(x / sum);
    entropy.push(Math.min(1, Math.max(0, -h / Math.log(n))));
  }
  const divergence = entropy.map((e) => 1 - e);
  return { method: 'entropy', units: n, entropy, divergence, ...normalise(divergence) };
}

/** CRITIC: w_j ∝ σ_j Σ_k (1 − r_jk) (contrast intensity times conflict with the other columns). */
export function criticWeights(columns: readonly ObjectiveColumn[]): ObjectiveWeights {
  const n = columns[0]?.values.length ?? 0;
  const z = columns.map((c) => standardise(c.values, c.direction));
  const stats = z.map((col) => meanSd(col));
  const mean = stats.map((st) => st.mean);
  const sigma = stats.map((st) => st.sd);
  const r = (j: number, k: number): number => {
    if (j === k) return 1;
    if (!(sigma[j]! > 0 && sigma[k]! > 0)) return 0;
    let cov = 0;
    for (let i = 0; i < n; i++) cov += (z[j]![i]! - mean[j]!) * (z[k]![i]! - mean[k]!);
    return cov / n / (sigma[j]! * sigma[k]!);
  };
  const conflict = z.map((_, j) => z.reduce((a, _c, k) => a + (1 - r(j, k)), 0));
  const information = sigma.map((s, j) => (n < 2 ? 0 : s * conflict[j]!));
  return { method: 'critic', units: n, sigma, conflict, information, ...normalise(information) };
}

export function objectiveWeights(
  method: ObjectiveMethod,
  columns: readonly ObjectiveColumn[],
): ObjectiveWeights {
  return method === 'critic' ? criticWeights(columns) : entropyWeights(columns);
}
