import type { SurveyComment } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CodeFilter, type CodeFilterSpec, type FilterState, OptionFilter } from '../../shared/CodeFilter.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import {
  type CommentFilter,
  commentKeys,
  commentStep,
  exportUrl,
  useCommentStats,
  useComments,
  useTopics,
} from './api.js';
import { CommentDialog, type Dialog } from './CommentDialogs.js';
import { TopicRules } from './TopicRules.js';

const STATUSES = ['new', 'dispatched', 'answered', 'returned', 'closed'] as const;
const STATUS_FILTER: CodeFilterSpec<'status'> = {
  key: 'status',
  codes: STATUSES,
  labels: 'comments.statuses',
  placeholder: 'comments.status',
  width: 130,
};
const COLOR = {
  new: 'default',
  dispatched: 'processing',
  answered: 'warning',
  returned: 'error',
  closed: 'success',
} as const;

/**
 * Comments (意见建议, H9). The office (`office`) classifies, dispatches, closes or returns them and
 * keeps the topic rules; a unit sees those sent to it and answers with its improvement measure.
 */
export default function CommentsPage({ office }: { office: boolean }) {
  const { t, showError, queryClient } = useFeedback();
  const [filter, setFilter] = useState<CommentFilter>({});
  const filterState: FilterState<CommentFilter> = [filter, setFilter];
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [rules, setRules] = useState(false);
  const comments = useComments(filter);
  const stats = useCommentStats(office);
  const topics = useTopics(office);
  const topicName = new Map((topics.data ?? []).map((x) => [x.code, x.name]));
  const dispatch = useMutation({
    mutationFn: (c: SurveyComment) => commentStep(c.id, { action: 'dispatch', version: c.version }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: commentKeys.all }),
    onError: showError,
  });
  const actions = (c: SurveyComment) => {
    const b = (kind: Dialog['kind'], label: string) => (
      <Button
        size="small"
        key={kind}
        onClick={() => setDialog({ kind, comment: c } as Dialog)}
        data-testid={`comment-${kind}-${c.id}`}
      >
        {label}
      </Button>
    );
    if (!office)
      return c.status === 'dispatched' || c.status === 'returned'
        ? b('answer', t('comments.act.answer'))
        : null;
    return (
      <Space wrap size={4}>
        {c.status !== 'closed' && b('classify', t('comments.act.classify'))}
        {c.status === 'new' && (
          <Button
            size="small"
            disabled={!c.unit}
            onClick={() => dispatch.mutate(c)}
            data-testid={`comment-dispatch-${c.id}`}
          >
            {t('comments.act.dispatch')}
          </Button>
        )}
        {c.status === 'answered' && b('return', t('comments.act.return'))}
        {(c.status === 'new' || c.status === 'answered') && b('close', t('comments.act.close'))}
      </Space>
    );
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="comments-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {office ? t('commentsNav.office') : t('commentsNav.unit')}
      </Typography.Title>
      {office && stats.data && stats.data.length > 0 && (
        <Card size="small" title={t('comments.stats')}>
          <Space wrap>
            {stats.data.slice(0, 12).map((s) => (
              <Tag key={`${s.unitId}|${s.topic}`}>
                {s.unitName ?? t('comments.noUnit')} ·{' '}
                {s.topic ? (topicName.get(s.topic) ?? s.topic) : t('comments.noTopic')}：
                {t('comments.statCell', { total: s.total, open: s.open })}
              </Tag>
            ))}
          </Space>
        </Card>
      )}
      <Card
        size="small"
        title={
          <Space wrap>
            <CodeFilter spec={STATUS_FILTER} state={filterState} testId="comments-filter" />
            {office && (
              <OptionFilter
                field="topic"
                options={(topics.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
                placeholder="comments.topic"
                width={130}
                state={filterState}
                testId="comments-filter"
              />
            )}
          </Space>
        }
        extra={
          <Space wrap>
            {office && (
              <Button onClick={() => setDialog({ kind: 'observation' })}>
                {t('comments.addObservation')}
              </Button>
            )}
            {office && <Button onClick={() => setRules(true)}>{t('comments.topics')}</Button>}
            <Button href={exportUrl(filter)} download>
              {t('comments.export')}
            </Button>
          </Space>
        }
      >
        <CompactTable<SurveyComment>
          rowKey="id"
          loading={comments.isLoading}
          dataSource={comments.data ?? []}
          pagination={{ pageSize: 20 }}
          data-testid="comment-list"
          columns={[
            {
              title: t('comments.text'),
              dataIndex: 'text',
              render: (v) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>,
            },
            { title: t('comments.unit'), render: (_, c) => c.unit?.name ?? '—' },
            ...(office
              ? [
                  {
                    title: t('comments.topic'),
                    render: (_: unknown, c: SurveyComment) =>
                      c.topic
                        ? `${topicName.get(c.topic) ?? c.topic}${c.classifiedBy === 'manual' ? ' ✎' : ''}`
                        : '—',
                  },
                  {
                    title: t('comments.source'),
                    render: (_: unknown, c: SurveyComment) => t(`comments.sources.${c.source}`),
                  },
                ]
              : []),
            {
              title: t('comments.status'),
              render: (_, c) => <Tag color={COLOR[c.status]}>{t(`comments.statuses.${c.status}`)}</Tag>,
            },
            {
              title: t('comments.answer'),
              render: (_, c) => (
                <span style={{ whiteSpace: 'pre-wrap' }}>
                  {c.answer ?? '—'}
                  {c.officeNote && (
                    <Typography.Text type="secondary">
                      <br />
                      {t('comments.officeNote', { note: c.officeNote })}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            { title: t('comments.createdAt'), render: (_, c) => formatDateTime(c.createdAt) },
            { title: '', render: (_, c) => actions(c) },
          ]}
        />
      </Card>
      {dialog && <CommentDialog dialog={dialog} onClose={() => setDialog(null)} />}
      {rules && <TopicRules onClose={() => setRules(false)} />}
    </Space>
  );
}
