import { CalculatorOutlined, CheckCircleOutlined } from '@ant-design/icons';
import type { EvaluationRun } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatError, useFeedback } from '../../shared/feedback.js';
import { planKeys } from '../plans/api.js';
import { evaluate, releaseRun, resultKeys } from './api.js';
import type { RunRef } from './runs.js';
import { isPeriodOpen, isStaleRelease, releaseBlock } from './runs.js';

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

/** 发布: only the latest draft; disabled with the reason otherwise. */
export function ReleaseButton({ planId, period, run }: RunRef) {
  const { t, message, queryClient } = useFeedback();
  const release = useMutation({
    mutationFn: () => releaseRun(planId, run.id),
    meta: { silent: true },
    onSuccess: async () => {
      message.success(t('runs.releasedOk'));
      await queryClient.invalidateQueries({ queryKey: resultKeys.period(planId, period) });
    },
    onError: async (e) => {
      if (isStaleRelease(e)) {
        message.warning(t('runs.stale', { message: formatError(t, e) }));
        await queryClient.invalidateQueries({ queryKey: resultKeys.period(planId, period) });
      } else message.error(formatError(t, e));
    },
  });
  const block = releaseBlock(run);
  if (run.status === 'released') return null;
  const button = (
    <Button
      type="primary"
      data-testid="results-release"
      icon={<CheckCircleOutlined />}
      disabled={block !== null}
      loading={release.isPending}
    >
      {t('runs.release')}
    </Button>
  );
  if (block)
    return (
      <Tooltip title={t(block)}>
        <span data-testid="results-release-blocked">{button}</span>
      </Tooltip>
    );
  return (
    <Popconfirm
      title={t('runs.releaseConfirm', { period, id: run.id })}
      onConfirm={() => release.mutate()}
      okButtonProps={{ 'data-testid': 'results-release-ok' }}
    >
      {button}
    </Popconfirm>
  );
}
