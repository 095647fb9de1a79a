import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { AssignmentBoard, Judge } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, InputNumber, List, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { FormModal } from '../../shared/FormModal.js';
import { useFeedback } from '../../shared/feedback.js';
import { QueryState } from '../../shared/QueryState.js';
import { ReasonItem } from '../../shared/ReasonInput.js';
import { ReasonModal } from '../../shared/ReasonModal.js';
import { innovationApi, innovationKeys, useBoard, useCall } from './api.js';
import { categoryName, reasonText } from './view.js';

type BoardProject = AssignmentBoard['projects'][number];

/** The office adds a judge to a project by hand: an expert who may judge it, and a reason. */
function AddJudgeDialog({
  callId,
  project,
  board,
  onClose,
}: {
  callId: number;
  project: BoardProject;
  board: AssignmentBoard;
  onClose: () => void;
}) {
  const { t, message, showError, queryClient: qc } = useFeedback();
  const [form] = Form.useForm<{ expertId: number; reason: string }>();
  const taken = new Set([
    ...project.judges.map((j) => j.expertId),
    ...project.excluded.map((x) => x.expertId),
  ]);
  const save = useMutation({
    mutationFn: (v: { expertId: number; reason: string }) =>
      innovationApi.addJudge(callId, {
        projectId: project.projectId,
        expertId: v.expertId,
        reason: v.reason.trim(),
      }),
    onSuccess: (b) => {
      qc.setQueryData(innovationKeys.board(callId), b);
      message.success(t('innovation.judgeAdded'));
      onClose();
    },
    onError: showError,
  });
  return (
    <FormModal
      form={form}
      mutation={save}
      onClose={onClose}
      title={t('innovation.addJudgeTo', { title: project.title })}
      okButtonProps={{ 'data-testid': 'judge-add-ok' } as never}
    >
      <Form.Item name="expertId" label={t('innovation.expert')} rules={[{ required: true }]}>
        <Select
          data-testid="judge-add-expert"
          showSearch={{ optionFilterProp: 'label' }}
          options={board.experts
            .filter((e) => !taken.has(e.expertId))
            .map((e) => ({
              value: e.expertId,
              label: t('innovation.expertLoad', { name: e.name, load: e.load }),
            }))}
        />
      </Form.Item>
      <ReasonItem label={t('innovation.overrideReason')} testId="judge-add-reason" max={500} />
    </FormModal>
  );
}

/**
 * The judges of a call's projects (issue 12 point 3): run the automatic assignment (N judges per
 * project, or a panel per category; load balanced, conflicts avoided), see each project's judges
 * and why every other expert may not judge it, and override by hand — add or remove a judge — with
 * a reason (audited).
 */
export default function AssignmentPage() {
  const callId = Number(useParams().id);
  const { t, message, showError, queryClient: qc } = useFeedback();
  const call = useCall(callId);
  const board = useBoard(callId);
  const [mode, setMode] = useState<'perProject' | 'panelPerCategory'>('perProject');
  const [n, setN] = useState<number>(3);
  const [adding, setAdding] = useState<BoardProject | null>(null);
  const [removing, setRemoving] = useState<Judge | null>(null);
  const done = (b: AssignmentBoard) => {
    qc.setQueryData(innovationKeys.board(callId), b);
    void qc.invalidateQueries({ queryKey: innovationKeys.all });
  };
  const auto = useMutation({
    mutationFn: () => innovationApi.autoAssign(callId, { mode, n }),
    onSuccess: (b) => {
      done(b);
      message.success(t('innovation.assigned'));
    },
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: (reason: string) => innovationApi.removeJudge(removing!.id, reason),
    onSuccess: (b) => {
      done(b);
      setRemoving(null);
      message.success(t('innovation.judgeRemoved'));
    },
    onError: showError,
  });
  return (
    <QueryState query={board} also={[call]} testId="board">
      {(b) => {
        const categories = call.data?.categories ?? [];
        const short = new Map(b.shortfalls.map((s) => [s.projectId, s]));
        return (
          <Space
            orientation="vertical"
            style={{ width: '100%' }}
            size="middle"
            data-testid="innovation-board"
          >
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('innovation.assignmentOf', { title: call.data?.title ?? '' })}
            </Typography.Title>
            <Card size="small" title={t('innovation.autoTitle')}>
              <Space wrap>
                <Select
                  value={mode}
                  onChange={setMode}
                  style={{ width: 180 }}
                  data-testid="assign-mode"
                  options={(['perProject', 'panelPerCategory'] as const).map((m) => ({
                    value: m,
                    label: t(`innovation.mode.${m}`),
                  }))}
                />
                <InputNumber
                  min={1}
                  max={15}
                  value={n}
                  onChange={(v) => setN(v ?? 1)}
                  addonAfter={t('innovation.judgesUnit')}
                  style={{ width: 120 }}
                  data-testid="assign-n"
                />
                <Button
                  type="primary"
                  icon={<ThunderboltOutlined />}
                  loading={auto.isPending}
                  onClick={() => auto.mutate()}
                  data-testid="assign-run"
                >
                  {t('innovation.runAuto')}
                </Button>
              </Space>
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                {t('innovation.autoHelp')}
              </Typography.Paragraph>
            </Card>
            {b.shortfalls.length > 0 && (
              <Alert
                type="warning"
                showIcon
                data-testid="assign-shortfalls"
                title={t('innovation.shortfalls', { n: b.shortfalls.length })}
              />
            )}
            <Space wrap size={[4, 4]} data-testid="assign-loads">
              {b.experts.map((e) => (
                <Tag key={e.expertId} color={e.available ? 'blue' : 'default'}>
                  {t('innovation.expertLoad', { name: e.name, load: e.load })}
                </Tag>
              ))}
            </Space>
            <List
              dataSource={b.projects}
              renderItem={(p) => (
                <List.Item key={p.projectId} style={{ display: 'block' }}>
                  <Card size="small" data-testid={`board-project-${p.projectId}`}>
                    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                      <Space wrap>
                        <Typography.Text strong style={{ wordBreak: 'break-word' }}>
                          {p.title}
                        </Typography.Text>
                        <Tag>{categoryName(categories, p.category)}</Tag>
                        <Typography.Text type="secondary">{p.unitName}</Typography.Text>
                        {short.has(p.projectId) && (
                          <Tag color="orange">{t('innovation.shortfall', short.get(p.projectId))}</Tag>
                        )}
                      </Space>
                      <Space wrap size={[4, 4]}>
                        <Typography.Text>{t('innovation.judges')}：</Typography.Text>
                        {p.judges.map((j) => (
                          <Tag
                            key={j.id}
                            color={j.how === 'manual' ? 'purple' : 'blue'}
                            data-testid={`judge-${j.id}`}
                            closable
                            closeIcon={<DeleteOutlined data-testid={`judge-remove-${j.id}`} />}
                            onClose={(e) => {
                              e.preventDefault();
                              setRemoving(j);
                            }}
                          >
                            <Tooltip title={j.reason ?? undefined}>
                              {j.name}
                              {j.how === 'manual' ? ` · ${t('innovation.manual')}` : ''}
                            </Tooltip>
                          </Tag>
                        ))}
                        <Button
                          size="small"
                          icon={<PlusOutlined />}
                          onClick={() => setAdding(p)}
                          data-testid={`judge-add-${p.projectId}`}
                        >
                          {t('innovation.addJudge')}
                        </Button>
                      </Space>
                      {p.excluded.length > 0 && (
                        <div data-testid={`excluded-${p.projectId}`}>
                          <Typography.Text type="secondary">{t('innovation.excluded')}</Typography.Text>
                          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                            {p.excluded.map((x) => (
                              <li
                                key={x.expertId}
                                data-testid="excluded-expert"
                                style={{ wordBreak: 'break-word' }}
                              >
                                {x.name}：
                                {x.reasons
                                  .map((r) => {
                                    const s = reasonText(r);
                                    return t(s.key, s.params);
                                  })
                                  .join('；')}
                              </li>
                            ))}
                          </ul>
                        </div>
                      )}
                    </Space>
                  </Card>
                </List.Item>
              )}
            />
            {adding && (
              <AddJudgeDialog callId={callId} project={adding} board={b} onClose={() => setAdding(null)} />
            )}
            {removing && (
              <ReasonModal
                title={t('innovation.removeJudge', { name: removing.name })}
                label={t('innovation.overrideReason')}
                testId="judge-remove-reason"
                okTestId="judge-remove-ok"
                danger
                max={500}
                mutation={remove}
                onClose={() => setRemoving(null)}
              />
            )}
          </Space>
        );
      }}
    </QueryState>
  );
}
