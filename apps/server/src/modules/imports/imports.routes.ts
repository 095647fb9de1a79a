import { idParam, importBatch, importPreview, importQuery } from '@jixiao/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import { contentDisposition, fileOf, fileWithFields } from '../../platform/upload.js';
import * as svc from './imports.service.js';

const access = { access: { permission: 'data.import' as const } };
const tags = ['imports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file and its "sha256" field: the confirming upload names the file it confirms. */
async function fileWithSha256(req: FastifyRequest) {
  const { fields, ...file } = await fileWithFields(req);
  return { ...file, sha256: fields.get('sha256') ?? null };
}

/** Data import (issue 8 point 3): preview, confirm as one batch, the batch list, the template. */
export const importsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/plans/:id/imports/preview',
      {
        config: access,
        schema: {
          tags,
          summary:
            'Check a data file (.xlsx, .csv, JSON rows) for a period: every problem, counts, sample; stores nothing',
          consumes: ['multipart/form-data'],
          params: idParam,
          querystring: importQuery,
          response: { 200: importPreview },
        },
      },
      async (req) => svc.previewImport(deps, ctxOf(req), req.params.id, req.query.period, await fileOf(req)),
    );
    app.post(
      '/api/plans/:id/imports',
      {
        config: access,
        schema: {
          tags,
          summary: 'Import a previewed data file (with its sha256) as one batch: every row or none',
          consumes: ['multipart/form-data'],
          params: idParam,
          querystring: importQuery,
          response: { 201: importBatch },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await svc.applyImport(
              deps,
              ctxOf(req),
              req.params.id,
              req.query.period,
              await fileWithSha256(req),
            ),
          ),
    );
    app.get(
      '/api/plans/:id/imports',
      {
        config: access,
        schema: {
          tags,
          summary: 'Import batches, newest first',
          params: idParam,
          response: { 200: z.array(importBatch) },
        },
      },
      (req) => svc.listImports(deps, ctxOf(req), req.params.id),
    );
    app.get(
      '/api/plans/:id/imports/template',
      {
        config: access,
        schema: {
          tags,
          summary: 'The .xlsx to fill: one row per unit and indicator, with an explanation sheet',
          params: idParam,
          querystring: importQuery,
        },
      },
      async (req, reply) => {
        const f = await svc.importTemplateFile(deps, ctxOf(req), req.params.id, req.query.period);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', contentDisposition(f.fileName))
          .send(f.data);
      },
    );
  };
