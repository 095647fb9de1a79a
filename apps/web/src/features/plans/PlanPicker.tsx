import type { PlanSummary } from '@jixiao/contracts';
import { Grid, Select, type SelectProps, Tag } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePlans } from './api.js';
import {
  choosePlan,
  offeredPlans,
  type PlanOffer,
  planKindKey,
  planOptionGroups,
  planParam,
} from './planChoice.js';

export interface PlanChoiceOptions extends PlanOffer {
  /** URL parameters that belong to the plan (period, group, run…): dropped when the plan changes. */
  resets?: readonly string[];
}

/**
 * The plan of a page, remembered in the URL (`?plan=`): the one named there when offered, else
 * the yearly plan of the latest year. Used by the results, live and progress pages.
 */
export function usePlanChoice({ includeArchived = false, resets = [] }: PlanChoiceOptions = {}) {
  const [params, setParams] = useSearchParams();
  const plans = usePlans();
  const offered = useMemo(
    () => offeredPlans(plans.data ?? [], { includeArchived }),
    [plans.data, includeArchived],
  );
  const plan = choosePlan(offered, planParam(params.get('plan')));
  const resetKey = resets.join(',');
  const setPlan = useCallback(
    (id: number) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('plan', String(id));
          for (const k of resetKey ? resetKey.split(',') : []) next.delete(k);
          return next;
        },
        { replace: true },
      ),
    [setParams, resetKey],
  );
  return { plans, offered, plan, planId: plan?.id, setPlan };
}

/** A plan's option label: year · name, and 年度 / 专项 (ad-hoc, Z7). */
export function PlanLabel({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4, maxWidth: '100%', minWidth: 0 }}>
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 }}>
        {plan.year} · {plan.name}
      </span>
      <Tag
        data-testid={plan.adHoc ? 'plan-kind-adhoc' : 'plan-kind-yearly'}
        color={plan.adHoc ? 'purple' : 'blue'}
        style={{ marginInlineEnd: 0, flex: 'none' }}
      >
        {t(planKindKey(plan))}
      </Tag>
      {plan.status !== 'active' && (
        <Tag style={{ marginInlineEnd: 0, flex: 'none' }}>{t(`plans.statuses.${plan.status}`)}</Tag>
      )}
    </span>
  );
}

/** The plan select of a page (see usePlanChoice): active plans, then archived ones when offered. */
export function PlanPicker({
  offered,
  value,
  onChange,
  testId = 'plan-picker',
}: {
  offered: readonly PlanSummary[];
  value: number | undefined;
  onChange: (id: number) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const narrow = Grid.useBreakpoint().sm === false;
  const groups = planOptionGroups(offered);
  const option = (p: PlanSummary) => ({
    value: p.id,
    label: <PlanLabel plan={p} />,
    search: `${p.year} ${p.name}`,
  });
  const options: SelectProps<number>['options'] =
    groups.length > 1
      ? groups.map((g) => ({ label: t(g.titleKey), options: g.plans.map(option) }))
      : (groups[0]?.plans ?? []).map(option);
  return (
    <Select
      data-testid={testId}
      aria-label={t('planPicker.label')}
      // A phone: the card's width less its paddings (a percentage would follow the label instead).
      style={{ width: narrow ? 'calc(100vw - 58px)' : 380, maxWidth: '100%' }}
      popupMatchSelectWidth={narrow ? true : 420}
      value={value}
      placeholder={t('planPicker.pick')}
      notFoundContent={t('planPicker.none')}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'search' }}
      options={options}
    />
  );
}
