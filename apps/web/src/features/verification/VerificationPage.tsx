import { PaperClipOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { VerificationQueueItem } from '@jixiao/contracts';
import { Button, Card, Empty, Space, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/auth.js';
import { CodeName } from '../../shared/CodeName.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { formatDateTime } from '../../shared/format.js';
import { PeriodSelect } from '../../shared/PeriodSelect.js';
import { PickerPage } from '../../shared/PickerPage.js';
import { QueryState } from '../../shared/QueryState.js';
import { unitColumn } from '../../shared/unitColumn.js';
import { usePeriods } from '../submissions/api.js';
import { startedPeriods } from '../submissions/model.js';
import { PlanSelect, usePlanPeriodParams } from '../submissions/PlanSelect.js';
import { SubmissionDrawer } from '../submissions/SubmissionDrawer.js';
import { useQueue } from './api.js';
import { CountsTable } from './CountsTable.js';
import { SamplePanel } from './SamplePanel.js';
import { VerifyModal } from './VerifyModal.js';

const rowId = (q: VerificationQueueItem) => `${q.unitCode}-${q.submission.indicator}-${q.submission.period}`;

export default function VerificationPage() {
  const { t } = useTranslation();
  const { plans, usable, planId, period, setPlan, setPeriod } = usePlanPeriodParams();
  const canSample = useCan('verification.sample');
  const periods = usePeriods(planId);
  const queue = useQueue(planId, period);
  const [checking, setChecking] = useState<VerificationQueueItem | null>(null);
  const [detail, setDetail] = useState<number | undefined>(undefined);
  const [tab, setTab] = useState('queue');

  const columns: ColumnsType<VerificationQueueItem> = [
    unitColumn(t('submissions.col.unit')),
    {
      title: t('submissions.col.indicator'),
      key: 'ind',
      render: (_, q) => <CodeName code={q.submission.indicator} name={q.indicatorName} />,
    },
    { title: t('verification.period'), key: 'p', width: 100, render: (_, q) => q.submission.period },
    {
      title: t('submissions.col.value'),
      key: 'v',
      width: 120,
      align: 'right',
      render: (_, q) => `${q.submission.value ?? '—'} ${q.submission.measureUnit ?? ''}`,
    },
    {
      title: t('verification.submittedAt'),
      key: 'at',
      width: 210,
      render: (_, q) => (
        <Space size={2} wrap>
          <span>
            {formatDateTime(q.submission.submittedAt)} · {q.submission.submittedBy ?? '—'}
          </span>
          {q.submission.late && <Tag color="orange">{t('submissions.late')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('verification.flags'),
      key: 'f',
      width: 130,
      render: (_, q) =>
        q.sampleId !== null ? (
          <Tag color="magenta" data-testid="ver-sampled">
            {t('verification.sampled', { id: q.sampleId })}
          </Tag>
        ) : null,
    },
    {
      title: t('common.actions'),
      key: 'a',
      width: 170,
      render: (_, q) => (
        <Space size={0}>
          <Button
            size="small"
            type="link"
            icon={<PaperClipOutlined />}
            onClick={() => setDetail(q.submission.id)}
            data-testid={`ver-detail-${rowId(q)}`}
          >
            {q.submission.evidenceCount}
          </Button>
          <Button
            size="small"
            type="primary"
            icon={<SafetyCertificateOutlined />}
            onClick={() => setChecking(q)}
            data-testid={`ver-check-${rowId(q)}`}
          >
            {t('verification.verify')}
          </Button>
        </Space>
      ),
    },
  ];

  if (!plans.data) return <QueryState query={plans} testId="ver-plans" />;
  if (!usable.length || !planId) return <Empty description={t('submissions.noPlans')} />;

  const started = startedPeriods(periods.data ?? [])
    .map((w) => w.period)
    .sort();

  return (
    <PickerPage
      pickers={
        <>
          <PlanSelect plans={usable} value={planId} onChange={setPlan} testId="ver-plan" />
          <PeriodSelect
            testId="ver-period"
            width={160}
            all={t('verification.allPeriods')}
            periods={started}
            value={period}
            onChange={setPeriod}
          />
        </>
      }
    >
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'queue',
              label: `${t('verification.queue')}${queue.data ? ` (${queue.data.length})` : ''}`,
              children: (
                // No "nothing to verify" before the queue has loaded: Spin, or the error with 重试.
                <QueryState query={queue} inline testId="ver-queue">
                  <CompactTable<VerificationQueueItem>
                    data-testid="ver-queue"
                    rowKey={(q) => q.submission.id}
                    loading={queue.isFetching}
                    dataSource={queue.data ?? []}
                    columns={columns}
                    pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                    scroll={{ x: 960 }}
                    locale={{ emptyText: t('verification.empty') }}
                  />
                </QueryState>
              ),
            },
            ...(canSample
              ? [
                  {
                    key: 'sample',
                    label: t('verification.sample.title'),
                    children: <SamplePanel planId={planId} period={period} />,
                  },
                ]
              : []),
            {
              key: 'counts',
              label: t('verification.counts.title'),
              children: <CountsTable planId={planId} />,
            },
          ]}
        />
      </Card>
      <VerifyModal item={checking} onClose={() => setChecking(null)} />
      <SubmissionDrawer
        submissionId={detail}
        tab="evidence"
        canUpload={false}
        onClose={() => setDetail(undefined)}
      />
    </PickerPage>
  );
}
