import {
  type sampleCreate,
  verificationCounts,
  type verificationCreate,
  verificationQueueItem,
  verificationRecord,
  verificationSample,
} from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../shared/api.js';

export const verKeys = {
  all: ['verification'] as const,
  queue: (planId: number, period?: string) => ['verification', 'queue', planId, period ?? ''] as const,
  counts: (planId: number) => ['verification', 'counts', planId] as const,
  samples: (planId: number) => ['verification', 'samples', planId] as const,
};

export function useQueue(planId: number | undefined, period?: string) {
  return useQuery({
    queryKey: verKeys.queue(planId ?? 0, period),
    queryFn: () => api.get('/api/verification/queue', z.array(verificationQueueItem), { planId, period }),
    enabled: planId !== undefined,
  });
}

export function useCounts(planId: number | undefined) {
  return useQuery({
    queryKey: verKeys.counts(planId ?? 0),
    queryFn: () => api.get('/api/verification/counts', verificationCounts, { planId }),
    enabled: planId !== undefined,
  });
}

export function useSamples(planId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: verKeys.samples(planId ?? 0),
    queryFn: () => api.get('/api/verification/samples', z.array(verificationSample), { planId }),
    enabled: planId !== undefined && enabled,
  });
}

/** A pass may carry a corrected value (核实值): it replaces the submitted value in scoring. */
export const postVerification = (body: z.input<typeof verificationCreate>) =>
  api.post('/api/verifications', verificationRecord, body);

export const drawSample = (body: z.input<typeof sampleCreate>) =>
  api.post('/api/verification/samples', verificationSample, body);
