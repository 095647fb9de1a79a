import { meanSd } from '../stats';
import { step } from '../steps';
import { type GradeParams, gradeMaxFraction, gradeSchema } from './grade';
import { choice, clamp, type MethodDef, missing, sampleGroupRelative, schemas, withChoice } from './types';

interface ZStats {
  mean: number;
  sigma: number;
  n: number;
}

export interface ZScoreSpec extends GradeParams {
  kind: 'zscore';
  sigma: 'population' | 'sample';
  /** d = center + scale · z, clamped, then divided by 100 (defaults 80, 10, clamp [0, 100]). */
  center?: number;
  scale?: number;
}

const sigmaParam = choice<ZScoreSpec['sigma']>('sigma', ['population', 'sample']);

/**
 * Standardized score: z = (x − mean) / σ over the scope's present values, σ population (÷ n) or
 * sample (÷ (n − 1)); negated for lower-is-better; d = center + scale · z clamped (default
 * 80 + 10·z within [0, 100]); f = d / 100. σ = 0 (all equal, or one value) gives z = 0 for all.
 */
export const zscore: MethodDef<ZScoreSpec> = {
  kind: 'zscore',
  schema: withChoice(sigmaParam, { center: schemas.number, scale: schemas.number, ...gradeSchema }),
  inputs: ['value'],
  groupRelative: true,
  prepare(s, values) {
    const { mean, sd, n } = meanSd(values, s.sigma);
    return { mean, sigma: sd, n } satisfies ZStats;
  },
  score(s, c, ctx, tr) {
    const st = ctx.stats as ZStats;
    const center = s.center ?? 80;
    const scale = s.scale ?? 10;
    const lo = s.clamp ? s.clamp[0] : 0; // no array per call on the hot path
    const hi = s.clamp ? s.clamp[1] : 100;
    if (tr) {
      tr.steps.push(
        step('zscore.formula', { direction: ctx.direction, sigma: s.sigma, center, scale, lo, hi }),
      );
      Object.assign(tr.vars, {
        x: Number.isNaN(c.value) ? null : c.value,
        mean: st.mean,
        sigma: st.sigma,
        n: st.n,
      });
    }
    if (Number.isNaN(c.value)) return missing(tr, 'value');
    let z = st.sigma > 0 ? (c.value - st.mean) / st.sigma : 0;
    if (st.sigma === 0 && tr) tr.notes.push(step('note.sigma_zero'));
    if (ctx.direction === 'lower') z = -z;
    const d = clamp(center + scale * z, lo, hi);
    if (tr) {
      Object.assign(tr.vars, { z, d });
      const common = { n: st.n, center, scale, lo, hi, d, f: d / 100 };
      tr.steps.push(
        st.sigma > 0
          ? step('zscore.result', {
              direction: ctx.direction,
              x: c.value,
              mean: st.mean,
              sd: st.sigma,
              z,
              ...common,
            })
          : step('zscore.flat', common),
      );
    }
    return d / 100;
  },
  maxFraction: gradeMaxFraction,
  check: (s) => sigmaParam.check(s.sigma),
  sample: (_s, draw) => sampleGroupRelative(draw),
};
