import { useMemo } from 'react';
import { PeriodSelect } from '../../shared/PeriodSelect.js';
import { useSearchParam } from '../../shared/useSearchParam.js';
import { periodOptions } from '../results/ranking.js';
import { PlanPicker, usePlanChoice } from './PlanPicker.js';

/**
 * The plan (see usePlanChoice) and the period of a page, both in the URL (`?plan=`, `?period=`;
 * a new plan drops the period), with the periods of the plan's year to choose from. `period` is
 * the one the URL names: each page opens on a default of its own when it names none.
 */
export function usePlanPeriodChoice() {
  const choice = usePlanChoice({ resets: ['period'] });
  const [period, setPeriod] = useSearchParam('period');
  const { plan } = choice;
  const periods = useMemo(() => (plan ? periodOptions(plan.year) : []), [plan]);
  return { ...choice, period, setPeriod, periods };
}

export type PlanPeriodChoice = ReturnType<typeof usePlanPeriodChoice>;

/**
 * The first pickers of such a page: its plan, then its period (`value`: the URL's or the page's
 * default), test ids `${testId}-plan` and `${testId}-period`. Given `all`, the text shown when no
 * period is chosen, the period can be cleared.
 */
export function PlanPeriodPickers({
  choice: { offered, planId, setPlan, periods, setPeriod },
  value,
  testId,
  width = 140,
  all,
}: {
  choice: PlanPeriodChoice;
  value: string | undefined;
  testId: string;
  width?: number;
  all?: string;
}) {
  return (
    <>
      <PlanPicker offered={offered} value={planId} onChange={setPlan} testId={`${testId}-plan`} />
      <PeriodSelect
        testId={`${testId}-period`}
        width={width}
        all={all}
        periods={periods}
        value={value}
        onChange={setPeriod}
      />
    </>
  );
}
