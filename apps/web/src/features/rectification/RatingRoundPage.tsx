import {
  type DepartmentRating,
  type RatingRound,
  type RatingScores,
  ratingCriteria,
  type unitRating,
} from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { useCan } from '../../shared/auth.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { QueryState } from '../../shared/QueryState.js';
import { unitColumn } from '../../shared/unitColumn.js';
import { ratingApi, rectificationKeys, useRound, useUnitRatings } from './api.js';

type Dept = RatingRound['departments'][number];
type Values = RatingScores & { comment?: string };

/** One department's rating form of the caller's unit: four scores and a comment, saved on its own. */
function RateCard({ round, dept }: { round: RatingRound; dept: Dept }) {
  const { t, message, showError, queryClient } = useFeedback();
  const [form] = Form.useForm<Values>();
  const mine = round.mine?.[String(dept.unitId)];
  const save = useMutation({
    mutationFn: (v: Values) =>
      ratingApi.rate(round.id, dept.unitId, { ...v, comment: v.comment || undefined }),
    onSuccess: () => {
      message.success(t('rating.saved', { name: dept.unitName }));
      void queryClient.invalidateQueries({ queryKey: rectificationKeys.ratings });
    },
    onError: showError,
  });
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {dept.unitName}
          {mine ? <Tag color="success">{t('rating.rated')}</Tag> : <Tag>{t('rating.notRated')}</Tag>}
        </Space>
      }
      data-testid={`rate-${dept.unitCode}`}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={mine ?? undefined}
        onFinish={(v) => save.mutate(v)}
      >
        <Space wrap size={[12, 0]}>
          {ratingCriteria.map((c) => (
            <Form.Item key={c} name={c} label={t(`rating.criteria.${c}`)} rules={[{ required: true }]}>
              <InputNumber
                min={0}
                max={round.max}
                style={{ width: 96 }}
                data-testid={`rate-${dept.unitCode}-${c}`}
              />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="comment" label={t('rating.comment')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={save.isPending}
          data-testid={`rate-${dept.unitCode}-save`}
        >
          {mine ? t('rating.update') : t('rating.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function Results({ round }: { round: RatingRound }) {
  const { t } = useFeedback();
  const mean = (v: number | null) => (v === null ? '—' : v);
  return (
    <CompactTable<DepartmentRating>
      rowKey="unitId"
      dataSource={round.results}
      pagination={false}
      data-testid="rating-results"
      onRow={(d) => ({ 'data-testid': `rating-result-${d.unitCode}` }) as never}
      columns={[
        unitColumn<DepartmentRating>(t('rating.department')),
        { title: t('rating.raters'), dataIndex: 'raters' },
        ...ratingCriteria.map((c) => ({
          title: t(`rating.criteria.${c}`),
          render: (_: unknown, d: DepartmentRating) => mean(d.means[c]),
        })),
        { title: t('rating.overall'), render: (_, d) => <strong>{mean(d.overall)}</strong> },
        {
          title: t('rating.verdict'),
          render: (_, d) => (
            <Space wrap size={4}>
              {d.poor ? (
                <Tag color="orange">{t('rating.poor')}</Tag>
              ) : (
                <Tag color="green">{t('rating.fine')}</Tag>
              )}
              {d.poorLastYear && <Tag>{t('rating.poorLastYear')}</Tag>}
              {d.losesLeadAuthority && (
                <Tag color="red" data-testid={`rating-flag-${d.unitCode}`}>
                  {t('rating.losesLeadAuthority')}
                </Tag>
              )}
              {d.taskId && <Link to={`/rectifications?id=${d.taskId}`}>{t('rating.task')}</Link>}
            </Space>
          ),
        },
      ]}
    />
  );
}

type UnitRating = z.infer<typeof unitRating>;

/**
 * One rating round (S14). The office closes it and reads every unit's rating; a unit rates each
 * department but its own while the round is open; a department reads its own result, the office
 * and the leaders all results.
 */
export default function RatingRoundPage() {
  const { t, showError, queryClient } = useFeedback();
  const id = Number(useParams().id);
  const office = useCan('rating.manage');
  const round = useRound(id);
  const ratings = useUnitRatings(id, office);
  const close = useMutation({
    mutationFn: (r: RatingRound) => ratingApi.close(r.id, r.version),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rectificationKeys.ratings }),
    onError: showError,
  });
  return (
    <QueryState query={round}>
      {(r) => {
        const names = new Map(r.departments.map((d) => [d.unitId, d.unitName]));
        return (
          <Space
            orientation="vertical"
            style={{ width: '100%' }}
            size="middle"
            data-testid="rating-round-page"
          >
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('rating.roundName', { year: r.year })}{' '}
              <Tag color={r.status === 'open' ? 'processing' : 'default'} data-testid="rating-round-status">
                {t(`rating.statuses.${r.status}`)}
              </Tag>
            </Typography.Title>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
              <Descriptions.Item label={t('rating.threshold')}>{r.threshold}</Descriptions.Item>
              <Descriptions.Item label={t('rating.scale')}>{`0–${r.max}`}</Descriptions.Item>
              <Descriptions.Item label={t('rating.rectifyDeadline')}>{r.rectifyDeadline}</Descriptions.Item>
              <Descriptions.Item label={t('rating.departments')}>
                {r.departments.map((d) => d.unitName).join('、')}
              </Descriptions.Item>
              {r.ratings !== null && (
                <Descriptions.Item label={t('rating.ratings')}>{r.ratings}</Descriptions.Item>
              )}
              {r.closedAt && (
                <Descriptions.Item label={t('rating.closedAt')}>
                  {formatDateTime(r.closedAt)}
                </Descriptions.Item>
              )}
            </Descriptions>
            {office && r.status === 'open' && (
              <Button
                type="primary"
                loading={close.isPending}
                onClick={() => close.mutate(r)}
                data-testid="rating-close"
              >
                {t('rating.close')}
              </Button>
            )}
            {r.status === 'closed' && r.results.length > 0 && (
              <Card size="small" title={t('rating.results')}>
                <Results round={r} />
              </Card>
            )}
            {r.status === 'open' && r.myUnitId !== null && (
              <Space orientation="vertical" style={{ width: '100%' }} data-testid="rating-forms">
                <Typography.Text type="secondary">{t('rating.rateHelp', { max: r.max })}</Typography.Text>
                {r.departments
                  .filter((d) => d.unitId !== r.myUnitId)
                  .map((d) => (
                    <RateCard key={d.unitId} round={r} dept={d} />
                  ))}
              </Space>
            )}
            {office && (
              <Card size="small" title={t('rating.unitRatings')}>
                <CompactTable<UnitRating>
                  rowKey={(x) => `${x.raterUnitId}-${x.departmentId}`}
                  loading={ratings.isLoading}
                  dataSource={ratings.data ?? []}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: t('rating.rater'), dataIndex: 'raterName' },
                    {
                      title: t('rating.department'),
                      render: (_, x) => names.get(x.departmentId) ?? x.departmentId,
                    },
                    ...ratingCriteria.map((c) => ({
                      title: t(`rating.criteria.${c}`),
                      render: (_: unknown, x: UnitRating) => x.scores[c],
                    })),
                    { title: t('rating.comment'), render: (_, x) => x.comment ?? '' },
                  ]}
                />
              </Card>
            )}
          </Space>
        );
      }}
    </QueryState>
  );
}
