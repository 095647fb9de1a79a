import { methodIssue } from '../plan/issue-codes';
import { trimmedMean } from '../stats';
import { step } from '../steps';
import { checkScale, clamp, type MethodDef, missing, round2, type ScaleParams, scaleSchema } from './types';

/** `scale`: of the experts' scores, default 100. */
export interface ExpertPanelSpec extends ScaleParams {
  kind: 'expert_panel';
  /** Scores dropped at each end (default 1: 去掉一个最高分和一个最低分). */
  trim?: number;
}

/**
 * Expert panel (专家评审): drop the `trim` highest and lowest scores (去掉一个最高分和一个最低分)
 * and average the rest; with fewer than 2·trim + 1 scores the plain mean is used (the trace
 * says so). f = clamp(mean / scale, 0, 1).
 */
export const expertPanel: MethodDef<ExpertPanelSpec> = {
  kind: 'expert_panel',
  schema: { properties: { trim: { type: 'integer', minimum: 0 }, ...scaleSchema } },
  inputs: ['scores'],
  groupRelative: false,
  score(s, c, _ctx, tr) {
    const trim = s.trim ?? 1;
    const scale = s.scale ?? 100;
    const list = c.scores;
    if (tr) {
      tr.steps.push(step('expert_panel.formula', { trim, scale }));
      tr.vars.scores = list ? list.join(', ') : null;
    }
    if (!list || list.length === 0) return missing(tr, 'scores');
    const { kept, mean } = trimmedMean(list, trim);
    if (list.length < 2 * trim + 1 && tr) tr.notes.push(step('note.few_scores', { n: 2 * trim + 1 }));
    const f = clamp(mean / scale, 0, 1);
    if (tr) {
      Object.assign(tr.vars, { kept: kept.join(', '), mean });
      tr.steps.push(step('expert_panel.result', { scores: [...list], kept: [...kept], mean, scale, f }));
    }
    return f;
  },
  maxFraction: () => 1,
  check: (s) => [
    ...(s.trim !== undefined && !(Number.isInteger(s.trim) && s.trim >= 0)
      ? [methodIssue('method.trim_invalid', {})]
      : []),
    ...checkScale(s),
  ],
  sample(s, { perf, rnd }) {
    const n = 5 + Math.floor(rnd() * 3);
    const scale = s.scale ?? 100;
    const scores = Array.from({ length: n }, () =>
      round2(Math.min(scale, scale * (0.62 + 0.3 * perf * (0.9 + 0.2 * rnd())))),
    );
    return { scores };
  },
};
