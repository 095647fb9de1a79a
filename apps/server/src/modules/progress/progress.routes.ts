import { bulletin, bulletinQuery, progressMatrix, progressParams, progressQuery } from '@jixiao/contracts';
import type { Deps } from '../../platform/context.js';
import { sendFile } from '../../platform/download.js';
import { route, routes } from '../../platform/route.js';
import { bulletinWorkbook, getBulletin } from './bulletin.js';
import * as svc from './progress.service.js';

/** Progress against the pro-rata schedule and the quarterly bulletin (S9). */
export const progressRoutes = (deps: Deps) =>
  routes('progress', [
    route({
      method: 'GET',
      url: '/api/progress/:planId',
      access: 'progress.read',
      params: progressParams,
      query: progressQuery,
      response: progressMatrix,
      handler: (r) => svc.progressMatrix(deps, r.ctx, r.params.planId, r.query.period),
    }),
    // JSON or the .xlsx workbook, by `format`: no response schema, so the JSON is checked here.
    route({
      method: 'GET',
      url: '/api/bulletins/:planId',
      access: 'progress.read',
      params: progressParams,
      query: bulletinQuery,
      handler: async (r) => {
        const { planId } = r.params;
        if (r.query.format === 'xlsx')
          return sendFile(r.reply, await bulletinWorkbook(deps, r.ctx, planId, r.query.quarter));
        return bulletin.parse(await getBulletin(deps, r.ctx, planId, r.query.quarter));
      },
    }),
  ]);
