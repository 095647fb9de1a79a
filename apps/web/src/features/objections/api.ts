/**
 * Objections to published results (issue 11 point 3): list, one, file, and the steps of the lead
 * department (answer), the unit (accept, escalate, withdraw) and the leaders (decide).
 */
import {
  evidenceFile,
  type NewObjection,
  type Objection,
  type ObjectionVerdict,
  objection,
} from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api, type Query } from '../../shared/api.js';

export type ObjectionFilter = { planId?: number; status?: string; todo?: '1' };

export const objectionKeys = { all: ['objections'] as const };

export const useObjections = (f: ObjectionFilter) =>
  useQuery({
    queryKey: [...objectionKeys.all, 'list', f],
    queryFn: () => api.get('/api/objections', z.array(objection), f as Query),
  });

export const objectionsApi = {
  file: (body: NewObjection) => api.post('/api/objections', objection, body),
  answer: (o: Objection, answer: ObjectionVerdict) =>
    api.post(`/api/objections/${o.id}/answer`, objection, { version: o.version, answer }),
  respond: (o: Objection, action: 'accept' | 'escalate', reason?: string) =>
    api.post(`/api/objections/${o.id}/respond`, objection, { version: o.version, action, reason }),
  decide: (o: Objection, decision: ObjectionVerdict) =>
    api.post(`/api/objections/${o.id}/decide`, objection, { version: o.version, decision }),
  withdraw: (o: Objection) => api.post(`/api/objections/${o.id}/withdraw`, objection, { version: o.version }),
  evidence: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload(`/api/objections/${id}/evidence`, evidenceFile, form);
  },
};
