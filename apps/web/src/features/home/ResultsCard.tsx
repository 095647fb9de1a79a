import { Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../shared/auth.js';
import { QueryState } from '../../shared/QueryState.js';
import { usePlans } from '../plans/api.js';
import { useRun } from '../results/api.js';
import { GradeTag } from '../results/GradeTag.js';
import { defaultPeriod, defaultPlan, fmtScore, unitsByGroup } from '../results/ranking.js';

const num = { fontVariantNumeric: 'tabular-nums' as const };

/** Latest results at a glance: the signed-in unit's standing, or the top five of each group for the office. */
export function ResultsCard() {
  const { t } = useTranslation();
  const office = useCan('results.compute');
  const plans = usePlans();
  const plan = useMemo(() => defaultPlan(plans.data ?? []), [plans.data]);
  const period = plan ? defaultPeriod(plan) : undefined;
  const results = useRun(plan?.id, period);
  const groups = useMemo(() => unitsByGroup(results.data?.units ?? []), [results.data]);
  const units = results.data?.units ?? [];
  const showTop = office || units.length > 1;
  const link = plan ? `/results?plan=${plan.id}&period=${period}` : '/results';

  return (
    <Card
      size="small"
      data-testid="home-results"
      title={showTop ? t('home.topFive') : t('home.myResult')}
      extra={<Link to={link}>{t('home.viewResults')}</Link>}
    >
      {!plans.data || (plan && results.isPending && results.fetchStatus !== 'idle') ? (
        <QueryState query={plans} also={[results]} inline testId="home-results" />
      ) : !results.data || units.length === 0 ? (
        <Empty description={t('home.noResult')} />
      ) : (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
            {plan?.name} · {period}
          </Typography.Text>
          {showTop ? (
            <Row gutter={[12, 12]}>
              {groups.map((g) => (
                <Col xs={24} md={12} key={g.group}>
                  <Typography.Text strong>{g.group}</Typography.Text>
                  <Table
                    size="small"
                    rowKey="unit"
                    pagination={false}
                    dataSource={g.units.slice(0, 5)}
                    columns={[
                      { title: t('results.placement'), dataIndex: 'placement', width: 56, align: 'right' },
                      { title: t('results.unit'), dataIndex: 'name' },
                      {
                        title: t('results.total'),
                        dataIndex: 'total',
                        align: 'right',
                        render: (v: number) => <span style={num}>{fmtScore(v)}</span>,
                      },
                      {
                        title: t('results.grade'),
                        key: 'g',
                        render: (_, u) => <GradeTag grade={u.grade} />,
                      },
                    ]}
                  />
                </Col>
              ))}
            </Row>
          ) : (
            units.slice(0, 1).map((u) => (
              <div key={u.unit}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {u.name}
                </Typography.Title>
                <Space size={32} wrap align="end">
                  <Statistic title={t('results.total')} value={fmtScore(u.total)} />
                  <Statistic title={t('results.rank')} value={u.rank} />
                  <div>
                    <Typography.Text type="secondary">{t('results.grade')}</Typography.Text>
                    <div style={{ marginTop: 4 }}>
                      <GradeTag grade={u.grade} />
                    </div>
                  </div>
                </Space>
              </div>
            ))
          )}
        </>
      )}
    </Card>
  );
}
