import type { CycleEvent, EventCreate, EventKind, EventStatus, EvidenceFile } from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.js';

/** Filters of GET /api/events (eventListQuery). */
export interface EventFilter {
  planId: number;
  period?: string;
  unitId?: number;
  kind?: EventKind;
  status?: EventStatus;
}

export const eventKeys = {
  all: ['events'] as const,
  list: (f: EventFilter) => ['events', 'list', f] as const,
};

/** The events the caller may see (a unit: its own, and every unit's bonus — W9). */
export function useEvents(f: Partial<EventFilter>) {
  return useQuery({
    queryKey: eventKeys.list(f as EventFilter),
    queryFn: () => api.get<CycleEvent[]>('/api/events', { ...f }),
    enabled: f.planId !== undefined,
  });
}

export const createEvent = (body: EventCreate) => api.post<CycleEvent>('/api/events', body);

export const decideEvent = (
  id: number,
  body: { decision: 'approve' | 'reject'; note?: string | null; version: number },
) => api.post<CycleEvent>(`/api/events/${id}/decision`, body);

export const withdrawEvent = (id: number, body: { reason: string; version: number }) =>
  api.post<CycleEvent>(`/api/events/${id}/withdraw`, body);

export function uploadEventEvidence(id: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<EvidenceFile>(`/api/events/${id}/evidence`, form);
}

export type { CycleEvent };
