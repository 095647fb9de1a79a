import {
  evidenceFile,
  idParam,
  submission,
  submissionCreate,
  submissionDetail,
  submissionFileQuery,
  submissionList,
  submissionListQuery,
  submissionUpdate,
  uploadResult,
} from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import { contentDisposition, fileOf } from '../../platform/upload.js';
import * as evidence from './evidence.service.js';
import * as svc from './submissions.service.js';
import * as files from './submissions-file.js';

const read = { access: { permission: 'submissions.read' as const } };
const write = { access: { permission: 'submissions.write' as const } };
const tags = ['submissions'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Data submission (Z4, G5): the period form, entry and correction, bulk upload, evidence files. */
export const submissionsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/submissions',
      { config: read, schema: { tags, querystring: submissionListQuery, response: { 200: submissionList } } },
      (req) => svc.listSlots(deps, ctxOf(req), req.query),
    );
    app.post(
      '/api/submissions',
      { config: write, schema: { tags, body: submissionCreate, response: { 201: submission } } },
      async (req, reply) => reply.code(201).send(await svc.createSubmission(deps, ctxOf(req), req.body)),
    );
    app.get(
      '/api/submissions/:id',
      { config: read, schema: { tags, params: idParam, response: { 200: submissionDetail } } },
      (req) => svc.getSubmission(deps, ctxOf(req), req.params.id),
    );
    app.put(
      '/api/submissions/:id',
      {
        config: write,
        schema: {
          tags,
          summary: 'Change a value (a verified one only with a reason); optimistic version',
          params: idParam,
          body: submissionUpdate,
          response: { 200: submission },
        },
      },
      (req) => svc.updateSubmission(deps, ctxOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/submissions/template',
      {
        config: write,
        schema: {
          tags,
          summary: 'The .xlsx template of a period, prefilled',
          querystring: submissionFileQuery,
        },
      },
      async (req, reply) => {
        const body = await files.buildTemplate(deps, ctxOf(req), req.query.planId, req.query.period);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', contentDisposition(`填报模板-${req.query.period}.xlsx`))
          .send(body);
      },
    );
    app.post(
      '/api/submissions/upload',
      {
        config: write,
        schema: {
          tags,
          summary: "Upload a period's values from the .xlsx template (every row or none)",
          consumes: ['multipart/form-data'],
          querystring: submissionFileQuery,
          response: { 200: uploadResult },
        },
      },
      async (req) => {
        const f = await fileOf(req);
        return files.uploadValues(deps, ctxOf(req), req.query.planId, req.query.period, f.data);
      },
    );
    app.post(
      '/api/submissions/:id/evidence',
      {
        config: write,
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
          .send(await evidence.uploadSubmissionEvidence(deps, ctxOf(req), req.params.id, () => fileOf(req))),
    );
    app.get(
      '/api/evidence/:id',
      { config: read, schema: { tags, summary: 'Download an evidence file', params: idParam } },
      async (req, reply) => {
        const f = await evidence.downloadEvidence(deps, ctxOf(req), req.params.id);
        return reply
          .header('content-type', f.contentType)
          .header('content-disposition', contentDisposition(f.fileName))
          .header('x-content-type-options', 'nosniff')
          .send(f.data);
      },
    );
  };
