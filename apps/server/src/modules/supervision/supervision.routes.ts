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
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import { fileOf } from '../../platform/upload.js';
import * as svc from './supervision.service.js';

const manage = { access: { permission: 'supervision.manage' as const } };
const tags = ['supervision'];

/** Supervision items (H6): REST import with an API token, CSV upload and tokens for the office. */
export const supervisionRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/integrations/supervision-items',
      {
        // No session: the supervision system authenticates with `Authorization: Bearer <token>`.
        config: { access: { public: true } },
        preValidation: async (req) => svc.requireToken(deps, req.headers.authorization),
        schema: {
          tags,
          summary: 'Upsert supervision items by (source, externalId); all items or none',
          security: [{ bearer: [] }],
          body: supervisionImportRequest,
          response: { 200: supervisionImportResult },
        },
      },
      (req) => svc.importWithToken(deps, ctxOf(req), req.headers.authorization, req.body),
    );
    app.post(
      '/api/supervision-items/import',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Upsert supervision items from a CSV file',
          consumes: ['multipart/form-data'],
          querystring: supervisionImportQuery,
          response: { 200: supervisionImportResult },
        },
      },
      async (req) => {
        const { data } = await fileOf(req);
        return svc.importCsv(deps, ctxOf(req), req.query.planId, req.query.source, data);
      },
    );
    app.get(
      '/api/supervision-items',
      {
        config: manage,
        schema: { tags, querystring: supervisionItemQuery, response: { 200: z.array(supervisionItem) } },
      },
      (req) => svc.listItems(deps, ctxOf(req), req.query.planId),
    );
    app.get(
      '/api/api-tokens',
      { config: manage, schema: { tags, response: { 200: z.array(apiToken) } } },
      () => svc.listTokens(deps),
    );
    app.post(
      '/api/api-tokens',
      { config: manage, schema: { tags, body: apiTokenCreate, response: { 201: apiTokenCreated } } },
      async (req, reply) => reply.code(201).send(await svc.createToken(deps, ctxOf(req), req.body.name)),
    );
    app.post(
      '/api/api-tokens/:id/revoke',
      { config: manage, schema: { tags, params: idParam, response: { 200: apiToken } } },
      (req) => svc.revokeToken(deps, ctxOf(req), req.params.id),
    );
  };
