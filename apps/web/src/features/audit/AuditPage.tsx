import type { AuditEvent } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../shared/CompactTable.js';
import { formatDateTimeSeconds } from '../../shared/format.js';
import { QueryState } from '../../shared/QueryState.js';
import { usePaging } from '../../shared/usePaging.js';
import { useAuditEvents, verifyAuditChain } from './api.js';
import { FilterBar } from './FilterBar.js';
import type { AuditFilter } from './filters.js';
import { actionLabel, objectTypeLabel } from './labels.js';
import { SnapshotDiff } from './SnapshotDiff.js';

export default function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilter>({});
  const { page, pageSize, setPage, pagination } = usePaging(20);

  const events = useAuditEvents(filters, page, pageSize);

  const verify = useMutation({ mutationFn: verifyAuditChain });

  return (
    <>
      <FilterBar
        onSearch={(f) => {
          setFilters(f);
          setPage(1);
        }}
        onVerify={() => verify.mutate()}
        verifying={verify.isPending}
      />
      {verify.data && (
        <Alert
          data-testid="audit-verify-result"
          style={{ marginBottom: 12 }}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          type={verify.data.ok ? 'success' : 'error'}
          title={
            verify.data.ok
              ? t('audit.verifyOk', { checked: verify.data.checked })
              : t('audit.verifyBad', {
                  id: verify.data.firstBadId ?? '?',
                  problem: verify.data.problem ? t(`audit.problems.${verify.data.problem}`) : '?',
                })
          }
          description={verify.data.ok ? undefined : verify.data.message}
        />
      )}
      <QueryState query={events} testId="audit">
        <CompactTable<AuditEvent>
          data-testid="audit-table"
          rowKey="id"
          loading={events.isFetching}
          dataSource={events.data?.items ?? []}
          expandable={{ expandedRowRender: (e) => <SnapshotDiff event={e} /> }}
          pagination={pagination(events.data?.total ?? 0)}
          columns={[
            { title: '#', dataIndex: 'id', width: 70 },
            {
              title: t('audit.at'),
              dataIndex: 'at',
              render: (v: string) => formatDateTimeSeconds(v),
            },
            {
              title: t('audit.actor'),
              dataIndex: 'actorName',
              render: (v: string | null) => v ?? t('audit.system'),
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (v: string) => (
                <span title={v} data-testid="audit-action" data-code={v}>
                  {actionLabel(t, v)}
                </span>
              ),
            },
            {
              title: t('audit.object'),
              key: 'object',
              render: (_, e) => (
                <span title={e.objectType}>
                  {objectTypeLabel(t, e.objectType)}
                  {e.objectId ? ` #${e.objectId}` : ''}
                </span>
              ),
            },
            { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
            {
              title: t('audit.requestId'),
              dataIndex: 'requestId',
              render: (v: string | null) =>
                v ? <Typography.Text copyable={{ text: v }}>{v.slice(0, 12)}</Typography.Text> : '—',
            },
          ]}
        />
      </QueryState>
    </>
  );
}
