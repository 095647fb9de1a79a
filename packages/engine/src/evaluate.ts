import { type CompiledPlan, compilePlan } from './compile';
import { assignGrades, assignGradesPlain, type GradeCandidate } from './grades';
import {
  type BonusInput,
  type DeductionInput,
  type EvaluationInput,
  EvaluationInputError,
  type InputIssue,
  type VetoInput,
} from './input';
import {
  bandsFastU,
  deductionFastU,
  emit,
  emitGeneral,
  emitOne as emitOne1,
  emitStore,
  fractions,
  K_BANDS,
  K_BANDS_STEP,
  K_DEDUCTION,
  K_EFFICACY,
  K_MANUAL,
  K_RATIO,
  K_SATISFACTION,
  newKernelParams,
  ratioFast,
  ratioFastU,
  ratioOne,
  satisfactionFastU,
  simpleFast,
} from './kernels';
import { ensureField, loadInput, type NumField } from './load-input';
import { COLUMNS, type Columns, NEEDS_SCALE } from './methods/columns';
import { KIND_ID, scoreByKind } from './methods/dispatch';
import type { CellField, MethodContext } from './methods/types';
import { newCell } from './methods/types';
import type { MethodSpec, Plan } from './plan/types';
import { assertValidPlan } from './plan/validate';
import { competitionRank } from './rank';
import type { EvaluationResult, UnitResult, UnitTrace } from './result';
import { snapshot, unitResult } from './results';
import { roundDecimal, roundUnits, toUnits } from './rounding';
import { fusedRatio, pointsOf, scatterColumn } from './scatter';

/**
 * Test hook: false makes the full recompute take the previous two-stage column path
 * (methods/columns.ts + scatterColumn) instead of the single-pass kernels, so a test can
 * check that both give bit-identical results. Not part of the public API.
 */
export const engineOptions = { kernels: true };

import { buildTrace } from './trace';

/** Evaluator internals, shared with the lazy trace builder. */
export interface EvalState {
  cp: CompiledPlan;
  period: string;
  elapsedMonth: number;
  elapsedDay: number;
  unitCodes: string[];
  unitNames: (string | undefined)[];
  unitIndex: Map<string, number>;
  unitGroup: Int32Array;
  nL: number;
  nN: number;
  fields: Record<NumField, Float64Array | null>;
  lists: Map<number, readonly number[]>;
  /**
   * [node × unit] scores, NaN = left out. A row with unitRow[node] = 1 holds the score in units of
   * 10^-decimals (reported scores as exact integers, so their sums are exact); read through
   * scoreAt(). Leaf rows that do not round hold the raw score.
   */
  scores: Float64Array;
  /** 10^decimals. */
  m: number;
  unitRow: Uint8Array;
  ownBase: Float64Array;
  base: Float64Array;
  bonusRaw: Float64Array;
  bonus: Float64Array;
  deduction: Float64Array;
  total: Float64Array;
  rank: Int32Array;
  placement: Int32Array;
  level: Int32Array;
  naturalLevel: Int32Array;
  downgraded: Uint8Array;
  crossRank: Int32Array[];
  bonusItems: BonusInput[][];
  deductionItems: DeductionInput[][];
  vetoItems: VetoInput[][];
  halfYear: Float64Array;
  links: { unit: number; sources: number[]; share: number }[];
  onlyUnitMask: Uint8Array | null;
  round(x: number): number;
}

export interface Evaluator {
  readonly plan: Plan;
  readonly period: string;
  readonly unitCodes: readonly string[];
  /** Full recompute of every unit (values only; traces stay lazy). */
  recompute(): void;
  /** Change one input and recompute only that unit (or its scope, for group-relative methods) plus ranks and grades of its group. */
  setValue(unit: string, indicator: string, value: number | null, field?: NumField): void;
  setScores(unit: string, indicator: string, scores: number[] | null): void;
  /** Bulk load one input field as a [unit × leaf] matrix in unitCodes × leafCodes order (NaN = none). Call recompute() after. */
  setMatrix(field: NumField, data: Float64Array): void;
  readonly leafCodes: readonly string[];
  total(unit: string): number;
  /** Reported totals in unitCodes order (a live view: do not modify). */
  totals(): Float64Array;
  unit(code: string): UnitResult;
  result(): EvaluationResult;
  trace(unit: string): UnitTrace;
}

/** Validate, compile and evaluate a plan for one period: the convenient one-shot form. */
export function evaluate(plan: Plan | CompiledPlan, input: EvaluationInput): EvaluationResult {
  return createEvaluator(plan, input).result();
}

/** The explanation of one unit's numbers (same as result.trace(unit)). */
export function explain(result: EvaluationResult, unit: string): UnitTrace {
  return result.trace(unit);
}

export function createEvaluator(planOrCompiled: Plan | CompiledPlan, input: EvaluationInput): Evaluator {
  let cp: CompiledPlan;
  if ('nodes' in planOrCompiled) cp = planOrCompiled;
  else {
    assertValidPlan(planOrCompiled);
    cp = compilePlan(planOrCompiled);
  }
  const plan = cp.plan;
  const st = loadInput(cp, input);
  const { nL, nN, unitIndex, unitGroup } = st;
  const nU = st.unitCodes.length;
  const field = (f: NumField): Float64Array => ensureField(st, f);

  // Scope partitions for group-relative methods.
  const byGroup: number[][] = cp.groups.map(() => []);
  for (let u = 0; u < nU; u++) byGroup[unitGroup[u]!]!.push(u);
  const byCategory = new Map<string, number[]>();
  for (let u = 0; u < nU; u++) {
    const c = cp.groups[unitGroup[u]!]!.category;
    const list = byCategory.get(c) ?? [];
    list.push(u);
    byCategory.set(c, list);
  }
  const all = Array.from({ length: nU }, (_, i) => i);
  const allIdx = Int32Array.from(all);
  const scopeOf = (leafNode: number, u: number): number[] => {
    const m = cp.nodes[leafNode]!.method as { scope?: string } | undefined;
    const scope = m?.scope ?? 'group';
    if (scope === 'all') return all;
    if (scope === 'category') return byCategory.get(cp.groups[unitGroup[u]!]!.category)!;
    return byGroup[unitGroup[u]!]!;
  };
  const scopesOf = (leafNode: number): number[][] => {
    const m = cp.nodes[leafNode]!.method as { scope?: string } | undefined;
    const scope = m?.scope ?? 'group';
    if (scope === 'all') return [all];
    if (scope === 'category') return [...byCategory.values()];
    return byGroup;
  };

  const cell = newCell();
  const ctx: MethodContext = { scale: 100, direction: 'higher', dz: 'zero', elapsed: 1, stats: undefined };
  let errors: InputIssue[] = [];
  const { scores, full, weight } = { scores: st.scores, full: cp.full, weight: cp.weight };
  const weighted = cp.mode === 'weighted';

  const applicable = (u: number, j: number): boolean =>
    full[unitGroup[u]! * nN + j]! > 0 && (st.onlyUnitMask === null || st.onlyUnitMask[j * nU + u] === 0);
  const nG = cp.groups.length;
  const dec = cp.decimals;
  const rmode = cp.roundMode;

  /** Score leaf node j for the units in `units` (all units when null). The hot loop: keep it flat. */
  const scoreLeaf = (j: number, units: number[] | null): void => {
    const node = cp.nodes[j]!;
    const def = node.def!;
    const spec = node.method!;
    const kind = KIND_ID[spec.kind];
    const slot = node.slot;
    ctx.direction = node.direction;
    ctx.dz = node.dz;
    ctx.elapsed = (spec as { basis?: string }).basis === 'day' ? st.elapsedDay : st.elapsedMonth;
    ctx.stats = undefined;
    const F = st.fields;
    const fv = F.value!;
    // Only the inputs this method reads are copied into the cell.
    const ins = def.inputs;
    const ft = ins.includes('target') ? F.target : null;
    const fb = ins.includes('baseline') ? F.baseline : null;
    const fbv = ins.includes('baseValue') ? F.baseValue : null;
    const fpv = ins.includes('peerValue') ? F.peerValue : null;
    const fpb = ins.includes('peerBaseValue') ? F.peerBaseValue : null;
    const lists = ins.includes('scores') ? st.lists : null;
    cell.target = Number.NaN;
    cell.baseline = Number.NaN;
    cell.baseValue = Number.NaN;
    cell.peerValue = Number.NaN;
    cell.peerBaseValue = Number.NaN;
    cell.scores = undefined;
    const scaleOf = new Float64Array(nG);
    for (let g = 0; g < nG; g++) scaleOf[g] = full[g * nN + j]!;
    const mask = st.onlyUnitMask;
    const missingZero = node.missing === 'zero';
    const missingError = node.missing === 'error';
    const roundInd = cp.roundIndicator;
    const m = st.m;
    const one = (u: number): void => {
      const at = j * nU + u;
      const scale = scaleOf[unitGroup[u]!]!;
      if (scale <= 0 || (mask !== null && mask[at] === 1)) {
        scores[at] = Number.NaN;
        return;
      }
      const k = slot * nU + u;
      cell.value = fv[k]!;
      if (ft !== null) cell.target = ft[k]!;
      if (fb !== null) cell.baseline = fb[k]!;
      if (fbv !== null) cell.baseValue = fbv[k]!;
      if (fpv !== null) cell.peerValue = fpv[k]!;
      if (fpb !== null) cell.peerBaseValue = fpb[k]!;
      if (lists !== null) cell.scores = lists.get(k);
      ctx.scale = scale;
      let f = scoreByKind(kind, spec, cell, ctx);
      if (Number.isNaN(f)) {
        if (missingZero) f = 0;
        else {
          if (missingError) missingIssue(u, node.code);
          scores[at] = Number.NaN;
          return;
        }
      }
      const s = f * scale;
      scores[at] = roundInd ? toUnits(roundDecimal(s, dec, rmode), m) : s;
    };
    const colFn = COLUMNS[spec.kind];
    /**
     * Column path: score `list` (or every unit) in one loop per stage. Inputs are read in place
     * (fields are stored [leaf × unit]) or, for a unit list, gathered first.
     */
    const needsScale = NEEDS_SCALE.has(spec.kind);
    const ratioKind = spec.kind === 'completion' || spec.kind === 'pro_rata';
    const column = (list: number[] | null): void => {
      if (ratioKind && !list && mask === null && !missingError) {
        // The commonest column: one fused loop (see fusedRatio).
        const p = spec as { reference?: string; below?: string; excessRate?: number; excessCap?: number };
        const R = spec.kind === 'completion' && p.reference === 'baseline' ? F.baseline : F.target;
        const fuse = fusing && leafFusable[j] === 1;
        fusedRatio(
          nU,
          fv,
          R ?? nanField(),
          slot * nU,
          spec.kind === 'pro_rata' ? ctx.elapsed : 1,
          node.direction === 'higher',
          p.excessRate ?? 0,
          p.excessCap ?? 0,
          p.below === 'zero',
          node.dz === 'zero' ? 0 : node.dz === 'full' ? 1 : Number.NaN,
          unitGroup,
          scaleOf,
          scores,
          j * nU,
          missingZero,
          roundInd,
          m,
          dec,
          rmode,
          fuse,
          AS,
          AW,
          AM,
          wByNode,
          j * nG,
          innerIdx[nodeParent[j]!]! * nU,
          weighted,
        );
        if (fuse) fusedNow[j] = 1;
        return;
      }
      const n = list ? list.length : nU;
      const idx = list ? Int32Array.from(list) : allIdx;
      const ft2 = F.target ?? nanField();
      const fb2 = F.baseline ?? nanField();
      if (list) {
        for (let i = 0; i < n; i++) {
          const k = slot * nU + idx[i]!;
          gv[i] = fv[k]!;
          gt[i] = ft2[k]!;
          gb[i] = fb2[k]!;
        }
        cols.off = 0;
        cols.value = gv;
        cols.target = gt;
        cols.baseline = gb;
      } else {
        cols.off = slot * nU;
        cols.value = fv;
        cols.target = ft2;
        cols.baseline = fb2;
      }
      if (needsScale)
        for (let i = 0; i < n; i++) {
          const u = idx[i]!;
          cols.scale[i] = scaleOf[unitGroup[u]!]!;
        }
      cols.n = n;
      ctx.scale = Number.NaN; // columns read the per-item scale array
      colFn!(spec, ctx, cols);
      const out = cols.out;
      const base = j * nU;
      const fuse = fusing && leafFusable[j] === 1 && !list;
      const pb = innerIdx[nodeParent[j]!]! * nU;
      const wo = j * nG;
      if (missingError)
        for (let i = 0; i < n; i++) {
          const u = idx[i]!;
          if (
            Number.isNaN(out[i]!) &&
            scaleOf[unitGroup[u]!]! > 0 &&
            !(mask !== null && mask[base + u] === 1)
          )
            missingIssue(u, node.code);
        }
      scatterColumn(
        n,
        idx,
        out,
        unitGroup,
        scaleOf,
        mask,
        scores,
        base,
        missingZero,
        roundInd,
        m,
        dec,
        rmode,
        fuse,
        AS,
        AW,
        AM,
        wByNode,
        wo,
        pb,
        weighted,
      );
      if (fuse) fusedNow[j] = 1;
    };
    /** Single-pass kernel over every unit (kernels.ts) when the method has one; false otherwise. */
    const kernel = (): boolean => {
      if (!engineOptions.kernels || mask !== null || missingError) return false;
      const kp = kparams;
      const s = spec as {
        kind: string;
        reference?: string;
        below?: string;
        excessRate?: number;
        excessCap?: number;
        scale?: number;
        perItem?: number;
        interpolate?: boolean;
        breakpoints?: [number, number][];
        clamp?: [number, number];
        limits?: 'group' | { worst: number; best: number };
        scope?: 'group' | 'category' | 'all';
      };
      let R = F.target;
      kp.partOf = null;
      switch (s.kind) {
        case 'completion':
        case 'pro_rata':
          kp.kind = K_RATIO;
          if (s.kind === 'completion' && s.reference === 'baseline') R = F.baseline;
          kp.refFactor = s.kind === 'pro_rata' ? ctx.elapsed : 1;
          kp.higher = node.direction === 'higher';
          kp.rate = s.excessRate ?? 0;
          kp.cap = s.excessCap ?? 0;
          kp.belowZero = s.below === 'zero';
          kp.dz = node.dz === 'zero' ? 0 : node.dz === 'full' ? 1 : Number.NaN;
          break;
        case 'satisfaction':
          kp.kind = K_SATISFACTION;
          kp.p = s.scale ?? 100;
          break;
        case 'manual':
          kp.kind = K_MANUAL;
          kp.p = s.scale ?? Number.NaN;
          break;
        case 'deduction':
          kp.kind = K_DEDUCTION;
          kp.p = s.perItem!;
          break;
        case 'bands': {
          kp.kind = s.interpolate ? K_BANDS : K_BANDS_STEP;
          const bp = s.breakpoints!;
          if (kp.bx.length !== bp.length) {
            kp.bx = new Float64Array(bp.length);
            kp.bf = new Float64Array(bp.length);
          }
          for (let i = 0; i < bp.length; i++) {
            kp.bx[i] = bp[i]![0];
            kp.bf[i] = bp[i]![1];
          }
          break;
        }
        case 'efficacy': {
          kp.kind = K_EFFICACY;
          kp.lo = s.clamp ? s.clamp[0] : 60;
          kp.hi = s.clamp ? s.clamp[1] : 100;
          kp.dz = node.dz === 'zero' ? 0 : node.dz === 'full' ? 1 : Number.NaN;
          // Limits per scope part: the present values' min / max (efficacy.prepare), found in one
          // pass in unit order, which is each part's own order, so the same numbers.
          const scope = s.scope ?? 'group';
          const partOf = scope === 'all' ? partAll : scope === 'category' ? partCategory : unitGroup;
          const nParts = scope === 'all' ? 1 : scope === 'category' ? byCategory.size : nG;
          if (kp.effS.length < nParts) {
            kp.effS = new Float64Array(nParts);
            kp.effH = new Float64Array(nParts);
          }
          const higher = node.direction === 'higher';
          if (s.limits === 'group') {
            const mn = kp.effS;
            const mx = kp.effH;
            mn.fill(Number.POSITIVE_INFINITY);
            mx.fill(Number.NEGATIVE_INFINITY);
            const off = slot * nU;
            for (let u = 0; u < nU; u++) {
              const x = fv[off + u]!;
              if (Number.isNaN(x) || !(scaleOf[unitGroup[u]!]! > 0)) continue;
              const q = partOf[u]!;
              if (x < mn[q]!) mn[q] = x;
              if (x > mx[q]!) mx[q] = x;
            }
            if (!higher)
              for (let q = 0; q < nParts; q++) {
                const t = mn[q]!;
                mn[q] = mx[q]!;
                mx[q] = t;
              }
          } else {
            kp.effS.fill(s.limits!.worst);
            kp.effH.fill(s.limits!.best);
          }
          kp.partOf = partOf;
          break;
        }
        default:
          return false;
      }
      // A group-relative leaf reaches its parent in aggregateAll, as before (same summation order),
      // unless the parent's sums do not depend on the order (orderFree): then it is folded here.
      const fuse = fusing && leafFusable[j] === 1 && (!def.groupRelative || orderFree[nodeParent[j]!] === 1);
      const R2 = R ?? nanField();
      const out = cols.out;
      const wo = j * nG;
      const wOf = wByNode.subarray(wo, wo + nG);
      const pb = innerIdx[nodeParent[j]!]! * nU;
      let simple = fuse && roundInd && rmode !== 'down';
      for (let g = 0; g < nG && simple; g++) if (!(scaleOf[g]! > 0 && wOf[g]! > 0)) simple = false;
      const noAW =
        simple &&
        orderFree[nodeParent[j]!] === 1 &&
        ((kp.kind === K_RATIO && kp.higher) ||
          kp.kind === K_SATISFACTION ||
          kp.kind === K_DEDUCTION ||
          (kp.kind === K_BANDS && bandsAscending(kp.bx)));
      if (noAW) {
        // Points mode, order-free parent: the loop adds scores only; the weights per group below.
        const off = slot * nU;
        const base = j * nU;
        const kind = kp.kind;
        for (let u = 0; u < nU; u++) {
          u =
            kind === K_RATIO
              ? ratioFastU(
                  u,
                  nU,
                  fv,
                  R2,
                  off,
                  kp.refFactor,
                  kp.rate,
                  kp.cap,
                  kp.belowZero,
                  unitGroup,
                  scaleOf,
                  scores,
                  base,
                  m,
                  AS,
                  pb,
                  sel2,
                )
              : kind === K_SATISFACTION
                ? satisfactionFastU(u, nU, fv, off, kp.p, unitGroup, scaleOf, scores, base, m, AS, pb)
                : kind === K_DEDUCTION
                  ? deductionFastU(u, nU, fv, off, kp.p, unitGroup, scaleOf, scores, base, m, AS, pb, sel3)
                  : bandsFastU(
                      u,
                      nU,
                      fv,
                      off,
                      kp.bx,
                      kp.bf,
                      unitGroup,
                      scaleOf,
                      scores,
                      base,
                      m,
                      AS,
                      pb,
                      sel3,
                    );
          if (u < nU) {
            // The general steps add the weight of a present cell: take it back (added per group below).
            AW[pb + u] = AW[pb + u]! - wOf[unitGroup[u]!]!;
            ratioOne(
              u,
              kp,
              fv,
              R2,
              off,
              unitGroup,
              scaleOf,
              scores,
              base,
              missingZero,
              m,
              dec,
              rmode,
              AS,
              AW,
              AM,
              wOf,
              pb,
              weighted,
              one1,
              sel2,
            );
          }
        }
        const pw = nodeParent[j]! * nG;
        for (let g = 0; g < nG; g++) laterW[pw + g] = laterW[pw + g]! + wOf[g]!;
        laterAny[nodeParent[j]!] = 1;
        fusedNow[j] = 1;
        return true;
      }
      if (simple && kp.kind === K_RATIO && kp.higher) {
        // The commonest leaf in one fused pass; the odd cell goes through the general steps.
        const off = slot * nU;
        for (let u = 0; u < nU; u++) {
          u = ratioFast(
            u,
            nU,
            fv,
            R2,
            off,
            kp.refFactor,
            kp.rate,
            kp.cap,
            kp.belowZero,
            unitGroup,
            scaleOf,
            scores,
            j * nU,
            m,
            AS,
            AW,
            wOf,
            pb,
            weighted,
            sel2,
          );
          if (u < nU)
            ratioOne(
              u,
              kp,
              fv,
              R2,
              off,
              unitGroup,
              scaleOf,
              scores,
              j * nU,
              missingZero,
              m,
              dec,
              rmode,
              AS,
              AW,
              AM,
              wOf,
              pb,
              weighted,
              one1,
              sel2,
            );
        }
        fusedNow[j] = 1;
        return true;
      }
      let ascending = kp.bx.length >= 2;
      for (let i = 1; i < kp.bx.length; i++) if (!(kp.bx[i]! > kp.bx[i - 1]!)) ascending = false;
      if (
        simple &&
        (kp.kind === K_SATISFACTION || kp.kind === K_DEDUCTION || (kp.kind === K_BANDS && ascending))
      ) {
        const off = slot * nU;
        for (let u = 0; u < nU; u++) {
          u = simpleFast(
            u,
            nU,
            kp.kind,
            fv,
            off,
            kp.p,
            kp.bx,
            kp.bf,
            unitGroup,
            scaleOf,
            scores,
            j * nU,
            m,
            AS,
            AW,
            wOf,
            pb,
            weighted,
            sel3,
          );
          if (u < nU)
            ratioOne(
              u,
              kp,
              fv,
              R2,
              off,
              unitGroup,
              scaleOf,
              scores,
              j * nU,
              missingZero,
              m,
              dec,
              rmode,
              AS,
              AW,
              AM,
              wOf,
              pb,
              weighted,
              one1,
              sel2,
            );
        }
        fusedNow[j] = 1;
        return true;
      }
      fractions(kp, nU, fv, R2, slot * nU, unitGroup, scaleOf, out, sel2);
      if (!fuse && roundInd && rmode !== 'down') {
        // Not folded here (group-relative): store only, the odd cell through the general steps.
        let allPos = true;
        for (let g = 0; g < nG; g++) if (!(scaleOf[g]! > 0)) allPos = false;
        if (allPos) {
          for (let u = 0; u < nU; u++) {
            u = emitStore(u, nU, out, unitGroup, scaleOf, scores, j * nU, m);
            if (u < nU)
              emitOne1(
                u,
                out[u]!,
                scaleOf[unitGroup[u]!]!,
                scores,
                j * nU,
                missingZero,
                true,
                m,
                dec,
                rmode,
                false,
                AS,
                AW,
                AM,
                0,
                pb,
                weighted,
              );
          }
          return true;
        }
      }
      if (simple)
        emit(
          nU,
          out,
          unitGroup,
          scaleOf,
          scores,
          j * nU,
          missingZero,
          m,
          dec,
          rmode,
          AS,
          AW,
          AM,
          wOf,
          pb,
          weighted,
        );
      else
        emitGeneral(
          nU,
          out,
          unitGroup,
          scaleOf,
          scores,
          j * nU,
          missingZero,
          roundInd,
          m,
          dec,
          rmode,
          fuse,
          AS,
          AW,
          AM,
          wOf,
          pb,
          weighted,
        );
      if (fuse) fusedNow[j] = 1;
      return true;
    };
    if (units === null && kernel()) return;
    const run = (list: number[] | null): void => {
      if (colFn) column(list);
      else if (list) for (const u of list) one(u);
      else for (let u = 0; u < nU; u++) one(u);
    };
    if (def.groupRelative) {
      const parts = units ? [units] : scopesOf(j);
      for (const part of parts) {
        const vals: number[] = [];
        for (const u of part) {
          const x = fv[slot * nU + u]!;
          if (!Number.isNaN(x) && applicable(u, j)) vals.push(x);
        }
        ctx.stats = def.prepare!(spec, vals, node.direction);
        run(part);
      }
    } else run(units);
  };
  const missingIssue = (u: number, code: string): void => {
    errors.push({
      code: 'missing_value',
      unit: st.unitCodes[u],
      indicator: code,
      message: `unit ${st.unitCodes[u]}: ${code} has no usable value and its missing-value policy is "error"`,
    });
  };
  const kparams = newKernelParams();
  const sel2 = new Float64Array(2);
  const one1 = new Float64Array(1);
  const sel3 = new Float64Array(3);
  // Scope part of each unit for group-relative kernels (group scope: the group index).
  const partAll = new Int32Array(nU);
  const partCategory = new Int32Array(nU);
  [...byCategory.values()].forEach((list, q) => {
    for (const u of list) partCategory[u] = q;
  });
  const gv = new Float64Array(nU);
  const gt = new Float64Array(nU);
  const gb = new Float64Array(nU);
  let nanArr: Float64Array | null = null;
  const nanField = (): Float64Array => {
    if (!nanArr) nanArr = new Float64Array(nU * nL).fill(Number.NaN);
    return nanArr;
  };
  const cols: Columns = {
    n: 0,
    off: 0,
    value: gv,
    target: gt,
    baseline: gb,
    scale: new Float64Array(nU),
    out: new Float64Array(nU),
  };

  // Node properties as flat arrays for the aggregation loop.
  const nodeSlot = Int32Array.from(cp.nodes, (n) => n.slot);
  const nodeParent = Int32Array.from(cp.nodes, (n) => n.parent);
  const nodeRounds = Uint8Array.from(cp.nodes, (n) =>
    n.slot >= 0 ? 0 : (n.kind === 'component' ? cp.roundComponent : cp.roundNode) ? 1 : 0,
  );
  /** Leaf rows hold units (rounded scores); inner rows always do (scoreAt reads them). */
  const leafUnits = cp.roundIndicator;
  for (let j = 0; j < nN; j++) st.unitRow[j] = nodeSlot[j]! >= 0 ? (leafUnits ? 1 : 0) : 1;
  const accS = new Float64Array(nN + 1);
  const accW = new Float64Array(nN + 1);
  const accMiss = new Uint8Array(nN + 1);
  /** Aggregate a unit bottom-up from its leaf scores; sets ownBase. */
  const inner = [...cp.nodes.filter((n) => n.slot < 0).map((n) => n.index), cp.root];
  const aggregate = (u: number): void => {
    // Only inner nodes accumulate: reset just those.
    for (let i = 0; i < inner.length; i++) {
      const j = inner[i]!;
      accS[j] = 0;
      accW[j] = 0;
      accMiss[j] = 0;
    }
    const gBase = unitGroup[u]! * nN;
    const mask = st.onlyUnitMask;
    const m = st.m;
    // Sums in units of 10^-decimals: sums of reported scores are exact integer sums.
    for (let j = 0; j < nN; j++) {
      let s: number;
      const w = weight[gBase + j]!;
      const at = j * nU + u;
      if (nodeSlot[j]! >= 0) {
        s = scores[at]!;
        if (!leafUnits) s *= m;
      } else {
        const aw = accW[j]!;
        // A unit-specific node that does not apply to this unit counts as left out (re-weighted).
        if (aw === 0 || w === 0 || (mask !== null && mask[at] === 1)) s = Number.NaN;
        else {
          s = weighted ? accS[j]! / aw : pointsOf(accS[j]!, aw, full[gBase + j]!);
          if (nodeRounds[j] === 1) s = roundUnits(s, rmode);
        }
        scores[at] = s;
      }
      if (w > 0) {
        const p = nodeParent[j]!;
        if (!Number.isNaN(s)) {
          accS[p] = accS[p]! + (weighted ? w * s : s);
          accW[p] = accW[p]! + w;
        } else accMiss[p] = 1;
      }
    }
    const root = cp.root;
    const aw = accW[root]!;
    let b = 0;
    if (aw > 0) b = (weighted ? accS[root]! / aw : pointsOf(accS[root]!, aw, cp.totalPoints)) / m;
    const hy = st.halfYear[u]!;
    if (plan.halfYear && !Number.isNaN(hy)) b = plan.halfYear.weight * hy + (1 - plan.halfYear.weight) * b;
    st.ownBase[u] = b;
  };

  // Column-wise aggregation for the full recompute: node by node over all units, reading and
  // writing contiguous runs. Same operations in the same order as aggregate(u), so the same numbers.
  const innerIdx = new Int32Array(nN + 1).fill(-1);
  inner.forEach((j, i) => {
    innerIdx[j] = i;
  });
  const AS = new Float64Array(inner.length * nU);
  const AW = new Float64Array(inner.length * nU);
  const AM = new Uint8Array(inner.length * nU);
  const wByNode = new Float64Array(nN * nG);
  const fullByNode = new Float64Array(nN * nG);
  for (let j = 0; j < nN; j++)
    for (let g = 0; g < nG; g++) {
      wByNode[j * nG + g] = weight[g * nN + j]!;
      fullByNode[j * nG + g] = full[g * nN + j]!;
    }
  let fusing = false;
  const fusedNow = new Uint8Array(nN);
  // A leaf is folded into its parent while it is scored when all its siblings are column-scored
  // leaves: they then reach the parent in the same order as in aggregate(u), so the same sums.
  const leafFusable = new Uint8Array(nN);
  for (const n of cp.nodes) {
    if (n.slot < 0 || n.parent === cp.root) continue;
    const sibs = cp.nodes[n.parent]!.children;
    if (sibs.every((c) => cp.nodes[c]!.slot >= 0 && COLUMNS[cp.nodes[c]!.method!.kind] !== undefined))
      leafFusable[n.index] = 1;
  }
  // Parents whose sums come out the same in any order of addition: points mode with rounded
  // leaves (scores in integer units, exact integer sums) and integer points for every child in
  // every group (exact integer sums of the weights). Their group-relative leaves are folded while
  // scored, in leaf order, instead of in aggregateAll after their siblings.
  // Every partial sum must stay below 2^53 for that: bounded by the children's largest scores.
  const orderFree = new Uint8Array(nN + 1);
  if (!weighted && leafUnits)
    for (const n of cp.nodes) {
      if (n.slot >= 0 || n.children.length === 0) continue;
      let ok = true;
      let bound = 0;
      for (const c of n.children) {
        const child = cp.nodes[c]!;
        const maxF = child.slot >= 0 && child.method ? maxFraction(child.method) : Number.POSITIVE_INFINITY;
        let maxFull = 0;
        for (let g = 0; g < nG; g++) {
          const w = wByNode[c * nG + g]!;
          if (!(Number.isInteger(w) && Math.abs(w) <= 2 ** 30)) ok = false;
          maxFull = Math.max(maxFull, Math.abs(fullByNode[c * nG + g]!));
        }
        bound += maxF * maxFull * st.m + 1;
      }
      if (ok && bound < 2 ** 50) orderFree[n.index] = 1;
    }
  // Weights of the leaves scored by the order-free loops, per parent and group (added after them).
  const laterW = new Float64Array((nN + 1) * nG);
  const laterAny = new Uint8Array(nN + 1);
  const addLaterWeights = (): void => {
    for (let p = 0; p <= nN; p++) {
      if (laterAny[p] !== 1) continue;
      const pb = innerIdx[p]! * nU;
      const pw = p * nG;
      for (let u = 0; u < nU; u++) AW[pb + u] = AW[pb + u]! + laterW[pw + unitGroup[u]!]!;
    }
  };
  const aggregateAll = (): void => {
    const mask = st.onlyUnitMask;
    const ug = unitGroup;
    const m = st.m;
    const lm = leafUnits ? 1 : m;
    for (let j = 0; j < nN; j++) {
      const base = j * nU;
      const pb = innerIdx[nodeParent[j]!]! * nU;
      const wo = j * nG;
      if (nodeSlot[j]! >= 0) {
        if (fusedNow[j] === 1) continue;
        for (let u = 0; u < nU; u++) {
          const w = wByNode[wo + ug[u]!]!;
          if (w > 0) {
            const s = scores[base + u]! * lm;
            if (!Number.isNaN(s)) {
              AS[pb + u] = AS[pb + u]! + (weighted ? w * s : s);
              AW[pb + u] = AW[pb + u]! + w;
            } else AM[pb + u] = 1;
          }
        }
        continue;
      }
      const ib = innerIdx[j]! * nU;
      const rounds = nodeRounds[j] === 1;
      for (let u = 0; u < nU; u++) {
        const w = wByNode[wo + ug[u]!]!;
        const aw = AW[ib + u]!;
        let s: number;
        if (aw === 0 || w === 0 || (mask !== null && mask[base + u] === 1)) s = Number.NaN;
        else {
          const a = AS[ib + u]!;
          s = weighted ? a / aw : pointsOf(a, aw, fullByNode[wo + ug[u]!]!);
          if (rounds) s = roundUnits(s, rmode);
        }
        scores[base + u] = s;
        if (w > 0) {
          if (!Number.isNaN(s)) {
            AS[pb + u] = AS[pb + u]! + (weighted ? w * s : s);
            AW[pb + u] = AW[pb + u]! + w;
          } else AM[pb + u] = 1;
        }
      }
    }
    const rb = innerIdx[cp.root]! * nU;
    const hw = plan.halfYear?.weight;
    for (let u = 0; u < nU; u++) {
      const aw = AW[rb + u]!;
      let b = 0;
      if (aw > 0) {
        const a = AS[rb + u]!;
        b = (weighted ? a / aw : pointsOf(a, aw, cp.totalPoints)) / m;
      }
      const hy = st.halfYear[u]!;
      if (hw !== undefined && !Number.isNaN(hy)) b = hw * hy + (1 - hw) * b;
      st.ownBase[u] = b;
    }
  };

  const bonusCap = plan.bonus?.cap ?? 0;
  const sourceSpec = new Map((plan.bonus?.sources ?? []).map((s) => [s.code, s]));
  const finish = (u: number): void => {
    // Bonus: each source within its own cap, then the shared cap over the shared sources (W9).
    const items = st.bonusItems[u]!;
    let raw = 0;
    let capped = 0;
    if (items.length > 0) {
      const perSource = new Map<string, number>();
      for (const b of items) {
        perSource.set(b.source, (perSource.get(b.source) ?? 0) + b.points);
        raw += b.points;
      }
      let shared = 0;
      let outside = 0;
      for (const [code, pts] of perSource) {
        const s = sourceSpec.get(code)!;
        const v = s.cap !== undefined ? Math.min(s.cap, pts) : pts;
        if (s.outsideSharedCap) outside += v;
        else shared += v;
      }
      capped = Math.max(0, Math.min(bonusCap, shared)) + Math.max(0, outside);
    }
    // Sums of decimal inputs are rounded to the reporting decimals so 2.2 + 3.27 shows as 5.47.
    st.bonusRaw[u] = raw === 0 ? 0 : st.round(raw);
    st.bonus[u] = capped === 0 ? 0 : st.round(capped);
    let d = 0;
    const ds = st.deductionItems[u]!;
    for (let i = 0; i < ds.length; i++) d += ds[i]!.points;
    const cap = plan.deductions?.cap;
    st.deduction[u] = d === 0 ? 0 : st.round(cap !== undefined ? Math.min(cap, d) : d);
    const b = st.round(st.base[u]!);
    st.base[u] = cp.roundTotal ? b : st.base[u]!;
    if (cp.roundTotal) {
      // base, bonus and deductions are reported decimals: the total is their exact sum in units.
      const m = st.m;
      const tu = toUnits(b, m) + toUnits(st.bonus[u]!, m) - toUnits(st.deduction[u]!, m);
      st.total[u] = tu === 0 ? 0 : tu / m;
    } else st.total[u] = st.base[u]! + st.bonus[u]! - st.deduction[u]!;
  };

  const linkTargets = new Map<number, number[]>(); // source unit → linked units using it
  for (const l of st.links)
    for (const s of l.sources) linkTargets.set(s, [...(linkTargets.get(s) ?? []), l.unit]);
  const linkOf = new Map(st.links.map((l) => [l.unit, l]));
  const applyBase = (u: number): void => {
    const l = linkOf.get(u);
    if (!l || l.sources.length === 0) st.base[u] = st.ownBase[u]!;
    else {
      let m = 0;
      for (const s of l.sources) m += st.ownBase[s]!;
      m /= l.sources.length;
      st.base[u] = (1 - l.share) * st.ownBase[u]! + l.share * m;
    }
  };

  const rankings = plan.rankings ?? [];
  const rankingMembers = rankings.map((r) => {
    const out: number[] = [];
    for (let u = 0; u < nU; u++) {
      const g = cp.groups[unitGroup[u]!]!;
      if ((r.groups ?? []).some((c) => g.chain.includes(c)) || (r.categories ?? []).includes(g.category))
        out.push(u);
    }
    return out;
  });
  const vetoEffects = new Set(plan.veto?.effects ?? []);
  const vetoDowngrades = vetoEffects.has('downgrade_last');
  const vetoNoAdvanced = vetoEffects.has('no_advanced_title') || vetoEffects.has('exclude_awards');
  const anyVetoEffect = vetoDowngrades || vetoNoAdvanced;
  let gTotals = new Float64Array(0);
  let gLevels = new Int32Array(0);
  const rankGroup = (g: number): void => {
    const ids = byGroup[g]!;
    const sortedIds = competitionRank(ids, st.total, st.rank);
    const n = sortedIds.length;
    // No veto effect on any unit and no NaN total (the common case): grades on typed arrays.
    let plain = true;
    if (gTotals.length < n) {
      gTotals = new Float64Array(n);
      gLevels = new Int32Array(n);
    }
    for (let i = 0; i < n && plain; i++) {
      const u = sortedIds[i]!;
      const t = st.total[u]!;
      if (Number.isNaN(t) || (anyVetoEffect && st.vetoItems[u]!.length > 0)) plain = false;
      gTotals[i] = t;
    }
    if (plain) {
      assignGradesPlain(gTotals, n, plan.grades, gLevels);
      for (let i = 0; i < n; i++) {
        const u = sortedIds[i]!;
        const lv = gLevels[i]!;
        st.level[u] = lv;
        st.naturalLevel[u] = lv;
        st.downgraded[u] = 0;
        st.placement[u] = st.rank[u]!;
      }
      return;
    }
    const cands: GradeCandidate[] = new Array(n);
    let anyVeto = false;
    for (let i = 0; i < n; i++) {
      const u = sortedIds[i]!;
      const vetoed = st.vetoItems[u]!.length > 0;
      if (vetoed && (vetoDowngrades || vetoNoAdvanced)) anyVeto = true;
      cands[i] = {
        id: u,
        total: st.total[u]!,
        downgrade: vetoed && vetoDowngrades,
        noAdvanced: vetoed && vetoNoAdvanced,
      };
    }
    const outcomes = assignGrades(cands, plan.grades, plan.veto);
    for (let i = 0; i < n; i++) {
      const o = outcomes[i]!;
      const u = sortedIds[i]!;
      st.level[u] = o.level;
      st.naturalLevel[u] = o.natural;
      st.downgraded[u] = o.downgraded ? 1 : 0;
    }
    // Published order: grade level first, a unit lowered by veto last within its level (W12), then
    // total. Without vetoes the levels follow the totals, so the order is the rank order.
    if (!anyVeto) {
      for (let i = 0; i < n; i++) {
        const u = sortedIds[i]!;
        st.placement[u] = st.rank[u]!;
      }
      return;
    }
    const order = [...sortedIds].sort(
      (a, b) =>
        st.level[a]! - st.level[b]! || st.downgraded[a]! - st.downgraded[b]! || st.total[b]! - st.total[a]!,
    );
    order.forEach((u, i) => {
      const p = i > 0 ? order[i - 1]! : -1;
      const same =
        p >= 0 &&
        st.level[p] === st.level[u] &&
        st.downgraded[p] === st.downgraded[u] &&
        st.total[p] === st.total[u];
      st.placement[u] = same ? st.placement[p]! : i + 1;
    });
  };
  const rankCross = (): void => {
    rankings.forEach((_, i) => {
      competitionRank(rankingMembers[i]!, st.total, st.crossRank[i]!);
    });
  };
  const throwErrors = (): void => {
    if (errors.length > 0) {
      const e = errors;
      errors = [];
      throw new EvaluationInputError(e);
    }
  };

  const recompute = (): void => {
    AS.fill(0);
    AW.fill(0);
    AM.fill(0);
    fusedNow.fill(0);
    laterW.fill(0);
    laterAny.fill(0);
    fusing = true;
    try {
      for (const j of cp.leaves) scoreLeaf(j, null);
    } finally {
      fusing = false;
    }
    throwErrors();
    addLaterWeights();
    aggregateAll();
    for (let u = 0; u < nU; u++) applyBase(u);
    for (let u = 0; u < nU; u++) finish(u);
    for (let g = 0; g < byGroup.length; g++) if (byGroup[g]!.length > 0) rankGroup(g);
    rankCross();
  };

  const afterChange = (changed: number[]): void => {
    for (const u of changed) aggregate(u);
    const touched = new Set<number>(changed);
    for (const u of changed) for (const t of linkTargets.get(u) ?? []) touched.add(t);
    const groups = new Set<number>();
    for (const u of touched) {
      applyBase(u);
      finish(u);
      groups.add(unitGroup[u]!);
    }
    for (const g of groups) rankGroup(g);
    rankCross();
  };

  const resolve = (unit: string, indicator: string): { u: number; j: number } => {
    const u = unitIndex.get(unit);
    const j = cp.nodeByCode.get(indicator);
    const bad: InputIssue[] = [];
    if (u === undefined)
      bad.push({ code: 'unknown_unit', unit, message: `unit ${unit} is not in the unit list` });
    if (j === undefined || cp.nodes[j]!.slot < 0)
      bad.push({
        code: 'unknown_indicator',
        indicator,
        message: `${indicator} is not a scored indicator of plan ${plan.id}`,
      });
    if (bad.length) throw new EvaluationInputError(bad);
    return { u: u!, j: j! };
  };
  const changeCell = (u: number, j: number): void => {
    const node = cp.nodes[j]!;
    const units = node.def!.groupRelative ? scopeOf(j, u) : [u];
    scoreLeaf(j, units);
    throwErrors();
    afterChange(units);
  };

  recompute();

  const self: Evaluator = {
    plan,
    period: input.period,
    unitCodes: st.unitCodes,
    leafCodes: cp.leaves.map((j) => cp.nodes[j]!.code),
    recompute,
    setValue(unit, indicator, value, f = 'value') {
      const { u, j } = resolve(unit, indicator);
      field(f)[cp.nodes[j]!.slot * nU + u] = value === null ? Number.NaN : value;
      changeCell(u, j);
    },
    setScores(unit, indicator, list) {
      const { u, j } = resolve(unit, indicator);
      const k = cp.nodes[j]!.slot * nU + u;
      if (list) st.lists.set(k, [...list]);
      else st.lists.delete(k);
      changeCell(u, j);
    },
    setMatrix(f, data) {
      if (data.length !== nU * nL)
        throw new RangeError(`matrix must have ${nU} × ${nL} = ${nU * nL} entries`);
      // Stored node-major ([leaf × unit]) so the column loops read contiguously.
      const a = field(f);
      for (let u = 0; u < nU; u++) {
        const o = u * nL;
        for (let l = 0; l < nL; l++) a[l * nU + u] = data[o + l]!;
      }
    },
    total: (unit) => st.total[resolve(unit, cp.nodes[cp.leaves[0]!]!.code).u]!,
    totals: () => st.total,
    unit: (code) => unitResult(st, resolve(code, cp.nodes[cp.leaves[0]!]!.code).u),
    trace: (code) => buildTrace(st, resolve(code, cp.nodes[cp.leaves[0]!]!.code).u),
    result: () => snapshot(st),
  };
  return self;
}

export type { CellField };

/** Largest |fraction of full points| a column method can give (Infinity when not bounded here). */
function maxFraction(spec: MethodSpec): number {
  const s = spec as {
    kind: string;
    excessCap?: number;
    breakpoints?: [number, number][];
    clamp?: [number, number];
  };
  switch (s.kind) {
    case 'completion':
    case 'pro_rata':
      return 1 + Math.max(0, s.excessCap ?? 0);
    case 'satisfaction':
    case 'manual':
    case 'deduction':
      return 1;
    case 'bands':
      return Math.max(1, ...s.breakpoints!.map((b) => Math.abs(b[1])));
    case 'efficacy':
      return Math.max(1, ...(s.clamp ?? [60, 100]).map((x) => Math.abs(x) / 100));
    default:
      return Number.POSITIVE_INFINITY;
  }
}

function bandsAscending(bx: Float64Array): boolean {
  if (bx.length < 2) return false;
  for (let i = 1; i < bx.length; i++) if (!(bx[i]! > bx[i - 1]!)) return false;
  return true;
}
