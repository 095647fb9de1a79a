/**
 * The year-end expert review (质询, S11): assignments, a unit's review view and inquiries.
 */
import {
  evidenceFile,
  type Inquiry,
  type InquiryCloseBody,
  inquiry,
  inquiryAssignment,
  inquiryAssignResult,
  inquiryExpert,
  inquiryPenaliseResult,
  inquiryReview,
} from '@jixiao/contracts';
import { z } from 'zod';
import { api, type Query } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

export const inquiryKeys = { all: ['inquiries'] as const };

export const useAssignments = (planId?: number) =>
  useGet(
    [...inquiryKeys.all, 'assignments', planId],
    '/api/inquiry-assignments',
    z.array(inquiryAssignment),
    {
      query: { planId } as Query,
    },
  );

export const useExperts = (enabled: boolean) =>
  useGet([...inquiryKeys.all, 'experts'], '/api/inquiry-assignments/experts', z.array(inquiryExpert), {
    enabled,
  });

export const useReview = (assignmentId: number | undefined) =>
  useGet(
    [...inquiryKeys.all, 'review', assignmentId],
    `/api/inquiry-assignments/${assignmentId}/review`,
    inquiryReview,
    { enabled: assignmentId !== undefined },
  );

export const useInquiries = (f: { planId?: number; status?: string }) =>
  useGet([...inquiryKeys.all, 'list', f], '/api/inquiries', z.array(inquiry), { query: f as Query });

export const inquiryApi = {
  assign: (body: { planId: number; expertUserId: number; unitIds: number[] }) =>
    api.post('/api/inquiry-assignments', inquiryAssignResult, body),
  unassign: (id: number) => api.del(`/api/inquiry-assignments/${id}`),
  raise: (body: { assignmentId: number; indicator?: string; question: string; deadline: string }) =>
    api.post('/api/inquiries', inquiry, body),
  answer: (i: Inquiry, answer: string) =>
    api.post(`/api/inquiries/${i.id}/answer`, inquiry, { answer, version: i.version }),
  evidence: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload(`/api/inquiries/${id}/evidence`, evidenceFile, form);
  },
  close: (i: Inquiry, body: Omit<InquiryCloseBody, 'version'>) =>
    api.post(`/api/inquiries/${i.id}/close`, inquiry, { ...body, version: i.version }),
  penalise: (planId: number) =>
    api.post('/api/inquiries/penalise-overdue', inquiryPenaliseResult, { planId }),
};
