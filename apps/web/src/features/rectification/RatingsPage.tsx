import type { RatingRound } from '@jixiao/contracts';
import { Card, Form, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../shared/auth.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { FormModal } from '../../shared/FormModal.js';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { useDialogSave } from '../../shared/useDialogSave.js';
import { useSystems } from '../org/api.js';
import { ratingApi, rectificationKeys, useRounds } from './api.js';

interface OpenValues {
  systemId: number;
  year: number;
  threshold: number;
}

function OpenRoundDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OpenValues>();
  const systems = useSystems();
  const open = useDialogSave({
    save: (v: OpenValues) => ratingApi.open(v),
    reload: [rectificationKeys.ratings],
    onClose,
  });
  return (
    <FormModal<OpenValues>
      form={form}
      mutation={open}
      title={t('rating.open')}
      initialValues={{ year: new Date().getFullYear(), threshold: 80 }}
      onClose={onClose}
    >
      <Form.Item name="systemId" label={t('rating.system')} rules={[{ required: true }]}>
        <Select
          data-testid="rating-system"
          options={(systems.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
      </Form.Item>
      <Form.Item name="year" label={t('rating.year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} precision={0} data-testid="rating-year" />
      </Form.Item>
      <Form.Item
        name="threshold"
        label={t('rating.threshold')}
        extra={t('rating.thresholdHelp')}
        rules={[{ required: true }]}
      >
        <InputNumber min={0} max={100} data-testid="rating-threshold" />
      </Form.Item>
    </FormModal>
  );
}

/**
 * Rating the lead departments (S14): the rounds by year. The office opens one for a system and year;
 * units open a round to rate each department; everyone allowed reads the results of closed ones.
 */
export default function RatingsPage() {
  const { t } = useFeedback();
  const office = useCan('rating.manage');
  const rounds = useRounds();
  const [opening, setOpening] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="ratings-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('rectificationNav.ratings')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('rating.intro')}
      </Typography.Paragraph>
      <Card
        size="small"
        extra={
          office && (
            <CreateButton testId="rating-open" onClick={() => setOpening(true)}>
              {t('rating.open')}
            </CreateButton>
          )
        }
      >
        <CompactTable<RatingRound>
          rowKey="id"
          loading={rounds.isLoading}
          dataSource={rounds.data ?? []}
          pagination={false}
          data-testid="rating-rounds"
          columns={[
            {
              title: t('rating.year'),
              render: (_, r) => (
                <Link to={`/ratings/${r.id}`} data-testid={`rating-round-${r.year}`}>
                  {t('rating.roundName', { year: r.year })}
                </Link>
              ),
            },
            {
              title: t('rating.status'),
              render: (_, r) => (
                <Tag color={r.status === 'open' ? 'processing' : 'default'}>
                  {t(`rating.statuses.${r.status}`)}
                </Tag>
              ),
            },
            { title: t('rating.departments'), render: (_, r) => r.departments.length },
            ...(office
              ? [{ title: t('rating.ratings'), render: (_: unknown, r: RatingRound) => r.ratings ?? '—' }]
              : []),
            {
              title: t('rating.flagged'),
              render: (_, r) =>
                r.results
                  .filter((d) => d.losesLeadAuthority)
                  .map((d) => (
                    <Tag color="red" key={d.unitId}>
                      {d.unitName}
                    </Tag>
                  )),
            },
            { title: t('rating.openedAt'), render: (_, r) => formatDateTime(r.openedAt) },
          ]}
        />
      </Card>
      {opening && <OpenRoundDialog onClose={() => setOpening(false)} />}
    </Space>
  );
}
