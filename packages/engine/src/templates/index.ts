import huangpu2021Data from '../../templates/huangpu-2021.data.json' with { type: 'json' };
import huangpu2021Plan from '../../templates/huangpu-2021.plan.json' with { type: 'json' };
import shenzhen2008Data from '../../templates/shenzhen-2008.data.json' with { type: 'json' };
import shenzhen2008Plan from '../../templates/shenzhen-2008.plan.json' with { type: 'json' };
import shenzhen2010Data from '../../templates/shenzhen-2010.data.json' with { type: 'json' };
import shenzhen2010Plan from '../../templates/shenzhen-2010.plan.json' with { type: 'json' };
import suqian2016Data from '../../templates/suqian-2016.data.json' with { type: 'json' };
import suqian2016Plan from '../../templates/suqian-2016.plan.json' with { type: 'json' };
import wuxiDepartmentsData from '../../templates/wuxi-departments-2016.data.json' with { type: 'json' };
import wuxiDepartmentsPlan from '../../templates/wuxi-departments-2016.plan.json' with { type: 'json' };
import wuxiDistrictsData from '../../templates/wuxi-districts-2016.data.json' with { type: 'json' };
import wuxiDistrictsPlan from '../../templates/wuxi-districts-2016.plan.json' with { type: 'json' };
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
  t('wuxi-districts-2016', ['W1', 'W2', 'W3', 'W5'], wuxiDistrictsPlan, wuxiDistrictsData),
  t('shenzhen-2008', ['Z1', 'Z2', 'Z9', 'Z13', 'Z16'], shenzhen2008Plan, shenzhen2008Data),
  t('shenzhen-2010', ['Z11', 'Z12', 'Z14'], shenzhen2010Plan, shenzhen2010Data),
  t('suqian-2016', ['S2', 'S3', 'S6', 'S8', 'S9', 'S15'], suqian2016Plan, suqian2016Data),
  t('huangpu-2021', ['H1', 'H2', 'H3', 'H4', 'H5', 'H10'], huangpu2021Plan, huangpu2021Data),
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
