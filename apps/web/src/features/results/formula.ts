/**
 * The engine's explanations in the user's language. The engine emits every formula and note as
 * steps `{ code, params }`; packages/contracts holds one template per code (zh-CN, en) and the
 * one renderer, shared with the CLI. i18n/index.ts loads those templates under `explain`; this
 * module only hands i18next's `t` to the renderer.
 */
import {
  renderStep,
  renderSteps,
  renderVars,
  type StepLike,
  type Translate,
  varLabel,
  varValue,
} from '@jixiao/contracts';

export type { StepLike, Translate };
export { renderStep, renderSteps, renderVars, varLabel, varValue };

/** i18next's `t` as the renderer's translate function (values via `replace`: no option clashes). */
export function explainT(t: (key: string, options?: Record<string, unknown>) => unknown): Translate {
  return (key, params) => {
    const out = String(t(`explain.${key}`, { replace: params ?? {} }));
    return out === `explain.${key}` ? key : out; // a missing key reads as the renderer's own key
  };
}

/** A plan's rounding stages as words (`指标、总分`). */
export function renderStages(stages: readonly string[], t: Translate): string {
  return stages
    .map((s) => {
      const w = t(`terms.stage.${s}`);
      return w === `terms.stage.${s}` ? s : w;
    })
    .join(t('listSep'));
}
