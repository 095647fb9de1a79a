import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import type { JudgingProject, RubricSettings } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../shared/api.js';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { QueryState } from '../../shared/QueryState.js';
import { SubmitButton } from '../../shared/SubmitButton.js';
import { useSearchParam } from '../../shared/useSearchParam.js';
import { innovationApi, innovationKeys, useJudgedProjects, useJudging } from './api.js';
import { ProjectCard } from './ProjectsPage.js';
import { codedIssues, issueKey, judgingCall, liveTotal, STAGE_COLOR } from './scoring.js';
import { reasonText } from './view.js';

type Values = Record<string, number | null> & { comment?: string };

/** Why the judge may not score a project now, in words (a conflict, a lock, a stage). */
function Refusal({ item }: { item: JudgingProject }) {
  const { t } = useFeedback();
  if (item.locked)
    return (
      <Alert
        type="info"
        showIcon
        icon={<LockOutlined />}
        data-testid="sheet-locked"
        title={t('judging.lockedNote')}
      />
    );
  if (item.conflict.length > 0)
    return (
      <Alert
        type="error"
        showIcon
        data-testid="sheet-refusal"
        title={
          t('judging.conflict') +
          item.conflict
            .map((r) => {
              const s = reasonText(r);
              return t(s.key, s.params);
            })
            .join('；')
        }
      />
    );
  if (!item.canScore && item.refusal)
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="sheet-refusal"
        title={
          t('judging.refused') + t(issueKey(item.refusal.code), { ...item.refusal.params, defaultValue: '' })
        }
      />
    );
  return null;
}

/**
 * One judge's score sheet of a project, on a phone first: one box per criterion with its range and
 * weight, the total as the server will compute it (the engine's rubric arithmetic) while typing,
 * and submit; a locked project reads only. The server's refusals show at their criterion or above.
 */
function SheetForm({
  item,
  rubric,
  onBack,
}: {
  item: JudgingProject;
  rubric: RubricSettings;
  onBack: () => void;
}) {
  const { t, message, showError, queryClient: qc } = useFeedback();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const live = liveTotal(rubric, values ?? item.sheet?.scores ?? {});
  const readOnly = item.locked || !item.canScore;
  const [refused, setRefused] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: Values) =>
      innovationApi.saveSheet(item.project.id, {
        scores: Object.fromEntries(rubric.criteria.map((c) => [c.code, v[c.code] as number])),
        comment: v.comment ?? '',
        version: item.sheet?.version ?? null,
      }),
    onSuccess: (sheet) => {
      setRefused(null);
      message.success(t('judging.saved', { score: sheet.score }));
      void qc.invalidateQueries({ queryKey: innovationKeys.judging });
    },
    onError: (e) => {
      const issues = isApiError(e) ? codedIssues(e.details) : [];
      const text = (i: (typeof issues)[number]) => t(issueKey(i.code), { ...i.params, defaultValue: i.code });
      const atFields = issues.filter((i) => i.path.startsWith('scores.'));
      form.setFields(atFields.map((i) => ({ name: i.path.slice(7), errors: [text(i)] })));
      const rest = issues.filter((i) => !i.path.startsWith('scores.'));
      if (rest.length) setRefused(rest.map(text).join('；'));
      if (!atFields.length && !rest.length) showError(e);
      void qc.invalidateQueries({ queryKey: innovationKeys.judging });
    },
  });
  const total = rubric.total ?? 100;
  return (
    <Card
      size="small"
      data-testid="sheet-form"
      data-project={item.project.id}
      title={
        <Space orientation="vertical" size={0} style={{ whiteSpace: 'normal' }}>
          <Typography.Text strong style={{ wordBreak: 'break-word' }}>
            {item.project.title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.project.unitName} · {item.project.categoryName}
          </Typography.Text>
        </Space>
      }
      extra={
        <Button size="small" icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="sheet-back">
          {t('judging.close')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Refusal item={item} />
        {refused && <Alert type="error" showIcon data-testid="sheet-error" title={refused} />}
        <Form<Values>
          form={form}
          layout="vertical"
          disabled={readOnly}
          initialValues={{ ...(item.sheet?.scores ?? {}), comment: item.sheet?.comment ?? '' }}
          onFinish={(v) => save.mutate(v)}
        >
          {rubric.criteria.map((c) => {
            const issue = live.issues.find((i) => i.path === `scores.${c.code}`);
            return (
              <Form.Item
                key={c.code}
                name={c.code}
                label={`${c.name}（${t('judging.range', { min: c.min, max: c.max, weight: Math.round(c.weight * 10000) / 100 })}）`}
                rules={[{ required: true, message: t('judging.incomplete') }]}
                validateStatus={issue ? 'error' : undefined}
                help={
                  issue ? t(issueKey(issue.code), { ...issue.params, defaultValue: issue.code }) : undefined
                }
              >
                <InputNumber
                  inputMode="decimal"
                  step={1}
                  size="large"
                  style={{ width: '100%' }}
                  placeholder={`${c.min}–${c.max}`}
                  data-testid={`sheet-${c.code}`}
                />
              </Form.Item>
            );
          })}
          <Form.Item name="comment" label={t('judging.comment')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="sheet-comment" />
          </Form.Item>
          <Space
            wrap
            style={{ width: '100%', justifyContent: 'space-between', alignItems: 'baseline' }}
            data-testid="sheet-total-row"
          >
            <Typography.Text>
              {t('judging.total')}：
              <Typography.Text strong style={{ fontSize: 28 }} data-testid="sheet-total">
                {live.score ?? '—'}
              </Typography.Text>{' '}
              <Typography.Text type="secondary">{t('judging.totalOf', { total })}</Typography.Text>
            </Typography.Text>
            {!readOnly && (
              <SubmitButton testId="sheet-submit" size="large" saving={save.isPending}>
                {item.sheet ? t('judging.resubmit') : t('judging.submit')}
              </SubmitButton>
            )}
          </Space>
          {item.sheet && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('judging.sheetAt', { at: formatDateTime(item.sheet.submittedAt) })}
            </Typography.Text>
          )}
        </Form>
      </Space>
    </Card>
  );
}

/**
 * The signed-in judge's projects (我的评审项目), on a phone first: in a defence session the project
 * on stage is drawn out and first; each opens its score sheet (with the rubric), which locks once
 * the chair closes the project. Polled, so the list follows the defence.
 */
export default function JudgePage() {
  const { t } = useFeedback();
  const assigned = useJudgedProjects();
  const [param] = useSearchParam('call');
  const callId = judgingCall(assigned.data ?? [], Number(param) || undefined);
  const judging = useJudging(callId);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="innovation-judging">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('innovationNav.judging')}
      </Typography.Title>
      {assigned.data?.length === 0 && <Empty description={t('innovation.noAssigned')} />}
      <QueryState query={judging} also={[assigned]} testId="judging">
        {(view) => {
          const item = view.projects.find((p) => p.project.id === open);
          if (item)
            return (
              <SheetForm
                key={item.project.id}
                item={item}
                rubric={view.rubric}
                onBack={() => setOpen(null)}
              />
            );
          const onStage = (p: JudgingProject) => p.stage === 'presenting' || p.stage === 'scoring';
          const list = [...view.projects].sort((a, b) => Number(onStage(b)) - Number(onStage(a)));
          return (
            <List
              dataSource={list}
              locale={{ emptyText: <Empty description={t('innovation.noAssigned')} /> }}
              renderItem={(p) => (
                <List.Item
                  key={p.project.id}
                  style={{ display: 'block' }}
                  data-testid={`judging-${p.project.id}`}
                >
                  <ProjectCard
                    project={p.project}
                    highlight={onStage(p)}
                    tags={
                      <>
                        {onStage(p) && <Tag color="magenta">{t('judging.now')}</Tag>}
                        {p.stage && (
                          <Tag color={STAGE_COLOR[p.stage]} data-testid="judging-stage">
                            {t(`defence.stage.${p.stage}`)}
                          </Tag>
                        )}
                        {p.sheet ? (
                          <Tag color="green" data-testid="judging-score">
                            {t('judging.submitted', { score: p.sheet.score })}
                          </Tag>
                        ) : (
                          <Tag>{t('judging.notSubmitted')}</Tag>
                        )}
                      </>
                    }
                  >
                    <Space wrap>
                      <Button
                        type={p.canScore && !p.sheet ? 'primary' : 'default'}
                        onClick={() => setOpen(p.project.id)}
                        data-testid={`judging-open-${p.project.id}`}
                      >
                        {p.locked || !p.canScore
                          ? t('judging.view')
                          : p.sheet
                            ? t('judging.edit')
                            : t('judging.scoreNow')}
                      </Button>
                      {p.session && (
                        <Link to={`/innovation/defence/${p.session.id}`} data-testid="judging-board">
                          <Button type="link">{t('defence.board')}</Button>
                        </Link>
                      )}
                    </Space>
                  </ProjectCard>
                </List.Item>
              )}
            />
          );
        }}
      </QueryState>
    </Space>
  );
}
