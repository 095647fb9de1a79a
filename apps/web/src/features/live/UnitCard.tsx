import type { LiveScores } from '@jixiao/contracts';
import { Card, Col, Grid, Row, Statistic, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { CodeName } from '../../shared/CodeName.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { explainT, renderStep, renderSteps, renderVars } from '../results/formula.js';
import { fmtScore } from '../results/ranking.js';
import { SourceList } from '../results/SourceList.js';
import { type LostRow, lostRows, totalLost } from './lost.js';

export type LiveUnit = LiveScores['units'][number];

export function GradeMark({ grade }: { grade: LiveUnit['grade'] }) {
  const { t } = useTranslation();
  return grade ? (
    <Tag color={grade.color} data-testid="live-grade">
      {grade.name}
    </Tag>
  ) : (
    <Tag>{t('live.noGrade')}</Tag>
  );
}

/**
 * A unit's standing in four figures: total, rank in its group (of `groupSize` when given), grade and
 * points lost; test ids `${testId}-total`, `-rank`, `-lost-total`. The live card and the unit view share it.
 */
export function StandingStats({
  testId,
  total,
  rank,
  group,
  groupSize,
  grade,
  lost,
}: {
  testId: string;
  total: number;
  rank: number;
  group: string;
  groupSize?: number;
  grade: LiveUnit['grade'];
  lost: number;
}) {
  const { t } = useTranslation();
  return (
    <Row gutter={16} style={{ marginBottom: 12 }}>
      <Col xs={12} md={6}>
        <Statistic title={t('live.total')} value={fmtScore(total)} data-testid={`${testId}-total`} />
      </Col>
      <Col xs={12} md={6}>
        <Statistic
          title={t('live.rankInGroup', { group })}
          value={rank}
          suffix={groupSize === undefined ? undefined : `/ ${groupSize}`}
          data-testid={`${testId}-rank`}
        />
      </Col>
      <Col xs={12} md={6}>
        <Typography.Text type="secondary">{t('live.grade')}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <GradeMark grade={grade} />
        </div>
      </Col>
      <Col xs={12} md={6}>
        <Statistic
          title={t('live.lostTotal')}
          value={fmtScore(lost)}
          styles={{ content: { color: '#cf1322' } }}
          data-testid={`${testId}-lost-total`}
        />
      </Col>
    </Row>
  );
}

/** A unit's own view: total, rank, grade and the indicators losing points with the reason. */
export function UnitCard({ unit, planId }: { unit: LiveUnit; planId: number }) {
  const { t } = useTranslation();
  const tf = explainT(t);
  const rows = lostRows(unit.lost ?? [], (vars) => renderVars(vars, tf));
  // On a phone the "why" column is off screen: the sources sit under the indicator's name.
  const narrow = Grid.useBreakpoint().sm === false;
  const sources = (r: LostRow) => (
    <SourceList
      sources={r.sources ?? []}
      ctx={{ planId, unit: unit.unit, unitId: unit.unitId }}
      testId="live-sources"
    />
  );
  const columns: ColumnsType<LostRow> = [
    {
      title: t('live.indicator'),
      key: 'ind',
      render: (_, r) => (
        <CodeName code={r.code} name={r.name}>
          {r.missing && (
            <Tag color="orange" style={{ marginLeft: 4 }}>
              {t('live.missingValue')}
            </Tag>
          )}
          {narrow && sources(r)}
        </CodeName>
      ),
    },
    { title: t('live.full'), dataIndex: 'full', width: 70, align: 'right' },
    { title: t('live.score'), key: 'score', width: 80, align: 'right', render: (_, r) => fmtScore(r.score) },
    {
      title: t('live.lost'),
      key: 'lost',
      width: 80,
      align: 'right',
      render: (_, r) =>
        r.leftOut ? (
          <Tag data-testid="live-left-out" style={{ marginInlineEnd: 0 }}>
            {t('trace.left_out')}
          </Tag>
        ) : (
          <Typography.Text type="danger">−{fmtScore(r.lost)}</Typography.Text>
        ),
    },
    {
      title: t('live.why'),
      key: 'why',
      render: (_, r) => (
        <div style={{ fontSize: 12 }}>
          <div>
            <Typography.Text type="secondary">{t('live.formula')}：</Typography.Text>
            <code>{renderSteps(r.steps, tf)}</code>
          </div>
          <div>
            <Typography.Text type="secondary">{t('live.inputs')}：</Typography.Text>
            <code>{r.inputs || '—'}</code>
          </div>
          {r.notes.length > 0 && (
            <Typography.Text type="secondary">
              {r.notes.map((n) => renderStep(n, tf)).join(tf('sep'))}
            </Typography.Text>
          )}
          {!narrow && sources(r)}
        </div>
      ),
    },
  ];
  return (
    <Card size="small" title={`${unit.unit} ${unit.name}`} data-testid={`live-unit-${unit.unit}`}>
      <StandingStats
        testId="live"
        total={unit.total}
        rank={unit.rank}
        group={unit.group}
        grade={unit.grade}
        lost={totalLost(rows)}
      />
      <Typography.Title level={5}>
        {t('live.losing', { n: rows.filter((r) => !r.leftOut).length })}
      </Typography.Title>
      <CompactTable<LostRow>
        data-testid="live-lost"
        rowKey="code"
        dataSource={rows}
        columns={columns}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('live.noLoss') }}
      />
    </Card>
  );
}
