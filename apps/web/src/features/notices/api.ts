import {
  type NoticeAction,
  notice,
  noticeList,
  orgNode,
  remindersResult,
  type remindersRun,
} from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

export const noticeKeys = { all: ['notices'] as const };

export function useNotices(q: { kind?: string; status?: string; page: number }) {
  return useGet([...noticeKeys.all, q], '/api/notices', noticeList, { query: { ...q, pageSize: 20 } });
}

/** Evaluated units (nodes with a group), for choosing a notice's or an announcement's units. */
export function useUnits(enabled = true) {
  return useQuery({
    queryKey: ['org-nodes', 'units'],
    queryFn: async () =>
      (await api.get('/api/org-nodes', z.array(orgNode))).filter((n) => n.groupId !== null),
    enabled,
    staleTime: 300_000,
  });
}

/**
 * The notice calls answer the notice as it now stands. Their bodies are the forms' values as
 * entered (the server's schema checks them: urgingCreate, observationCreate, versionBody…).
 */
export const noticeApi = {
  issueUrging: (body: object) => api.post('/api/notices', notice, body),
  fileObservation: (body: object) => api.post('/api/observations', notice, body),
  act: (id: number, action: NoticeAction, body: { version: number } & object) =>
    api.post(`/api/notices/${id}/${action}`, notice, body),
  runReminders: (body: Partial<z.input<typeof remindersRun>>) =>
    api.post('/api/notices/reminders/run', remindersResult, body),
};
