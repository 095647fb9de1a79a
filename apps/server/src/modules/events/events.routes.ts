import {
  cycleEvent,
  eventCreate,
  eventDecision,
  eventListQuery,
  eventWithdraw,
  evidenceFile,
  idParam,
} from '@jixiao/contracts';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import { fileOf } from '../../platform/upload.js';
import * as svc from './events.service.js';

/** Veto, bonus and deduction events (W5, W9, W12, S8): list, record, decide, withdraw, evidence. */
export const eventsRoutes = (deps: Deps) =>
  routes('events', [
    route({
      method: 'GET',
      url: '/api/events',
      access: 'events.read',
      query: eventListQuery,
      response: z.array(cycleEvent),
      handler: (r) => svc.listEvents(deps, r.ctx, r.query),
    }),
    route({
      method: 'POST',
      url: '/api/events',
      access: 'events.record',
      summary: 'Record a veto, bonus (pending until the office approves) or deduction',
      body: eventCreate,
      response: cycleEvent,
      status: 201,
      handler: (r) => svc.recordEvent(deps, r.ctx, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/events/:id/decision',
      access: 'events.approve',
      summary: 'Approve or reject a pending bonus (a rejection needs a note); optimistic version',
      params: idParam,
      body: eventDecision,
      response: cycleEvent,
      handler: (r) => svc.decideEvent(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/events/:id/withdraw',
      access: 'events.record',
      summary: 'Withdraw a pending or approved event with a reason (the recorder or the office)',
      params: idParam,
      body: eventWithdraw,
      response: cycleEvent,
      handler: (r) => svc.withdrawEvent(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/events/:id/evidence',
      access: 'events.record',
      summary: 'Attach an evidence file (PDF, image, Office; ≤ 10 MiB; checked by content)',
      upload: true,
      params: idParam,
      response: evidenceFile,
      status: 201,
      handler: (r) => svc.uploadEventEvidence(deps, r.ctx, r.params.id, () => fileOf(r.req)),
    }),
  ]);
