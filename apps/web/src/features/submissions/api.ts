import {
  type EvidenceFile,
  evidenceFile,
  periodWindowList,
  type SubmissionDetail,
  type SubmissionSlot,
  submission,
  type submissionCreate,
  submissionDetail,
  submissionList,
  type submissionUpdate,
  uploadResult,
  type VerificationRecord,
} from '@jixiao/contracts';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

export const subKeys = {
  all: ['submissions'] as const,
  list: (planId: number, period: string) => ['submissions', 'list', planId, period] as const,
  detail: (id: number) => ['submissions', 'detail', id] as const,
  periods: (planId: number) => ['periods', planId] as const,
};

export function usePeriods(planId: number | undefined) {
  return useGet(subKeys.periods(planId ?? 0), `/api/plans/${planId}/periods`, periodWindowList, {
    enabled: planId !== undefined,
  });
}

const fetchSlots = (planId: number, period: string) =>
  api.get('/api/submissions', submissionList, { planId, period });

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
  return useGet(subKeys.detail(id ?? 0), `/api/submissions/${id}`, submissionDetail, {
    enabled: id !== undefined,
  });
}

export const createSubmission = (body: z.input<typeof submissionCreate>) =>
  api.post('/api/submissions', submission, body);

export const updateSubmission = (id: number, body: z.input<typeof submissionUpdate>) =>
  api.put(`/api/submissions/${id}`, submission, body);

export function uploadEvidence(submissionId: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload(`/api/submissions/${submissionId}/evidence`, evidenceFile, form);
}

export function uploadVerificationEvidence(verificationId: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload(`/api/verifications/${verificationId}/evidence`, evidenceFile, form);
}

export function uploadValues(planId: number, period: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload(
    `/api/submissions/upload?planId=${planId}&period=${encodeURIComponent(period)}`,
    uploadResult,
    form,
  );
}

export const templateUrl = (planId: number, period: string) =>
  `/api/submissions/template?planId=${planId}&period=${encodeURIComponent(period)}`;
export const evidenceUrl = (id: number) => `/api/evidence/${id}`;

export type { EvidenceFile, SubmissionDetail, SubmissionSlot, VerificationRecord };
