import { LockOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { isApiError } from '../../shared/api.js';
import { useCan } from '../../shared/auth.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { ExportButton } from '../../shared/export/ExportButton.js';
import type { ExportColumns } from '../../shared/export/tableSheet.js';
import { formatError, useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { QueryState } from '../../shared/QueryState.js';
import { PlanPeriodPickers, usePlanPeriodChoice } from '../plans/PlanPeriodPickers.js';
import { fmtScore } from '../results/ranking.js';
import { freezeHalfYear, liveKeys, useLivePeriod, useLiveScores } from './api.js';
import { isHalfYear } from './lost.js';
import { GradeMark, type LiveUnit, UnitCard } from './UnitCard.js';

export default function LivePage() {
  const { t, message, queryClient } = useFeedback();
  const canCompute = useCan('results.compute');
  const choice = usePlanPeriodChoice();
  const { plans, offered, planId, plan } = choice;
  const { period, periods } = useLivePeriod(planId, plan, choice.period);
  const live = useLiveScores(planId, period, !periods.isPending);

  async function freeze() {
    if (!planId) return;
    try {
      const r = await freezeHalfYear(planId);
      message.success(t('live.frozen', { period: r.period, n: r.units }));
    } catch (e) {
      if (isApiError(e) && e.status === 409)
        message.warning({ content: t('live.alreadyFrozen'), duration: 6 });
      else message.error(formatError(t, e));
    } finally {
      await queryClient.invalidateQueries({ queryKey: liveKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['results'] });
    }
  }

  const units = live.data?.units ?? [];
  const own = units.filter((u) => u.lost !== undefined);
  const groupSizes = useMemo(() => {
    const m = new Map<string, number>();
    for (const u of live.data?.units ?? []) m.set(u.group, (m.get(u.group) ?? 0) + 1);
    return m;
  }, [live.data]);
  const groups = [...groupSizes.keys()].sort();

  const columns: ExportColumns<LiveUnit> = [
    {
      title: t('live.rank'),
      dataIndex: 'rank',
      width: 80,
      sorter: (a, b) => a.group.localeCompare(b.group) || a.rank - b.rank,
      defaultSortOrder: 'ascend',
    },
    {
      title: t('live.group'),
      dataIndex: 'group',
      width: 80,
      filters: groups.map((g) => ({ text: g, value: g })),
      onFilter: (v, u) => u.group === v,
      sorter: (a, b) => a.group.localeCompare(b.group),
    },
    { title: t('live.code'), dataIndex: 'unit', width: 90, sorter: (a, b) => a.unit.localeCompare(b.unit) },
    { title: t('live.unit'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    {
      title: t('live.total'),
      dataIndex: 'total',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.total - b.total,
      render: (v: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{fmtScore(v)}</span>,
    },
    {
      title: t('live.grade'),
      key: 'grade',
      width: 110,
      render: (_, u) => <GradeMark grade={u.grade} />,
      exportValue: (u) => u.grade?.name ?? null,
      sorter: (a, b) => (a.grade?.code ?? '').localeCompare(b.grade?.code ?? ''),
    },
  ];

  if (!plans.data) return <QueryState query={plans} testId="live-plans" />;
  if (!offered.length || !plan || !planId) return <Empty description={t('planPicker.none')} />;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <PlanPeriodPickers choice={choice} value={period} testId="live" width={130} />
          {live.data?.halfYearFrozen && (
            <Tag icon={<LockOutlined />} color="blue" data-testid="live-h1-frozen">
              {t('live.halfYearFrozen')}
            </Tag>
          )}
          {canCompute && isHalfYear(period) && (
            <Popconfirm
              title={t('live.freezeConfirm', { period })}
              onConfirm={() => void freeze()}
              okButtonProps={{ 'data-testid': 'live-freeze-ok' }}
            >
              <Tooltip title={live.data?.halfYearFrozen ? t('live.alreadyFrozen') : undefined}>
                <Button type="primary" danger icon={<LockOutlined />} data-testid="live-freeze">
                  {t('live.freeze')}
                </Button>
              </Tooltip>
            </Popconfirm>
          )}
        </Space>
        {live.data && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
            {t('live.computedAt', {
              at: formatDateTime(live.data.computedAt),
              n: live.data.values,
            })}
          </Typography.Text>
        )}
      </Card>
      <QueryState query={live} also={[periods]} testId="live" />
      {live.data && units.length === 0 && <Empty description={t('live.noUnits')} />}
      {own.map((u) => (
        <UnitCard key={u.unit} unit={u} planId={planId} />
      ))}
      {live.data && own.length === 0 && units.length > 0 && (
        <Card
          size="small"
          title={t('live.allUnits', { n: units.length })}
          extra={
            <ExportButton
              columns={columns}
              rows={units}
              title={`${t('submissionsNav.live')} ${period ?? ''}`}
              testId="live-export"
            />
          }
        >
          <CompactTable<LiveUnit>
            data-testid="live-table"
            rowKey="unit"
            dataSource={units}
            columns={columns}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 700 }}
          />
        </Card>
      )}
    </Space>
  );
}
