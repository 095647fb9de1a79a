import { halfYearFreeze, livePlanParam, liveQuery, liveScores } from '@jixiao/contracts';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import * as svc from './live.service.js';

/** Live scores (Z6) and the half-year assessment (S9). */
export const liveRoutes = (deps: Deps) =>
  routes('live', [
    route({
      method: 'GET',
      url: '/api/live/:planId',
      access: 'results.read',
      params: livePlanParam,
      query: liveQuery,
      response: liveScores,
      handler: (r) => svc.liveScores(deps, r.ctx, r.params.planId, r.query.period),
    }),
    route({
      method: 'POST',
      url: '/api/live/:planId/half-year',
      access: 'results.compute',
      summary: 'Run and freeze the half-year assessment (once)',
      params: livePlanParam,
      response: halfYearFreeze,
      status: 201,
      handler: (r) => svc.freezeHalfYear(deps, r.ctx, r.params.planId),
    }),
  ]);
