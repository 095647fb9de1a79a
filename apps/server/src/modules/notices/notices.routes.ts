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
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import * as svc from './notices.service.js';
import { runReminders } from './reminders.js';

/** Reminders, urging notices and observations (S10, Z15): list, issue, and the state machine. */
export const noticesRoutes = (deps: Deps) => {
  /** A step of the notice state machine that carries only the version it expects. */
  const step = (action: 'route' | 'acknowledge' | 'close', permission: 'notices.issue' | 'notices.answer') =>
    route({
      method: 'POST',
      url: `/api/notices/:id/${action}`,
      access: permission,
      params: idParam,
      body: versionBody,
      response: notice,
      handler: (r) => svc.act(deps, r.ctx, r.params.id, action, r.body),
    });
  return routes('notices', [
    route({
      method: 'GET',
      url: '/api/notices',
      access: 'notices.read',
      query: noticeQuery,
      response: noticeList,
      handler: (r) => svc.listNotices(deps, r.ctx, r.query),
    }),
    route({
      method: 'GET',
      url: '/api/notices/:id',
      access: 'notices.read',
      params: idParam,
      response: notice,
      handler: (r) => svc.getNotice(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'POST',
      url: '/api/notices',
      access: 'notices.issue',
      body: urgingCreate,
      response: notice,
      status: 201,
      handler: (r) => svc.issueUrging(deps, r.ctx, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/observations',
      access: 'observations.file',
      body: observationCreate,
      response: notice,
      status: 201,
      handler: (r) => svc.fileObservation(deps, r.ctx, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/notices/reminders/run',
      access: 'notices.issue',
      body: remindersRun,
      response: remindersResult,
      handler: (r) => runReminders(deps, r.ctx, r.body),
    }),
    step('route', 'notices.issue'),
    step('acknowledge', 'notices.answer'),
    step('close', 'notices.issue'),
    route({
      method: 'POST',
      url: '/api/notices/:id/answer',
      access: 'notices.answer',
      params: idParam,
      body: answerBody,
      response: notice,
      handler: (r) => svc.act(deps, r.ctx, r.params.id, 'answer', r.body),
    }),
    route({
      method: 'POST',
      url: '/api/notices/:id/escalate',
      access: 'notices.issue',
      params: idParam,
      body: escalateBody,
      response: notice,
      handler: (r) => svc.act(deps, r.ctx, r.params.id, 'escalate', r.body),
    }),
  ]);
};
