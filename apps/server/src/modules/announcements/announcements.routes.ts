import { announcement, announcementCreate, announcementList } from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import * as svc from './announcements.service.js';

const tags = ['announcements'];

/** Announcements (信息发布, S4): the office publishes, everyone signed in reads theirs. */
export const announcementsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/announcements',
      { config: { access: { session: true } }, schema: { tags, response: { 200: announcementList } } },
      (req) => svc.listAnnouncements(deps, ctxOf(req)),
    );
    app.post(
      '/api/announcements',
      {
        config: { access: { permission: 'announcements.publish' } },
        schema: { tags, body: announcementCreate, response: { 201: announcement } },
      },
      async (req, reply) => reply.code(201).send(await svc.publish(deps, ctxOf(req), req.body)),
    );
  };
