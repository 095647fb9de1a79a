import {
  type CycleEvent,
  cycleEvent,
  type EventCreate,
  type eventDecision,
  type eventListQuery,
  type eventWithdraw,
  evidenceFile,
} from '@jixiao/contracts';
import { z } from 'zod';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

/** Filters of GET /api/events. */
export type EventFilter = z.output<typeof eventListQuery>;

export const eventKeys = {
  all: ['events'] as const,
  list: (f: EventFilter) => ['events', 'list', f] as const,
};

/** The events the caller may see (a unit: its own, and every unit's bonus — W9). */
export function useEvents(f: Partial<EventFilter>) {
  return useGet(eventKeys.list(f as EventFilter), '/api/events', z.array(cycleEvent), {
    query: { ...f },
    enabled: f.planId !== undefined,
  });
}

export const createEvent = (body: EventCreate) => api.post('/api/events', cycleEvent, body);

export const decideEvent = (id: number, body: z.input<typeof eventDecision>) =>
  api.post(`/api/events/${id}/decision`, cycleEvent, body);

export const withdrawEvent = (id: number, body: z.input<typeof eventWithdraw>) =>
  api.post(`/api/events/${id}/withdraw`, cycleEvent, body);

export function uploadEventEvidence(id: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload(`/api/events/${id}/evidence`, evidenceFile, form);
}

export type { CycleEvent };
