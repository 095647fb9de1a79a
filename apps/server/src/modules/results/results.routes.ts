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
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import * as results from './results.service.js';

const read = { access: { permission: 'results.read' as const } };
const compute = { access: { permission: 'results.compute' as const } };
const release = { access: { permission: 'results.release' as const } };
const tags = ['results'];

/** Evaluation runs of a plan: compute a draft from the cycle's data, release it, read it, export it. */
export const resultsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/plans/:id/evaluate',
      {
        config: compute,
        schema: {
          tags,
          summary: 'Compute a draft run from submissions, verification, task books, imports and events',
          params: idParam,
          body: evaluateRequest,
          response: { 200: evaluationRun },
        },
      },
      (req) => results.evaluatePlan(deps, ctxOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/plans/:id/runs',
      {
        config: read,
        schema: { tags, params: idParam, querystring: runListQuery, response: { 200: z.array(runSummary) } },
      },
      (req) => results.listRuns(deps, ctxOf(req), req.params.id, req.query.period),
    );
    app.post(
      '/api/plans/:id/runs/:runId/release',
      {
        config: release,
        schema: {
          tags,
          summary: 'Release the latest draft run',
          params: runParams,
          response: { 200: evaluationRun },
        },
      },
      (req) => results.releaseRun(deps, ctxOf(req), req.params.id, req.params.runId),
    );
    app.get(
      '/api/plans/:id/runs/:runId/input',
      {
        config: compute,
        schema: {
          tags,
          summary: "A run's engine input (what-if)",
          params: runParams,
          response: { 200: runInput },
        },
      },
      (req) => results.runInput(deps, ctxOf(req), req.params.id, req.params.runId),
    );
    app.get(
      '/api/plans/:id/results',
      {
        config: read,
        schema: { tags, params: idParam, querystring: resultsQuery, response: { 200: evaluationRun } },
      },
      (req) => results.getResults(deps, ctxOf(req), req.params.id, req.query),
    );
    app.get(
      '/api/plans/:id/results/export',
      {
        config: read,
        schema: { tags, summary: 'Rankings per group as .xlsx', params: idParam, querystring: resultsQuery },
      },
      async (req, reply) => {
        const { period, body } = await results.exportResults(deps, ctxOf(req), req.params.id, req.query);
        const name = encodeURIComponent(`考评结果-${period}.xlsx`);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename="results-${period}.xlsx"; filename*=UTF-8''${name}`,
          )
          .send(body);
      },
    );
    app.get(
      '/api/plans/:id/results/:unit/trace',
      {
        config: read,
        schema: { tags, params: unitTraceParams, querystring: resultsQuery, response: { 200: unitTrace } },
      },
      (req) => results.getTrace(deps, ctxOf(req), req.params.id, req.params.unit, req.query),
    );
  };
