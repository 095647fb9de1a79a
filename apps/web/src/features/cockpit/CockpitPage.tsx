import {
  AlertOutlined,
  BellOutlined,
  IssuesCloseOutlined,
  PrinterOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { CockpitGroup, CockpitUnit, LaggingItem } from '@jixiao/contracts';
import { Button, Card, Col, Empty, Row, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CompactTable } from '../../shared/CompactTable.js';
import { RankingChart } from '../../shared/charts/RankingChart.js';
import { ExportButton } from '../../shared/export/ExportButton.js';
import type { ExportColumns } from '../../shared/export/tableSheet.js';
import { formatDateTime } from '../../shared/format.js';
import { QueryState } from '../../shared/QueryState.js';
import { useSearchParam } from '../../shared/useSearchParam.js';
import { PlanPeriodPickers, usePlanPeriodChoice } from '../plans/PlanPeriodPickers.js';
import { GradeTag, gradeText } from '../results/GradeTag.js';
import { defaultPeriod, fmtScore } from '../results/ranking.js';
import { useCockpit } from './api.js';
import { ChartEmpty, HeatChart, RadarOf, TrendOf } from './CockpitCharts.js';
import { CockpitMapCard } from './CockpitMapCard.js';
import { aspectRates, emptyReason, traceLink } from './charts.js';
import { KioskLinksButton } from './KioskLinks.js';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

/** The leadership cockpit (领导驾驶舱): who is ahead, who is slipping, where points are lost. */
export default function CockpitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const choice = usePlanPeriodChoice();
  const { plans, offered, planId, plan } = choice;
  const period = choice.period ?? (plan ? defaultPeriod(plan) : undefined);
  const cockpit = useCockpit(planId, period);
  const [groupParam, setGroup] = useSearchParam('group');
  const [unitParam, setUnit] = useSearchParam('unit');
  const c = cockpit.data;
  const group = c?.groups.find((g) => g.group === groupParam) ?? c?.groups[0];
  const unit = group?.units.find((u) => u.unit === unitParam) ?? group?.units[0];
  const trace = (u: CockpitUnit) => (planId && period ? traceLink(planId, period, u.unit) : '/results');

  const columns: ExportColumns<CockpitUnit> = [
    { title: t('cockpit.rank'), dataIndex: 'rank', width: 64, align: 'right' },
    {
      title: t('cockpit.unit'),
      key: 'unit',
      exportValue: (u) => u.name,
      render: (_, u) => (
        <Typography.Link data-testid="cockpit-pick" onClick={() => setUnit(u.unit)}>
          {u.name}
        </Typography.Link>
      ),
    },
    {
      title: t('cockpit.total'),
      dataIndex: 'total',
      width: 90,
      align: 'right',
      render: (v: number) => <span style={num}>{fmtScore(v)}</span>,
    },
    {
      title: t('cockpit.grade'),
      key: 'grade',
      width: 100,
      render: (_, u) => <GradeTag grade={u.grade} />,
      exportValue: (u) => gradeText(u.grade, t),
    },
    {
      title: t('cockpit.lost'),
      dataIndex: 'lostTotal',
      width: 90,
      align: 'right',
      render: (v: number) => <span style={num}>{fmtScore(v)}</span>,
    },
    {
      title: t('cockpit.trace'),
      key: 'trace',
      width: 90,
      exportValue: false,
      render: (_, u) => (
        <Link to={trace(u)} data-testid="cockpit-row-trace">
          {t('cockpit.trace')}
        </Link>
      ),
    },
  ];
  const lagColumns: ExportColumns<LaggingItem> = [
    { title: t('cockpit.group'), dataIndex: 'group', width: 70 },
    { title: t('cockpit.unit'), dataIndex: 'name' },
    { title: t('cockpit.indicator'), key: 'ind', render: (_, l) => `${l.indicator} ${l.indicatorName}` },
    {
      title: t('cockpit.ratio'),
      dataIndex: 'ratio',
      width: 90,
      align: 'right',
      render: (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`),
    },
    {
      title: t('cockpit.status'),
      dataIndex: 'status',
      width: 100,
      exportValue: (l) => t(`cockpit.lag.${l.status}`),
      render: (s: LaggingItem['status']) => (
        <Tag color={s === 'serious' ? 'red' : 'orange'}>{t(`cockpit.lag.${s}`)}</Tag>
      ),
    },
  ];

  const groupTabs = useMemo(
    () =>
      (c?.groups ?? []).map((g) => ({
        key: g.group,
        label: `${g.group} ${g.name === g.group ? '' : g.name} (${g.units.length})`,
      })),
    [c],
  );

  if (!plans.data) return <QueryState query={plans} testId="cockpit-plans" />;
  if (!offered.length || !plan || !planId) return <Empty description={t('planPicker.none')} />;

  return (
    <Space className="cockpit-print" orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <PlanPeriodPickers choice={choice} value={period} testId="cockpit" width={130} />
          {period && <KioskLinksButton planId={planId} period={period} />}
          <Button
            className="no-print"
            icon={<PrinterOutlined />}
            data-testid="cockpit-print"
            onClick={() => window.print()}
          >
            {t('exports.print')}
          </Button>
        </Space>
        {c && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
            {t('cockpit.computedAt', { at: formatDateTime(c.computedAt) })}
          </Typography.Text>
        )}
      </Card>
      <QueryState query={cockpit} testId="cockpit" />
      {c && (
        <Row gutter={[12, 12]}>
          {(
            [
              ['openObjections', IssuesCloseOutlined, '/objections'],
              ['openNotices', BellOutlined, '/notices'],
              ['openRectifications', ToolOutlined, '/rectifications'],
            ] as const
          ).map(([k, Icon, to]) => (
            <Col xs={12} md={6} key={k}>
              <Card size="small">
                <Link to={to}>
                  <Statistic
                    title={t(`cockpit.counts.${k}`)}
                    value={c.counts[k]}
                    prefix={<Icon />}
                    data-testid={`cockpit-count-${k}`}
                  />
                </Link>
              </Card>
            </Col>
          ))}
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t('cockpit.counts.lagging', { period: c.lagPeriod })}
                value={c.lagging.length}
                prefix={<AlertOutlined />}
                data-testid="cockpit-count-lagging"
              />
            </Card>
          </Col>
        </Row>
      )}
      {c && !group && (
        <Card size="small">
          <ChartEmpty reason="cockpit.empty.noUnits" testId="cockpit-empty-units" />
        </Card>
      )}
      {c && group && (
        <Card size="small" styles={{ body: { paddingTop: 0 } }}>
          <Tabs
            data-testid="cockpit-groups"
            activeKey={group.group}
            onChange={(k) => {
              setGroup(k);
              setUnit(undefined);
            }}
            items={groupTabs}
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
                <Typography.Title level={5}>{t('cockpit.ranking')}</Typography.Title>
                <ExportButton
                  columns={columns}
                  rows={group.units}
                  title={`${t('cockpitNav.cockpit')} ${t('cockpit.ranking')} ${group.group}`}
                  testId="cockpit-ranking-export"
                />
              </Space>
              <RankingChart
                testId="cockpit-ranking"
                imageName={`${t('cockpit.ranking')} ${group.group}`}
                height={300}
                units={group.units}
                labels={{ total: t('cockpit.total'), noGrade: t('results.noGrade') }}
                onPick={(u) => setUnit(u.unit)}
              />
              <CompactTable<CockpitUnit>
                data-testid="cockpit-ranking-table"
                rowKey="unit"
                dataSource={group.units}
                columns={columns}
                pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                scroll={{ x: 560 }}
                onRow={(u) => ({ 'data-unit': u.unit }) as object}
              />
            </Col>
            <Col xs={24} xl={12}>
              <Typography.Title level={5}>{t('cockpit.heat')}</Typography.Title>
              <HeatSection group={group} onPick={(u) => navigate(trace(u))} />
            </Col>
          </Row>
          {unit && c && (
            <UnitPanel
              unit={unit}
              group={group}
              aspects={c.aspects}
              trendEmpty={emptyReason('trend', c)}
              radarEmpty={emptyReason('radar', c)}
              traceTo={trace(unit)}
            />
          )}
        </Card>
      )}
      {c && period && <CockpitMapCard planId={planId} period={period} />}
      {c && (
        <Card
          size="small"
          title={t('cockpit.lagging', { period: c.lagPeriod })}
          extra={
            <ExportButton
              columns={lagColumns}
              rows={c.lagging}
              title={`${t('cockpitNav.cockpit')} ${t('cockpit.lagging', { period: c.lagPeriod })}`}
              testId="cockpit-lagging-export"
            />
          }
        >
          <CompactTable<LaggingItem>
            data-testid="cockpit-lagging"
            rowKey={(l) => `${l.unitId}|${l.indicator}`}
            dataSource={c.lagging}
            columns={lagColumns}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 600 }}
            locale={{ emptyText: <Empty description={t('cockpit.empty.noLagging')} /> }}
          />
        </Card>
      )}
    </Space>
  );
}

/** The heat map with its companion list (the indicators losing most, for readers and the tests). */
function HeatSection({ group, onPick }: { group: CockpitGroup; onPick: (u: CockpitUnit) => void }) {
  const { t } = useTranslation();
  if (!group.indicators.length)
    return <ChartEmpty reason="cockpit.empty.noLoss" testId="cockpit-empty-heat" />;
  return (
    <>
      <HeatChart group={group} onPick={(u) => onPick(u)} />
      <CompactTable
        data-testid="cockpit-heat-table"
        rowKey="code"
        dataSource={group.indicators}
        pagination={false}
        columns={[
          { title: t('cockpit.indicator'), key: 'ind', render: (_, i) => `${i.code} ${i.name}` },
          {
            title: t('cockpit.lostInGroup'),
            dataIndex: 'lost',
            width: 120,
            align: 'right',
            render: (v: number) => <span style={num}>{fmtScore(v)}</span>,
          },
        ]}
      />
    </>
  );
}

/** The chosen unit: its radar by aspect, its monthly trend, and the way to its trace. */
function UnitPanel({
  unit,
  group,
  aspects,
  radarEmpty,
  trendEmpty,
  traceTo,
}: {
  unit: CockpitUnit;
  group: CockpitGroup;
  aspects: { code: string; name: string }[];
  radarEmpty: string | null;
  trendEmpty: string | null;
  traceTo: string;
}) {
  const { t } = useTranslation();
  const rates = aspectRates(aspects, unit);
  return (
    <Card
      size="small"
      type="inner"
      style={{ marginTop: 16 }}
      data-testid="cockpit-unit"
      title={
        <Space wrap>
          <span data-testid="cockpit-unit-name">{unit.name}</span>
          <span style={num}>
            {t('cockpit.total')} <b data-testid="cockpit-unit-total">{fmtScore(unit.total)}</b>
          </span>
          <span>
            {t('cockpit.rank')} <b data-testid="cockpit-unit-rank">{unit.rank}</b>
          </span>
          <GradeTag grade={unit.grade} />
        </Space>
      }
      extra={
        <Link to={traceTo} data-testid="cockpit-trace-link">
          <Button type="primary" size="small">
            {t('cockpit.openTrace')}
          </Button>
        </Link>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('cockpit.radar')}</Typography.Title>
          {radarEmpty ? (
            <ChartEmpty reason={radarEmpty} testId="cockpit-empty-radar" />
          ) : (
            <RadarOf aspects={aspects} unit={unit} group={group} />
          )}
          <CompactTable
            data-testid="cockpit-aspects"
            rowKey="code"
            pagination={false}
            dataSource={aspects.map((a, i) => ({ ...a, rate: rates[i] }))}
            locale={{ emptyText: <Empty description={t('cockpit.empty.noAspects')} /> }}
            columns={[
              { title: t('cockpit.aspect'), dataIndex: 'name' },
              {
                title: t('cockpit.rate'),
                dataIndex: 'rate',
                width: 110,
                align: 'right',
                render: (r: number | null) => (r === null ? t('trace.left_out') : `${r}%`),
              },
            ]}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('cockpit.trend')}</Typography.Title>
          {trendEmpty || !unit.trend.length ? (
            <ChartEmpty reason={trendEmpty ?? 'cockpit.empty.noTrendUnit'} testId="cockpit-empty-trend" />
          ) : (
            <TrendOf unit={unit} />
          )}
        </Col>
      </Row>
    </Card>
  );
}
