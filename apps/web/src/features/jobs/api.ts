/**
 * Typed queries of background jobs (issue 11 point 6): start one, follow its progress by id (the
 * id lives in the page's URL, so a reload finds it again), list one's own, download its file.
 */
import { jobView, type StartJob } from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../shared/api.js';
import { isRunning } from './progress.js';

export const jobKeys = {
  all: ['jobs'] as const,
  mine: ['jobs', 'mine'] as const,
  one: (id: number) => ['jobs', id] as const,
};

/** How often a running job is read again. */
export const POLL_MS = 1000;

export const startJob = (body: StartJob) => api.post('/api/jobs', jobView, body);

/** One job, read again every second while it is queued or running. */
export function useJob(id: number | undefined) {
  return useQuery({
    queryKey: jobKeys.one(id ?? 0),
    queryFn: () => api.get(`/api/jobs/${id}`, jobView),
    enabled: id !== undefined,
    refetchInterval: (q) => (q.state.data && !isRunning(q.state.data) ? false : POLL_MS),
  });
}

/** The caller's own jobs, newest first; read again while one of them runs. */
export function useMyJobs(enabled = true) {
  return useQuery({
    queryKey: jobKeys.mine,
    queryFn: () => api.get('/api/jobs', z.array(jobView), { mine: 1 }),
    enabled,
    refetchInterval: (q) => (q.state.data?.some(isRunning) ? POLL_MS : false),
  });
}

export const jobFileUrl = (id: number) => `/api/jobs/${id}/file`;
