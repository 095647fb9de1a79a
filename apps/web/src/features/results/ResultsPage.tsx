import {
  CalculatorOutlined,
  CheckCircleOutlined,
  DownloadOutlined,
  HistoryOutlined,
  StopOutlined,
} from '@ant-design/icons';
import type { EvaluationRun, RunSummary, UnitScore } from '@jixiao/contracts';
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
import { useCan } from '../../shared/auth.js';
import { RankingChart } from '../../shared/charts/RankingChart.js';
import { formatError } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { QueryState } from '../../shared/QueryState.js';
import { planKeys, usePlan } from '../plans/api.js';
import { PlanPicker, usePlanChoice } from '../plans/PlanPicker.js';
import { evaluate, exportUrl, releaseRun, resultKeys, useRun, useRuns } from './api.js';
import { GradeTag } from './GradeTag.js';
import { QuotaCounts } from './QuotaCounts.js';
import { fmtScore, openingPeriod, periodOptions, unitsByGroup } from './ranking.js';
import {
  emptyKey,
  isPeriodOpen,
  isStaleRelease,
  type RankCell,
  rankCells,
  releaseBlock,
  runParam,
  statusView,
} from './runs.js';
import { TraceView } from './TraceView.js';

const WhatIfPanel = lazy(() => import('./WhatIfPanel.js'));

const num = { fontVariantNumeric: 'tabular-nums' as const, whiteSpace: 'nowrap' as const };
const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');

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

/** 草稿 / 已发布, with who computed or released it and when. */
function RunStatus({
  run,
}: {
  run: Pick<
    RunSummary,
    'status' | 'latest' | 'releasedAt' | 'releasedBy' | 'computedAt' | 'computedBy' | 'id'
  >;
}) {
  const { t } = useTranslation();
  const v = statusView(run);
  return (
    <Space size={4} wrap>
      <Tag
        color={v.color}
        data-testid="results-status"
        data-status={run.status}
        style={{ marginInlineEnd: 0 }}
      >
        {t(v.key)}
      </Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="results-status-detail">
        {t('runs.runNo', { id: run.id })} · {t(v.detailKey, { by: v.by, at: when(v.at) })}
      </Typography.Text>
    </Space>
  );
}

function RankText({ cell }: { cell: RankCell | undefined }) {
  const { t } = useTranslation();
  if (!cell) return <>—</>;
  return (
    <span style={num} data-testid="results-rank">
      {cell.rank}
      {cell.tied ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          ({t('runs.tied')})
        </Typography.Text>
      ) : null}
    </span>
  );
}

export default function ResultsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const canCompute = useCan('results.compute');
  const canRelease = useCan('results.release');
  const screens = Grid.useBreakpoint();
  const narrow = screens.sm === false;

  const {
    plans,
    offered,
    plan: summary,
    planId,
    setPlan,
  } = usePlanChoice({
    includeArchived: true,
    resets: ['period', 'group', 'run'],
  });
  const planDoc = usePlan(planId);
  const period =
    params.get('period') ??
    (summary ? openingPeriod(summary, planDoc.data?.document as { period?: { to?: unknown } }) : undefined);
  const runs = useRuns(planId, period);
  const runId = runParam(params.get('run'), runs.data);
  const results = useRun(planId, period, runId);
  const [unit, setUnit] = useState<UnitScore | null>(null);
  const [runsOpen, setRunsOpen] = useState(false);

  const groups = useMemo(() => unitsByGroup(results.data?.units ?? []), [results.data]);
  const groupNames = useMemo(() => {
    const gs = (planDoc.data?.document as { groups?: { code: string; name: string }[] } | undefined)?.groups;
    return new Map((gs ?? []).map((g) => [g.code, g.name]));
  }, [planDoc.data]);
  const activeGroup = params.get('group') ?? groups[0]?.group;
  const current = groups.find((g) => g.group === activeGroup) ?? groups[0];

  const set = (k: string, v: string | undefined) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v === undefined) next.delete(k);
        else next.set(k, v);
        if (k === 'period') {
          next.delete('group');
          next.delete('run');
        }
        return next;
      },
      { replace: true },
    );
  };

  if (!plans.data) return <QueryState query={plans} testId="results-plans" />;
  if (!offered.length) return <Empty description={t('results.noPlans')} />;

  const run = results.data;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={narrow ? { width: '100%' } : undefined}>
          <PlanPicker offered={offered} value={planId} onChange={setPlan} testId="results-plan-select" />
          <Select
            data-testid="results-period-select"
            style={{ width: 130 }}
            value={period}
            onChange={(v) => set('period', v)}
            options={summary ? periodOptions(summary.year).map((p) => ({ value: p, label: p })) : []}
          />
          {canCompute && planId && period && summary?.status === 'active' && (
            <ComputeButton planId={planId} period={period} onComputed={() => set('run', undefined)} />
          )}
          {run && canRelease && planId && period && (
            <ReleaseButton planId={planId} period={period} run={run} />
          )}
          {runs.data && runs.data.length > 0 && (
            <Button data-testid="results-runs" icon={<HistoryOutlined />} onClick={() => setRunsOpen(true)}>
              {t('runs.list')} ({runs.data.length})
            </Button>
          )}
          {run && planId && period && (
            <Button
              data-testid="results-export"
              icon={<DownloadOutlined />}
              href={exportUrl(planId, period, run.latest ? undefined : run.id)}
              download
            >
              {t('runs.export')}
            </Button>
          )}
        </Space>
        {run && (
          <div style={{ marginTop: 8 }}>
            <RunStatus run={run} />
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
              {t('runs.revision', { rev: run.planRevision })}
            </Typography.Text>
          </div>
        )}
      </Card>
      {run && !run.latest && (
        <Alert
          type="info"
          showIcon
          data-testid="results-not-latest"
          title={t('runs.viewing', { id: run.id })}
          action={
            <Button size="small" onClick={() => set('run', undefined)}>
              {t('runs.backToLatest')}
            </Button>
          }
        />
      )}
      {run?.status === 'draft' && canCompute && (
        <Alert type="warning" showIcon data-testid="results-draft-hint" title={t('runs.draftHint')} />
      )}
      <QueryState query={results} inline testId="results" />
      {run === null && (
        <Card size="small">
          <Empty
            data-testid="results-empty"
            description={
              <Space orientation="vertical" size={2}>
                <Typography.Text strong>{t(emptyKey(canCompute))}</Typography.Text>
                <Typography.Text type="secondary">
                  {t(canCompute ? 'runs.noneComputedHint' : 'runs.notReleasedHint')}
                </Typography.Text>
              </Space>
            }
          />
        </Card>
      )}
      {run && current && (
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
          <QuotaCounts quotas={run.quotas} group={current.group} />
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
            <RankingTable run={run} units={current.units} onOpen={setUnit} />
          )}
        </Card>
      )}
      {canCompute && planId && period && run && (
        <Suspense fallback={<Spin />}>
          <WhatIfPanel planId={planId} period={period} run={run} />
        </Suspense>
      )}
      <RunsDrawer
        open={runsOpen}
        onClose={() => setRunsOpen(false)}
        period={period ?? ''}
        runs={runs.data ?? []}
        shown={run?.id}
        onPick={(r) => {
          set('run', r.latest ? undefined : String(r.id));
          setRunsOpen(false);
        }}
      />
      <Drawer
        data-testid="trace-drawer"
        open={unit !== null}
        onClose={() => setUnit(null)}
        size={narrow ? '100%' : 960}
        title={unit ? t('trace.title', { name: unit.name }) : ''}
        destroyOnHidden
      >
        {unit && planId && period && run && (
          <TraceView
            planId={planId}
            unit={unit.unit}
            unitId={unit.unitId}
            period={period}
            run={run.latest ? undefined : run.id}
            header={
              <Space wrap style={{ marginBottom: 12 }}>
                <Typography.Text strong style={{ fontSize: 18, ...num }}>
                  {t('results.total')} {fmtScore(unit.total)}
                </Typography.Text>
                <span>
                  {t('runs.rank')} {unit.rank}
                </span>
                <GradeTag grade={unit.grade} />
                <VetoMark vetoes={unit.vetoes} />
                <RunStatus run={run} />
              </Space>
            }
          />
        )}
      </Drawer>
    </Space>
  );
}

/** 计算: a new draft; while the period is open the server asks (409 PERIOD_OPEN), and so do we. */
function ComputeButton({
  planId,
  period,
  onComputed,
}: {
  planId: number;
  period: string;
  onComputed: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const compute = useMutation({
    mutationFn: (whileOpen: boolean) => evaluate(planId, period, whileOpen),
    meta: { silent: true },
    onSuccess: async (run: EvaluationRun) => {
      message.success(t('runs.computed', { id: run.id }));
      onComputed();
      await queryClient.invalidateQueries({ queryKey: resultKeys.period(planId, period) });
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
    onError: (e, whileOpen) => {
      if (isPeriodOpen(e) && !whileOpen) {
        modal.confirm({
          title: t('runs.periodOpenTitle', { period }),
          content: t('runs.periodOpenBody'),
          okText: t('runs.computeAnyway'),
          okButtonProps: { 'data-testid': 'results-compute-anyway' },
          onOk: () => compute.mutateAsync(true).catch(() => undefined),
        });
      } else message.error(formatError(t, e));
    },
  });
  return (
    <Popconfirm
      title={t('runs.computeConfirm', { period })}
      onConfirm={() => compute.mutate(false)}
      okButtonProps={{ 'data-testid': 'results-compute-ok' }}
    >
      <Button data-testid="results-recompute" icon={<CalculatorOutlined />} loading={compute.isPending}>
        {t('runs.compute')}
      </Button>
    </Popconfirm>
  );
}

/** 发布: only the latest draft; disabled with the reason otherwise. */
function ReleaseButton({ planId, period, run }: { planId: number; period: string; run: EvaluationRun }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const release = useMutation({
    mutationFn: () => releaseRun(planId, run.id),
    meta: { silent: true },
    onSuccess: async () => {
      message.success(t('runs.releasedOk'));
      await queryClient.invalidateQueries({ queryKey: resultKeys.period(planId, period) });
    },
    onError: async (e) => {
      if (isStaleRelease(e)) {
        message.warning(t('runs.stale', { message: formatError(t, e) }));
        await queryClient.invalidateQueries({ queryKey: resultKeys.period(planId, period) });
      } else message.error(formatError(t, e));
    },
  });
  const block = releaseBlock(run);
  if (run.status === 'released') return null;
  const button = (
    <Button
      type="primary"
      data-testid="results-release"
      icon={<CheckCircleOutlined />}
      disabled={block !== null}
      loading={release.isPending}
    >
      {t('runs.release')}
    </Button>
  );
  if (block)
    return (
      <Tooltip title={t(block)}>
        <span data-testid="results-release-blocked">{button}</span>
      </Tooltip>
    );
  return (
    <Popconfirm
      title={t('runs.releaseConfirm', { period, id: run.id })}
      onConfirm={() => release.mutate()}
      okButtonProps={{ 'data-testid': 'results-release-ok' }}
    >
      {button}
    </Popconfirm>
  );
}

function RunsDrawer({
  open,
  onClose,
  period,
  runs,
  shown,
  onPick,
}: {
  open: boolean;
  onClose: () => void;
  period: string;
  runs: RunSummary[];
  shown: number | undefined;
  onPick: (r: RunSummary) => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      data-testid="runs-drawer"
      open={open}
      onClose={onClose}
      title={t('runs.listTitle', { period })}
      size={Math.min(480, typeof window === 'undefined' ? 480 : window.innerWidth)}
    >
      <List
        dataSource={runs}
        locale={{ emptyText: t('runs.noRuns') }}
        renderItem={(r) => (
          <List.Item
            data-testid="runs-item"
            data-run={r.id}
            actions={[
              <Button
                key="open"
                size="small"
                type={r.id === shown ? 'primary' : 'default'}
                disabled={r.id === shown}
                onClick={() => onPick(r)}
              >
                {t('runs.open')}
              </Button>,
            ]}
          >
            <Space orientation="vertical" size={2}>
              <Space size={4} wrap>
                <RunStatus run={r} />
                {r.latest && <Tag color="blue">{t('runs.latest')}</Tag>}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('runs.units', { n: r.units })} · {t('runs.revision', { rev: r.planRevision })}
                {r.status === 'released'
                  ? ` · ${t('runs.computedBy', { by: r.computedBy ?? '—', at: when(r.computedAt) })}`
                  : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Drawer>
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
  const ranks = useMemo(() => rankCells(units), [units]);
  const columns: ColumnsType<UnitScore> = [
    {
      title: t('runs.rank'),
      key: 'rank',
      width: 72,
      align: 'right',
      fixed: 'left',
      render: (_, u) => <RankText cell={ranks.get(u.unit)} />,
    },
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
  const ranks = useMemo(() => rankCells(units), [units]);
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
              <Typography.Text
                type="secondary"
                style={{ ...num, minWidth: 28, textAlign: 'right' }}
                title={t('runs.rank')}
              >
                <RankText cell={ranks.get(u.unit)} />
              </Typography.Text>
              <div style={{ flex: 1, minWidth: 0 }}>
                <div style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>{u.name}</div>
                <Space size={4} wrap style={{ fontSize: 12 }}>
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
