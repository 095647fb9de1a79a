/** Published results: the public page's runs (no sign-in) and a run's official document (office, leaders). */
import { publicRun, publicRunSummary, resultsDocument } from '@jixiao/contracts';
import { z } from 'zod';
import { useGet } from '../../shared/useGet.js';

export const usePublicRuns = () =>
  useGet(['public-results'], '/api/public/results', z.array(publicRunSummary));

export const usePublicRun = (runId: number) =>
  useGet(['public-results', runId], `/api/public/results/${runId}`, publicRun);

export const useResultsDocument = (planId: number, runId: number) =>
  useGet(['results-document', planId, runId], `/api/plans/${planId}/runs/${runId}/document`, resultsDocument);
