import type { VerificationCount } from '@jixiao/contracts';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../shared/QueryState.js';
import { useCounts } from './api.js';
import { countTotals } from './model.js';

export function CountsTable({ planId }: { planId: number }) {
  const { t } = useTranslation();
  const counts = useCounts(planId);
  const totals = countTotals(counts.data ?? []);
  if (!counts.data) return <QueryState query={counts} inline testId="ver-counts" />;
  const num = (k: keyof VerificationCount) => ({
    title: k === 'total' ? t('verification.counts.total') : t(`verification.method.${k}`),
    dataIndex: k,
    width: 110,
    align: 'right' as const,
    sorter: (a: VerificationCount, b: VerificationCount) => (a[k] as number) - (b[k] as number),
  });
  return (
    <Table<VerificationCount>
      data-testid="ver-counts"
      size="small"
      rowKey="unitId"
      loading={counts.isFetching}
      dataSource={counts.data}
      pagination={{ pageSize: 25, hideOnSinglePage: true }}
      columns={[
        { title: t('submissions.col.unit'), key: 'u', render: (_, r) => `${r.unitCode} ${r.unitName}` },
        num('on_site'),
        num('work_slip'),
        num('comprehensive'),
        num('total'),
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('verification.counts.sum')}</Table.Summary.Cell>
          {(['on_site', 'work_slip', 'comprehensive', 'total'] as const).map((k, i) => (
            <Table.Summary.Cell key={k} index={i + 1} align="right">
              {totals[k]}
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
    />
  );
}
