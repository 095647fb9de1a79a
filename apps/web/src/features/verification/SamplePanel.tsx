import { AimOutlined } from '@ant-design/icons';
import type { VerificationSample } from '@jixiao/contracts';
import { Button, Empty, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { usePeriods } from '../submissions/api.js';
import { startedPeriods } from '../submissions/model.js';
import { drawSample, useQueue, useSamples, verKeys } from './api.js';
import { sampleRows } from './model.js';

export function SamplePanel({ planId, period }: { planId: number; period: string | undefined }) {
  const { t, message, showError, queryClient } = useFeedback();
  const periods = usePeriods(planId);
  const months = useMemo(() => startedPeriods(periods.data ?? []).map((w) => w.period), [periods.data]);
  const samples = useSamples(planId, true);
  const [samplePeriod, setSamplePeriod] = useState<string | undefined>(undefined);
  const [seed, setSeed] = useState('');
  const [size, setSize] = useState<number | null>(6);
  const [shownId, setShownId] = useState<number | undefined>(undefined);
  const [drawing, setDrawing] = useState(false);
  const target = samplePeriod ?? period ?? months[0];
  const list = samples.data ?? [];
  const shown: VerificationSample | undefined = list.find((s) => s.id === shownId) ?? list[list.length - 1];
  const sampleQueue = useQueue(shown ? planId : undefined, shown?.period);
  const rows = shown ? sampleRows(shown.submissionIds, sampleQueue.data ?? []) : [];

  async function draw() {
    if (!target || !seed.trim() || !size) return;
    setDrawing(true);
    try {
      const s = await drawSample({ planId, period: target, size, seed: seed.trim() });
      message.success(t('verification.sample.drawn', { n: s.submissionIds.length }));
      await queryClient.invalidateQueries({ queryKey: verKeys.all });
      setShownId(s.id);
    } catch (e) {
      showError(e);
    } finally {
      setDrawing(false);
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('verification.sample.hint')}
      </Typography.Paragraph>
      <Space wrap>
        <Select
          style={{ width: 140 }}
          value={target}
          onChange={setSamplePeriod}
          options={months.map((p) => ({ value: p, label: p }))}
          data-testid="ver-sample-period"
        />
        <Input
          style={{ width: 200 }}
          placeholder={t('verification.sample.seed')}
          value={seed}
          onChange={(e) => setSeed(e.target.value)}
          maxLength={100}
          data-testid="ver-sample-seed"
        />
        <InputNumber
          min={1}
          max={1000}
          value={size}
          onChange={(v) => setSize(v)}
          addonBefore={t('verification.sample.size')}
          data-testid="ver-sample-size"
        />
        <Button
          type="primary"
          icon={<AimOutlined />}
          disabled={!seed.trim() || !size || !target}
          loading={drawing}
          onClick={() => void draw()}
          data-testid="ver-sample-draw"
        >
          {t('verification.sample.draw')}
        </Button>
      </Space>
      {list.length > 0 && (
        <Select
          style={{ minWidth: 360 }}
          value={shown?.id}
          onChange={setShownId}
          data-testid="ver-sample-pick"
          options={[...list].reverse().map((s) => ({
            value: s.id,
            label: t('verification.sample.label', {
              id: s.id,
              period: s.period,
              seed: s.seed,
              n: s.submissionIds.length,
              at: formatDateTime(s.drawnAt),
              by: s.drawnBy ?? '—',
            }),
          }))}
        />
      )}
      {shown ? (
        <Table
          data-testid="ver-sample-items"
          size="small"
          rowKey="submissionId"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '#', key: 'i', width: 50, render: (_, __, i) => i + 1 },
            {
              title: t('submissions.col.unit'),
              key: 'unit',
              render: (_, r) => (r.item ? `${r.item.unitCode} ${r.item.unitName}` : `#${r.submissionId}`),
            },
            {
              title: t('submissions.col.indicator'),
              key: 'ind',
              render: (_, r) => (r.item ? `${r.item.submission.indicator} ${r.item.indicatorName}` : '—'),
            },
            {
              title: t('submissions.col.value'),
              key: 'v',
              render: (_, r) =>
                r.item ? `${r.item.submission.value ?? '—'} ${r.item.submission.measureUnit ?? ''}` : '—',
            },
            {
              title: t('submissions.col.status'),
              key: 's',
              render: (_, r) =>
                r.item ? (
                  <Tag color="processing">{t('verification.pending')}</Tag>
                ) : (
                  <Tag>{t('verification.sample.done')}</Tag>
                ),
            },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('verification.sample.none')} />
      )}
    </Space>
  );
}
