import { type ImportBatch, type ImportPreview, importBatch, importPreview } from '@jixiao/contracts';
import { z } from 'zod';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

export const importKeys = {
  all: ['imports'] as const,
  batches: (planId: number) => ['imports', 'batches', planId] as const,
};

/** The import batches of a plan, newest first as the server sends them. */
export function useBatches(planId: number | undefined) {
  return useGet(importKeys.batches(planId ?? 0), `/api/plans/${planId}/imports`, z.array(importBatch), {
    enabled: planId !== undefined,
  });
}

const q = (period: string) => `period=${encodeURIComponent(period)}`;

/** Reads and checks a data file; nothing is stored. */
export function previewImport(planId: number, period: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload(`/api/plans/${planId}/imports/preview?${q(period)}`, importPreview, form);
}

/** Stores the previewed file as one batch: the same file and the preview's hash. */
export function confirmImport(planId: number, period: string, file: File, sha256: string) {
  const form = new FormData();
  // The hash first: a multipart reader sees it before the file stream.
  form.append('sha256', sha256);
  form.append('file', file);
  return api.upload(`/api/plans/${planId}/imports?${q(period)}`, importBatch, form);
}

export const importTemplateUrl = (planId: number, period: string) =>
  `/api/plans/${planId}/imports/template?${q(period)}`;

export type { ImportBatch, ImportPreview };
