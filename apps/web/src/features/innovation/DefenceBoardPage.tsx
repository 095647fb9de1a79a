import type { BoardItem, DefenceAction, DefenceBoard } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { CompactTable } from '../../shared/CompactTable.js';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { QueryState } from '../../shared/QueryState.js';
import { innovationApi, innovationKeys, useDefenceBoard } from './api.js';
import { Countdown } from './Countdown.js';
import { NEXT_ACTION, STAGE_COLOR } from './scoring.js';

/** The chair's button for the next step of a project (结束并锁定 asks first: it locks the scores). */
function StepButton({
  item,
  action,
  pending,
  onStep,
  size,
}: {
  item: BoardItem;
  action: DefenceAction;
  pending: boolean;
  onStep: (item: BoardItem, action: DefenceAction) => void;
  size?: 'small' | 'large';
}) {
  const { t } = useFeedback();
  const button = (
    <Button
      type="primary"
      danger={action === 'close'}
      size={size}
      loading={pending}
      onClick={action === 'close' ? undefined : () => onStep(item, action)}
      data-testid={`defence-${action}`}
    >
      {t(`defence.action.${action}`)}
    </Button>
  );
  return action === 'close' ? (
    <Popconfirm title={t('defence.closeConfirm')} onConfirm={() => onStep(item, action)}>
      {button}
    </Popconfirm>
  ) : (
    button
  );
}

/** The judges' scores of the project on stage: names for the chair and the office (or 评委1, 2…). */
function Scores({ item }: { item: BoardItem }) {
  const { t } = useFeedback();
  if (!item.scores) return null;
  if (item.scores.length === 0)
    return <Typography.Text type="secondary">{t('defence.noScores')}</Typography.Text>;
  return (
    <CompactTable
      data-testid="defence-scores"
      rowKey={(_, i) => String(i)}
      dataSource={item.scores}
      columns={[
        {
          title: t('defence.judge'),
          key: 'judge',
          render: (_, s, i) => s.judge?.name ?? t('innoResults.anonJudge', { n: i + 1 }),
        },
        {
          title: t('defence.score'),
          dataIndex: 'score',
          align: 'right',
          render: (v: number) => <b style={{ fontVariantNumeric: 'tabular-nums' }}>{v}</b>,
        },
        {
          title: t('defence.at'),
          dataIndex: 'submittedAt',
          render: (v: string) => formatDateTime(v).slice(11),
        },
      ]}
    />
  );
}

/** The project on stage, large enough for a projector: its clock, how many judges scored, the next step. */
function CurrentCard({
  board,
  receivedAt,
  pending,
  onStep,
}: {
  board: DefenceBoard;
  receivedAt: number;
  pending: boolean;
  onStep: (item: BoardItem, action: DefenceAction) => void;
}) {
  const { t } = useFeedback();
  const item = board.items.find((i) => i.projectId === board.current?.projectId);
  const next = board.items.find((i) => i.stage === 'waiting');
  if (!item)
    return (
      <Card size="small" data-testid="defence-current">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary">{t('defence.noCurrent')}</Typography.Text>
          {next && board.session.can.drive && (
            <Space wrap>
              <Typography.Text>
                {t('defence.next')}：{next.position}. {next.title}
              </Typography.Text>
              <StepButton item={next} action="present" pending={pending} onStep={onStep} size="large" />
            </Space>
          )}
        </Space>
      </Card>
    );
  const action = NEXT_ACTION[item.stage];
  return (
    <Card
      size="small"
      data-testid="defence-current"
      data-project={item.projectId}
      data-stage={item.stage}
      title={t('defence.current')}
      extra={<Tag color={STAGE_COLOR[item.stage]}>{t(`defence.stage.${item.stage}`)}</Tag>}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} md={14}>
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Typography.Title
              level={3}
              style={{ margin: 0, wordBreak: 'break-word' }}
              data-testid="defence-title"
            >
              {item.position}. {item.title}
            </Typography.Title>
            <Typography.Text type="secondary">
              {item.unitName} · {item.categoryName}
            </Typography.Text>
            <Typography.Text style={{ fontSize: 20 }} data-testid="defence-submitted">
              {t('defence.submitted', { submitted: item.submitted, assigned: item.assigned })}
            </Typography.Text>
            {item.aggregate && (
              <Typography.Text data-testid="defence-aggregate">
                {t('defence.aggregate', {
                  score: item.aggregate.score,
                  n: item.aggregate.n,
                  trimmed: item.aggregate.trimmed ? t('defence.trimmedNote') : '',
                })}
              </Typography.Text>
            )}
            {action && board.session.can.drive && (
              <div style={{ marginTop: 8 }}>
                <StepButton item={item} action={action} pending={pending} onStep={onStep} size="large" />
              </div>
            )}
          </Space>
        </Col>
        <Col xs={24} md={10}>
          {item.stage === 'presenting' && item.presentingAt && item.deadline ? (
            <Countdown
              startedAt={item.presentingAt}
              deadline={item.deadline}
              serverNow={board.now}
              receivedAt={receivedAt}
            />
          ) : (
            <Scores item={item} />
          )}
        </Col>
      </Row>
    </Card>
  );
}

/**
 * The defence board (答辩看板) of a session, for the office and the chair: the running order with
 * each project's stage, the project on stage with its countdown (on the server's clock), how many
 * judges scored it and their scores, and the chair's steps 开始陈述 → 进入评分 → 结束并锁定 (closing
 * locks the project's scores). Polled every 2 s; readable on a projector and on a phone.
 */
export default function DefenceBoardPage() {
  const sessionId = Number(useParams().sessionId);
  const { t, message, showError, queryClient: qc } = useFeedback();
  const board = useDefenceBoard(sessionId);
  const step = useMutation({
    mutationFn: ({ item, action }: { item: BoardItem; action: DefenceAction }) =>
      innovationApi.stepSession(sessionId, {
        projectId: item.projectId,
        action,
        version: board.data!.session.version,
      }),
    onSuccess: (b, { action }) => {
      qc.setQueryData(innovationKeys.defence(sessionId), b);
      void qc.invalidateQueries({ queryKey: innovationKeys.all });
      message.success(t(`defence.done.${action}`));
    },
    onError: (e) => {
      showError(e);
      void qc.invalidateQueries({ queryKey: innovationKeys.defence(sessionId) });
    },
  });
  const onStep = (item: BoardItem, action: DefenceAction) => step.mutate({ item, action });
  return (
    <QueryState query={board} testId="defence">
      {(b) => {
        const s = b.session;
        const currentId = b.current?.projectId;
        return (
          <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="defence-board">
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }}>
                {s.title}
              </Typography.Title>
              <Space wrap size={[4, 4]}>
                <Tag
                  color={
                    s.status === 'running' ? 'processing' : s.status === 'finished' ? 'success' : 'default'
                  }
                >
                  {t(`defence.status.${s.status}`)}
                </Tag>
                <Tag data-testid="defence-progress">
                  {t('defence.progress', { closed: s.closed, projects: s.projects })}
                </Tag>
                <Tag>{t('defence.minutesShort', { n: s.minutes })}</Tag>
                {s.chair && (
                  <Tag>
                    {t('defence.chair')}：{s.chair.name}
                  </Tag>
                )}
              </Space>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('defence.live')}
            </Typography.Text>
            <CurrentCard
              board={b}
              receivedAt={board.dataUpdatedAt}
              pending={step.isPending}
              onStep={onStep}
            />
            <Card size="small" title={t('defence.order')}>
              <CompactTable<BoardItem>
                data-testid="defence-order"
                rowKey="projectId"
                dataSource={b.items}
                locale={{ emptyText: <Empty /> }}
                onRow={(r) => ({
                  'data-testid': `defence-row-${r.projectId}`,
                  style: r.projectId === currentId ? { fontWeight: 600 } : undefined,
                })}
                columns={[
                  { title: t('defence.position'), dataIndex: 'position', width: 48 },
                  {
                    title: t('defence.project'),
                    key: 'title',
                    render: (_, r) => (
                      <div style={{ maxWidth: 320, whiteSpace: 'normal', wordBreak: 'break-word' }}>
                        {r.title}
                        <div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {r.unitName} · {r.categoryName}
                          </Typography.Text>
                        </div>
                      </div>
                    ),
                  },
                  {
                    title: t('defence.stageCol'),
                    key: 'stage',
                    render: (_, r) => (
                      <Tag color={STAGE_COLOR[r.stage]} data-testid="defence-stage">
                        {t(`defence.stage.${r.stage}`)}
                      </Tag>
                    ),
                  },
                  {
                    title: t('defence.scores'),
                    key: 'submitted',
                    render: (_, r) => (
                      <span style={{ whiteSpace: 'nowrap' }}>
                        {t('defence.submitted', { submitted: r.submitted, assigned: r.assigned })}
                      </span>
                    ),
                  },
                  {
                    title: t('innoResults.score'),
                    key: 'aggregate',
                    align: 'right',
                    render: (_, r) => (r.aggregate ? <b>{r.aggregate.score}</b> : '—'),
                  },
                ]}
              />
            </Card>
          </Space>
        );
      }}
    </QueryState>
  );
}
