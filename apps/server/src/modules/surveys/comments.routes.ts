import {
  commentAct,
  commentCreate,
  commentQuery,
  commentStat,
  commentTopic,
  commentTopics,
  idParam,
  surveyComment,
} from '@jixiao/contracts';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import * as svc from './comments.service.js';

/**
 * Comments (H9). Listing, export and steps are open to any session: the service shows the office
 * every comment and a unit only those sent to it, and refuses anyone else.
 */
export const commentsRoutes = (deps: Deps) =>
  routes('surveys', [
    route({
      method: 'GET',
      url: '/api/survey-comments',
      access: 'session',
      query: commentQuery,
      response: z.array(surveyComment),
      handler: (r) => svc.listComments(deps, r.ctx, r.query),
    }),
    route({
      method: 'GET',
      url: '/api/survey-comments/export',
      access: 'session',
      summary: 'The comments as listed, as .xlsx',
      query: commentQuery,
      response: 'file',
      handler: (r) => svc.exportComments(deps, r.ctx, r.query),
    }),
    route({
      method: 'GET',
      url: '/api/survey-comments/stats',
      access: 'surveys.manage',
      summary: 'Comments per unit and topic, with the open ones',
      query: commentQuery.pick({ campaignId: true }),
      response: z.array(commentStat),
      handler: (r) => svc.commentStats(deps, r.ctx, r.query.campaignId),
    }),
    route({
      method: 'POST',
      url: '/api/survey-comments',
      access: 'surveys.manage',
      summary: 'Record an observation (a letter, a call, an inspection) as a comment',
      body: commentCreate,
      response: surveyComment,
      status: 201,
      handler: (r) => svc.createComment(deps, r.ctx, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/survey-comments/:id/steps',
      access: 'session',
      summary: 'Classify, dispatch, answer (the unit), close or return a comment',
      params: idParam,
      body: commentAct,
      response: surveyComment,
      handler: (r) => svc.actOnComment(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'GET',
      url: '/api/comment-topics',
      access: 'surveys.manage',
      response: z.array(commentTopic),
      handler: async () =>
        (await svc.listTopics(deps)).map(({ code, name, keywords }) => ({ code, name, keywords })),
    }),
    route({
      method: 'PUT',
      url: '/api/comment-topics',
      access: 'surveys.manage',
      summary: 'Replace the topic keyword rules (applied to comments collected from now on)',
      body: commentTopics,
      response: z.array(commentTopic),
      handler: async (r) =>
        (await svc.saveTopics(deps, r.ctx, r.body)).map(({ code, name, keywords }) => ({
          code,
          name,
          keywords,
        })),
    }),
  ]);
