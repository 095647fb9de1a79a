import wuxiDepartmentsData from '../../templates/wuxi-departments-2016.data.json' with { type: 'json' };
import wuxiDepartmentsPlan from '../../templates/wuxi-departments-2016.plan.json' with { type: 'json' };
import type { EvaluationInput, UnitInput } from '../input';
import type { Plan } from '../plan/types';
import { type GenerateOptions, generatePlanData } from './generate';

export interface Template {
  id: string;
  name: string;
  /** Rules of the domain catalogue the template demonstrates. */
  rules: string[];
  plan: Plan;
  /** Made-up data in the engine's input form; scores end to end. */
  data: EvaluationInput;
}

// JSON imports are typed by their literal shape; the template test validates them as plans.
const t = (id: string, rules: string[], plan: unknown, data: unknown): Template => ({
  id,
  name: (plan as Plan).name,
  rules,
  plan: plan as Plan,
  data: data as EvaluationInput,
});

/** Shipped plans of real schemes (packages/engine/templates/<id>.plan.json + .data.json). */
export const templates: readonly Template[] = [
  t(
    'wuxi-departments-2016',
    ['W8', 'W9', 'W11', 'W12', 'W13', 'S8', 'H5'],
    wuxiDepartmentsPlan,
    wuxiDepartmentsData,
  ),
];

export function getTemplate(id: string): Template | undefined {
  return templates.find((x) => x.id === id);
}

/**
 * Deterministic plausible inputs for any unit list under a shipped template (seeded PRNG):
 * the demo city runs 'wuxi-departments-2016' for its 125 units in groups A, B1, B2, C1, C2.
 */
export function generateTemplateData(
  templateId: string,
  units: UnitInput[],
  seed: number,
  opts: GenerateOptions = {},
): EvaluationInput {
  const tpl = getTemplate(templateId);
  if (!tpl)
    throw new Error(`unknown template "${templateId}" (known: ${templates.map((x) => x.id).join(', ')})`);
  return generatePlanData(tpl.plan, units, seed, { period: tpl.data.period, ...opts });
}
