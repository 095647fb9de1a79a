import type { Submission, VerificationMethod, VerificationRecord } from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.js';

export interface QueueItem {
  submission: Submission;
  unitCode: string;
  unitName: string;
  indicatorName: string;
  sampleId: number | null;
}

export interface Sample {
  id: number;
  planId: number;
  period: string;
  seed: string;
  size: number;
  submissionIds: number[];
  drawnAt: string;
  drawnBy: string | null;
}

export interface MethodCounts {
  unitId: number;
  unitCode: string;
  unitName: string;
  on_site: number;
  work_slip: number;
  comprehensive: number;
  total: number;
}

export const verKeys = {
  all: ['verification'] as const,
  queue: (planId: number, period?: string) => ['verification', 'queue', planId, period ?? ''] as const,
  counts: (planId: number) => ['verification', 'counts', planId] as const,
  samples: (planId: number) => ['verification', 'samples', planId] as const,
};

export function useQueue(planId: number | undefined, period?: string) {
  return useQuery({
    queryKey: verKeys.queue(planId ?? 0, period),
    queryFn: () => api.get<QueueItem[]>('/api/verification/queue', { planId, period }),
    enabled: planId !== undefined,
  });
}

export function useCounts(planId: number | undefined) {
  return useQuery({
    queryKey: verKeys.counts(planId ?? 0),
    queryFn: () => api.get<MethodCounts[]>('/api/verification/counts', { planId }),
    enabled: planId !== undefined,
  });
}

export function useSamples(planId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: verKeys.samples(planId ?? 0),
    queryFn: () => api.get<Sample[]>('/api/verification/samples', { planId }),
    enabled: planId !== undefined && enabled,
  });
}

export const postVerification = (body: {
  submissionId: number;
  method: VerificationMethod;
  result: 'pass' | 'fail';
  note?: string | null;
  /** A pass with a corrected value (核实值): it replaces the submitted value in scoring. */
  correctedValue?: number | null;
  version: number;
}) => api.post<VerificationRecord>('/api/verifications', body);

export const drawSample = (body: { planId: number; period: string; size: number; seed: string }) =>
  api.post<Sample>('/api/verification/samples', body);
