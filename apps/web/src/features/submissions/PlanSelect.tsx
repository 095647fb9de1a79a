import type { PlanSummary } from '@jixiao/contracts';
import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePlans } from '../plans/api.js';
import { defaultPlan } from '../results/ranking.js';

/** The plan (URL `?plan=`, else the active plan of the latest year) and period (`?period=`) of a page. */
export function usePlanPeriodParams() {
  const [params, setParams] = useSearchParams();
  const plans = usePlans();
  const usable = useMemo(() => (plans.data ?? []).filter((p) => p.status !== 'draft'), [plans.data]);
  const fallback = useMemo(() => defaultPlan(usable), [usable]);
  const planId = Number(params.get('plan')) || fallback?.id;
  const plan = usable.find((p) => p.id === planId);
  const period = params.get('period') ?? undefined;
  const set = (k: 'plan' | 'period', v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v === undefined) next.delete(k);
    else next.set(k, v);
    if (k === 'plan') next.delete('period');
    setParams(next, { replace: true });
  };
  return {
    plans,
    usable,
    planId,
    plan,
    period,
    setPlan: (id: number) => set('plan', String(id)),
    setPeriod: (p: string | undefined) => set('period', p),
  };
}

export function PlanSelect({
  plans,
  value,
  onChange,
  testId,
}: {
  plans: PlanSummary[];
  value: number | undefined;
  onChange: (id: number) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      data-testid={testId}
      style={{ minWidth: 260, maxWidth: '100%' }}
      value={value}
      placeholder={t('submissions.pickPlan')}
      onChange={onChange}
      options={[...plans]
        .sort((a, b) => b.year - a.year || a.name.localeCompare(b.name))
        .map((p) => ({ value: p.id, label: `${p.year} · ${p.name}` }))}
    />
  );
}
