import type { CockpitUnitView } from '@jixiao/contracts';
import { Card, Empty, List, Progress, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/format.js';
import { notificationText, useNotifications } from '../../shared/notifications.js';
import { periodName } from '../../shared/periodName.js';
import { QueryState } from '../../shared/QueryState.js';
import { useLivePeriod, useLiveScores } from '../live/api.js';
import { StandingStats } from '../live/UnitCard.js';
import { PlanPeriodPickers, usePlanPeriodChoice } from '../plans/PlanPeriodPickers.js';
import { fmtScore } from '../results/ranking.js';
import { ACCEPTING } from '../submissions/model.js';
import { useUnitView } from './api.js';
import { losingShares } from './charts.js';

/**
 * 我的绩效: a unit head's own standing on a phone (issue 13 point 3): score, rank in the group, grade
 * band, where the unit loses points, and what is due. Readable at 375 px: one column of cards.
 */
export default function MyScorePage() {
  const { t } = useTranslation();
  const choice = usePlanPeriodChoice();
  const { plans, offered, planId, plan } = choice;
  const { period, periods } = useLivePeriod(planId, plan, choice.period);
  // The caller's own units (usually one) come from the live board, which shows a unit only itself.
  const live = useLiveScores(planId, period, !periods.isPending);
  const own = (live.data?.units ?? []).filter((u) => u.unitId !== null);
  const [picked, setPicked] = useState<number | undefined>();
  const unitId = own.find((u) => u.unitId === picked)?.unitId ?? own[0]?.unitId;
  const view = useUnitView(planId, unitId, period);

  if (!plans.data) return <QueryState query={plans} testId="my-score-plans" />;
  if (!offered.length || !plan || !planId) return <Empty description={t('planPicker.none')} />;

  return (
    <Space
      orientation="vertical"
      size={12}
      style={{ width: '100%' }}
      data-testid="my-score"
      data-period={period}
    >
      <Card size="small">
        <Space wrap>
          <PlanPeriodPickers choice={choice} value={period} testId="my-score" width={130} />
          {own.length > 1 && (
            <Segmented
              value={unitId ?? 0}
              onChange={(v) => setPicked(Number(v))}
              options={own.map((u) => ({ value: u.unitId!, label: u.name }))}
            />
          )}
        </Space>
      </Card>
      <QueryState query={live} also={[periods]} testId="my-score-live" />
      {live.data && !own.length && (
        <Empty data-testid="my-score-no-unit" description={t('cockpit.mine.noUnit')} />
      )}
      <QueryState query={view} testId="my-score">
        {(v) => <Standing view={v} planId={planId} />}
      </QueryState>
      <Due planId={planId} windows={periods.data ?? []} />
    </Space>
  );
}

function Standing({ view, planId }: { view: CockpitUnitView; planId: number }) {
  const { t } = useTranslation();
  const u = view.unit;
  const shares = losingShares(view.losing, 8);
  return (
    <>
      <Card
        size="small"
        title={<span data-testid="my-score-unit">{u.name}</span>}
        extra={<Typography.Text type="secondary">{periodName(t, view.period)}</Typography.Text>}
      >
        <StandingStats
          testId="my-score"
          total={u.total}
          rank={u.rank}
          group={u.group}
          groupSize={view.groupSize}
          grade={u.grade}
          lost={u.lostTotal}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('cockpit.computedAt', { at: formatDateTime(view.computedAt) })}
        </Typography.Text>
      </Card>
      <Card size="small" title={t('cockpit.mine.losing')}>
        <List
          data-testid="my-score-losing"
          dataSource={shares}
          locale={{ emptyText: <Empty description={t('cockpit.mine.noLoss')} /> }}
          renderItem={(l) => (
            <List.Item style={{ display: 'block' }} data-code={l.code}>
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <Typography.Text ellipsis style={{ maxWidth: 230 }}>
                  {l.code} {l.name}
                </Typography.Text>
                <Typography.Text type="danger" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  −{fmtScore(l.lost)}
                </Typography.Text>
              </Space>
              <Progress percent={l.percent} showInfo={false} size="small" strokeColor="#cf1322" />
            </List.Item>
          )}
        />
        <Link to={`/live?plan=${planId}&period=${view.period}`} data-testid="my-score-why">
          {t('cockpit.mine.why')}
        </Link>
      </Card>
      {view.lagging.length > 0 && (
        <Card size="small" title={t('cockpit.mine.lagging')}>
          <List
            data-testid="my-score-lagging"
            dataSource={view.lagging}
            renderItem={(l) => (
              <List.Item>
                <Typography.Text ellipsis style={{ maxWidth: 220 }}>
                  {l.indicator} {l.indicatorName}
                </Typography.Text>
                <Tag color={l.status === 'serious' ? 'red' : 'orange'}>
                  {l.ratio === null ? '—' : `${Math.round(l.ratio * 1000) / 10}%`}
                </Tag>
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}

/** What is due: the caller's open to-dos and the reporting periods taking data now, with their due dates. */
function Due({
  planId,
  windows,
}: {
  planId: number;
  windows: readonly { period: string; dueAt: string; state: string }[];
}) {
  const { t } = useTranslation();
  const todos = useNotifications('todo', 1);
  const open = windows.filter((w) => (ACCEPTING as readonly string[]).includes(w.state));
  return (
    <Card size="small" title={t('cockpit.mine.due')} data-testid="my-score-due">
      <List
        size="small"
        dataSource={open}
        locale={{ emptyText: t('cockpit.mine.noOpenPeriod') }}
        renderItem={(w) => (
          <List.Item>
            <Link to={`/submissions?plan=${planId}&period=${w.period}`}>{periodName(t, w.period)}</Link>
            <Typography.Text type="secondary">
              {t('cockpit.mine.dueAt', { at: formatDateTime(w.dueAt) })}
            </Typography.Text>
          </List.Item>
        )}
      />
      <QueryState query={todos} inline testId="my-score-todos">
        {(d) => (
          <List
            size="small"
            data-testid="my-score-todos"
            dataSource={d.items.slice(0, 5)}
            locale={{ emptyText: t('cockpit.mine.noTodo') }}
            renderItem={(n) => (
              <List.Item>
                {n.link ? (
                  <Link to={n.link}>{notificationText(t, n).title}</Link>
                ) : (
                  notificationText(t, n).title
                )}
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </Card>
  );
}
