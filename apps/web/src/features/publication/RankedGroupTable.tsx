import type { RankedGroup } from '@jixiao/contracts';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { GradeTag } from '../results/GradeTag.js';
import { fmtScore } from '../results/ranking.js';

/** One group's units in published order: rank, unit, score, grade (what a public notice prints). */
export function RankedGroupTable({ group }: { group: RankedGroup }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="unit"
      data-testid={`public-group-${group.code}`}
      dataSource={group.units}
      columns={[
        { title: t('publicResults.rank'), dataIndex: 'rank', width: 56, align: 'center' },
        { title: t('publicResults.unit'), dataIndex: 'name' },
        {
          title: t('publicResults.total'),
          dataIndex: 'total',
          width: 80,
          align: 'right',
          render: (v: number) => fmtScore(v),
        },
        {
          title: t('publicResults.grade'),
          key: 'grade',
          width: 72,
          render: (_, u) => <GradeTag grade={u.grade} />,
        },
      ]}
    />
  );
}
