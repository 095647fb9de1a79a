import {
  changeRequestCreate,
  changeRequestDecision,
  changeRequestList,
  changeRequestQuery,
  createTaskBook,
  decompositionParams,
  decompositionSave,
  decompositionTree,
  idParam,
  saveTargets,
  taskBookDetail,
  taskBookList,
  taskBookRevisionList,
  taskBookTransition,
} from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import * as decomposition from './decomposition.service.js';
import * as books from './taskbooks.service.js';
import * as workflow from './taskbooks.workflow.js';

const read = { access: { permission: 'taskbooks.read' as const } };
const edit = { access: { permission: 'taskbooks.edit' as const } };
const issue = { access: { permission: 'taskbooks.issue' as const } };
const tags = ['task-books'];

/** Task books (W10, S4): drafting, the confirm/review/issue workflow, change requests, decomposition. */
export const taskBookRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plans/:id/task-books',
      { config: read, schema: { tags, params: idParam, response: { 200: taskBookList } } },
      (req) => books.listBooks(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/plans/:id/task-books',
      {
        config: edit,
        schema: { tags, params: idParam, body: createTaskBook, response: { 201: taskBookDetail } },
      },
      async (req, reply) =>
        reply.code(201).send(await books.createBook(deps, ctxOf(req), req.params.id, req.body.unitId)),
    );
    app.get(
      '/api/task-books/:id',
      { config: read, schema: { tags, params: idParam, response: { 200: taskBookDetail } } },
      (req) => books.getBook(deps, ctxOf(req), req.params.id),
    );
    app.put(
      '/api/task-books/:id/targets',
      {
        config: edit,
        schema: { tags, params: idParam, body: saveTargets, response: { 200: taskBookDetail } },
      },
      (req) => books.saveTargets(deps, ctxOf(req), req.params.id, req.body),
    );
    // One route for every step; who may take which step is the state machine's rule (taskbook-state.ts).
    app.post(
      '/api/task-books/:id/transitions',
      {
        config: read,
        schema: { tags, params: idParam, body: taskBookTransition, response: { 200: taskBookDetail } },
      },
      (req) => workflow.act(deps, ctxOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/task-books/:id/revisions',
      { config: read, schema: { tags, params: idParam, response: { 200: taskBookRevisionList } } },
      (req) => workflow.listRevisions(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/task-books/:id/change-requests',
      {
        config: edit,
        schema: { tags, params: idParam, body: changeRequestCreate, response: { 200: taskBookDetail } },
      },
      (req) => workflow.requestChange(deps, ctxOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/task-change-requests',
      {
        config: read,
        schema: { tags, querystring: changeRequestQuery, response: { 200: changeRequestList } },
      },
      (req) => workflow.listChanges(deps, ctxOf(req), req.query.status),
    );
    app.post(
      '/api/task-change-requests/:id/decision',
      {
        config: issue,
        schema: { tags, params: idParam, body: changeRequestDecision, response: { 200: taskBookDetail } },
      },
      (req) => workflow.decideChange(deps, ctxOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/task-books/:id/decomposition/:indicator',
      { config: read, schema: { tags, params: decompositionParams, response: { 200: decompositionTree } } },
      (req) => decomposition.getTree(deps, ctxOf(req), req.params.id, req.params.indicator),
    );
    app.put(
      '/api/task-books/:id/decomposition/:indicator',
      {
        config: edit,
        schema: {
          tags,
          params: decompositionParams,
          body: decompositionSave,
          response: { 200: decompositionTree },
        },
      },
      (req) => decomposition.saveTree(deps, ctxOf(req), req.params.id, req.params.indicator, req.body),
    );
  };
