import { auditList, auditVerifyResult } from '@jixiao/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.js';
import type { AuditFilter } from './filters.js';

export const auditKeys = {
  events: (f: AuditFilter, page: number, pageSize: number) => ['audit-events', f, page, pageSize] as const,
};

/** One page of the audit log under the filter; the last page stays while the next loads. */
export function useAuditEvents(filter: AuditFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: auditKeys.events(filter, page, pageSize),
    queryFn: () => api.get('/api/audit-events', auditList, { ...filter, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** Walks the hash chain of the whole log (the first broken link, if any). */
export const verifyAuditChain = () => api.get('/api/audit-events/verify', auditVerifyResult);
