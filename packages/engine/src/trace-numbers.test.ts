import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import type { EvaluationInput } from './input';
import type { TraceNode, UnitTrace } from './result';
import { formatDecimal } from './rounding';
import type { Step, StepParam } from './steps';
import { generatePlanData } from './templates/generate';
import { templates } from './templates/index';
import { mulberry32 } from './templates/prng';

/**
 * Every number a trace prints (step params of formulas, rounding steps and notes; vars) is a clean
 * decimal a clerk can redo by hand: at most 10 significant digits, no binary noise.
 *
 * Noise: `NOISE` (…9999x, …0000x after the point) is applied to every number except a method's
 * intermediate ratios (vars, and the raw side of a rounding step). Those are genuine
 * 10-significant-digit values of non-terminating quotients, and a few legitimately contain four
 * 9s or 0s (x / ref = 4998.0 / 4998.23 = 0.9999539821…, or a pro-rata reference target × 7/12).
 * Binary noise lives at the 16th–17th digit, so it cannot survive a 10-digit print; for the
 * intermediates the check is that no long run of 9s or 0s ends the number (what a noisy print such
 * as 14.469999999999999 or 0.30000000000000004 cut to 10 digits would look like).
 */
const NUMBER = /\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi;
const NOISE = /\d\.\d*(9999|0000)\d/;
const NOISE_TAIL = /\.\d*(999999|000000)\d?$/;

function significantDigits(token: string): number {
  const [mant] = token.split(/e/i);
  const digits = mant!.includes('.')
    ? mant!.replace('.', '').replace(/^0+/, '')
    : mant!.replace(/^0+/, '').replace(/0+$/, '');
  return digits.length;
}

/** A step's numbers (params, nested lists and records included), each with where it sits. */
function stepNumbers(where: string, st: Step, intermediate: boolean, out: [string, string, boolean][]): void {
  const walk = (path: string, p: StepParam): void => {
    if (typeof p === 'number') out.push([`${where} ${st.code} ${path}`, String(p), intermediate]);
    else if (Array.isArray(p)) for (const [i, x] of p.entries()) walk(`${path}[${i}]`, x);
    else if (p !== null && typeof p === 'object')
      for (const [k, v] of Object.entries(p)) walk(`${path}.${k}`, v);
  };
  for (const [k, v] of Object.entries(st.params)) walk(k, v);
}

/**
 * All the numbers a trace prints: [label, number as JS prints it, is a method intermediate]. A
 * leaf's steps (the method's arithmetic: r, g, f, the raw score) are intermediates, as is the
 * raw side of a rounding step.
 */
function texts(tr: UnitTrace): [string, string, boolean][] {
  const out: [string, string, boolean][] = [];
  const rounding = (where: string, st: Step): void => {
    out.push([`${where} rounding raw`, String(st.params.raw), true]);
    stepNumbers(where, { ...st, params: { ...st.params, raw: null } }, false, out);
  };
  const node = (n: TraceNode): void => {
    for (const st of n.steps) stepNumbers(n.code, st, n.children.length === 0, out);
    if (n.rounding) rounding(n.code, n.rounding);
    for (const note of n.notes) stepNumbers(`${n.code} note`, note, false, out);
    for (const [k, v] of Object.entries(n.vars))
      if (v !== null) out.push([`${n.code} var ${k}`, String(v), true]);
    n.children.forEach(node);
  };
  tr.components.forEach(node);
  for (const [name, s] of [
    ['base', tr.base],
    ['total', tr.total],
  ] as const) {
    for (const st of s.steps) stepNumbers(name, st, false, out);
    if (s.rounding) rounding(name, s.rounding);
  }
  for (const st of [...tr.bonus.steps, ...tr.deductions.steps, tr.rank, tr.grade])
    stepNumbers('result', st, false, out);
  return out;
}

/** Offending numbers in one unit's trace (empty when clean). */
function dirty(tr: UnitTrace): string[] {
  const bad: string[] = [];
  for (const [where, text, intermediate] of texts(tr)) {
    // Codes such as U12, 2026-M01 or A-3 are not numbers the clerk computes with: drop them first.
    const plain = text.replace(/[A-Za-z_][\w-]*\d[\w-]*/g, ' ').replace(/\d{4}-[MQHY]\d*/g, ' ');
    for (const m of plain.matchAll(NUMBER)) {
      const t = m[0];
      const noisy = intermediate ? NOISE_TAIL.test(t) : NOISE.test(t);
      // Params are numbers (the renderer prints them without an exponent): count their digits.
      if (significantDigits(t) > 10 || noisy) bad.push(`${tr.unit} ${where}: ${t} in "${text}"`);
    }
  }
  return bad;
}

/** The template's generated inputs with values perturbed to arbitrary 1–3 decimal numbers. */
function randomInput(data: EvaluationInput, seed: number): EvaluationInput {
  const rnd = mulberry32(seed);
  const dp = (x: number): number => {
    const d = 1 + Math.floor(rnd() * 3);
    return Number((x * (0.6 + rnd() * 0.8)).toFixed(d));
  };
  return {
    ...data,
    values: data.values.map((v) => ({
      ...v,
      ...(v.value !== undefined && v.value !== null ? { value: dp(v.value) } : {}),
      ...(v.target !== undefined && v.target !== null && rnd() < 0.5 ? { target: dp(v.target) } : {}),
    })),
  };
}

describe('trace numbers are clean decimals', () => {
  it('formatDecimal: no noise, no exponent, at most 10 significant digits', () => {
    expect(formatDecimal(20 + 14.469999999999999)).toBe('34.47');
    expect(formatDecimal(0.1 + 0.2)).toBe('0.3');
    expect(formatDecimal(1 - 0.7)).toBe('0.3');
    expect(formatDecimal(2 / 3)).toBe('0.6666666667');
    expect(formatDecimal(1e-7)).toBe('0.0000001');
    expect(formatDecimal(-1234.5)).toBe('-1234.5');
    expect(formatDecimal(12345678901)).toBe('12345678901');
    expect(formatDecimal(0.99999999999)).toBe('1');
    expect(formatDecimal(Number.NaN)).toBe('n/a');
  });

  for (const tpl of templates) {
    it(`${tpl.id}: shipped data and random inputs`, () => {
      const inputs: EvaluationInput[] = [tpl.data];
      const year = tpl.data.period.slice(0, 4);
      for (const [i, period] of [tpl.data.period, `${year}-H1`, `${year}-M07`].entries()) {
        const gen = generatePlanData(tpl.plan, tpl.data.units, 100 + i, { period });
        inputs.push(gen, randomInput(gen, 7 + i));
      }
      const bad: string[] = [];
      let checked = 0;
      for (const input of inputs) {
        const r = evaluate(tpl.plan, input);
        for (const u of r.units) {
          bad.push(...dirty(r.trace(u.unit)));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
      expect(bad.slice(0, 10)).toEqual([]);
    });
  }
});
