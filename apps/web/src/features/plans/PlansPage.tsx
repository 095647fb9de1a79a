import type { PlanSummary } from '@jixiao/contracts';
import { Button, Card, Modal, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../shared/auth.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { formatDateTime } from '../../shared/format.js';
import { queryRows } from '../../shared/QueryState.js';
import { useSystems } from '../org/api.js';
import { systemOptions } from '../org/options.js';
import { usePlans } from './api.js';
import { ClonePlanModal } from './ClonePlanModal.js';
import { CreatePlanModal } from './CreatePlanModal.js';
import { IssueList } from './IssueList.js';
import { PlanActions } from './PlanActions.js';
import { ErrorCount, StatusTag } from './PlanTags.js';
import type { RowIssue } from './tree.js';

export default function PlansPage() {
  const { t } = useTranslation();
  const canWrite = useCan('plans.write');
  const [systemId, setSystemId] = useState<number | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const systems = useSystems();
  const all = usePlans();
  const plans = usePlans({ systemId, year });
  const [creating, setCreating] = useState(false);
  const [cloning, setCloning] = useState<PlanSummary | null>(null);
  const [rejected, setRejected] = useState<{ title: string; issues: RowIssue[] } | null>(null);
  const years = useMemo(
    () => [...new Set((all.data ?? []).map((p) => p.year))].sort((a, b) => b - a),
    [all.data],
  );
  const systemName = (id: number) => systems.data?.find((s) => s.id === id)?.name ?? `#${id}`;

  return (
    <Card
      title={t('nav.plans')}
      extra={
        canWrite && (
          <CreateButton testId="plan-create" onClick={() => setCreating(true)}>
            {t('plans.create')}
          </CreateButton>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          data-testid="plans-system-filter"
          allowClear
          placeholder={t('plans.allSystems')}
          style={{ minWidth: 220 }}
          value={systemId}
          onChange={setSystemId}
          options={systemOptions(systems.data ?? [])}
        />
        <Select
          data-testid="plans-year-filter"
          allowClear
          placeholder={t('plans.allYears')}
          style={{ width: 120 }}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
      </Space>
      <CompactTable<PlanSummary>
        data-testid="plans-table"
        rowKey="id"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        {...queryRows(plans, t('plans.empty'), 'plans')}
        columns={[
          { title: t('plans.year'), dataIndex: 'year', width: 80, sorter: (a, b) => a.year - b.year },
          { title: t('plans.system'), dataIndex: 'systemId', render: (id: number) => systemName(id) },
          {
            title: t('plans.name'),
            dataIndex: 'name',
            render: (n: string, p) => (
              <Link data-testid="plan-open" data-plan={p.id} to={`/plans/${p.id}`}>
                {n}
              </Link>
            ),
          },
          {
            title: t('plans.status'),
            dataIndex: 'status',
            render: (s: PlanSummary['status']) => <StatusTag status={s} />,
          },
          {
            title: t('plans.errors'),
            dataIndex: 'errorCount',
            render: (n: number) => <ErrorCount n={n} />,
          },
          { title: t('plans.revision'), dataIndex: 'revision', align: 'right' },
          {
            title: t('plans.updatedAt'),
            dataIndex: 'updatedAt',
            render: (v: string, p) => `${formatDateTime(v)}${p.updatedBy ? ` · ${p.updatedBy}` : ''}`,
          },
          {
            title: t('plans.actions'),
            key: 'actions',
            render: (_, p) => (
              <PlanActions
                plan={p}
                canWrite={canWrite}
                onClone={() => setCloning(p)}
                onRejected={(title, issues) => setRejected({ title, issues })}
              />
            ),
          },
        ]}
      />
      {creating && <CreatePlanModal onClose={() => setCreating(false)} defaultSystem={systemId} />}
      {cloning && <ClonePlanModal plan={cloning} onClose={() => setCloning(null)} />}
      <Modal
        open={rejected !== null}
        title={rejected?.title}
        onCancel={() => setRejected(null)}
        footer={<Button onClick={() => setRejected(null)}>{t('common.close')}</Button>}
        width={860}
      >
        <IssueList issues={rejected?.issues ?? []} testId="activate-issues" />
      </Modal>
    </Card>
  );
}
