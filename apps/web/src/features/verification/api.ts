import {
  type sampleCreate,
  verificationCounts,
  type verificationCreate,
  verificationQueueItem,
  verificationRecord,
  verificationSample,
} from '@jixiao/contracts';
import { z } from 'zod';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

export const verKeys = {
  all: ['verification'] as const,
  queue: (planId: number, period?: string) => ['verification', 'queue', planId, period ?? ''] as const,
  counts: (planId: number) => ['verification', 'counts', planId] as const,
  samples: (planId: number) => ['verification', 'samples', planId] as const,
};

export function useQueue(planId: number | undefined, period?: string) {
  return useGet(
    verKeys.queue(planId ?? 0, period),
    '/api/verification/queue',
    z.array(verificationQueueItem),
    { query: { planId, period }, enabled: planId !== undefined },
  );
}

export function useCounts(planId: number | undefined) {
  return useGet(verKeys.counts(planId ?? 0), '/api/verification/counts', verificationCounts, {
    query: { planId },
    enabled: planId !== undefined,
  });
}

export function useSamples(planId: number | undefined, enabled: boolean) {
  return useGet(verKeys.samples(planId ?? 0), '/api/verification/samples', z.array(verificationSample), {
    query: { planId },
    enabled: planId !== undefined && enabled,
  });
}

/** A pass may carry a corrected value (核实值): it replaces the submitted value in scoring. */
export const postVerification = (body: z.input<typeof verificationCreate>) =>
  api.post('/api/verifications', verificationRecord, body);

export const drawSample = (body: z.input<typeof sampleCreate>) =>
  api.post('/api/verification/samples', verificationSample, body);
