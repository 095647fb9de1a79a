import { type QueryKey, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Query } from './api.js';

/**
 * A GET of the API as a query: the answer typed by its contract schema, cached under `key`, read
 * only while `enabled`, again every `poll` ms when given (a live board); `silent`: a failure is the
 * page's to show (no message of its own). The feature `api.ts` files name their queries with it.
 */
export function useGet<S extends z.ZodType>(
  key: QueryKey,
  path: string,
  answer: S,
  opts: { query?: Query; enabled?: boolean; poll?: number | false; silent?: boolean } = {},
) {
  return useQuery({
    queryKey: key,
    queryFn: () => api.get(path, answer, opts.query),
    enabled: opts.enabled,
    refetchInterval: opts.poll,
    meta: opts.silent ? { silent: true } : undefined,
  });
}
