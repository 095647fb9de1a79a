import {
  ahpRequest,
  ahpResponse,
  idParam,
  planActivate,
  planClone,
  planCreate,
  planDetail,
  planDiffEntry,
  planDiffQuery,
  planExportQuery,
  planListQuery,
  planRevision,
  planSave,
  planSummary,
  planTemplate,
} from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import { fileOf } from '../../platform/upload.js';
import * as plans from './plans.service.js';

const read = { access: { permission: 'plans.read' as const } };
const write = { access: { permission: 'plans.write' as const } };
const tags = ['plans'];

/** Evaluation plans: templates, drafts, activation, clone and diff, file export/import, AHP. */
export const planRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plan-templates',
      { config: read, schema: { tags, response: { 200: z.array(planTemplate) } } },
      () => plans.listTemplates(),
    );
    app.get(
      '/api/plans',
      { config: read, schema: { tags, querystring: planListQuery, response: { 200: z.array(planSummary) } } },
      (req) => plans.listPlans(deps, ctxOf(req), req.query),
    );
    app.post(
      '/api/plans',
      {
        config: write,
        schema: {
          tags,
          summary: 'Create a draft plan from a template, a document or an empty skeleton',
          body: planCreate,
          response: { 201: planDetail },
        },
      },
      async (req, reply) => reply.code(201).send(await plans.createPlan(deps, ctxOf(req), req.body)),
    );
    app.get(
      '/api/plans/:id',
      { config: read, schema: { tags, params: idParam, response: { 200: planDetail } } },
      (req) => plans.getPlan(deps, ctxOf(req), req.params.id),
    );
    app.put(
      '/api/plans/:id',
      {
        config: write,
        schema: {
          tags,
          summary: 'Save a draft',
          params: idParam,
          body: planSave,
          response: { 200: planDetail },
        },
      },
      (req) => plans.savePlan(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/plans/:id/activate',
      {
        config: write,
        schema: {
          tags,
          summary: 'Activate a valid draft (archives the active plan of the same system and year)',
          params: idParam,
          body: planActivate,
          response: { 200: planDetail },
        },
      },
      (req) => plans.activatePlan(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/plans/:id/clone',
      {
        config: write,
        schema: { tags, params: idParam, body: planClone, response: { 201: planDetail } },
      },
      async (req, reply) =>
        reply.code(201).send(await plans.clonePlan(deps, ctxOf(req), req.params.id, req.body)),
    );
    app.get(
      '/api/plans/:id/revisions',
      { config: read, schema: { tags, params: idParam, response: { 200: z.array(planRevision) } } },
      (req) => plans.listRevisions(deps, ctxOf(req), req.params.id),
    );
    app.get(
      '/api/plans/:id/diff',
      {
        config: read,
        schema: {
          tags,
          params: idParam,
          querystring: planDiffQuery,
          response: { 200: z.array(planDiffEntry) },
        },
      },
      (req) => plans.diffPlan(deps, ctxOf(req), req.params.id, req.query),
    );
    app.get(
      '/api/plans/:id/export',
      {
        config: read,
        schema: {
          tags,
          summary: 'Download the plan as YAML or JSON',
          params: idParam,
          querystring: planExportQuery,
        },
      },
      async (req, reply) => {
        const f = await plans.exportPlan(deps, ctxOf(req), req.params.id, req.query.format);
        return reply
          .header('content-type', f.contentType)
          .header('content-disposition', `attachment; filename="${f.filename}"`)
          .send(f.body);
      },
    );
    app.post(
      '/api/plans/:id/import',
      {
        config: write,
        schema: {
          tags,
          summary: "Replace a draft's document with a YAML or JSON file (a new revision)",
          consumes: ['multipart/form-data'],
          params: idParam,
          response: { 200: planDetail },
        },
      },
      async (req) => {
        return plans.importPlan(deps, ctxOf(req), req.params.id, await fileOf(req));
      },
    );
    app.post(
      '/api/ahp',
      {
        config: write,
        schema: {
          tags,
          summary: 'AHP weights and consistency ratio of a pairwise comparison matrix',
          body: ahpRequest,
          response: { 200: ahpResponse },
        },
      },
      (req) => plans.ahpWeightsOf(req.body.matrix),
    );
  };
