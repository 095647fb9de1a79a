import {
  CalculatorOutlined,
  CheckCircleOutlined,
  EditOutlined,
  NotificationOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { beijingDay, type EvaluationRun } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/auth.js';
import { FormModal } from '../../shared/FormModal.js';
import { formatError, useFeedback } from '../../shared/feedback.js';
import { planKeys } from '../plans/api.js';
import { evaluate, type PublishBody, resultKeys, runStepsApi } from './api.js';
import { isPeriodOpen, isStaleStep, type RunRef, type RunStepName, runSteps } from './runs.js';

/** 计算: a new draft; while the period is open the server asks (409 PERIOD_OPEN), and so do we. */
export function ComputeButton({
  planId,
  period,
  onComputed,
}: {
  planId: number;
  period: string;
  onComputed: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const compute = useMutation({
    mutationFn: (whileOpen: boolean) => evaluate(planId, period, whileOpen),
    meta: { silent: true },
    onSuccess: async (run: EvaluationRun) => {
      message.success(t('runs.computed', { id: run.id }));
      onComputed();
      await queryClient.invalidateQueries({ queryKey: resultKeys.period(planId, period) });
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
    onError: (e, whileOpen) => {
      if (isPeriodOpen(e) && !whileOpen) {
        modal.confirm({
          title: t('runs.periodOpenTitle', { period }),
          content: t('runs.periodOpenBody'),
          okText: t('runs.computeAnyway'),
          okButtonProps: { 'data-testid': 'results-compute-anyway' },
          onOk: () => compute.mutateAsync(true).catch(() => undefined),
        });
      } else message.error(formatError(t, e));
    },
  });
  return (
    <Popconfirm
      title={t('runs.computeConfirm', { period })}
      onConfirm={() => compute.mutate(false)}
      okButtonProps={{ 'data-testid': 'results-compute-ok' }}
    >
      <Button data-testid="results-recompute" icon={<CalculatorOutlined />} loading={compute.isPending}>
        {t('runs.compute')}
      </Button>
    </Popconfirm>
  );
}

const icons: Record<RunStepName, ReactNode> = {
  publish: <NotificationOutlined />,
  submit: <SendOutlined />,
  approve: <CheckCircleOutlined />,
  return: <RollbackOutlined />,
  correct: <EditOutlined />,
};

/**
 * The run's next steps for the caller (runs.ts `runSteps`): 公示 and 更正 open a dialog, 报审 and
 * 审定 ask for confirmation, 退回 asks for a note. A step refused because the run moved refreshes it.
 */
export function RunStepButtons({ planId, period, run }: RunRef) {
  const { t, message, showError, queryClient } = useFeedback();
  const can = {
    release: useCan('results.release'),
    approve: useCan('results.approve'),
    compute: useCan('results.compute'),
  };
  const [dialog, setDialog] = useState<'publish' | 'return' | 'correct' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: resultKeys.period(planId, period) });
  const step = useMutation({
    mutationFn: (s: { name: RunStepName; body?: unknown }) => {
      const api = runStepsApi;
      switch (s.name) {
        case 'publish':
          return api.publish(planId, run.id, s.body as PublishBody);
        case 'submit':
          return api.submit(planId, run.id);
        case 'approve':
          return api.approve(planId, run.id);
        case 'return':
          return api.return(planId, run.id, s.body as string);
        case 'correct':
          return api.correct(planId, run.id, s.body as string);
      }
    },
    meta: { silent: true },
    onSuccess: async (_, s) => {
      message.success(t(`runs.done.${s.name}`));
      setDialog(null);
      await refresh();
    },
    onError: async (e) => {
      showError(e);
      if (isStaleStep(e)) await refresh();
    },
  });
  const steps = runSteps(run, can);
  if (steps.length === 0) return null;
  const button = (name: RunStepName, onClick?: () => void) => (
    <Button
      key={name}
      type={name === 'approve' || (name === 'submit' && !steps.includes('publish')) ? 'primary' : 'default'}
      danger={name === 'return'}
      data-testid={`results-${name}`}
      icon={icons[name]}
      loading={step.isPending && step.variables?.name === name}
      onClick={onClick}
    >
      {t(`runs.step.${name}`)}
    </Button>
  );
  return (
    <>
      {steps.map((name) =>
        name === 'submit' || name === 'approve' ? (
          <Popconfirm
            key={name}
            title={t(`runs.confirm.${name}`, { period, id: run.id })}
            onConfirm={() => step.mutate({ name })}
            okButtonProps={{ 'data-testid': `results-${name}-ok` }}
          >
            {button(name)}
          </Popconfirm>
        ) : (
          button(name, () => setDialog(name as 'publish' | 'return' | 'correct'))
        ),
      )}
      {dialog === 'publish' && (
        <PublishModal
          busy={step.isPending}
          onClose={() => setDialog(null)}
          onOk={(body) => step.mutate({ name: 'publish', body })}
        />
      )}
      {(dialog === 'return' || dialog === 'correct') && (
        <NoteModal
          kind={dialog}
          busy={step.isPending}
          onClose={() => setDialog(null)}
          onOk={(note) => step.mutate({ name: dialog, body: note })}
        />
      )}
    </>
  );
}

type PublishForm = { days: [Dayjs, Dayjs]; answerDays: number; respondDays: number; publicPage: boolean };

/** 公示: the Beijing days of the publicity and the objection deadlines. */
function PublishModal({
  busy,
  onClose,
  onOk,
}: {
  busy: boolean;
  onClose: () => void;
  onOk: (body: PublishBody) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PublishForm>();
  const today = dayjs(beijingDay(new Date()));
  return (
    <FormModal
      form={form}
      title={t('runs.publishTitle')}
      okText={t('runs.step.publish')}
      okButtonProps={{ 'data-testid': 'publish-ok' }}
      onClose={onClose}
      initialValues={{ days: [today, today.add(6, 'day')], answerDays: 5, respondDays: 3, publicPage: false }}
      mutation={{
        isPending: busy,
        mutate: (v) =>
          onOk({
            from: v.days[0].format('YYYY-MM-DD'),
            to: v.days[1].format('YYYY-MM-DD'),
            answerDays: v.answerDays,
            respondDays: v.respondDays,
            publicPage: v.publicPage,
          }),
      }}
    >
      <Form.Item name="days" label={t('runs.publicityDays')} rules={[{ required: true }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} data-testid="publish-days" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="answerDays" label={t('runs.answerDays')}>
          <InputNumber min={1} max={30} addonAfter={t('runs.daysUnit')} />
        </Form.Item>
        <Form.Item name="respondDays" label={t('runs.respondDays')}>
          <InputNumber min={1} max={30} addonAfter={t('runs.daysUnit')} />
        </Form.Item>
      </Space>
      <Form.Item name="publicPage" valuePropName="checked">
        <Checkbox>{t('runs.publicPage')}</Checkbox>
      </Form.Item>
      <Typography.Text type="secondary">{t('runs.publishHint')}</Typography.Text>
    </FormModal>
  );
}

/** 退回 (the leaders' note) or 更正 (the office's reason): one required text. */
function NoteModal({
  kind,
  busy,
  onClose,
  onOk,
}: {
  kind: 'return' | 'correct';
  busy: boolean;
  onClose: () => void;
  onOk: (note: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <FormModal
      form={form}
      title={t(`runs.${kind}Title`)}
      okText={t(`runs.step.${kind}`)}
      okButtonProps={{ 'data-testid': `${kind}-ok`, danger: kind === 'return' }}
      onClose={onClose}
      mutation={{ isPending: busy, mutate: (v) => onOk(v.note.trim()) }}
    >
      {kind === 'correct' && (
        <Typography.Paragraph type="secondary">{t('runs.correctHint')}</Typography.Paragraph>
      )}
      <Form.Item
        name="note"
        label={t(`runs.${kind}Note`)}
        rules={[{ required: true, whitespace: true, message: t('runs.noteRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} data-testid={`${kind}-note`} />
      </Form.Item>
    </FormModal>
  );
}
