import {
  type HotlineFeed,
  hotlineFeed,
  hotlineImportResult,
  hotlinePreview,
  hotlineStat,
} from '@jixiao/contracts';
import { z } from 'zod';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

export const hotlineKeys = {
  all: ['hotline'] as const,
  stats: (planId: number, period: string) => ['hotline', 'stats', planId, period] as const,
  feeds: (planId: number) => ['hotline', 'feeds', planId] as const,
};

/** The units' stored hotline figures of a period. */
export const useHotlineStats = (planId: number | undefined, period: string | undefined) =>
  useGet(hotlineKeys.stats(planId ?? 0, period ?? ''), `/api/plans/${planId}/hotline`, z.array(hotlineStat), {
    query: { period },
    enabled: planId !== undefined && period !== undefined,
  });

/** The plan indicators that take a hotline figure as their value. */
export const useHotlineFeeds = (planId: number | undefined) =>
  useGet(hotlineKeys.feeds(planId ?? 0), `/api/plans/${planId}/hotline/feeds`, z.array(hotlineFeed), {
    enabled: planId !== undefined,
  });

const fileForm = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};
const q = (period: string) => `period=${encodeURIComponent(period)}`;

export const hotlineApi = {
  /** Reads and checks a file; nothing is stored. */
  preview: (planId: number, period: string, file: File) =>
    api.upload(`/api/plans/${planId}/hotline/preview?${q(period)}`, hotlinePreview, fileForm(file)),
  /** Stores the file's rows as the period's, replacing what it held (every row or none). */
  commit: (planId: number, period: string, file: File) =>
    api.upload(`/api/plans/${planId}/hotline?${q(period)}`, hotlineImportResult, fileForm(file)),
  saveFeeds: (planId: number, feeds: HotlineFeed[]) =>
    api.put(`/api/plans/${planId}/hotline/feeds`, z.array(hotlineFeed), { feeds }),
};
