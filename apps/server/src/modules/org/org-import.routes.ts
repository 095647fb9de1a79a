import { importResult, importTemplateQuery } from '@jixiao/contracts';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import { fileOf } from '../../platform/upload.js';
import { importOrgNodes, importTemplate } from './org-import.service.js';

/** Bulk import of the organisation tree from .xlsx or .csv, and its downloadable template. */
export const orgImportRoutes = (deps: Deps) =>
  routes('org', [
    route({
      method: 'GET',
      url: '/api/org-nodes/import-template',
      access: 'org.write',
      summary: 'Download the org import template (.xlsx or .csv)',
      query: importTemplateQuery,
      response: 'file',
      handler: (r) => importTemplate(r.query.format),
    }),
    route({
      method: 'POST',
      url: '/api/org-nodes/import',
      access: 'org.write',
      summary: 'Import organisation nodes from an .xlsx or .csv file (all rows or none)',
      upload: true,
      response: importResult,
      handler: async (r) => importOrgNodes(deps, r.ctx, await fileOf(r.req, 'the spreadsheet')),
    }),
  ]);
