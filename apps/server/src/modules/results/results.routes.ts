import {
  evaluateRequest,
  evaluationRun,
  idParam,
  periodQuery,
  planDataSave,
  planDataset,
  unitTrace,
  unitTraceParams,
} from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import { noFile } from '../plans/plans.routes.js';
import * as results from './results.service.js';

const planWrite = { access: { permission: 'plans.write' as const } };
const read = { access: { permission: 'results.read' as const } };
const compute = { access: { permission: 'results.compute' as const } };
const tags = ['results'];

/** A plan's data per period, its evaluation, the stored results and per-unit traces. */
export const resultsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plans/:id/data',
      {
        config: planWrite,
        schema: { tags, params: idParam, querystring: periodQuery, response: { 200: planDataset } },
      },
      (req) => results.getDataset(deps, ctxOf(req), req.params.id, req.query.period),
    );
    app.post(
      '/api/plans/:id/data',
      {
        config: planWrite,
        schema: {
          tags,
          summary: "Replace a period's data from a .xlsx or .csv file (all rows or none)",
          consumes: ['multipart/form-data'],
          params: idParam,
          querystring: periodQuery,
          response: { 200: planDataset },
        },
      },
      async (req) => {
        if (!req.isMultipart()) throw noFile();
        const part = await req.file();
        if (part?.fieldname !== 'file') throw noFile();
        const data = await part.toBuffer();
        return results.uploadData(deps, ctxOf(req), req.params.id, req.query.period, { data });
      },
    );
    app.put(
      '/api/plans/:id/data',
      {
        config: planWrite,
        schema: {
          tags,
          summary: "Save a period's inputs in the engine's form",
          params: idParam,
          querystring: periodQuery,
          body: planDataSave,
          response: { 200: planDataset },
        },
      },
      (req) => results.saveData(deps, ctxOf(req), req.params.id, req.query.period, req.body),
    );
    app.post(
      '/api/plans/:id/evaluate',
      {
        config: compute,
        schema: { tags, params: idParam, body: evaluateRequest, response: { 200: evaluationRun } },
      },
      (req) => results.evaluatePlan(deps, ctxOf(req), req.params.id, req.body.period),
    );
    app.get(
      '/api/plans/:id/results',
      {
        config: read,
        schema: { tags, params: idParam, querystring: periodQuery, response: { 200: evaluationRun } },
      },
      (req) => results.getResults(deps, ctxOf(req), req.params.id, req.query.period),
    );
    app.get(
      '/api/plans/:id/results/:unit/trace',
      {
        config: read,
        schema: { tags, params: unitTraceParams, querystring: periodQuery, response: { 200: unitTrace } },
      },
      (req) => results.getTrace(deps, ctxOf(req), req.params.id, req.params.unit, req.query.period),
    );
  };
