import { FilePdfOutlined, FileZipOutlined } from '@ant-design/icons';
import type { JobView } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd';
import { DownloadButton } from '../../shared/DownloadButton.js';
import { useFeedback } from '../../shared/feedback.js';
import { jobKeys, startJob } from '../jobs/api.js';
import { scorecardUrl } from './api.js';

/** 成绩单 PDF: a unit's scorecard of the run shown (a unit may download its own only). */
export function ScorecardPdfButton({
  planId,
  runId,
  unit,
  compact,
}: {
  planId: number;
  runId: number;
  unit: string;
  compact?: boolean;
}) {
  const { t } = useFeedback();
  return (
    <DownloadButton
      data-testid="scorecard-pdf"
      data-unit={unit}
      size="small"
      type={compact ? 'link' : 'default'}
      icon={<FilePdfOutlined />}
      href={scorecardUrl(planId, runId, unit)}
      title={t('scorecards.pdf')}
      style={compact ? { padding: 0 } : undefined}
    >
      {compact ? null : t('scorecards.pdf')}
    </DownloadButton>
  );
}

/** 导出全部成绩单: starts the background job and hands its id to the page (which keeps it in the URL). */
export function ExportAllButton({
  planId,
  runId,
  onStarted,
}: {
  planId: number;
  runId: number;
  onStarted: (job: JobView) => void;
}) {
  const { t, message, queryClient } = useFeedback();
  const start = useMutation({
    mutationFn: () => startJob({ kind: 'scorecards', params: { planId, runId } }),
    onSuccess: async (job) => {
      message.success(t('scorecards.started'));
      onStarted(job);
      await queryClient.invalidateQueries({ queryKey: jobKeys.mine });
    },
  });
  return (
    <Button
      data-testid="scorecards-export-all"
      icon={<FileZipOutlined />}
      loading={start.isPending}
      onClick={() => start.mutate()}
    >
      {t('scorecards.exportAll')}
    </Button>
  );
}
