import { apiToken, apiTokenCreated, supervisionImportResult, supervisionItem } from '@jixiao/contracts';
import { z } from 'zod';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

export const supervisionKeys = {
  items: (planId: number | undefined) => ['supervision', planId] as const,
  allItems: ['supervision'] as const,
  tokens: ['api-tokens'] as const,
};

export const useSupervisionItems = (planId: number | undefined) =>
  useGet(supervisionKeys.items(planId), '/api/supervision-items', z.array(supervisionItem), {
    query: { planId },
    enabled: planId !== undefined,
  });

/** The supervision system's API tokens (their secrets are shown once, at creation). */
export const useApiTokens = () => useGet(supervisionKeys.tokens, '/api/api-tokens', z.array(apiToken));

export const supervisionApi = {
  createToken: (name: string) => api.post('/api/api-tokens', apiTokenCreated, { name }),
  revokeToken: (id: number) => api.post(`/api/api-tokens/${id}/revoke`, apiToken),
  /** Items from a CSV file of the supervision system. */
  importCsv: (planId: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload(
      `/api/supervision-items/import?planId=${planId}&source=csv`,
      supervisionImportResult,
      form,
    );
  },
};
