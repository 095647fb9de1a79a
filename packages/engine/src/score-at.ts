import type { EvalState } from './evaluate';

/**
 * The score of node j for unit u as reported: rows held in units of 10^-decimals are divided
 * once here, when a result or trace is built (q / 10^d is the double nearest the decimal).
 */
export function scoreAt(st: EvalState, j: number, u: number): number {
  const s = st.scores[j * st.unitCodes.length + u]!;
  return st.unitRow[j] === 1 ? s / st.m : s;
}
