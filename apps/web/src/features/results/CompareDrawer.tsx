import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { CompareUnit } from '@jixiao/contracts';
import { Drawer, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../shared/CompactTable.js';
import { QueryState } from '../../shared/QueryState.js';
import { effectLines } from '../objections/view.js';
import { useComparison } from './api.js';
import { num } from './RunMarks.js';
import { fmtScore } from './ranking.js';

/** Two runs side by side (issue 11 point 1): who moved up or down, by how much, and why. */
export function CompareDrawer({
  planId,
  from,
  to,
  onClose,
}: {
  planId: number;
  from: number | undefined;
  to: number | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const cmp = useComparison(planId, from, to);
  const changed = (cmp.data?.units ?? []).filter((u) => u.changed);
  return (
    <Drawer
      data-testid="compare-drawer"
      open={from !== undefined && to !== undefined}
      onClose={onClose}
      size={Math.min(880, typeof window === 'undefined' ? 880 : window.innerWidth)}
      title={from && to ? t('runs.compareTitle', { from, to }) : ''}
      destroyOnHidden
    >
      <QueryState query={cmp} inline testId="compare" />
      {cmp.data && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text data-testid="compare-summary">
            {t('runs.compareSummary', cmp.data.summary)}
          </Typography.Text>
          {changed.length === 0 ? (
            <Empty description={t('runs.compareNone')} />
          ) : (
            <CompactTable<CompareUnit>
              data-testid="compare-table"
              rowKey="unit"
              dataSource={changed}
              columns={[
                { title: t('runs.col.unit'), render: (_, u) => u.name },
                {
                  title: t('runs.col.before'),
                  render: (_, u) => <span style={num}>{fmtScore(u.before?.total)}</span>,
                },
                {
                  title: t('runs.col.after'),
                  render: (_, u) => <span style={num}>{fmtScore(u.after?.total)}</span>,
                },
                {
                  title: t('runs.col.delta'),
                  render: (_, u) => (
                    <span
                      style={{
                        ...num,
                        color: u.totalDelta > 0 ? '#389e0d' : u.totalDelta < 0 ? '#cf1322' : undefined,
                      }}
                    >
                      {u.totalDelta > 0 ? '+' : ''}
                      {fmtScore(u.totalDelta)}
                    </span>
                  ),
                },
                {
                  title: t('runs.col.rank'),
                  render: (_, u) =>
                    u.before && u.after ? (
                      <span style={num} data-testid="compare-rank">
                        {u.before.rank} → {u.after.rank}{' '}
                        {u.rankDelta > 0 ? (
                          <ArrowUpOutlined />
                        ) : u.rankDelta < 0 ? (
                          <ArrowDownOutlined />
                        ) : null}
                      </span>
                    ) : (
                      t('runs.why.onlyOne')
                    ),
                },
                {
                  title: t('runs.col.why'),
                  render: (_, u) => (
                    <div style={{ fontSize: 12 }}>
                      {effectLines(t, u, false).map((l) => (
                        <div key={l}>{l}</div>
                      ))}
                    </div>
                  ),
                },
              ]}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}
