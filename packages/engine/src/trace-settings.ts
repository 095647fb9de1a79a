import type { TraceChildWeights, TraceNode, TraceProduct } from './result';
import { cleanNumber } from './rounding';
import { type EvalState, scoreAt } from './state';
import { type Step, step } from './steps';
import { productUnits } from './weighted-products';

/**
 * Trace fields of the plan settings of issue 9 point 8, for one node of one unit: the weights a
 * parent got from the period's data, the weighted products (rounding stage `product`) and the
 * deductions a component took. Numbers as the evaluator used them.
 */
export function nodeSettings(
  st: EvalState,
  j: number,
  u: number,
): Pick<TraceNode, 'childWeights' | 'products' | 'deductions'> {
  const out: Pick<TraceNode, 'childWeights' | 'products' | 'deductions'> = {};
  const cp = st.cp;
  const g = st.unitGroup[u]!;
  const cw = st.childWeights.find((o) => o.node === j && o.group === g);
  if (cw) out.childWeights = childWeightsTrace(st, cw);
  if (cp.roundProduct) out.products = productsOf(st, cp.nodes[j]!.children, u);
  const cd = st.compDeductions;
  const points = cd?.byComponent[u]?.get(j);
  if (cd && points !== undefined && cp.nodes[j]!.deductionFloor !== null) {
    const after = scoreAt(st, j, u);
    const applied = cd.applied[u]!.get(j) ?? 0;
    out.deductions = {
      points,
      floor: cp.nodes[j]!.deductionFloor!,
      applied,
      before: cleanNumber(after + applied),
      after,
    };
  }
  return out;
}

function childWeightsTrace(st: EvalState, o: EvalState['childWeights'][number]): TraceChildWeights {
  const r = o.result;
  const at = (xs: number[] | undefined, k: number) => (xs ? cleanNumber(xs[k]!) : undefined);
  return {
    method: r.method,
    units: r.units,
    fallback: r.fallback,
    children: o.children.map((c, k) => ({
      code: st.cp.nodes[c]!.code,
      weight: r.weights[k]!,
      ...(r.method === 'entropy'
        ? { entropy: at(r.entropy, k), divergence: at(r.divergence, k) }
        : { sigma: at(r.sigma, k), conflict: at(r.conflict, k), information: at(r.information, k) }),
    })),
  };
}

/** Rounding stage `product`: each present child's weight, score and rounded product. */
export function productsOf(st: EvalState, children: readonly number[], u: number): TraceProduct[] {
  const cp = st.cp;
  const gBase = st.unitGroup[u]! * st.nN;
  const present = children.filter((c) => cp.weight[gBase + c]! > 0 && !Number.isNaN(scoreAt(st, c, u)));
  const sumW = present.reduce((a, c) => a + cp.weight[gBase + c]!, 0);
  return present.map((c) => {
    const w = cp.weight[gBase + c]!;
    const s = scoreAt(st, c, u);
    return {
      code: cp.nodes[c]!.code,
      weight: w,
      score: s,
      product: productUnits(w, sumW, s * st.m, cp.roundMode) / st.m,
    };
  });
}

/** The exact sum of rounded products (in units of 10^-decimals). */
export function productSumOf(products: readonly TraceProduct[], dec: number): number {
  const m = 10 ** dec;
  return products.reduce((a, p) => a + Math.round(p.product * m), 0) / m;
}

/** Rounding stage `product` as a step: the terms, each rounded product, their exact sum. */
export function productsStep(products: readonly TraceProduct[], dec: number): Step {
  return step('aggregate.products', {
    terms: products.map((p) => ({ weight: p.weight, score: { value: p.score, decimals: null } })),
    weights: cleanNumber(products.reduce((a, p) => a + p.weight, 0)),
    products: products.map((p) => ({ value: p.product, decimals: dec })),
    raw: productSumOf(products, dec),
  });
}

/**
 * An inner node's steps with its settings: the weights from the data first, the products in place
 * of the plain aggregate, the component's deductions last.
 */
export function settingsSteps(
  n: Pick<TraceNode, 'childWeights' | 'products' | 'deductions'>,
  steps: Step[],
  dec: number,
): Step[] {
  const out = n.products ? [productsStep(n.products, dec)] : [...steps];
  const cw = n.childWeights;
  if (cw) {
    const base = {
      units: cw.units,
      codes: cw.children.map((c) => c.code),
      weights: cw.children.map((c) => cleanNumber(c.weight)),
    };
    const col = (k: 'entropy' | 'divergence' | 'sigma' | 'conflict' | 'information') =>
      cw.children.map((c) => c[k] ?? 0);
    out.unshift(
      cw.fallback
        ? step('weights.equal', base)
        : cw.method === 'entropy'
          ? step('weights.entropy', { ...base, entropy: col('entropy'), divergence: col('divergence') })
          : step('weights.critic', {
              ...base,
              deviation: col('sigma'),
              conflict: col('conflict'),
              information: col('information'),
            }),
    );
  }
  if (n.deductions) out.push(step('component.deductions', { ...n.deductions }));
  return out;
}
