import { CalculatorOutlined, StopOutlined } from '@ant-design/icons';
import type { EvaluationRun, UnitScore } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Empty,
  Grid,
  List,
  Popconfirm,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../shared/api.js';
import { useCan } from '../../shared/auth.js';
import { RankingChart } from '../../shared/charts/RankingChart.js';
import { formatError } from '../../shared/feedback.js';
import { planKeys, usePlan, usePlans, useResults } from '../plans/api.js';
import { GradeTag } from './GradeTag.js';
import { defaultPeriod, defaultPlan, fmtScore, periodOptions, unitsByGroup } from './ranking.js';
import { TraceView } from './TraceView.js';

const WhatIfPanel = lazy(() => import('./WhatIfPanel.js'));

const num = { fontVariantNumeric: 'tabular-nums' as const, whiteSpace: 'nowrap' as const };

function VetoMark({ vetoes }: { vetoes: string[] }) {
  const { t } = useTranslation();
  if (vetoes.length === 0) return null;
  return (
    <Tooltip title={vetoes.join('、')}>
      <Tag data-testid="results-veto" color="red" icon={<StopOutlined />}>
        {t('results.vetoed')}
      </Tag>
    </Tooltip>
  );
}

export default function ResultsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const plans = usePlans();
  const canCompute = useCan('results.compute');
  const canWritePlans = useCan('plans.write');
  const isOffice = canCompute && canWritePlans;
  const screens = Grid.useBreakpoint();
  const narrow = screens.sm === false;

  const fallback = useMemo(() => defaultPlan(plans.data ?? []), [plans.data]);
  const planId = Number(params.get('plan')) || fallback?.id;
  const summary = plans.data?.find((p) => p.id === planId);
  const period = params.get('period') ?? (summary ? defaultPeriod(summary) : undefined);
  const results = useResults(planId, period);
  const planDoc = usePlan(planId);
  const [unit, setUnit] = useState<UnitScore | null>(null);

  const groups = useMemo(() => unitsByGroup(results.data?.units ?? []), [results.data]);
  const groupNames = useMemo(() => {
    const gs = (planDoc.data?.document as { groups?: { code: string; name: string }[] } | undefined)?.groups;
    return new Map((gs ?? []).map((g) => [g.code, g.name]));
  }, [planDoc.data]);
  const activeGroup = params.get('group') ?? groups[0]?.group;
  const current = groups.find((g) => g.group === activeGroup) ?? groups[0];

  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v === undefined) next.delete(k);
    else next.set(k, v);
    if (k === 'plan') {
      next.delete('period');
      next.delete('group');
    }
    setParams(next, { replace: true });
  };

  if (plans.isPending) return <Spin />;
  if (plans.isError) return <Alert type="error" showIcon title={formatError(t, plans.error)} />;
  if (!plans.data.length) return <Empty description={t('results.noPlans')} />;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={narrow ? { width: '100%' } : undefined}>
          <Select
            data-testid="results-plan-select"
            style={{ width: narrow ? 'calc(100vw - 58px)' : 420 }}
            value={planId}
            onChange={(v) => set('plan', String(v))}
            options={[...plans.data]
              .sort((a, b) => b.year - a.year || a.name.localeCompare(b.name))
              .map((p) => ({
                value: p.id,
                label: `${p.year} · ${p.name} · ${t(`plans.statuses.${p.status}`)}`,
              }))}
          />
          <Select
            data-testid="results-period-select"
            style={{ width: 130 }}
            value={period}
            onChange={(v) => set('period', v)}
            options={summary ? periodOptions(summary.year).map((p) => ({ value: p, label: p })) : []}
          />
          {canCompute && planId && period && <RecomputeButton planId={planId} period={period} />}
        </Space>
        {results.data && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
            {t('results.computedAt', {
              at: new Date(results.data.computedAt).toLocaleString(),
              rev: results.data.planRevision,
            })}
          </Typography.Text>
        )}
      </Card>
      {results.isPending && <Spin />}
      {results.isError && <Alert type="error" showIcon title={formatError(t, results.error)} />}
      {results.data === null && <Empty description={t('results.noResults')} />}
      {results.data && current && (
        <Card size="small" styles={{ body: { paddingTop: 0 } }}>
          <Tabs
            data-testid="results-group-tabs"
            activeKey={current.group}
            onChange={(k) => set('group', k)}
            items={groups.map((g) => ({
              key: g.group,
              label: `${g.group}${groupNames.get(g.group) ? ` ${groupNames.get(g.group)}` : ''} (${g.units.length})`,
            }))}
          />
          {current.units.length > 1 && (
            <RankingChart
              height={narrow ? 240 : 320}
              units={current.units}
              labels={{ total: t('results.total'), noGrade: t('results.noGrade') }}
            />
          )}
          {narrow ? (
            <UnitCards units={current.units} onOpen={setUnit} />
          ) : (
            <RankingTable run={results.data} units={current.units} onOpen={setUnit} />
          )}
        </Card>
      )}
      {isOffice && planId && period && results.data && (
        <Suspense fallback={<Spin />}>
          <WhatIfPanel planId={planId} period={period} run={results.data} />
        </Suspense>
      )}
      <Drawer
        data-testid="trace-drawer"
        open={unit !== null}
        onClose={() => setUnit(null)}
        size={narrow ? '100%' : 960}
        title={unit ? t('trace.title', { name: unit.name }) : ''}
        destroyOnHidden
      >
        {unit && planId && period && (
          <TraceView
            planId={planId}
            unit={unit.unit}
            period={period}
            header={
              <Space wrap style={{ marginBottom: 12 }}>
                <Typography.Text strong style={{ fontSize: 18, ...num }}>
                  {t('results.total')} {fmtScore(unit.total)}
                </Typography.Text>
                <span>
                  {t('results.rank')} {unit.rank}
                </span>
                <GradeTag grade={unit.grade} />
                <VetoMark vetoes={unit.vetoes} />
              </Space>
            }
          />
        )}
      </Drawer>
    </Space>
  );
}

function RecomputeButton({ planId, period }: { planId: number; period: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: () => api.post<EvaluationRun>(`/api/plans/${planId}/evaluate`, { period }),
    onSuccess: async () => {
      message.success(t('results.recomputed'));
      await queryClient.invalidateQueries({ queryKey: ['results', planId, period] });
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
  });
  return (
    <Popconfirm title={t('results.recomputeConfirm', { period })} onConfirm={() => run.mutate()}>
      <Button data-testid="results-recompute" icon={<CalculatorOutlined />} loading={run.isPending}>
        {t('results.recompute')}
      </Button>
    </Popconfirm>
  );
}

function RankingTable({
  run,
  units,
  onOpen,
}: {
  run: EvaluationRun;
  units: UnitScore[];
  onOpen: (u: UnitScore) => void;
}) {
  const { t } = useTranslation();
  const comps = units[0]?.components ?? run.units[0]?.components ?? [];
  const columns: ColumnsType<UnitScore> = [
    { title: t('results.placement'), dataIndex: 'placement', width: 64, align: 'right', fixed: 'left' },
    {
      title: t('results.unit'),
      key: 'unit',
      fixed: 'left',
      render: (_, u) => (
        <Button
          type="link"
          size="small"
          data-testid="results-unit-link"
          data-unit={u.unit}
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => onOpen(u)}
        >
          {u.name}
        </Button>
      ),
    },
    {
      title: t('results.total'),
      dataIndex: 'total',
      align: 'right',
      render: (v: number) => (
        <b data-testid="results-total" style={num}>
          {fmtScore(v)}
        </b>
      ),
    },
    { title: t('results.rank'), dataIndex: 'rank', align: 'right', width: 64 },
    {
      title: t('results.grade'),
      key: 'grade',
      render: (_, u) => (
        <Space size={4}>
          <GradeTag grade={u.grade} />
          <VetoMark vetoes={u.vetoes} />
        </Space>
      ),
    },
    ...comps.map((c, i) => ({
      title: (
        <Tooltip title={`${c.name} (${c.full})`}>
          <span>{c.name}</span>
        </Tooltip>
      ),
      key: `comp-${c.code}`,
      align: 'right' as const,
      render: (_: unknown, u: UnitScore) => {
        const s = u.components.find((x) => x.code === c.code) ?? u.components[i];
        return <span style={num}>{fmtScore(s?.score)}</span>;
      },
    })),
    {
      title: t('results.bonus'),
      dataIndex: 'bonus',
      align: 'right',
      render: (v: number) => <span style={num}>{v ? `+${fmtScore(v)}` : fmtScore(v)}</span>,
    },
    {
      title: t('results.deductions'),
      dataIndex: 'deductions',
      align: 'right',
      render: (v: number) => (
        <span style={{ ...num, color: v ? '#cf1322' : undefined }}>
          {v ? `−${fmtScore(v)}` : fmtScore(v)}
        </span>
      ),
    },
  ];
  return (
    <Table<UnitScore>
      data-testid="results-table"
      size="small"
      rowKey="unit"
      dataSource={units}
      columns={columns}
      pagination={false}
      scroll={{ x: 'max-content' }}
      style={{ marginTop: 12 }}
    />
  );
}

function UnitCards({ units, onOpen }: { units: UnitScore[]; onOpen: (u: UnitScore) => void }) {
  const { t } = useTranslation();
  return (
    <List
      data-testid="results-cards"
      dataSource={units}
      split={false}
      style={{ marginTop: 8 }}
      renderItem={(u) => (
        <List.Item style={{ padding: '4px 0' }}>
          <Card
            size="small"
            hoverable
            style={{ width: '100%' }}
            onClick={() => onOpen(u)}
            data-testid="results-card"
            data-unit={u.unit}
          >
            <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <Typography.Text type="secondary" style={{ ...num, width: 28, textAlign: 'right' }}>
                {u.placement}
              </Typography.Text>
              <div style={{ flex: 1, minWidth: 0 }}>
                <div style={{ fontWeight: 500 }}>{u.name}</div>
                <Space size={4} wrap style={{ fontSize: 12 }}>
                  <span>
                    {t('results.rank')} {u.rank}
                  </span>
                  {u.bonus ? <span style={num}>+{fmtScore(u.bonus)}</span> : null}
                  {u.deductions ? (
                    <span style={{ ...num, color: '#cf1322' }}>−{fmtScore(u.deductions)}</span>
                  ) : null}
                  <VetoMark vetoes={u.vetoes} />
                </Space>
              </div>
              <div style={{ textAlign: 'right' }}>
                <div style={{ ...num, fontSize: 18, fontWeight: 600 }} data-testid="results-total">
                  {fmtScore(u.total)}
                </div>
                <GradeTag grade={u.grade} />
              </div>
            </div>
          </Card>
        </List.Item>
      )}
    />
  );
}
