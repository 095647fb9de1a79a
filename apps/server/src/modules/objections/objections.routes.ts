import {
  evidenceFile,
  idParam,
  newObjection,
  objection,
  objectionAnswer,
  objectionDecision,
  objectionQuery,
  objectionResponse,
  objectionWithdrawal,
} from '@jixiao/contracts';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import { fileOf } from '../../platform/upload.js';
import * as svc from './objections.service.js';

/** Objections to published results (S13): file, answer, accept or escalate, decide, withdraw. */
export const objectionsRoutes = (deps: Deps) =>
  routes('objections', [
    route({
      method: 'POST',
      url: '/api/objections',
      access: 'objections.file',
      summary: 'A unit objects to one item of its result while the run is in publicity',
      body: newObjection,
      response: objection,
      status: 201,
      handler: (r) => svc.fileObjection(deps, r.ctx, r.body),
    }),
    route({
      method: 'GET',
      url: '/api/objections',
      access: 'results.read',
      summary: "Objections the caller may see: its unit's, its indicators', or all (office, leaders)",
      query: objectionQuery,
      response: z.array(objection),
      handler: (r) => svc.listObjections(deps, r.ctx, r.query),
    }),
    route({
      method: 'GET',
      url: '/api/objections/:id',
      access: 'results.read',
      params: idParam,
      response: objection,
      handler: (r) => svc.getObjection(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'POST',
      url: '/api/objections/:id/answer',
      access: 'objections.answer',
      summary: 'The lead department (or the office) rejects with an explanation or adjusts',
      params: idParam,
      body: objectionAnswer,
      response: objection,
      handler: (r) => svc.answerObjection(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/objections/:id/respond',
      access: 'objections.file',
      summary: 'The unit accepts the answer or escalates it to the leadership group',
      params: idParam,
      body: objectionResponse,
      response: objection,
      handler: (r) => svc.respondObjection(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/objections/:id/decide',
      access: 'objections.decide',
      summary: 'The leadership group decides an escalated objection',
      params: idParam,
      body: objectionDecision,
      response: objection,
      handler: (r) => svc.decideObjection(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/objections/:id/withdraw',
      access: 'objections.file',
      params: idParam,
      body: objectionWithdrawal,
      response: objection,
      handler: (r) => svc.withdrawObjection(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/objections/:id/evidence',
      access: 'objections.file',
      summary: 'Attach an evidence file to an open objection (PDF, image, Office; ≤ 10 MiB)',
      upload: true,
      params: idParam,
      response: evidenceFile,
      status: 201,
      handler: (r) => svc.uploadObjectionEvidence(deps, r.ctx, r.params.id, () => fileOf(r.req)),
    }),
  ]);
