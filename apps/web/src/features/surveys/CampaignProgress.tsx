import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../shared/CompactTable.js';
import { useProgress } from './api.js';

/** Responses per group and unit against the minimum sample; the units that will miss it first. */
export function CampaignProgress({ id }: { id: number }) {
  const { t } = useTranslation();
  const progress = useProgress(id);
  const cells = [...(progress.data?.cells ?? [])].sort(
    (a, b) =>
      Number(b.atRisk) - Number(a.atRisk) ||
      Number(b.short) - Number(a.short) ||
      a.unitCode.localeCompare(b.unitCode),
  );
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('surveys.progress')} · {t('surveys.ballots', { n: progress.data?.ballots ?? 0 })}
      </Typography.Title>
      <CompactTable
        rowKey={(r) => `${r.group}|${r.unitId}`}
        loading={progress.isLoading}
        dataSource={cells}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="campaign-progress"
        columns={[
          { title: t('surveys.unit'), render: (_, r) => `${r.unitCode} ${r.unitName}` },
          { title: t('surveys.group'), dataIndex: 'groupName' },
          { title: t('surveys.n'), render: (_, r) => `${r.n} / ${r.minSample}` },
          { title: t('surveys.projected'), dataIndex: 'projected' },
          {
            title: '',
            render: (_, r) =>
              r.atRisk ? (
                <Tag color="error">{t('surveys.atRisk')}</Tag>
              ) : r.short ? (
                <Tag color="warning">{t('surveys.short')}</Tag>
              ) : (
                <Tag color="success">{t('surveys.ok')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
