import { announcement, announcementCreate, announcementList } from '@jixiao/contracts';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import * as svc from './announcements.service.js';

/** Announcements (信息发布, S4): the office publishes, everyone signed in reads theirs. */
export const announcementsRoutes = (deps: Deps) =>
  routes('announcements', [
    route({
      method: 'GET',
      url: '/api/announcements',
      access: 'session',
      response: announcementList,
      handler: (r) => svc.listAnnouncements(deps, r.ctx),
    }),
    route({
      method: 'POST',
      url: '/api/announcements',
      access: 'announcements.publish',
      body: announcementCreate,
      response: announcement,
      status: 201,
      handler: (r) => svc.publish(deps, r.ctx, r.body),
    }),
  ]);
