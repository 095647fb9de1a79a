/** Pure helpers of the AHP modal: Saaty-scale entries, reciprocal fill, rounded normalised weights. */

/** Saaty's 1–9 scale and reciprocals, as the editor offers them. */
export const SAATY_OPTIONS: { label: string; value: number }[] = [
  ...[9, 8, 7, 6, 5, 4, 3, 2].map((d) => ({ label: `1/${d}`, value: 1 / d })),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ label: String(n), value: n })),
];

/** "3" → 3, "1/3" → 0.333…, anything else → undefined. */
export function parseSaaty(text: string): number | undefined {
  const s = text.trim();
  const frac = /^1\s*\/\s*([1-9])$/.exec(s);
  if (frac) return 1 / Number(frac[1]);
  if (/^[1-9]$/.test(s)) return Number(s);
  return undefined;
}

/** The label of a value on the scale: 3 → "3", 0.333… → "1/3"; other values with 3 decimals. */
export function saatyLabel(v: number): string {
  const hit = SAATY_OPTIONS.find((o) => Math.abs(o.value - v) < 1e-9);
  return hit ? hit.label : v.toFixed(3);
}

/**
 * A full pairwise matrix from its upper triangle: the diagonal is 1, a_ji = 1 / a_ij, and an entry
 * not given yet counts as 1 (equal importance).
 */
export function fillReciprocal(upper: readonly (readonly (number | null | undefined)[])[]): number[][] {
  const n = upper.length;
  const m: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const a = upper[i]?.[j];
      const v = a !== null && a !== undefined && Number.isFinite(a) && a > 0 ? a : 1;
      m[i]![j] = v;
      m[j]![i] = 1 / v;
    }
  return m;
}

/** The upper triangle of a stored matrix (for editing an existing `ahp`). */
export function upperOf(m: readonly (readonly number[])[], n: number): (number | null)[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (j > i ? (m[i]?.[j] ?? null) : null)),
  );
}

/** Weights rounded to `decimals` and normalised so they sum to exactly 1 (the largest absorbs the rest). */
export function roundWeights(weights: readonly number[], decimals = 4): number[] {
  const f = 10 ** decimals;
  const s = weights.reduce((a, b) => a + b, 0);
  if (!(s > 0)) return weights.map(() => 0);
  const out = weights.map((w) => Math.round((w / s) * f) / f);
  const rest = Math.round((1 - out.reduce((a, b) => a + b, 0)) * f) / f;
  if (out.length > 0 && rest !== 0) {
    const big = out.indexOf(Math.max(...out));
    out[big] = Math.round((out[big]! + rest) * f) / f;
  }
  return out;
}

/**
 * The ratio matrix a_ij = v_i / v_j of values set directly (points or weights): what a reader sees
 * for a level without a stored judgement matrix — perfectly consistent (CR 0) by construction.
 * A value that is not positive compares as equal (1).
 */
export function impliedMatrix(values: readonly (number | undefined)[]): number[][] {
  const ok = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v) && v > 0;
  return values.map((a) => values.map((b) => (ok(a) && ok(b) ? a / b : 1)));
}
