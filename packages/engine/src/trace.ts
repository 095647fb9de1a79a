import type { MethodContext, Tracer } from './methods/types';
import { newCell, newTracer } from './methods/types';
import type { RoundingMode } from './plan/types';
import type { TraceNode, TraceStep, UnitTrace } from './result';
import { cleanNumber, formatDecimal, roundDecimal } from './rounding';
import { pointsOf } from './scatter';
import { type EvalState, scoreAt } from './state';
import { cleanSteps, type ReportedParam, type Step, step } from './steps';
import { nodeSettings, productSumOf, productsOf, productsStep, settingsSteps } from './trace-settings';

/**
 * Build the explanation of one unit on demand. Leaf scores are recomputed through the very
 * same method functions with a tracer attached; aggregates are re-derived from the stored
 * (rounded) child scores with the same formulas the evaluator uses, so every number in the
 * trace can be reproduced by hand from the numbers above it. Every formula and note is a step
 * `{ code, params }` (./steps.ts); the renderers (packages/contracts) turn them into text.
 */
export function buildTrace(st: EvalState, u: number): UnitTrace {
  const cp = st.cp;
  const plan = cp.plan;
  const nN = st.nN;
  const g = cp.groups[st.unitGroup[u]!]!;
  const gBase = g.index * nN;
  const weighted = cp.mode === 'weighted';
  const dec = cp.decimals;
  const nU = st.unitCodes.length;
  const masked = (v: number, j: number) => st.onlyUnitMask !== null && st.onlyUnitMask[j * nU + v] === 1;
  const applicable = (v: number, j: number) => cp.full[st.unitGroup[v]! * nN + j]! > 0 && !masked(v, j);
  const rmode = cp.roundMode;
  /** `raw → reported`: raw with as few digits as still round (by hand) to the reported value. */
  const roundingStep = (raw: number, stored: number): Step =>
    step('rounding', {
      raw: Number(rawDigits(raw, stored, dec, rmode)),
      value: stored,
      mode: rmode,
      decimals: dec,
    });

  const leaf = (j: number): TraceNode => {
    const n = cp.nodes[j]!;
    const scale = cp.full[gBase + j]!;
    const stored = scoreAt(st, j, u);
    const tr: Tracer = newTracer();
    const base: TraceNode = {
      code: n.code,
      name: n.name,
      kind: n.kind,
      full: scale,
      weight: cp.weight[gBase + j]!,
      score: !Number.isNaN(stored) ? stored : null,
      raw: null,
      method: n.method?.kind,
      fraction: null,
      steps: tr.steps,
      vars: tr.vars,
      notes: tr.notes,
      rounding: null,
      children: [],
    };
    if (!applicable(u, j)) {
      base.steps = [step('leaf.not_applicable')];
      return base;
    }
    const k = n.slot * nU + u;
    const cell = newCell();
    for (const f of ['value', 'target', 'baseline', 'baseValue', 'peerValue', 'peerBaseValue'] as const) {
      const a = st.fields[f];
      if (a) cell[f] = a[k]!;
    }
    cell.scores = st.lists.get(k);
    const spec = n.method!;
    const ctx: MethodContext = {
      scale,
      direction: n.direction,
      dz: n.dz,
      elapsed: (spec as { basis?: string }).basis === 'day' ? st.elapsedDay : st.elapsedMonth,
      stats: undefined,
    };
    if (n.def!.groupRelative) {
      const scope = (spec as { scope?: string }).scope ?? 'group';
      const vals: number[] = [];
      for (let v = 0; v < st.unitCodes.length; v++) {
        const gv = cp.groups[st.unitGroup[v]!]!;
        const inScope =
          scope === 'all' || (scope === 'category' ? gv.category === g.category : gv.index === g.index);
        const x = st.fields.value![n.slot * nU + v]!;
        if (inScope && !Number.isNaN(x) && applicable(v, j)) vals.push(x);
      }
      ctx.stats = n.def!.prepare!(spec, vals, n.direction);
      tr.notes.push(step('note.scope', { scope, n: vals.length }));
    }
    let f = n.def!.score(spec, cell, ctx, tr);
    finiteVars(tr);
    if (Number.isNaN(f)) {
      tr.notes.push(step('note.missing_policy', { policy: n.missing }));
      if (n.missing !== 'zero') {
        tr.steps.push(step('leaf.left_out', { policy: n.missing }));
        cleanSteps(tr.steps);
        return base;
      }
      f = 0;
    }
    const raw = f * scale;
    base.fraction = f;
    base.raw = raw;
    tr.steps.push(step('leaf.score', { f, full: scale, raw }));
    cleanSteps(tr.steps);
    cleanSteps(tr.notes);
    base.vars.f = f;
    for (const [k, v] of Object.entries(base.vars)) if (typeof v === 'number') base.vars[k] = cleanNumber(v);
    base.rounding = cp.roundIndicator ? roundingStep(raw, stored) : null;
    return base;
  };

  const inner = (j: number): TraceNode => {
    const n = cp.nodes[j]!;
    const children = n.children.map(node);
    const stored = scoreAt(st, j, u);
    const res: TraceNode = {
      code: n.code,
      name: n.name,
      kind: n.kind,
      full: cp.full[gBase + j]!,
      weight: cp.weight[gBase + j]!,
      score: !Number.isNaN(stored) ? stored : null,
      raw: null,
      steps: [],
      vars: {},
      notes: [],
      rounding: null,
      children,
    };
    const agg = aggregateStep(children, weighted, res.full, dec);
    res.steps = [agg.step];
    res.raw = agg.raw;
    if (agg.reweighted) res.notes.push(step('note.reweighted'));
    // Plan settings (issue 9 point 8): weights from the data, rounded products, component deductions.
    Object.assign(res, nodeSettings(st, j, u));
    if (res.products) res.raw = productSumOf(res.products, dec);
    res.steps = settingsSteps(res, res.steps, dec);
    const rounds = n.kind === 'component' ? cp.roundComponent : cp.roundNode;
    if (rounds && !res.products && agg.raw !== null)
      res.rounding = roundingStep(agg.raw, res.deductions?.before ?? stored);
    return res;
  };
  const node = (j: number): TraceNode => (cp.nodes[j]!.slot >= 0 ? leaf(j) : inner(j));

  const components = cp.nodes.filter((n) => n.parent === cp.root).map((n) => node(n.index));
  const top = aggregateStep(components, weighted, cp.totalPoints, dec);
  const products = cp.roundProduct ? productsOf(st, cp.rootChildren, u) : undefined;
  const baseSteps: Step[] = [products ? productsStep(products, dec) : top.step];
  let baseRaw = products ? productSumOf(products, dec) : (top.raw ?? 0);
  const hy = st.halfYear[u]!;
  if (plan.halfYear && !Number.isNaN(hy)) {
    const w = plan.halfYear.weight;
    baseSteps.push(step('base.half_year', { weight: w, halfYear: hy, rest: 1 - w, base: baseRaw }));
    baseRaw = plan.halfYear.weight * hy + (1 - plan.halfYear.weight) * baseRaw;
  }
  const link = st.links.find((l) => l.unit === u);
  if (link && link.sources.length > 0) {
    const sources = link.sources.map((s) => ({ unit: st.unitCodes[s]!, score: st.ownBase[s]! }));
    const mean = link.sources.reduce((a, s) => a + st.ownBase[s]!, 0) / link.sources.length;
    baseSteps.push(
      step('base.linked', { own: 1 - link.share, base: baseRaw, share: link.share, sources, mean }),
    );
    baseRaw = (1 - link.share) * baseRaw + link.share * mean;
  }
  cleanSteps(baseSteps);
  const baseStep: TraceStep = {
    steps: baseSteps,
    raw: baseRaw,
    value: st.base[u]!,
    rounding: cp.roundTotal ? roundingStep(baseRaw, st.base[u]!) : null,
    ...(products ? { products } : {}),
  };
  const bonusItems = st.bonusItems[u]!;
  const cap = plan.bonus?.cap ?? 0;
  const bonus = {
    items: bonusItems,
    steps: cleanSteps([
      bonusItems.length
        ? step('bonus.capped', {
            cap,
            // The source's name from the plan (创新创优), as the user named it; else its code.
            items: bonusItems.map((b) => ({
              points: b.points,
              source: plan.bonus?.sources.find((x) => x.code === b.source)?.name ?? b.source,
            })),
          })
        : step('bonus.none'),
    ]),
    raw: st.bonusRaw[u]!,
    capped: st.bonus[u]!,
  };
  const dItems = st.deductionItems[u]!;
  const dCap = plan.deductions?.cap;
  const dList = dItems.map((d) => ({ points: d.points, reason: d.reason }));
  const deductions = {
    items: dItems,
    steps: cleanSteps([
      dItems.length === 0
        ? step('deductions.none')
        : dCap !== undefined
          ? step('deductions.capped', { items: dList, cap: dCap })
          : step('deductions.sum', { items: dList }),
    ]),
    total: st.deduction[u]!,
  };
  const totalRaw = st.base[u]! + st.bonus[u]! - st.deduction[u]!;
  const total: TraceStep = {
    steps: [
      step('total', {
        base: reported(st.base[u]!, cp.roundTotal, dec),
        bonus: reported(st.bonus[u]!, true, dec),
        deductions: reported(st.deduction[u]!, true, dec),
      }),
    ],
    raw: totalRaw,
    value: st.total[u]!,
    rounding: cp.roundTotal ? roundingStep(totalRaw, st.total[u]!) : null,
  };
  const lv = plan.grades.levels[st.level[u]!];
  const nat = plan.grades.levels[st.naturalLevel[u]!];
  const vetoes = st.vetoItems[u]!;
  const grade: Step = !lv
    ? step('grade.none')
    : nat && st.downgraded[u] === 1
      ? step('grade.vetoed', {
          name: lv.name,
          code: lv.code,
          natural: nat.name,
          // What the user wrote about each event (its reason), else the event's code.
          events: vetoes.map((v) => v.reason || v.event),
        })
      : step('grade.level', { name: lv.name, code: lv.code });
  return {
    unit: st.unitCodes[u]!,
    group: g.code,
    category: g.category,
    period: st.period,
    planId: plan.id,
    mode: cp.mode,
    rounding: {
      decimals: dec,
      mode: cp.roundMode,
      stages: plan.rounding?.stages ?? ['indicator', 'total'],
    },
    components,
    base: baseStep,
    bonus,
    deductions,
    vetoes,
    total,
    rank: step('placement', { rank: st.rank[u]!, group: g.code, placement: st.placement[u]! }),
    grade,
  };
}

/**
 * Traces travel as JSON, which has no NaN or ±Infinity. An intermediate that overflowed (a growth
 * rate over a base value near zero, say) is shown as "unbounded" / "-unbounded" with a note; the
 * method's fraction itself is clamped and stays finite.
 */
function finiteVars(tr: Tracer): void {
  for (const [k, v] of Object.entries(tr.vars)) {
    if (typeof v !== 'number' || Number.isFinite(v)) continue;
    tr.vars[k] = Number.isNaN(v) ? null : v > 0 ? 'unbounded' : '-unbounded';
    tr.notes.push(step('note.not_finite', { name: k, shown: tr.vars[k] ?? 'null' }));
  }
}

/** A reported score: with the plan's decimals when that stage rounds, else as a clean raw decimal. */
function reported(x: number, rounded: boolean, dec: number): ReportedParam {
  return rounded ? { value: x === 0 ? 0 : x, decimals: dec } : { value: cleanNumber(x), decimals: null };
}

/**
 * A raw value for a rounding step: 10 significant digits, or more in the rare case where the
 * shorter form would round (by hand) to a different reported value than the engine's.
 */
function rawDigits(raw: number, stored: number, dec: number, mode: RoundingMode): string {
  for (const sig of [10, 12, 15, 17]) {
    const s = formatDecimal(raw, sig);
    if (roundDecimal(Number(s), dec, mode) === stored) return s;
  }
  return formatDecimal(raw, 17);
}

function aggregateStep(
  children: TraceNode[],
  weighted: boolean,
  full: number,
  dec: number,
): { step: Step; raw: number | null; reweighted: boolean } {
  const present = children.filter((c) => c.weight > 0 && c.score !== null);
  const counted = children.filter((c) => c.weight > 0);
  const reweighted = present.length < counted.length;
  // A child's score is a reported (rounded) number when its stage rounds (its rounding step is set).
  const sc = (c: TraceNode): ReportedParam => reported(c.score!, c.rounding !== null, dec);
  if (present.length === 0) return { step: step('aggregate.none'), raw: null, reweighted };
  // As the evaluator does: in units of 10^-decimals, where reported scores are exact integers.
  const m = 10 ** dec;
  const units = (c: TraceNode): number => {
    const y = c.score! * m;
    const r = Math.round(y);
    return c.rounding !== null || (c.children.length > 0 && Math.abs(y - r) <= Math.abs(y) * 1e-12) ? r : y;
  };
  if (weighted) {
    const sw = present.reduce((a, c) => a + c.weight, 0);
    const s = present.reduce((a, c) => a + c.weight * units(c), 0) / sw / m;
    const terms = present.map((c) => ({ weight: cleanNumber(c.weight), score: sc(c) }));
    return {
      step: step('aggregate.weighted', { terms, weights: cleanNumber(sw), raw: cleanNumber(s) }),
      raw: s,
      reweighted,
    };
  }
  const sumU = present.reduce((a, c) => a + units(c), 0);
  const sum = sumU / m;
  const fw = present.reduce((a, c) => a + c.weight, 0);
  const rawU = pointsOf(sumU, fw, full);
  const raw = rawU === sumU ? sum : rawU / m;
  const terms = present.map(sc);
  if (rawU === sumU)
    return { step: step('aggregate.sum', { terms, raw: cleanNumber(sum) }), raw: sum, reweighted };
  return {
    step: step('aggregate.reweighted', {
      terms,
      full: cleanNumber(full),
      weights: cleanNumber(fw),
      raw: cleanNumber(raw),
    }),
    raw,
    reweighted: true,
  };
}
