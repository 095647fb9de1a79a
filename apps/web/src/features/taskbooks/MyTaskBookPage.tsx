import { useMutation } from '@tanstack/react-query';
import { Card, Empty, Select, Space } from 'antd';
import { useState } from 'react';
import { useFeedback } from '../../shared/feedback.js';
import { MutateButton } from '../../shared/MutateButton.js';
import { QueryState } from '../../shared/QueryState.js';
import { usePlanParam } from '../../shared/usePlanParam.js';
import { tbApi, tbKeys, useTaskBooks } from './api.js';
import { PlanPicker } from './PlanPicker.js';
import { TaskBookView } from './TaskBookView.js';

/** 我的任务书: the unit's task book for a plan (unit filler and unit admin). */
export default function MyTaskBookPage() {
  const { t, message, showError, queryClient: qc } = useFeedback();
  const [planId, setPlan] = usePlanParam();
  const [unitId, setUnitId] = useState<number | undefined>();
  const books = useTaskBooks(planId);
  const units = [
    ...(books.data?.items ?? []).map((b) => ({
      id: b.unitId,
      label: `${b.unitCode} ${b.unitName}`,
      bookId: b.id,
    })),
    ...(books.data?.unitsWithout ?? []).map((u) => ({
      id: u.id,
      label: `${u.code} ${u.name}`,
      bookId: undefined,
    })),
  ];
  const chosen = unitId !== undefined && units.some((u) => u.id === unitId) ? unitId : units[0]?.id;
  const current = units.find((u) => u.id === chosen);
  const create = useMutation({
    mutationFn: () => tbApi.create(planId!, chosen!),
    onSuccess: () => {
      message.success(t('taskbooks.started'));
      void qc.invalidateQueries({ queryKey: tbKeys.all });
    },
    onError: showError,
  });

  return (
    <Card title={t('tbNav.mine')} data-testid="tb-mine">
      <Space wrap style={{ marginBottom: 12 }}>
        <PlanPicker value={planId} onChange={setPlan} />
        {units.length > 1 && (
          <Select
            data-testid="tb-unit-select"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 240 }}
            placeholder={t('taskbooks.pickUnit')}
            value={chosen}
            onChange={setUnitId}
            options={units.map((u) => ({ value: u.id, label: u.label }))}
          />
        )}
      </Space>
      {!books.data ? (
        <QueryState query={books} testId="tb-books" />
      ) : current?.bookId ? (
        <TaskBookView key={current.bookId} bookId={current.bookId} mode="unit" />
      ) : (
        <Empty data-testid="tb-none" description={t('taskbooks.noBook')}>
          {current && (
            <MutateButton data-testid="tb-start" type="primary" mutation={create}>
              {t('taskbooks.start')}
            </MutateButton>
          )}
        </Empty>
      )}
    </Card>
  );
}
