import {
  apiToken,
  apiTokenCreate,
  apiTokenCreated,
  idParam,
  supervisionImportQuery,
  supervisionImportRequest,
  supervisionImportResult,
  supervisionItem,
  supervisionItemQuery,
} from '@jixiao/contracts';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import { fileOf } from '../../platform/upload.js';
import * as svc from './supervision.service.js';

/** Supervision items (H6): REST import with an API token, CSV upload and tokens for the office. */
export const supervisionRoutes = (deps: Deps) =>
  routes('supervision', [
    route({
      method: 'POST',
      url: '/api/integrations/supervision-items',
      // No session: the supervision system authenticates with `Authorization: Bearer <token>`.
      access: 'public',
      security: {
        scheme: 'bearer',
        check: async (req) => svc.requireToken(deps, req.headers.authorization),
      },
      summary: 'Upsert supervision items by (source, externalId); all items or none',
      body: supervisionImportRequest,
      response: supervisionImportResult,
      handler: (r) => svc.importWithToken(deps, r.ctx, r.req.headers.authorization, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/supervision-items/import',
      access: 'supervision.manage',
      summary: 'Upsert supervision items from a CSV file',
      upload: true,
      query: supervisionImportQuery,
      response: supervisionImportResult,
      handler: async (r) => svc.importCsv(deps, r.ctx, r.query.planId, r.query.source, await fileOf(r.req)),
    }),
    route({
      method: 'GET',
      url: '/api/supervision-items',
      access: 'supervision.manage',
      query: supervisionItemQuery,
      response: z.array(supervisionItem),
      handler: (r) => svc.listItems(deps, r.ctx, r.query.planId),
    }),
    route({
      method: 'GET',
      url: '/api/api-tokens',
      access: 'supervision.manage',
      response: z.array(apiToken),
      handler: () => svc.listTokens(deps),
    }),
    route({
      method: 'POST',
      url: '/api/api-tokens',
      access: 'supervision.manage',
      body: apiTokenCreate,
      response: apiTokenCreated,
      status: 201,
      handler: (r) => svc.createToken(deps, r.ctx, r.body.name),
    }),
    route({
      method: 'POST',
      url: '/api/api-tokens/:id/revoke',
      access: 'supervision.manage',
      params: idParam,
      response: apiToken,
      handler: (r) => svc.revokeToken(deps, r.ctx, r.params.id),
    }),
  ]);
