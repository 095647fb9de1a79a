/**
 * AHP (层次分析法): weights from a pairwise comparison matrix by the principal eigenvector
 * (power iteration), with Saaty's consistency ratio CR = CI / RI, CI = (λmax − n) / (n − 1).
 * A matrix with CR ≥ 0.10 is rejected.
 */

import type { AhpIssue } from './issue-codes';

/** Saaty's random consistency index RI by matrix order n (1–15). */
export const SAATY_RI: readonly number[] = [
  0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

export const AHP_CR_LIMIT = 0.1;

export interface AhpResult {
  weights: number[];
  lambdaMax: number;
  /** CI = (λmax − n) / (n − 1). */
  consistencyIndex: number;
  ri: number;
  /** Consistency ratio (0 for n ≤ 2, which are always consistent). */
  consistencyRatio: number;
  riTable: 'saaty';
  consistent: boolean;
  /** Problems with the matrix as codes and params (contracts' plan-issue templates); empty when usable. */
  issues: AhpIssue[];
}

export function checkPairwiseMatrix(m: number[][]): AhpIssue[] {
  const n = m.length;
  const out: AhpIssue[] = [];
  if (n === 0) return [{ code: 'ahp.empty', params: {} }];
  if (n > 15) out.push({ code: 'ahp.order_limit', params: { order: n } });
  for (let i = 0; i < n; i++) {
    const row = m[i];
    if (!Array.isArray(row) || row.length !== n) {
      out.push({ code: 'ahp.row_length', params: { row: i + 1, order: n } });
      continue;
    }
    for (let j = 0; j < n; j++) {
      const a = row[j]!;
      if (!(Number.isFinite(a) && a > 0))
        out.push({ code: 'ahp.entry_positive', params: { row: i + 1, col: j + 1 } });
      else if (i === j && a !== 1) out.push({ code: 'ahp.diagonal', params: { row: i + 1 } });
      else if (j > i) {
        const b = m[j]?.[i];
        if (b !== undefined && Math.abs(a * b - 1) > 1e-3)
          out.push({ code: 'ahp.reciprocal', params: { row: i + 1, col: j + 1 } });
      }
    }
  }
  return out;
}

/** Weights and consistency of a pairwise matrix; never throws (see `issues`, `consistent`). */
export function ahp(matrix: number[][]): AhpResult {
  const issues = checkPairwiseMatrix(matrix);
  const n = matrix.length;
  if (issues.length > 0)
    return {
      weights: [],
      lambdaMax: 0,
      consistencyIndex: 0,
      ri: 0,
      consistencyRatio: 0,
      riTable: 'saaty',
      consistent: false,
      issues,
    };
  let w = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < 1000; iter++) {
    const next = matrix.map((row) => row.reduce((a, x, j) => a + x * w[j]!, 0));
    const s = next.reduce((a, x) => a + x, 0);
    for (let i = 0; i < n; i++) next[i] = next[i]! / s;
    const diff = next.reduce((a, x, i) => Math.max(a, Math.abs(x - w[i]!)), 0);
    w = next;
    if (diff < 1e-13) break;
  }
  const aw = matrix.map((row) => row.reduce((a, x, j) => a + x * w[j]!, 0));
  const lambdaMax = aw.reduce((a, x, i) => a + x / w[i]!, 0) / n;
  const ci = n > 2 ? (lambdaMax - n) / (n - 1) : 0;
  const ri = SAATY_RI[n] ?? 1.59;
  const cr = n > 2 && ri > 0 ? Math.max(0, ci / ri) : 0;
  const consistent = cr < AHP_CR_LIMIT;
  if (!consistent)
    issues.push({
      code: 'ahp.inconsistent',
      params: { cr: Math.round(cr * 1e4) / 1e4, limit: AHP_CR_LIMIT, ri, order: n },
    });
  return {
    weights: w,
    lambdaMax,
    consistencyIndex: ci,
    ri,
    consistencyRatio: cr,
    riTable: 'saaty',
    consistent,
    issues,
  };
}

/** Weights from a pairwise matrix; throws with the reason when the matrix is unusable or CR ≥ 0.10. */
export function ahpWeights(matrix: number[][]): AhpResult {
  const r = ahp(matrix);
  if (r.issues.length > 0) throw new AhpError(r.issues);
  return r;
}

export class AhpError extends Error {
  readonly issues: AhpIssue[];
  constructor(issues: AhpIssue[]) {
    super(`AHP matrix rejected: ${issues.map((i) => `${i.code} ${JSON.stringify(i.params)}`).join('; ')}`);
    this.name = 'AhpError';
    this.issues = issues;
  }
}
