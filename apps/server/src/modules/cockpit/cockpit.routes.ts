import { cockpit, cockpitParams, cockpitQuery, cockpitUnitParams, cockpitUnitView } from '@jixiao/contracts';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import * as svc from './cockpit.service.js';

/** The leadership cockpit and a unit's own view of it (issue 13). */
export const cockpitRoutes = (deps: Deps) =>
  routes('cockpit', [
    route({
      method: 'GET',
      url: '/api/cockpit/:planId',
      access: 'cockpit.read',
      params: cockpitParams,
      query: cockpitQuery,
      response: cockpit,
      handler: (r) => svc.cockpit(deps, r.ctx, r.params.planId, r.query.period),
    }),
    route({
      method: 'GET',
      url: '/api/cockpit/:planId/unit/:unitId',
      access: 'results.read',
      params: cockpitUnitParams,
      query: cockpitQuery,
      response: cockpitUnitView,
      handler: (r) => svc.unitView(deps, r.ctx, r.params.planId, r.params.unitId, r.query.period),
    }),
  ]);
