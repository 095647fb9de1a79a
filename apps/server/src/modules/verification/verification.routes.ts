import {
  evidenceFile,
  idParam,
  planIdQuery,
  sampleCreate,
  verificationCounts,
  verificationCreate,
  verificationQueueItem,
  verificationQueueQuery,
  verificationRecord,
  verificationSample,
} from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import { fileOf } from '../../platform/upload.js';
import * as svc from './verification.service.js';

const verify = { access: { permission: 'submissions.verify' as const } };
const sample = { access: { permission: 'verification.sample' as const } };
const tags = ['verification'];

/** Conformity verification (Z4): the assessor's queue and checks, the office's samples and counts. */
export const verificationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/verification/queue',
      {
        config: verify,
        schema: {
          tags,
          querystring: verificationQueueQuery,
          response: { 200: z.array(verificationQueueItem) },
        },
      },
      (req) => svc.queue(deps, ctxOf(req), req.query.planId, req.query.period),
    );
    app.post(
      '/api/verifications',
      { config: verify, schema: { tags, body: verificationCreate, response: { 201: verificationRecord } } },
      async (req, reply) => reply.code(201).send(await svc.verify(deps, ctxOf(req), req.body)),
    );
    app.post(
      '/api/verifications/:id/evidence',
      {
        config: verify,
        schema: { tags, consumes: ['multipart/form-data'], params: idParam, response: { 201: evidenceFile } },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await svc.uploadVerificationEvidence(deps, ctxOf(req), req.params.id, () => fileOf(req))),
    );
    app.get(
      '/api/verification/counts',
      { config: verify, schema: { tags, querystring: planIdQuery, response: { 200: verificationCounts } } },
      (req) => svc.counts(deps, ctxOf(req), req.query.planId),
    );
    app.get(
      '/api/verification/samples',
      {
        config: sample,
        schema: { tags, querystring: planIdQuery, response: { 200: z.array(verificationSample) } },
      },
      (req) => svc.listSamples(deps, ctxOf(req), req.query.planId),
    );
    app.post(
      '/api/verification/samples',
      { config: sample, schema: { tags, body: sampleCreate, response: { 201: verificationSample } } },
      async (req, reply) => reply.code(201).send(await svc.createSample(deps, ctxOf(req), req.body)),
    );
  };
