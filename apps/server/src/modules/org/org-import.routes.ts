import { importResult, importTemplateQuery } from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import { fileOf } from '../../platform/upload.js';
import { importOrgNodes, importTemplate } from './org-import.service.js';

const write = { access: { permission: 'org.write' as const } };
const tags = ['org'];

/** Bulk import of the organisation tree from .xlsx or .csv, and its downloadable template. */
export const orgImportRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/org-nodes/import-template',
      {
        config: write,
        schema: {
          tags,
          summary: 'Download the org import template (.xlsx or .csv)',
          querystring: importTemplateQuery,
        },
      },
      async (req, reply) => {
        const t = await importTemplate(req.query.format);
        return reply
          .header('content-type', t.contentType)
          .header('content-disposition', `attachment; filename="${t.filename}"`)
          .send(t.body);
      },
    );

    app.post(
      '/api/org-nodes/import',
      {
        config: write,
        schema: {
          tags,
          summary: 'Import organisation nodes from an .xlsx or .csv file (all rows or none)',
          consumes: ['multipart/form-data'],
          response: { 200: importResult },
        },
      },
      async (req) => {
        return importOrgNodes(deps, ctxOf(req), await fileOf(req, 'the spreadsheet'));
      },
    );
  };
