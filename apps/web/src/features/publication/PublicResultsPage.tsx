import { ArrowLeftOutlined } from '@ant-design/icons';
import type { PublicRunSummary } from '@jixiao/contracts';
import { Card, Empty, List, Result, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api.js';
import { LangSwitch } from '../../shared/LangSwitch.js';
import { periodName } from '../../shared/periodName.js';
import { QueryState } from '../../shared/QueryState.js';
import { usePublicRun, usePublicRuns } from './api.js';
import { RankedGroupTable } from './RankedGroupTable.js';

/**
 * The public results page (S13): `/public/results` lists what the office made public,
 * `/public/results/<run>` shows one run's ranking per group. No sign-in, readable on a phone.
 */
export default function PublicResultsPage() {
  const { t } = useTranslation();
  const runId = Number(useParams().runId) || undefined;
  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: 12 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 8 }}>
        <Typography.Title level={3} style={{ margin: '8px 0' }}>
          {t('publicResults.title')}
        </Typography.Title>
        <LangSwitch size="small" />
      </div>
      {runId ? <PublicRun runId={runId} /> : <PublicRunList />}
    </div>
  );
}

function RunHeading({ run }: { run: PublicRunSummary }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={4}>
      <Tag color={run.status === 'released' ? 'green' : 'gold'}>
        {t(`publicResults.status.${run.status}`)}
      </Tag>
      <Typography.Text type="secondary">
        {run.releasedDay
          ? t('publicResults.releasedDay', { day: run.releasedDay })
          : t('publicResults.publicityDays', { from: run.from, to: run.to })}
      </Typography.Text>
    </Space>
  );
}

function PublicRunList() {
  const { t } = useTranslation();
  const runs = usePublicRuns();
  return (
    <QueryState query={runs} testId="public-results">
      {(list) =>
        list.length === 0 ? (
          <Empty description={t('publicResults.none')} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('publicResults.intro')}</Typography.Paragraph>
            <List
              data-testid="public-runs"
              dataSource={list}
              renderItem={(run) => (
                <List.Item>
                  <Link
                    to={`/public/results/${run.runId}`}
                    data-testid="public-run"
                    style={{ width: '100%' }}
                  >
                    <Card size="small" hoverable>
                      <Typography.Text strong>
                        {periodName(t, run.period)} · {run.system}
                      </Typography.Text>
                      <div>{run.plan}</div>
                      <RunHeading run={run} />
                    </Card>
                  </Link>
                </List.Item>
              )}
            />
          </>
        )
      }
    </QueryState>
  );
}

function PublicRun({ runId }: { runId: number }) {
  const { t } = useTranslation();
  const run = usePublicRun(runId);
  const back = (
    <Link to="/public/results">
      <ArrowLeftOutlined /> {t('publicResults.back')}
    </Link>
  );
  if (isApiError(run.error) && run.error.status === 404)
    return <Result status="404" title={t('publicResults.notFound')} extra={back} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {back}
      <QueryState query={run} testId="public-run">
        {(r) => (
          <>
            <Typography.Title level={4} data-testid="public-run-title" style={{ marginTop: 0 }}>
              {periodName(t, r.period)} · {r.system}
            </Typography.Title>
            <div>{r.plan}</div>
            <RunHeading run={r} />
            {r.groups.map((g) => (
              <div key={g.code} style={{ marginTop: 16 }}>
                <Typography.Title level={5}>{g.name}</Typography.Title>
                <RankedGroupTable group={g} />
              </div>
            ))}
          </>
        )}
      </QueryState>
    </Space>
  );
}
