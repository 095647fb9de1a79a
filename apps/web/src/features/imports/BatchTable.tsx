import type { ImportBatch, ImportPreview } from '@jixiao/contracts';
import { Space, Tag, theme } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../shared/CompactTable.js';
import { formatDateTime } from '../../shared/format.js';
import { queryRows } from '../../shared/QueryState.js';
import type { useBatches } from './api.js';

const COUNT_KEYS = ['values', 'references', 'bonuses', 'deductions', 'vetoes'] as const;

/** What a batch brought in, by kind. */
export function Counts({ counts }: { counts: ImportPreview['counts'] }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {COUNT_KEYS.filter((k) => counts[k] > 0).map((k) => (
        <Tag key={k} data-testid={`imp-count-${k}`}>
          {t(`imports.counts.${k}`)} {counts[k]}
        </Tag>
      ))}
    </Space>
  );
}

/** The plan's import batches, newest first; the one a source link names is highlighted. */
export function BatchTable({
  batches,
  linked,
}: {
  batches: ReturnType<typeof useBatches>;
  linked: number | undefined;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const columns = [
    { title: t('imports.col.file'), key: 'f', render: (_: unknown, b: ImportBatch) => b.fileName },
    {
      title: t('imports.col.period'),
      key: 'p',
      width: 100,
      render: (_: unknown, b: ImportBatch) => b.period,
    },
    {
      title: t('imports.col.rows'),
      key: 'r',
      width: 70,
      align: 'right' as const,
      render: (_: unknown, b: ImportBatch) => b.rows,
    },
    {
      title: t('imports.col.counts'),
      key: 'c',
      render: (_: unknown, b: ImportBatch) => <Counts counts={b.counts} />,
    },
    {
      title: t('imports.col.by'),
      key: 'by',
      width: 110,
      render: (_: unknown, b: ImportBatch) => b.createdBy ?? '—',
    },
    {
      title: t('imports.col.at'),
      key: 'at',
      width: 180,
      render: (_: unknown, b: ImportBatch) => formatDateTime(b.createdAt),
    },
  ];

  return (
    <CompactTable<ImportBatch>
      data-testid="imp-batches"
      rowKey="id"
      {...queryRows(batches, t('imports.noBatches'), 'imp-batch-list')}
      columns={columns}
      onRow={(b) =>
        (b.id === linked
          ? { 'data-linked': 'true', style: { background: token.colorWarningBg } }
          : {}) as HTMLAttributes<HTMLElement>
      }
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 800 }}
    />
  );
}
