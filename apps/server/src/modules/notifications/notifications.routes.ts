import { idParam, notificationCounts, notificationList, notificationQuery, okBody } from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import * as svc from './notifications.service.js';

/** Everyone signed in has a bell; each sees only their own notifications. */
const config = { access: { session: true as const } };
const tags = ['notifications'];

export const notificationsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/notifications',
      { config, schema: { tags, querystring: notificationQuery, response: { 200: notificationList } } },
      (req) => svc.myNotifications(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/notifications/counts',
      { config, schema: { tags, response: { 200: notificationCounts } } },
      (req) => svc.myCounts(deps, ctxOf(req)),
    );
    app.post(
      '/api/notifications/:id/read',
      { config, schema: { tags, params: idParam, response: { 200: okBody } } },
      async (req) => {
        await svc.markRead(deps, ctxOf(req), req.params.id);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/notifications/read-all',
      { config, schema: { tags, response: { 200: okBody } } },
      async (req) => {
        await svc.markRead(deps, ctxOf(req), null);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/notifications/:id/done',
      { config, schema: { tags, params: idParam, response: { 200: okBody } } },
      async (req) => {
        await svc.markDone(deps, ctxOf(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
