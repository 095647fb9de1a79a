import { DownloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { JobView } from '@jixiao/contracts';
import { Alert, Badge, Button, Card, Drawer, Empty, List, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemKey } from '../../shared/feedback.js';
import { jobFileUrl, useJob, useMyJobs } from './api.js';
import { isRunning, jobProgress } from './progress.js';

/** One job as a progress bar with its status, and its file to download once done. */
export function JobLine({ job }: { job: JobView }) {
  const { t } = useTranslation();
  const { percent, status } = jobProgress(job);
  return (
    <div data-testid="job-line" data-job={job.id} data-status={job.status}>
      <Space wrap size={8} style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>
          {t(`jobs.kind.${job.kind}`)} #{job.id}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`jobs.status.${job.status}`)}
          {job.total > 0 && ` · ${t('jobs.count', { done: job.done, total: job.total })}`}
        </Typography.Text>
      </Space>
      <Progress data-testid="job-progress" percent={percent} status={status} size="small" />
      {job.status === 'done' && job.fileName && (
        <Button
          data-testid="job-download"
          size="small"
          icon={<DownloadOutlined />}
          href={jobFileUrl(job.id)}
          download={job.fileName}
        >
          {job.fileName}
        </Button>
      )}
      {job.error && (
        <Typography.Text type="danger" data-testid="job-error">
          {t(problemKey(job.error.code), { ...job.error.params, defaultValue: t('jobs.failed') })}
        </Typography.Text>
      )}
    </div>
  );
}

/** The job named in the page's address (`?job=`): it survives a reload; closing drops the parameter. */
export function JobCard({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const job = useJob(id);
  return (
    <Card
      size="small"
      data-testid="job-card"
      title={t('jobs.current')}
      extra={
        <Button size="small" type="text" onClick={onClose} data-testid="job-card-close">
          {t('jobs.close')}
        </Button>
      }
    >
      {job.data ? (
        <JobLine job={job.data} />
      ) : job.isError ? (
        <Alert type="warning" showIcon title={t('jobs.gone')} />
      ) : (
        <Progress percent={0} size="small" />
      )}
    </Card>
  );
}

/** "我的任务": a button with the count of running jobs that opens the list of one's own jobs. */
export function MyJobsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const jobs = useMyJobs();
  const running = jobs.data?.filter(isRunning).length ?? 0;
  return (
    <>
      <Badge count={running} size="small">
        <Button data-testid="my-jobs" icon={<UnorderedListOutlined />} onClick={() => setOpen(true)}>
          {t('jobs.mine')}
        </Button>
      </Badge>
      <Drawer
        data-testid="jobs-drawer"
        open={open}
        onClose={() => setOpen(false)}
        title={t('jobs.mine')}
        size={420}
      >
        {jobs.data?.length ? (
          <List
            dataSource={jobs.data}
            renderItem={(j) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <JobLine job={j} />
                </div>
              </List.Item>
            )}
          />
        ) : (
          <Empty description={t('jobs.none')} />
        )}
      </Drawer>
    </>
  );
}
