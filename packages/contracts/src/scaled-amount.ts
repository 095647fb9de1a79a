/**
 * Amounts of a target decomposition compared exactly: as integer counts of millionths (the
 * database keeps 6 decimals), so that 0.1 + 0.2 equals 0.3, as people expect, unlike binary
 * floats. The server checks a decomposition on save with them, the web while it is typed.
 */
export const SCALE_DECIMALS = 6;

/** An amount as a count of millionths; null when it is not finite, too large or has more than 6 decimals. */
export function toScaled(n: number): bigint | null {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e14) return null;
  const s = n.toFixed(SCALE_DECIMALS);
  if (Number(s) !== n) return null;
  return BigInt(s.replace('.', ''));
}

/** A count of millionths as a decimal, without trailing zeros ("0.3", "-2.5", "12"). */
export function formatScaled(v: bigint): string {
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(SCALE_DECIMALS + 1, '0');
  const int = digits.slice(0, -SCALE_DECIMALS);
  const frac = digits.slice(-SCALE_DECIMALS).replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}
