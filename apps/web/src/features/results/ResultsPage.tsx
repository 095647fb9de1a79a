import { DownloadOutlined, HistoryOutlined, PrinterOutlined, SolutionOutlined } from '@ant-design/icons';
import type { UnitScore } from '@jixiao/contracts';
import { Alert, Button, Card, Drawer, Empty, Grid, Space, Spin, Tabs, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../shared/auth.js';
import { RankingChart } from '../../shared/charts/RankingChart.js';
import { PeriodSelect } from '../../shared/PeriodSelect.js';
import { QueryState } from '../../shared/QueryState.js';
import { JobCard, MyJobsButton } from '../jobs/JobsPanel.js';
import { usePlan } from '../plans/api.js';
import { PlanPicker, usePlanChoice } from '../plans/PlanPicker.js';
import { exportUrl, useRun, useRuns } from './api.js';
import { CompareDrawer } from './CompareDrawer.js';
import { GradeTag } from './GradeTag.js';
import { PublicityPanel } from './PublicityPanel.js';
import { QuotaCounts } from './QuotaCounts.js';
import { RankingExport, RankingTable, UnitCards } from './RankingTable.js';
import { ComputeButton, RunStepButtons } from './RunButtons.js';
import { ChangeNote, num, RunStatus, VetoMark } from './RunMarks.js';
import { RunsDrawer } from './RunsDrawer.js';
import { fmtScore, openingPeriod, periodOptions, unitsByGroup } from './ranking.js';
import { emptyKey, runParam } from './runs.js';
import { ExportAllButton, ScorecardPdfButton } from './ScorecardButtons.js';
import { TraceView } from './TraceView.js';

const WhatIfPanel = lazy(() => import('./WhatIfPanel.js'));

export default function ResultsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const canCompute = useCan('results.compute');
  // The office and the leaders see every unit: they print the results notice.
  const canRelease = useCan('results.release');
  const canApprove = useCan('results.approve');
  const seesAll = canRelease || canApprove;
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
  const [compare, setCompare] = useState<number | undefined>();

  const groups = useMemo(() => unitsByGroup(results.data?.units ?? []), [results.data]);
  const groupNames = useMemo(() => {
    const gs = (planDoc.data?.document as { groups?: { code: string; name: string }[] } | undefined)?.groups;
    return new Map((gs ?? []).map((g) => [g.code, g.name]));
  }, [planDoc.data]);
  const planParts = useMemo(() => {
    const doc = planDoc.data?.document as
      | {
          indicators?: { code: string; name: string; parent?: string }[];
          bonus?: { sources?: { code: string; name: string }[] };
        }
      | undefined;
    return {
      indicators: doc?.indicators ?? [],
      sources: new Map((doc?.bonus?.sources ?? []).map((s) => [s.code, s.name])),
    };
  }, [planDoc.data]);
  const activeGroup = params.get('group') ?? groups[0]?.group;
  // The batch export followed on this page: its id in the address survives a reload.
  const jobId = Number(params.get('job')) || undefined;
  const current = groups.find((g) => g.group === activeGroup) ?? groups[0];
  // A unit named in the address (`?unit=`, the cockpit's drill-down) opens its trace.
  const unitParam = params.get('unit');
  const traced = unit ?? (unitParam ? (results.data?.units.find((u) => u.unit === unitParam) ?? null) : null);

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
          <PeriodSelect
            testId="results-period-select"
            width={130}
            periods={summary ? periodOptions(summary.year) : []}
            value={period}
            onChange={(v) => set('period', v)}
          />
          {canCompute && planId && period && summary?.status === 'active' && (
            <ComputeButton planId={planId} period={period} onComputed={() => set('run', undefined)} />
          )}
          {run && planId && period && <RunStepButtons planId={planId} period={period} run={run} />}
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
              {t('scorecards.exportXlsx')}
            </Button>
          )}
          {run && planId && seesAll && (
            <Button
              data-testid="results-document"
              icon={<PrinterOutlined />}
              href={`/results-document/${planId}/${run.id}`}
              target="_blank"
            >
              {t('resultsDoc.print')}
            </Button>
          )}
          {run && planId && period?.endsWith('-Y') && (
            <Link to={`/consequences?plan=${planId}`} data-testid="results-consequences">
              <Button icon={<SolutionOutlined />}>{t('consequences.open')}</Button>
            </Link>
          )}
          {run && planId && canCompute && (
            <ExportAllButton planId={planId} runId={run.id} onStarted={(j) => set('job', String(j.id))} />
          )}
          <MyJobsButton />
        </Space>
        {run && (
          <div style={{ marginTop: 8 }}>
            <RunStatus run={run} />
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
              {t('runs.revision', { rev: run.planRevision })}
            </Typography.Text>
            <div>
              <ChangeNote run={run} />
            </div>
          </div>
        )}
      </Card>
      {jobId && <JobCard id={jobId} onClose={() => set('job', undefined)} />}
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
      {run?.publicity && planId && (
        <PublicityPanel
          planId={planId}
          run={run}
          indicators={planParts.indicators}
          sources={planParts.sources}
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
            tabBarExtraContent={
              <RankingExport run={run} units={current.units} title={`${t('nav.results')} ${current.group}`} />
            }
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
        onCompare={(r) => {
          setCompare(r.id);
          setRunsOpen(false);
        }}
      />
      {planId && (
        <CompareDrawer
          planId={planId}
          from={compare}
          to={compare === undefined ? undefined : run?.id}
          onClose={() => setCompare(undefined)}
        />
      )}
      <Drawer
        data-testid="trace-drawer"
        open={traced !== null}
        onClose={() => {
          setUnit(null);
          if (unitParam) set('unit', undefined);
        }}
        size={narrow ? '100%' : 960}
        title={traced ? t('trace.title', { name: traced.name }) : ''}
        destroyOnHidden
      >
        {traced && planId && period && run && (
          <TraceView
            planId={planId}
            unit={traced.unit}
            unitId={traced.unitId}
            period={period}
            run={run.latest ? undefined : run.id}
            header={
              <Space wrap style={{ marginBottom: 12 }}>
                <Typography.Text strong style={{ fontSize: 18, ...num }}>
                  {t('results.total')} {fmtScore(traced.total)}
                </Typography.Text>
                <span>
                  {t('runs.rank')} {traced.rank}
                </span>
                <GradeTag grade={traced.grade} />
                <VetoMark vetoes={traced.vetoes} />
                <RunStatus run={run} />
                <ScorecardPdfButton planId={planId} runId={run.id} unit={traced.unit} />
              </Space>
            }
          />
        )}
      </Drawer>
    </Space>
  );
}
