import { bulletin, bulletinQuery, progressMatrix, progressParams, progressQuery } from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import { bulletinWorkbook, getBulletin } from './bulletin.js';
import * as svc from './progress.service.js';

const read = { access: { permission: 'progress.read' as const } };
const tags = ['progress'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Progress against the pro-rata schedule and the quarterly bulletin (S9). */
export const progressRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/progress/:planId',
      {
        config: read,
        schema: {
          tags,
          params: progressParams,
          querystring: progressQuery,
          response: { 200: progressMatrix },
        },
      },
      (req) => svc.progressMatrix(deps, ctxOf(req), req.params.planId, req.query.period),
    );
    app.get(
      '/api/bulletins/:planId',
      { config: read, schema: { tags, params: progressParams, querystring: bulletinQuery } },
      async (req, reply) => {
        const { planId } = req.params;
        if (req.query.format !== 'xlsx')
          return reply.send(bulletin.parse(await getBulletin(deps, ctxOf(req), planId, req.query.quarter)));
        const f = await bulletinWorkbook(deps, ctxOf(req), planId, req.query.quarter);
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${f.fileName}"`)
          .send(f.data);
      },
    );
  };
