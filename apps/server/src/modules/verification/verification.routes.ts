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
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import { fileOf } from '../../platform/upload.js';
import * as svc from './verification.service.js';

/** Conformity verification (Z4): the assessor's queue and checks, the office's samples and counts. */
export const verificationRoutes = (deps: Deps) =>
  routes('verification', [
    route({
      method: 'GET',
      url: '/api/verification/queue',
      access: 'submissions.verify',
      query: verificationQueueQuery,
      response: z.array(verificationQueueItem),
      handler: (r) => svc.queue(deps, r.ctx, r.query.planId, r.query.period),
    }),
    route({
      method: 'POST',
      url: '/api/verifications',
      access: 'submissions.verify',
      body: verificationCreate,
      response: verificationRecord,
      status: 201,
      handler: (r) => svc.verify(deps, r.ctx, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/verifications/:id/evidence',
      access: 'submissions.verify',
      upload: true,
      params: idParam,
      response: evidenceFile,
      status: 201,
      handler: (r) => svc.uploadVerificationEvidence(deps, r.ctx, r.params.id, () => fileOf(r.req)),
    }),
    route({
      method: 'GET',
      url: '/api/verification/counts',
      access: 'submissions.verify',
      query: planIdQuery,
      response: verificationCounts,
      handler: (r) => svc.counts(deps, r.ctx, r.query.planId),
    }),
    route({
      method: 'GET',
      url: '/api/verification/samples',
      access: 'verification.sample',
      query: planIdQuery,
      response: z.array(verificationSample),
      handler: (r) => svc.listSamples(deps, r.ctx, r.query.planId),
    }),
    route({
      method: 'POST',
      url: '/api/verification/samples',
      access: 'verification.sample',
      body: sampleCreate,
      response: verificationSample,
      status: 201,
      handler: (r) => svc.createSample(deps, r.ctx, r.body),
    }),
  ]);
