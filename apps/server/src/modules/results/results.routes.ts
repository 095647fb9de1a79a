import {
  evaluateRequest,
  evaluationRun,
  idParam,
  resultsQuery,
  runInput,
  runListQuery,
  runParams,
  runSummary,
  unitTrace,
  unitTraceParams,
} from '@jixiao/contracts';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import * as results from './results.service.js';

/** Evaluation runs of a plan: compute a draft from the cycle's data, release it, read it, export it. */
export const resultsRoutes = (deps: Deps) =>
  routes('results', [
    route({
      method: 'POST',
      url: '/api/plans/:id/evaluate',
      access: 'results.compute',
      summary: 'Compute a draft run from submissions, verification, task books, imports and events',
      params: idParam,
      body: evaluateRequest,
      response: evaluationRun,
      handler: (r) => results.evaluatePlan(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'GET',
      url: '/api/plans/:id/runs',
      access: 'results.read',
      params: idParam,
      query: runListQuery,
      response: z.array(runSummary),
      handler: (r) => results.listRuns(deps, r.ctx, r.params.id, r.query.period),
    }),
    route({
      method: 'POST',
      url: '/api/plans/:id/runs/:runId/release',
      access: 'results.release',
      summary: 'Release the latest draft run',
      params: runParams,
      response: evaluationRun,
      handler: (r) => results.releaseRun(deps, r.ctx, r.params.id, r.params.runId),
    }),
    route({
      method: 'GET',
      url: '/api/plans/:id/runs/:runId/input',
      access: 'results.compute',
      summary: "A run's engine input (what-if)",
      params: runParams,
      response: runInput,
      handler: (r) => results.runInput(deps, r.ctx, r.params.id, r.params.runId),
    }),
    route({
      method: 'GET',
      url: '/api/plans/:id/results',
      access: 'results.read',
      params: idParam,
      query: resultsQuery,
      response: evaluationRun,
      handler: (r) => results.getResults(deps, r.ctx, r.params.id, r.query),
    }),
    route({
      method: 'GET',
      url: '/api/plans/:id/results/export',
      access: 'results.read',
      summary: 'Rankings per group as .xlsx',
      params: idParam,
      query: resultsQuery,
      response: 'file',
      handler: (r) => results.exportResults(deps, r.ctx, r.params.id, r.query),
    }),
    route({
      method: 'GET',
      url: '/api/plans/:id/results/:unit/trace',
      access: 'results.read',
      params: unitTraceParams,
      query: resultsQuery,
      response: unitTrace,
      handler: (r) => results.getTrace(deps, r.ctx, r.params.id, r.params.unit, r.query),
    }),
  ]);
