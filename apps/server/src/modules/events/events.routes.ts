import {
  cycleEvent,
  eventCreate,
  eventDecision,
  eventListQuery,
  eventWithdraw,
  evidenceFile,
  idParam,
} from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import { fileOf } from '../../platform/upload.js';
import * as svc from './events.service.js';

const tags = ['events'];

/** Veto, bonus and deduction events (W5, W9, W12, S8): list, record, decide, withdraw, evidence. */
export const eventsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/events',
      {
        config: { access: { permission: 'events.read' } },
        schema: { tags, querystring: eventListQuery, response: { 200: z.array(cycleEvent) } },
      },
      (req) => svc.listEvents(deps, ctxOf(req), req.query),
    );
    app.post(
      '/api/events',
      {
        config: { access: { permission: 'events.record' } },
        schema: {
          tags,
          summary: 'Record a veto, bonus (pending until the office approves) or deduction',
          body: eventCreate,
          response: { 201: cycleEvent },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.recordEvent(deps, ctxOf(req), req.body)),
    );
    app.post(
      '/api/events/:id/decision',
      {
        config: { access: { permission: 'events.approve' } },
        schema: {
          tags,
          summary: 'Approve or reject a pending bonus (a rejection needs a note); optimistic version',
          params: idParam,
          body: eventDecision,
          response: { 200: cycleEvent },
        },
      },
      (req) => svc.decideEvent(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/events/:id/withdraw',
      {
        config: { access: { permission: 'events.record' } },
        schema: {
          tags,
          summary: 'Withdraw a pending or approved event with a reason (the recorder or the office)',
          params: idParam,
          body: eventWithdraw,
          response: { 200: cycleEvent },
        },
      },
      (req) => svc.withdrawEvent(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/events/:id/evidence',
      {
        config: { access: { permission: 'events.record' } },
        schema: {
          tags,
          summary: 'Attach an evidence file (PDF, image, Office; ≤ 10 MiB; checked by content)',
          consumes: ['multipart/form-data'],
          params: idParam,
          response: { 201: evidenceFile },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await svc.uploadEventEvidence(deps, ctxOf(req), req.params.id, () => fileOf(req))),
    );
  };
