import { type BallotAnswers, paperBatch, paperBatchDetail, paperCampaign } from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../shared/api.js';

export const paperKeys = {
  all: ['paper'] as const,
  campaigns: ['paper', 'campaigns'] as const,
  batches: (campaignId: number) => ['paper', 'batches', campaignId] as const,
  batch: (id: number) => ['paper', 'batch', id] as const,
};

export const usePaperCampaigns = () =>
  useQuery({
    queryKey: paperKeys.campaigns,
    queryFn: () => api.get('/api/paper-campaigns', z.array(paperCampaign)),
  });

export const useBatches = (campaignId: number | undefined) =>
  useQuery({
    queryKey: paperKeys.batches(campaignId ?? 0),
    queryFn: () => api.get('/api/paper-batches', z.array(paperBatch), { campaignId }),
    enabled: campaignId !== undefined,
  });

export const useBatch = (id: number | undefined) =>
  useQuery({
    queryKey: paperKeys.batch(id ?? 0),
    queryFn: () => api.get(`/api/paper-batches/${id}`, paperBatchDetail),
    enabled: id !== undefined,
  });

export const createBatch = (body: {
  campaignId: number;
  groupId: number;
  unitId: number | null;
  surveyPoint: string;
  doubleEntry: boolean;
}) => api.post('/api/paper-batches', paperBatchDetail, body);

export const putSheet = (id: number, seq: number, pass: 'first' | 'second', answers: BallotAnswers) =>
  api.put(`/api/paper-batches/${id}/sheets/${seq}`, paperBatchDetail, { pass, answers });

export const resolveSheet = (id: number, seq: number, answers: BallotAnswers) =>
  api.post(`/api/paper-batches/${id}/sheets/${seq}/resolve`, paperBatchDetail, { answers });

export const importSheets = (id: number, pass: 'first' | 'second', file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload(`/api/paper-batches/${id}/import?pass=${pass}`, paperBatchDetail, form);
};

export const countBatch = (id: number, version: number) =>
  api.post(`/api/paper-batches/${id}/count`, paperBatchDetail, { version });
