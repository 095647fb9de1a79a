import type { PaperBatch } from '@jixiao/contracts';
import { Button, Card, Empty, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CompactTable } from '../../shared/CompactTable.js';
import { formatDateTime } from '../../shared/format.js';
import { useBatch, useBatches, usePaperCampaigns } from './api.js';
import { BatchPanel } from './BatchPanel.js';
import { NewBatchModal } from './NewBatchModal.js';

/** Paper questionnaires (Z3): a surveyor picks the campaign, opens or starts a batch and types its sheets. */
export default function PaperPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const campaigns = usePaperCampaigns();
  const campaignId = Number(params.get('campaign')) || campaigns.data?.[0]?.id;
  const campaign = campaigns.data?.find((c) => c.id === campaignId);
  const batches = useBatches(campaign?.id);
  const batchId = Number(params.get('batch')) || undefined;
  const batch = useBatch(batchId);
  const [creating, setCreating] = useState(false);
  const go = (p: Record<string, string>) => setParams(p);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="paper-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('paperNav.paper')}
      </Typography.Title>
      {campaigns.data && campaigns.data.length === 0 ? (
        <Empty description={t('paper.noCampaign')} />
      ) : (
        <Card
          size="small"
          title={
            <Select
              style={{ minWidth: 240, maxWidth: '100%' }}
              value={campaign?.id}
              loading={campaigns.isLoading}
              onChange={(v) => go({ campaign: String(v) })}
              options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="paper-campaign"
            />
          }
          extra={
            campaign && (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="batch-new">
                {t('paper.newBatch')}
              </Button>
            )
          }
        >
          <CompactTable<PaperBatch>
            rowKey="id"
            loading={batches.isLoading}
            dataSource={batches.data ?? []}
            data-testid="batch-list"
            onRow={(b) => ({ onClick: () => go({ campaign: String(b.campaignId), batch: String(b.id) }) })}
            rowClassName={(b) => (b.id === batchId ? 'ant-table-row-selected' : '')}
            columns={[
              { title: t('paper.surveyPoint'), dataIndex: 'surveyPoint' },
              { title: t('paper.group'), dataIndex: 'groupName' },
              { title: t('paper.unit'), render: (_, b) => b.unit?.name ?? '—' },
              {
                title: t('paper.state'),
                render: (_, b) => (
                  <Tag color={b.status === 'counted' ? 'success' : 'processing'}>
                    {t(`paper.status.${b.status}`)}
                  </Tag>
                ),
              },
              { title: t('paper.sheetCount'), dataIndex: 'sheets' },
              { title: t('paper.mismatches'), dataIndex: 'mismatches' },
              {
                title: t('paper.createdAt'),
                render: (_, b) => `${formatDateTime(b.createdAt)} ${b.createdBy ?? ''}`,
              },
            ]}
          />
        </Card>
      )}
      {batch.data && <BatchPanel batch={batch.data} />}
      {creating && campaign && (
        <NewBatchModal
          campaign={campaign}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            go({ campaign: String(campaign.id), batch: String(id) });
          }}
        />
      )}
    </Space>
  );
}
