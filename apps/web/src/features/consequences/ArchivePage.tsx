import { Card, Empty, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { EChart } from '../../shared/charts/EChart.js';
import { buildTrendChartOption } from '../../shared/charts/trendChart.js';
import { QueryState } from '../../shared/QueryState.js';
import { GradeTag } from '../results/GradeTag.js';
import { fmtScore } from '../results/ranking.js';
import { useUnitArchive } from './api.js';
import { gradeNamer, LineItem } from './LineItem.js';
import { lineKey } from './lines.js';

/**
 * A unit's archive (考核纪实档案, W5): rank and total over the released years as a trend, then each
 * year with its grade, awards and consequence lines. One column, readable at 375 px.
 */
export default function ArchivePage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const [params] = useSearchParams();
  const system = Number(params.get('system')) || undefined;
  const archive = useUnitArchive(code, system);
  const a = archive.data;
  const labels = useMemo(
    () => ({ total: t('consequences.archive.totalAxis'), rank: t('consequences.archive.rankAxis') }),
    [t],
  );
  const option = useMemo(() => buildTrendChartOption(a?.years ?? [], labels), [a, labels]);
  const gradeName = useMemo(() => gradeNamer((a?.years ?? []).map((y) => y.grade)), [a]);

  if (!a) return <QueryState query={archive} testId="archive" />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="archive-page">
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="archive-title">
        {t('consequences.archive.title', { name: a.name, unit: a.unit })}
      </Typography.Title>
      {a.years.length === 0 ? (
        <Empty description={t('consequences.archive.empty')} />
      ) : (
        <Card size="small" title={t('consequences.archive.trend')}>
          <EChart option={option} testId="archive-trend-chart" height={240} />
        </Card>
      )}
      {[...a.years].reverse().map((y) => {
        const rules = new Map(y.rules.map((r) => [r.code, r]));
        return (
          <Card
            key={y.year}
            size="small"
            data-testid={`archive-year-${y.year}`}
            title={t('consequences.archive.year', { year: y.year })}
          >
            <Space wrap size={8} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{fmtScore(y.total)}</Typography.Text>
              <span>{t('consequences.archive.place', { rank: y.rank, size: y.groupSize })}</span>
              <Typography.Text type="secondary">{y.group}</Typography.Text>
              <GradeTag grade={y.grade} />
              {y.vetoed && <Tag color="red">{t('consequences.archive.vetoed')}</Tag>}
              {y.awards.map((name) => (
                <Tag key={name} color="gold">
                  {name}
                </Tag>
              ))}
            </Space>
            {y.lines.map((l) => (
              <LineItem key={lineKey(l)} line={l} rule={rules.get(l.rule)} gradeName={gradeName} />
            ))}
          </Card>
        );
      })}
    </Space>
  );
}
