import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../shared/CompactTable.js';
import { useResults } from './api.js';

/** A scored campaign's value per unit and indicator, with its ballots and why a value is missing. */
export function CampaignResults({ id }: { id: number }) {
  const { t } = useTranslation();
  const results = useResults(id, true);
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('surveys.results')}
      </Typography.Title>
      <CompactTable
        rowKey={(r) => `${r.indicator}|${r.unitId}`}
        loading={results.isLoading}
        dataSource={results.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="campaign-results"
        columns={[
          { title: t('surveys.indicator'), dataIndex: 'indicator' },
          { title: t('surveys.unit'), render: (_, r) => `${r.unitCode} ${r.unitName}` },
          {
            title: t('surveys.value'),
            render: (_, r) =>
              r.value === null ? (
                <Tag color="warning">{t(`surveys.missing.${r.missing ?? 'no_ballots'}`)}</Tag>
              ) : (
                r.value.toFixed(2)
              ),
          },
          { title: t('surveys.n'), dataIndex: 'n' },
        ]}
      />
    </>
  );
}
