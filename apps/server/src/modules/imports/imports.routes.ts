import { idParam, importBatch, importPreview, importQuery } from '@jixiao/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import { fileOf, fileWithFields } from '../../platform/upload.js';
import * as svc from './imports.service.js';

/** The file and its "sha256" field: the confirming upload names the file it confirms. */
async function fileWithSha256(req: FastifyRequest) {
  const { fields, ...file } = await fileWithFields(req);
  return { ...file, sha256: fields.get('sha256') ?? null };
}

/** Data import (issue 8 point 3): preview, confirm as one batch, the batch list, the template. */
export const importsRoutes = (deps: Deps) =>
  routes('imports', [
    route({
      method: 'POST',
      url: '/api/plans/:id/imports/preview',
      access: 'data.import',
      summary:
        'Check a data file (.xlsx, .csv, JSON rows) for a period: every problem, counts, sample; stores nothing',
      upload: true,
      params: idParam,
      query: importQuery,
      response: importPreview,
      handler: async (r) => svc.previewImport(deps, r.ctx, r.params.id, r.query.period, await fileOf(r.req)),
    }),
    route({
      method: 'POST',
      url: '/api/plans/:id/imports',
      access: 'data.import',
      summary: 'Import a previewed data file (with its sha256) as one batch: every row or none',
      upload: true,
      params: idParam,
      query: importQuery,
      response: importBatch,
      status: 201,
      handler: async (r) =>
        svc.applyImport(deps, r.ctx, r.params.id, r.query.period, await fileWithSha256(r.req)),
    }),
    route({
      method: 'GET',
      url: '/api/plans/:id/imports',
      access: 'data.import',
      summary: 'Import batches, newest first',
      params: idParam,
      response: z.array(importBatch),
      handler: (r) => svc.listImports(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'GET',
      url: '/api/plans/:id/imports/template',
      access: 'data.import',
      summary: 'The .xlsx to fill: one row per unit and indicator, with an explanation sheet',
      params: idParam,
      query: importQuery,
      response: 'file',
      handler: (r) => svc.importTemplateFile(deps, r.ctx, r.params.id, r.query.period),
    }),
  ]);
