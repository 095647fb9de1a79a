import type {
  EvidenceFile,
  PeriodWindow,
  Submission,
  SubmissionDetail,
  SubmissionSlot,
  VerificationRecord,
} from '@jixiao/contracts';
import { useQueries, useQuery } from '@tanstack/react-query';
import { api, request } from '../../shared/api.js';

/** GET /api/submissions: every (unit, indicator) of a period the caller may see. */
export interface SlotList {
  planId: number;
  period: string;
  periodState: string | null;
  items: SubmissionSlot[];
}

export interface SubmissionBody {
  value: number;
  measureUnit?: string | null;
  note?: string | null;
  submit: boolean;
}

export const subKeys = {
  all: ['submissions'] as const,
  list: (planId: number, period: string) => ['submissions', 'list', planId, period] as const,
  detail: (id: number) => ['submissions', 'detail', id] as const,
  periods: (planId: number) => ['periods', planId] as const,
};

export function usePeriods(planId: number | undefined) {
  return useQuery({
    queryKey: subKeys.periods(planId ?? 0),
    queryFn: () => api.get<PeriodWindow[]>(`/api/plans/${planId}/periods`),
    enabled: planId !== undefined,
  });
}

const fetchSlots = (planId: number, period: string) =>
  api.get<SlotList>('/api/submissions', { planId, period });

export function useSlots(planId: number | undefined, period: string | undefined) {
  return useQuery({
    queryKey: subKeys.list(planId ?? 0, period ?? ''),
    queryFn: () => fetchSlots(planId!, period!),
    enabled: planId !== undefined && !!period,
  });
}

/** The forms of several periods (for the to-do strip), sharing the form's cache. */
export function useSlotsOf(planId: number | undefined, periods: string[]) {
  return useQueries({
    queries: periods.map((period) => ({
      queryKey: subKeys.list(planId ?? 0, period),
      queryFn: () => fetchSlots(planId!, period),
      enabled: planId !== undefined,
    })),
  });
}

export function useSubmissionDetail(id: number | undefined) {
  return useQuery({
    queryKey: subKeys.detail(id ?? 0),
    queryFn: () => api.get<SubmissionDetail>(`/api/submissions/${id}`),
    enabled: id !== undefined,
  });
}

export const createSubmission = (
  body: SubmissionBody & { planId: number; unitId: number; indicator: string; period: string },
) => api.post<Submission>('/api/submissions', body);

export const updateSubmission = (id: number, body: SubmissionBody & { version: number; reason?: string }) =>
  request<Submission>(`/api/submissions/${id}`, { method: 'PUT', body });

export function uploadEvidence(submissionId: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<EvidenceFile>(`/api/submissions/${submissionId}/evidence`, form);
}

export function uploadVerificationEvidence(verificationId: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<EvidenceFile>(`/api/verifications/${verificationId}/evidence`, form);
}

export function uploadValues(planId: number, period: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<{ created: number; updated: number }>(
    `/api/submissions/upload?planId=${planId}&period=${encodeURIComponent(period)}`,
    form,
  );
}

export const templateUrl = (planId: number, period: string) =>
  `/api/submissions/template?planId=${planId}&period=${encodeURIComponent(period)}`;
export const evidenceUrl = (id: number) => `/api/evidence/${id}`;

export type { EvidenceFile, SubmissionDetail, SubmissionSlot, VerificationRecord };
