import { idParam, jobListQuery, jobView, startJob } from '@jixiao/contracts';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import * as jobs from './jobs.service.js';

/**
 * Background jobs: start one of a kind (the kind authorises), read its progress, list one's own,
 * download its file. Any signed-in user may ask; the service checks the kind and the owner.
 */
export const jobsRoutes = (deps: Deps) =>
  routes('jobs', [
    route({
      method: 'POST',
      url: '/api/jobs',
      access: 'session',
      summary: 'Start a background job of a kind (scorecards: every unit’s PDF of a run as a .zip)',
      body: startJob,
      response: jobView,
      status: 201,
      handler: (r) => jobs.startJob(deps, r.ctx, r.body),
    }),
    route({
      method: 'GET',
      url: '/api/jobs',
      access: 'session',
      summary: "The caller's own jobs, newest first, with their progress",
      query: jobListQuery,
      response: z.array(jobView),
      handler: (r) => jobs.myJobs(deps, r.ctx, r.query.limit),
    }),
    route({
      method: 'GET',
      url: '/api/jobs/:id',
      access: 'session',
      summary: "A job's status and progress (its creator and the office only)",
      params: idParam,
      response: jobView,
      handler: (r) => jobs.getJob(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'GET',
      url: '/api/jobs/:id/file',
      access: 'session',
      summary: "A finished job's file",
      params: idParam,
      response: 'file',
      handler: (r) => jobs.jobFile(deps, r.ctx, r.params.id),
    }),
  ]);
