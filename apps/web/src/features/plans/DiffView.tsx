import type { PlanDiffEntry } from '@jixiao/contracts';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryTable } from '../../shared/QueryState.js';
import { usePlanDiff } from './api.js';

const KIND_COLORS = { added: 'green', removed: 'red', changed: 'orange' } as const;
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 };

function show(v: unknown): string {
  if (v === undefined) return '';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

/** Added / removed / changed entries between this plan and a revision or another plan (H1, H4). */
export function DiffView({
  planId,
  query,
}: {
  planId: number;
  query: { againstPlanId?: number; revision?: number } | null;
}) {
  const { t } = useTranslation();
  const diff = usePlanDiff(planId, query);
  if (!query) return null;
  return (
    <Table<PlanDiffEntry & { key: number }>
      data-testid="plan-diff"
      size="small"
      dataSource={(diff.data ?? []).map((d, key) => ({ ...d, key }))}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      {...queryTable(diff, t('planEditor.diffEmpty'), 'plan-diff')}
      columns={[
        {
          title: t('planEditor.change'),
          dataIndex: 'kind',
          width: 80,
          filters: (['added', 'removed', 'changed'] as const).map((k) => ({
            text: t(`planEditor.diffKinds.${k}`),
            value: k,
          })),
          onFilter: (v, r) => r.kind === v,
          render: (k: PlanDiffEntry['kind']) => (
            <Tag color={KIND_COLORS[k]}>{t(`planEditor.diffKinds.${k}`)}</Tag>
          ),
        },
        { title: t('planEditor.code'), dataIndex: 'code', render: (c: string | null) => c ?? '—' },
        {
          title: t('planEditor.path'),
          dataIndex: 'path',
          render: (p: string) => <Typography.Text style={mono}>{p}</Typography.Text>,
        },
        {
          title: `${t('planEditor.before')} → ${t('planEditor.after')}`,
          key: 'values',
          render: (_, d) => (
            <span style={mono}>
              {d.kind !== 'added' && (
                <span
                  style={{
                    background: '#fff1f0',
                    color: '#a8071a',
                    textDecoration: 'line-through',
                    padding: '0 2px',
                  }}
                >
                  {show(d.before)}
                </span>
              )}
              {d.kind === 'changed' && ' → '}
              {d.kind !== 'removed' && (
                <span style={{ background: '#f6ffed', color: '#237804', padding: '0 2px' }}>
                  {show(d.after)}
                </span>
              )}
            </span>
          ),
        },
      ]}
    />
  );
}
