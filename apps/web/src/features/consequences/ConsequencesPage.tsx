import { DownloadOutlined } from '@ant-design/icons';
import type { RunConsequences } from '@jixiao/contracts';
import { Button, Card, Empty, Grid, List, Select, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../shared/QueryState.js';
import { useSearchParam } from '../../shared/useSearchParam.js';
import { PlanPicker, usePlanChoice } from '../plans/PlanPicker.js';
import { useRun } from '../results/api.js';
import { GradeTag } from '../results/GradeTag.js';
import { fmtScore } from '../results/ranking.js';
import { consequencesExportUrl, useConsequences } from './api.js';
import { gradeNamer, LineItem } from './LineItem.js';
import { lineKey } from './lines.js';

type Row = RunConsequences['units'][number];

/**
 * 结果运用 (issue 11 point 5): per unit every consequence line of the year-end results with the rule
 * that produced it and its inputs, filtered by rule, exported for the organisation department. A
 * unit sees its own row; each unit links to its archive (point 7).
 */
export default function ConsequencesPage() {
  const { t } = useTranslation();
  const narrow = Grid.useBreakpoint().sm === false;
  const [rule, setRule] = useSearchParam('rule');
  const { plans, offered, plan, planId, setPlan } = usePlanChoice({
    includeArchived: true,
    resets: ['rule'],
  });
  const yearly = useMemo(() => offered.filter((p) => !p.adHoc), [offered]);
  const period = plan && !plan.adHoc ? `${plan.year}-Y` : undefined;
  const run = useRun(planId, period);
  const runId = run.data?.id;
  const data = useConsequences(planId, runId);

  const c = data.data;
  const rules = useMemo(() => new Map((c?.rules ?? []).map((r) => [r.code, r])), [c]);
  const gradeName = useMemo(() => gradeNamer((c?.units ?? []).map((u) => u.grade)), [c]);
  const rows = useMemo(
    () =>
      (c?.units ?? [])
        .map((u) => ({ ...u, lines: rule ? u.lines.filter((l) => l.rule === rule) : u.lines }))
        .filter((u) => !rule || u.lines.length > 0),
    [c, rule],
  );

  if (!plans.data) return <QueryState query={plans} testId="consequences-plans" />;
  if (!yearly.length) return <Empty description={t('results.noPlans')} />;

  const unitCell = (u: Row) => (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong>{u.name}</Typography.Text>
      <Space size={6}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {u.unit} · {u.group}
        </Typography.Text>
        <Link
          data-testid={`consequences-archive-${u.unit}`}
          to={`/archive/${encodeURIComponent(u.unit)}?system=${c?.systemId ?? ''}`}
        >
          {t('consequences.archiveLink')}
        </Link>
      </Space>
    </Space>
  );
  const linesCell = (u: Row) =>
    u.lines.length ? (
      u.lines.map((l) => (
        <LineItem key={lineKey(l)} line={l} rule={rules.get(l.rule)} gradeName={gradeName} />
      ))
    ) : (
      <Typography.Text type="secondary">{t('consequences.noLines')}</Typography.Text>
    );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="consequences-page">
      <Card size="small">
        <Space wrap style={narrow ? { width: '100%' } : undefined}>
          <PlanPicker offered={yearly} value={planId} onChange={setPlan} testId="consequences-plan-select" />
          {c && (
            <Select
              data-testid="consequences-rule-filter"
              allowClear
              placeholder={t('consequences.filterRule')}
              style={{ minWidth: narrow ? '100%' : 260 }}
              value={rule ?? undefined}
              onChange={(v?: string) => setRule(v)}
              options={c.rules.map((r) => ({
                value: r.code,
                label: `${r.name}${r.ref ? ` · ${r.ref}` : ''}`,
              }))}
            />
          )}
          {c && planId && (
            <Button
              data-testid="consequences-export"
              icon={<DownloadOutlined />}
              href={consequencesExportUrl(planId, c.runId)}
              download
            >
              {t('consequences.export')}
            </Button>
          )}
        </Space>
        {c && (
          <div style={{ marginTop: 8 }}>
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              data-testid="consequences-archive-years"
            >
              {c.archive.length
                ? t('consequences.archiveYears', {
                    years: c.archive.map((a) => a.year).join(t('consequences.sep')),
                  })
                : t('consequences.noArchive')}
              {' · '}
              {t('consequences.count', {
                units: rows.length,
                lines: rows.reduce((n, u) => n + u.lines.length, 0),
              })}
            </Typography.Text>
          </div>
        )}
      </Card>
      <QueryState query={run} inline testId="consequences-run" />
      {run.data === null && <Empty data-testid="consequences-empty" description={t('consequences.noRun')} />}
      {run.data && <QueryState query={data} inline testId="consequences" />}
      {c &&
        (narrow ? (
          <List
            data-testid="consequences-table"
            dataSource={rows}
            rowKey="unit"
            renderItem={(u) => (
              <List.Item data-testid={`consequences-row-${u.unit}`} style={{ display: 'block' }}>
                <Space wrap size={6} style={{ marginBottom: 4 }}>
                  {unitCell(u)}
                  <span>
                    {t('consequences.rank')} {u.rank}
                  </span>
                  <span>{fmtScore(u.total)}</span>
                  <GradeTag grade={u.grade} />
                </Space>
                {linesCell(u)}
              </List.Item>
            )}
          />
        ) : (
          <Table<Row>
            data-testid="consequences-table"
            size="small"
            rowKey="unit"
            dataSource={rows}
            pagination={{ pageSize: 50, showSizeChanger: true }}
            onRow={(u) =>
              ({ 'data-testid': `consequences-row-${u.unit}` }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: t('consequences.unit'), key: 'unit', width: 240, render: (_, u) => unitCell(u) },
              {
                title: t('consequences.rank'),
                dataIndex: 'rank',
                width: 70,
                sorter: (a, b) => a.group.localeCompare(b.group) || a.rank - b.rank,
              },
              {
                title: t('consequences.total'),
                key: 'total',
                width: 90,
                render: (_, u) => fmtScore(u.total),
              },
              {
                title: t('consequences.grade'),
                key: 'grade',
                width: 90,
                render: (_, u) => <GradeTag grade={u.grade} />,
              },
              { title: t('consequences.lines'), key: 'lines', render: (_, u) => linesCell(u) },
            ]}
          />
        ))}
    </Space>
  );
}
