import { bulletin, bulletinQuery, progressMatrix, progressParams, progressQuery } from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { buildBulletin, bulletinXlsx } from './bulletin.js';
import { computeProgress } from './progress.service.js';

const read = { access: { permission: 'progress.read' as const } };
const tags = ['progress'];

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
      async (req) => {
        const { groups: _, ...m } = await computeProgress(
          deps.database.db,
          req.actor!,
          req.params.planId,
          req.query.period,
        );
        return m;
      },
    );
    app.get(
      '/api/bulletins/:planId',
      { config: read, schema: { tags, params: progressParams, querystring: bulletinQuery } },
      async (req, reply) => {
        const b = await buildBulletin(deps.database.db, req.actor!, req.params.planId, req.query.quarter);
        if (req.query.format !== 'xlsx') return reply.send(bulletin.parse(b));
        const file = `bulletin-${b.quarter}.xlsx`;
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${file}"`)
          .send(await bulletinXlsx(b));
      },
    );
  };
