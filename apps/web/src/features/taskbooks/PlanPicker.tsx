import type { PlanSummary } from '@jixiao/contracts';
import { Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlanChoices } from './api.js';

/** Chooses a plan (year), defaulting to the newest active one. */
export function PlanPicker({
  value,
  onChange,
  testId = 'tb-plan',
}: {
  value: number | undefined;
  onChange: (id: number, plan: PlanSummary) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const plans = usePlanChoices();
  const list = plans.data ?? [];
  useEffect(() => {
    if (value === undefined && list.length > 0) {
      const first = list.find((p) => p.status === 'active') ?? list[0]!;
      onChange(first.id, first);
    }
  }, [value, list, onChange]);
  return (
    <Select
      data-testid={testId}
      style={{ minWidth: 280 }}
      loading={plans.isLoading}
      placeholder={t('taskbooks.pickPlan')}
      value={value}
      onChange={(id: number) => {
        const p = list.find((x) => x.id === id);
        if (p) onChange(id, p);
      }}
      options={list.map((p) => ({ value: p.id, label: `${p.year} · ${p.name}` }))}
      notFoundContent={t('taskbooks.noPlan')}
    />
  );
}
