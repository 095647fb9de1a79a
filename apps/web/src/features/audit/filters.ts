/** The audit page's filter form and the query string it becomes (a pure function, tested). */
import type { AuditFilter } from '@jixiao/contracts';
import type { Dayjs } from 'dayjs';

export interface FilterForm {
  actor?: string;
  objectType?: string;
  objectId?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Query of GET /api/audit-events without the page: blank fields left out, dates as YYYY-MM-DD. */
export type { AuditFilter };

export function auditFilter(f: FilterForm): AuditFilter {
  const s = (v?: string) => (v?.trim() ? v.trim() : undefined);
  return {
    actor: s(f.actor),
    objectType: s(f.objectType),
    objectId: s(f.objectId),
    action: s(f.action),
    from: f.range?.[0]?.format('YYYY-MM-DD'),
    to: f.range?.[1]?.format('YYYY-MM-DD'),
  };
}
