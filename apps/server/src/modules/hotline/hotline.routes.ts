import {
  hotlineFeed,
  hotlineFeedsPut,
  hotlineImportResult,
  hotlinePreview,
  hotlinePushRequest,
  hotlineQuery,
  hotlineStat,
  idParam,
} from '@jixiao/contracts';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import { fileOf } from '../../platform/upload.js';
import * as svc from './hotline.service.js';

/** Hotline work-order statistics (H8): upload with preview, the API push, the stored rows, feeds. */
export const hotlineRoutes = (deps: Deps) =>
  routes('hotline', [
    route({
      method: 'POST',
      url: '/api/integrations/hotline-stats',
      // No session: the hotline system authenticates like supervision, `Authorization: Bearer <token>`.
      access: 'public',
      security: {
        scheme: 'bearer',
        check: async (req) => svc.checkPushToken(deps, req.headers.authorization),
      },
      summary: "Replace a plan period's hotline statistics: every row or none",
      body: hotlinePushRequest,
      response: hotlineImportResult,
      handler: (r) => svc.pushWithToken(deps, r.ctx, r.req.headers.authorization, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/plans/:id/hotline/preview',
      access: 'data.import',
      summary:
        'Check a hotline statistics file (.xlsx, .csv) for a period: its rows and every problem; stores nothing',
      upload: true,
      params: idParam,
      query: hotlineQuery,
      response: hotlinePreview,
      handler: async (r) => svc.previewUpload(deps, r.ctx, r.params.id, r.query.period, await fileOf(r.req)),
    }),
    route({
      method: 'POST',
      url: '/api/plans/:id/hotline',
      access: 'data.import',
      summary: "Store a hotline statistics file as the period's rows, replacing them: every row or none",
      upload: true,
      params: idParam,
      query: hotlineQuery,
      response: hotlineImportResult,
      status: 201,
      handler: async (r) => svc.importUpload(deps, r.ctx, r.params.id, r.query.period, await fileOf(r.req)),
    }),
    route({
      method: 'GET',
      url: '/api/plans/:id/hotline',
      // The office's: every unit's figures side by side, which a unit's own staff do not see.
      access: 'data.import',
      params: idParam,
      query: hotlineQuery,
      response: z.array(hotlineStat),
      handler: (r) => svc.listStats(deps, r.ctx, r.params.id, r.query.period),
    }),
    route({
      method: 'GET',
      url: '/api/plans/:id/hotline/feeds',
      access: 'plans.read',
      params: idParam,
      response: z.array(hotlineFeed),
      handler: (r) => svc.listFeeds(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'PUT',
      url: '/api/plans/:id/hotline/feeds',
      access: 'data.import',
      summary: 'Replace the plan indicators that take a hotline figure as their value',
      params: idParam,
      body: hotlineFeedsPut,
      response: z.array(hotlineFeed),
      handler: (r) => svc.putFeeds(deps, r.ctx, r.params.id, r.body.feeds),
    }),
  ]);
