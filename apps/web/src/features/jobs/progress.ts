import type { JobView } from '@jixiao/contracts';

/** A job the queue still owes an answer: queued or running. */
export const isRunning = (j: Pick<JobView, 'status'>) => j.status === 'queued' || j.status === 'running';

/** What the progress bar shows: the percent done (whole), and antd's status of the bar. */
export function jobProgress(j: Pick<JobView, 'status' | 'done' | 'total'>): {
  percent: number;
  status: 'active' | 'success' | 'exception' | 'normal';
} {
  if (j.status === 'done') return { percent: 100, status: 'success' };
  const percent = j.total > 0 ? Math.floor((100 * Math.min(j.done, j.total)) / j.total) : 0;
  if (j.status === 'failed') return { percent, status: 'exception' };
  return { percent, status: j.status === 'running' ? 'active' : 'normal' };
}
