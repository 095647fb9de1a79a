import { halfYearFreeze, livePlanParam, liveQuery, liveScores } from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import * as svc from './live.service.js';

const tags = ['live'];

/** Live scores (Z6) and the half-year assessment (S9). */
export const liveRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/live/:planId',
      {
        config: { access: { permission: 'results.read' } },
        schema: { tags, params: livePlanParam, querystring: liveQuery, response: { 200: liveScores } },
      },
      (req) => svc.liveScores(deps, ctxOf(req), req.params.planId, req.query.period),
    );
    app.post(
      '/api/live/:planId/half-year',
      {
        config: { access: { permission: 'results.compute' } },
        schema: {
          tags,
          summary: 'Run and freeze the half-year assessment (once)',
          params: livePlanParam,
          response: { 201: halfYearFreeze },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.freezeHalfYear(deps, ctxOf(req), req.params.planId)),
    );
  };
