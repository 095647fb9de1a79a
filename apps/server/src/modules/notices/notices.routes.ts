import {
  answerBody,
  escalateBody,
  idParam,
  notice,
  noticeList,
  noticeQuery,
  observationCreate,
  remindersResult,
  remindersRun,
  urgingCreate,
  versionBody,
} from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import * as svc from './notices.service.js';
import { runReminders } from './reminders.js';

const read = { access: { permission: 'notices.read' as const } };
const issue = { access: { permission: 'notices.issue' as const } };
const answer = { access: { permission: 'notices.answer' as const } };
const tags = ['notices'];

/** Reminders, urging notices and observations (S10, Z15): list, issue, and the state machine. */
export const noticesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/notices',
      { config: read, schema: { tags, querystring: noticeQuery, response: { 200: noticeList } } },
      (req) => svc.listNotices(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/notices/:id',
      { config: read, schema: { tags, params: idParam, response: { 200: notice } } },
      (req) => svc.getNotice(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/notices',
      { config: issue, schema: { tags, body: urgingCreate, response: { 201: notice } } },
      async (req, reply) => reply.code(201).send(await svc.issueUrging(deps, ctxOf(req), req.body)),
    );
    app.post(
      '/api/observations',
      {
        config: { access: { permission: 'observations.file' } },
        schema: { tags, body: observationCreate, response: { 201: notice } },
      },
      async (req, reply) => reply.code(201).send(await svc.fileObservation(deps, ctxOf(req), req.body)),
    );
    app.post(
      '/api/notices/reminders/run',
      { config: issue, schema: { tags, body: remindersRun, response: { 200: remindersResult } } },
      (req) => runReminders(deps, ctxOf(req), req.body),
    );
    const step = (
      action: 'route' | 'acknowledge' | 'close',
      config: { access: { permission: 'notices.issue' | 'notices.answer' } },
    ) =>
      app.post(
        `/api/notices/:id/${action}`,
        { config, schema: { tags, params: idParam, body: versionBody, response: { 200: notice } } },
        (req) => svc.act(deps, ctxOf(req), req.params.id, action, req.body),
      );
    step('route', issue);
    step('acknowledge', answer);
    step('close', issue);
    app.post(
      '/api/notices/:id/answer',
      { config: answer, schema: { tags, params: idParam, body: answerBody, response: { 200: notice } } },
      (req) => svc.act(deps, ctxOf(req), req.params.id, 'answer', req.body),
    );
    app.post(
      '/api/notices/:id/escalate',
      { config: issue, schema: { tags, params: idParam, body: escalateBody, response: { 200: notice } } },
      (req) => svc.act(deps, ctxOf(req), req.params.id, 'escalate', req.body),
    );
  };
