import {
  generateCalendarRequest,
  idParam,
  periodWindow,
  periodWindowList,
  periodWindowUpdate,
  reopenRequest,
} from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import * as periods from './periods.service.js';

const read = { access: { permission: 'plans.read' as const } };
const manage = { access: { permission: 'periods.manage' as const } };
const tags = ['periods'];

/** The deadline calendar of a plan: windows per period, closing, reopening for one unit. */
export const periodRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plans/:id/periods',
      { config: read, schema: { tags, params: idParam, response: { 200: periodWindowList } } },
      (req) => periods.listPeriods(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/plans/:id/periods/generate',
      {
        config: manage,
        schema: {
          tags,
          summary: "Create the year's default windows that do not exist yet",
          params: idParam,
          body: generateCalendarRequest,
          response: { 200: periodWindowList },
        },
      },
      (req) => periods.generateCalendar(deps, ctxOf(req), req.params.id, req.body.granularities),
    );
    app.patch(
      '/api/period-windows/:id',
      {
        config: manage,
        schema: { tags, params: idParam, body: periodWindowUpdate, response: { 200: periodWindow } },
      },
      (req) => periods.updateWindow(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/period-windows/:id/reopenings',
      {
        config: manage,
        schema: { tags, params: idParam, body: reopenRequest, response: { 200: periodWindow } },
      },
      (req) => periods.reopenForUnit(deps, ctxOf(req), req.params.id, req.body),
    );
  };
