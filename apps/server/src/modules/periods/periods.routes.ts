import {
  generateCalendarRequest,
  idParam,
  periodWindow,
  periodWindowList,
  periodWindowUpdate,
  reopenRequest,
} from '@jixiao/contracts';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import * as periods from './periods.service.js';

/** The deadline calendar of a plan: windows per period, closing, reopening for one unit. */
export const periodRoutes = (deps: Deps) =>
  routes('periods', [
    route({
      method: 'GET',
      url: '/api/plans/:id/periods',
      access: 'plans.read',
      params: idParam,
      response: periodWindowList,
      handler: (r) => periods.listPeriods(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'POST',
      url: '/api/plans/:id/periods/generate',
      access: 'periods.manage',
      summary: "Create the year's default windows that do not exist yet",
      params: idParam,
      body: generateCalendarRequest,
      response: periodWindowList,
      handler: (r) => periods.generateCalendar(deps, r.ctx, r.params.id, r.body.granularities),
    }),
    route({
      method: 'PATCH',
      url: '/api/period-windows/:id',
      access: 'periods.manage',
      params: idParam,
      body: periodWindowUpdate,
      response: periodWindow,
      handler: (r) => periods.updateWindow(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/period-windows/:id/reopenings',
      access: 'periods.manage',
      params: idParam,
      body: reopenRequest,
      response: periodWindow,
      handler: (r) => periods.reopenForUnit(deps, r.ctx, r.params.id, r.body),
    }),
  ]);
