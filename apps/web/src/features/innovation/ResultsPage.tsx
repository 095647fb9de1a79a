import { CalculatorOutlined, CheckCircleOutlined } from '@ant-design/icons';
import type { InnovationResults, ProjectResult } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { isApiError } from '../../shared/api.js';
import { useCan } from '../../shared/auth.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { ExportButton } from '../../shared/export/ExportButton.js';
import type { ExportColumns } from '../../shared/export/tableSheet.js';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { MutateButton } from '../../shared/MutateButton.js';
import { QueryState } from '../../shared/QueryState.js';
import { explainT, renderSteps, type StepLike } from '../results/formula.js';
import { mono } from '../results/TraceParts.js';
import { innovationApi, innovationKeys, useCall, useResults } from './api.js';
import { byCategory, cutBy } from './scoring.js';

/** An explanation's steps `{ code, params }` in the reader's language (the results pages' renderer). */
function Steps({ steps, testId }: { steps: readonly StepLike[]; testId?: string }) {
  const { t } = useFeedback();
  if (steps.length === 0) return null;
  return (
    <div
      style={{ ...mono, whiteSpace: 'normal', wordBreak: 'break-word', maxWidth: 640 }}
      data-testid={testId}
    >
      {renderSteps(steps, explainT(t))}
    </div>
  );
}

/** One category's ranking: rank, project, unit, score, judges, trimmed, top-ten seat, bonus. */
function RankingTable({ rows, testId, name }: { rows: ProjectResult[]; testId: string; name: string }) {
  const { t } = useFeedback();
  const columns: ExportColumns<ProjectResult> = [
    {
      title: t('innoResults.rank'),
      key: 'rank',
      render: (_, r) => t('innoResults.rankOf', { rank: r.rank, n: r.inCategory }),
      exportValue: (r) => r.rank,
    },
    {
      title: t('innoResults.project'),
      key: 'title',
      exportValue: (r) => `${r.title}\n${r.unitCode} ${r.unitName}`,
      render: (_, r) => (
        <div style={{ maxWidth: 280, whiteSpace: 'normal', wordBreak: 'break-word' }}>
          {r.title}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.unitCode} {r.unitName}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('innoResults.score'),
      dataIndex: 'score',
      align: 'right',
      render: (v: number) => (
        <b data-testid="result-score" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {v}
        </b>
      ),
    },
    { title: t('innoResults.judges'), dataIndex: 'judges', align: 'right' },
    {
      title: t('innoResults.trimmed'),
      dataIndex: 'trimmed',
      exportValue: (r) => r.trimmed,
      render: (v: boolean) => (v ? <Tag color="blue">{t('innoResults.trimmed')}</Tag> : '—'),
    },
    {
      title: t('innoResults.seat'),
      key: 'seat',
      exportValue: (r) => (r.topTen ? r.seat : null),
      render: (_, r) => (r.topTen ? <Tag color="gold">{t('innoResults.seatN', { seat: r.seat })}</Tag> : '—'),
    },
    {
      title: t('innoResults.bonusCol'),
      key: 'bonus',
      align: 'right',
      render: (_, r) => (r.bonus ? r.bonus.points : '—'),
      exportValue: (r) => r.bonus?.points ?? null,
    },
  ];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text strong>{name}</Typography.Text>
        <ExportButton
          columns={columns}
          rows={rows}
          title={`${t('innovationNav.results')} ${name}`}
          testId={`${testId}-export`}
        />
      </Space>
      <CompactTable<ProjectResult>
        data-testid={testId}
        rowKey="projectId"
        dataSource={rows}
        onRow={(r) => ({ 'data-testid': `result-row-${r.projectId}` }) as never}
        expandable={{ expandedRowRender: (r) => <Steps steps={r.steps} testId="result-steps" /> }}
        columns={columns}
      />
    </>
  );
}

/** The bonus proposals (cut by the cap shown with why) and each unit's sum under its cap. */
function Proposals({ r }: { r: InnovationResults }) {
  const { t } = useFeedback();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <CompactTable
        data-testid="results-proposals"
        rowKey="projectId"
        dataSource={r.proposals}
        expandable={{ expandedRowRender: (p) => <Steps steps={p.steps} /> }}
        columns={[
          {
            title: t('innoResults.unit'),
            key: 'unit',
            render: (_, p) => `${p.unitCode} ${p.unitName}`,
          },
          {
            title: t('innoResults.project'),
            key: 'title',
            render: (_, p) => <div style={{ maxWidth: 260, whiteSpace: 'normal' }}>{p.title}</div>,
          },
          { title: t('innoResults.rank'), dataIndex: 'rank', align: 'right' },
          { title: t('innoResults.earned'), dataIndex: 'earned', align: 'right' },
          {
            title: t('innoResults.granted'),
            key: 'points',
            align: 'right',
            render: (_, p) => (
              <Space size={4} wrap>
                <b data-testid="proposal-points">{p.points}</b>
                {cutBy(p) > 0 && <Tag color="orange">{t('innoResults.cut', { by: cutBy(p) })}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Text strong>{t('innoResults.units')}</Typography.Text>
      <CompactTable
        data-testid="results-units"
        rowKey="unitId"
        dataSource={r.units}
        expandable={{ expandedRowRender: (u) => <Steps steps={u.steps} /> }}
        columns={[
          { title: t('innoResults.unit'), key: 'unit', render: (_, u) => `${u.unitCode} ${u.unitName}` },
          {
            title: t('innoResults.cap'),
            key: 'cap',
            align: 'right',
            render: (_, u) => u.cap ?? t('innoResults.noCap'),
          },
          { title: t('innoResults.already'), dataIndex: 'already', align: 'right' },
          { title: t('innoResults.earned'), dataIndex: 'earned', align: 'right' },
          {
            title: t('innoResults.granted'),
            dataIndex: 'points',
            align: 'right',
            render: (v: number) => <b>{v}</b>,
          },
        ]}
      />
    </Space>
  );
}

/**
 * A call's results (office; leaders read): the ranking per category with each project's
 * explanation, the top ten (十优), the judges far from their panels, the bonus proposals under the
 * plan's cap, and 应用加分 — the proposals become bonus events of the plan, shown in each unit's
 * trace under the bonus source's name.
 */
export default function ResultsPage() {
  const callId = Number(useParams().id);
  const { t, message, showError, queryClient: qc } = useFeedback();
  const office = useCan('innovation.manage');
  const call = useCall(callId);
  const results = useResults(callId);
  const done = (r: InnovationResults) => {
    qc.setQueryData(innovationKeys.results(callId), r);
    void qc.invalidateQueries({ queryKey: innovationKeys.all });
  };
  const compute = useMutation({
    mutationFn: () => innovationApi.computeResults(callId),
    onSuccess: (r) => {
      done(r);
      message.success(t('innoResults.computed'));
    },
    onError: showError,
  });
  const apply = useMutation({
    mutationFn: () => innovationApi.applyResults(callId, results.data!.version),
    onSuccess: (o) => {
      done(o.results);
      message.success(
        o.unchanged
          ? t('innoResults.unchanged')
          : t('innoResults.appliedNow', { created: o.created, withdrawn: o.withdrawn }),
      );
    },
    onError: showError,
  });
  // No results yet: the server says so (404); the office computes them.
  const none = isApiError(results.error) && results.error.status === 404;
  const title = (
    <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('innoResults.title', { title: call.data?.title ?? '' })}
      </Typography.Title>
      {office && (
        <MutateButton
          mutation={compute}
          icon={<CalculatorOutlined />}
          type={results.data ? 'default' : 'primary'}
          data-testid="results-compute"
        >
          {results.data ? t('innoResults.recompute') : t('innoResults.compute')}
        </MutateButton>
      )}
    </Space>
  );
  if (none)
    return (
      <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="innovation-results">
        {title}
        <Alert type="info" showIcon title={t('innoResults.notComputed')} data-testid="results-none" />
      </Space>
    );
  return (
    <QueryState query={results} also={[call]} testId="results">
      {(r) => {
        const byId = new Map(r.projects.map((p) => [p.projectId, p]));
        const threshold = r.dispersion?.threshold ?? r.settings.dispersion.threshold;
        return (
          <Space
            orientation="vertical"
            style={{ width: '100%' }}
            size="middle"
            data-testid="innovation-results"
          >
            {title}
            <Typography.Text type="secondary">
              {t('innoResults.computedAt', { at: formatDateTime(r.computedAt) })}
            </Typography.Text>
            {r.stale && (
              <Alert type="warning" showIcon title={t('innoResults.stale')} data-testid="results-stale" />
            )}
            {r.left.length > 0 && (
              <Alert
                type="info"
                showIcon
                title={t('innoResults.left')}
                description={r.left
                  .map((l) => `${l.title}（${t(`innoResults.leftReason.${l.reason}`)}）`)
                  .join('；')}
              />
            )}
            <Card size="small" title={t('innoResults.topTen')} data-testid="results-topten">
              <List
                size="small"
                dataSource={r.topTen.map((id) => byId.get(id)).filter((p) => p !== undefined)}
                locale={{ emptyText: t('innoResults.noTopTen') }}
                renderItem={(p) => (
                  <List.Item key={p.projectId} data-testid={`topten-${p.projectId}`}>
                    <Space wrap>
                      <Tag color="gold">{t('innoResults.seatN', { seat: p.seat })}</Tag>
                      <Typography.Text strong style={{ wordBreak: 'break-word' }}>
                        {p.title}
                      </Typography.Text>
                      <Typography.Text type="secondary">
                        {p.unitName} · {p.categoryName} · {p.score}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
            <Card size="small" title={t('innoResults.ranking')}>
              <Space orientation="vertical" style={{ width: '100%' }} size="middle">
                {byCategory(r.projects).map((g) => (
                  <div key={g.category}>
                    <RankingTable rows={g.rows} testId={`ranking-${g.category}`} name={g.name} />
                  </div>
                ))}
              </Space>
            </Card>
            {r.judges.length > 0 && (
              <Card size="small" title={t('innoResults.dispersion')} data-testid="results-dispersion">
                <Typography.Paragraph type="secondary">
                  {t('innoResults.dispersionHelp', { threshold })}
                </Typography.Paragraph>
                <CompactTable
                  rowKey={(j) => String(j.judge.expertId)}
                  dataSource={r.judges}
                  expandable={{ expandedRowRender: (j) => <Steps steps={j.steps} /> }}
                  columns={[
                    { title: t('defence.judge'), key: 'judge', render: (_, j) => j.judge.name },
                    { title: t('innoResults.n'), dataIndex: 'n', align: 'right' },
                    { title: t('innoResults.mad'), dataIndex: 'mad', align: 'right' },
                    { title: t('innoResults.bias'), dataIndex: 'bias', align: 'right' },
                    {
                      title: 'z',
                      dataIndex: 'z',
                      align: 'right',
                      render: (z: number) => Math.round(z * 100) / 100,
                    },
                    {
                      title: '',
                      key: 'flag',
                      render: (_, j) =>
                        j.flagged ? (
                          <Tag color="red" data-testid="judge-flagged">
                            {t('innoResults.flagged')}
                          </Tag>
                        ) : (
                          <Tag>{t('innoResults.ok')}</Tag>
                        ),
                    },
                  ]}
                />
              </Card>
            )}
            <Card
              size="small"
              title={t('innoResults.proposals')}
              data-testid="results-bonus"
              extra={
                office && r.plan ? (
                  <Popconfirm
                    title={t('innoResults.applyConfirm', { plan: r.plan.name, source: r.plan.sourceName })}
                    onConfirm={() => apply.mutate()}
                  >
                    <Button
                      type="primary"
                      icon={<CheckCircleOutlined />}
                      loading={apply.isPending}
                      disabled={r.stale}
                      data-testid="results-apply"
                    >
                      {t('innoResults.apply')}
                    </Button>
                  </Popconfirm>
                ) : null
              }
            >
              <Space orientation="vertical" style={{ width: '100%' }}>
                {r.plan ? (
                  <Typography.Text type="secondary" data-testid="results-plan">
                    {t('innoResults.planLine', {
                      plan: r.plan.name,
                      period: r.plan.period,
                      source: r.plan.sourceName,
                      cap: r.plan.cap ?? t('innoResults.noCap'),
                    })}
                  </Typography.Text>
                ) : (
                  <Alert type="warning" showIcon title={t('innoResults.noPlan')} />
                )}
                {r.applied && (
                  <Alert
                    type="success"
                    showIcon
                    data-testid="results-applied"
                    title={t('innoResults.appliedAt', {
                      at: formatDateTime(r.applied.appliedAt),
                      events: r.applied.events,
                      points: r.applied.points,
                    })}
                  />
                )}
                <Proposals r={r} />
              </Space>
            </Card>
          </Space>
        );
      }}
    </QueryState>
  );
}
