import { idParam, notificationCounts, notificationList, notificationQuery, okBody } from '@jixiao/contracts';
import type { Deps } from '../../platform/context.js';
import { ok, route, routes } from '../../platform/route.js';
import * as svc from './notifications.service.js';

/** Everyone signed in has a bell; each sees only their own notifications. */

export const notificationsRoutes = (deps: Deps) =>
  routes('notifications', [
    route({
      method: 'GET',
      url: '/api/notifications',
      access: 'session',
      query: notificationQuery,
      response: notificationList,
      handler: (r) => svc.myNotifications(deps, r.ctx, r.query),
    }),
    route({
      method: 'GET',
      url: '/api/notifications/counts',
      access: 'session',
      response: notificationCounts,
      handler: (r) => svc.myCounts(deps, r.ctx),
    }),
    route({
      method: 'POST',
      url: '/api/notifications/:id/read',
      access: 'session',
      params: idParam,
      response: okBody,
      handler: (r) => ok(svc.markRead(deps, r.ctx, r.params.id)),
    }),
    route({
      method: 'POST',
      url: '/api/notifications/read-all',
      access: 'session',
      response: okBody,
      handler: (r) => ok(svc.markRead(deps, r.ctx, null)),
    }),
    route({
      method: 'POST',
      url: '/api/notifications/:id/done',
      access: 'session',
      params: idParam,
      response: okBody,
      handler: (r) => ok(svc.markDone(deps, r.ctx, r.params.id)),
    }),
  ]);
