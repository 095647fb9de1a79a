import type { RoundingMode } from './plan/basics';

/**
 * Decimal-exact rounding on binary doubles.
 *
 * A double such as 2.675 is really 2.67499999999999982236431605997495353221893310546875, so the
 * naive Math.round(x * 100) / 100 gives 2.67 where a hand calculation (四舍五入) gives 2.68.
 * We decide "is x at or above the decimal midpoint?" by comparing x with the midpoint computed
 * as an exact integer division ((2r + 1) / (2·10^d) is correctly rounded, i.e. it is the very
 * double that parsing "2.675" yields), allowing a relative tolerance of 1e-12 so that noise
 * from earlier arithmetic (0.1 + 0.2 style) does not flip a true tie. Values are therefore
 * treated as their decimal value to 12 significant digits, which the trace also shows.
 */
const REL_TOL = 1e-12;
const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000];

function pow10(d: number): number {
  return POW10[d] ?? 10 ** d;
}

function roundPositive(x: number, m: number, mode: RoundingMode): number {
  const y = x * m;
  const fl = Math.floor(y);
  const frac = y - fl;
  // Fast path: clearly away from a tie the nearest integer is the answer (frac near 0 or 1 included:
  // binary noise there cannot change which integer is nearest).
  if (mode !== 'down' && Math.abs(frac - 0.5) > 1e-6 && y < 1e9) return (frac > 0.5 ? fl + 1 : fl) / m;
  let r = fl;
  // x * m can land a hair below an integer that x (as a decimal) equals, e.g. 0.29 * 100.
  if ((r + 1) / m <= x * (1 + REL_TOL)) r += 1;
  if (mode === 'down') return r / m;
  const half = (2 * r + 1) / (2 * m);
  const tol = half * REL_TOL;
  if (x > half + tol) return (r + 1) / m;
  if (x < half - tol) return r / m;
  // A tie: half-up goes away from zero, half-even to the even neighbour.
  if (mode === 'half_up') return (r + 1) / m;
  return r % 2 === 0 ? r / m : (r + 1) / m;
}

/** Round to `decimals` places with the given mode; negative values mirror positive ones. */
export function roundDecimal(x: number, decimals = 2, mode: RoundingMode = 'half_up'): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0; // −0 reports as 0
  const m = pow10(decimals);
  if (x < 0) return -roundPositive(-x, m, mode) || 0;
  return roundPositive(x, m, mode);
}

/**
 * The evaluator's hot-loop form of roundDecimal (same result, property-tested): away from a tie the
 * nearest integer, found without a data-dependent branch, is the answer; ties and negative or huge
 * values take the exact path. `m` = 10^decimals, `half` = mode is half_up or half_even.
 */
export function roundFast(x: number, m: number, decimals: number, mode: RoundingMode, half: boolean): number {
  const y = x * m;
  // Math.floor(y + 0.5), not Math.round: V8 compiles Math.floor to one instruction but Math.round
  // to a much slower sequence (measured 3 vs 17 ns per call here). Away from a tie they agree.
  const r = Math.floor(y + 0.5);
  return half && x >= 0 && y < 1e9 && Math.abs(Math.abs(y - r) - 0.5) > 1e-6
    ? r / m
    : roundDecimal(x, decimals, mode);
}

/**
 * A reported (already rounded) score as an integer count of 10^-decimals units: `v × 10^d` is
 * within an ulp of that integer, so the nearest integer is exact. NaN stays NaN.
 */
export function toUnits(v: number, m: number): number {
  const r = Math.round(v * m);
  return r === 0 ? 0 : r;
}

/**
 * roundDecimal on a value already expressed in units of 10^-decimals (y = x × 10^d): the integer
 * number of units of the reported score, with the same rule and the same relative tolerance
 * (REL_TOL) as roundDecimal. An integer input (an exact sum of rounded scores) is returned as is.
 */
export function roundUnits(y: number, mode: RoundingMode = 'half_up'): number {
  if (!Number.isFinite(y)) return y;
  if (Number.isInteger(y)) return y === 0 ? 0 : y;
  if (y < 0) return -roundUnitsPositive(-y, mode) || 0;
  return roundUnitsPositive(y, mode);
}

function roundUnitsPositive(y: number, mode: RoundingMode): number {
  const r = Math.floor(y);
  const tol = y * REL_TOL;
  // A hair below or above an integer that the decimal value equals.
  if (r + 1 - y <= tol) return r + 1;
  if (y - r <= tol) return r;
  if (mode === 'down') return r;
  const half = r + 0.5;
  if (y > half + tol) return r + 1;
  if (y < half - tol) return r;
  if (mode === 'half_up') return r + 1;
  return r % 2 === 0 ? r : r + 1;
}

/** 四舍五入: half away from zero, decimal-exact (2.675 → 2.68). */
export function roundHalfUp(x: number, decimals = 2): number {
  return roundDecimal(x, decimals, 'half_up');
}

/**
 * Reference implementation on decimal strings (slow, exact). Used by tests to check the fast
 * path, and usable by callers who hold decimal strings.
 */
export function roundDecimalString(value: string, decimals = 2, mode: RoundingMode = 'half_up'): string {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) throw new Error(`not a plain decimal: ${value}`);
  const neg = m[1] === '-';
  const intPart = m[2] ?? '0';
  const frac = (m[3] ?? '').padEnd(decimals + 1, '0');
  const kept = BigInt(intPart + frac.slice(0, decimals));
  const rest = frac.slice(decimals);
  const first = Number(rest[0] ?? '0');
  const tailNonZero = /[1-9]/.test(rest.slice(1));
  let up = false;
  if (mode === 'half_up') up = first >= 5;
  else if (mode === 'half_even') up = first > 5 || (first === 5 && (tailNonZero || kept % 2n === 1n));
  else up = false;
  const n = up ? kept + 1n : kept;
  let s = n.toString().padStart(decimals + 1, '0');
  if (decimals > 0) s = `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
  return neg && n !== 0n ? `-${s}` : s;
}

/** Format with exactly `decimals` places (for traces and reports). */
export function formatFixed(x: number, decimals = 2): string {
  return roundHalfUp(x, decimals).toFixed(decimals);
}

/**
 * A raw (unrounded) value as a clean decimal for traces: at most `sig` significant digits (10 by
 * default, never fewer than the integer digits), trailing zeros trimmed, no exponent notation, so
 * binary noise such as 14.469999999999999 or 0.30000000000000004 shows as 14.47 and 0.3.
 * Non-finite values show as "n/a" (NaN) or "∞" / "−∞".
 */
export function formatDecimal(x: number, sig = 10): string {
  if (Number.isNaN(x)) return 'n/a';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const neg = x < 0;
  const a = Math.abs(x);
  const intDigits = a >= 1 ? Math.floor(Math.log10(a)) + 1 : 1;
  const p = Math.min(100, Math.max(sig, intDigits));
  // toPrecision gives the correctly rounded digits; expand a possible exponent by hand.
  const s = a.toPrecision(p);
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) return String(x);
  let digits = (m[1] ?? '') + (m[2] ?? '');
  let point = (m[1] ?? '').length + Number(m[3] ?? 0);
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) digits = digits.padEnd(point, '0');
  let intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  let frac = digits.slice(point).replace(/0+$/, '');
  if (intPart === '') intPart = '0';
  if (/^0*$/.test(intPart + frac)) return '0';
  frac = frac.length > 0 ? `.${frac}` : '';
  return `${neg ? '-' : ''}${intPart}${frac}`;
}

/** A number of a trace's vars, cleaned the same way (kept a number: up to `sig` significant digits). */
export function cleanNumber(x: number, sig = 10): number {
  return Number.isFinite(x) ? Number(formatDecimal(x, sig)) : x;
}
