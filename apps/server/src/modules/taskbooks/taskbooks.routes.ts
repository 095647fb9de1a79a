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
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import * as decomposition from './decomposition.service.js';
import * as books from './taskbooks.service.js';
import * as workflow from './taskbooks.workflow.js';

/** Task books (W10, S4): drafting, the confirm/review/issue workflow, change requests, decomposition. */
export const taskBookRoutes = (deps: Deps) =>
  routes('task-books', [
    route({
      method: 'GET',
      url: '/api/plans/:id/task-books',
      access: 'taskbooks.read',
      params: idParam,
      response: taskBookList,
      handler: (r) => books.listBooks(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'POST',
      url: '/api/plans/:id/task-books',
      access: 'taskbooks.edit',
      params: idParam,
      body: createTaskBook,
      response: taskBookDetail,
      status: 201,
      handler: (r) => books.createBook(deps, r.ctx, r.params.id, r.body.unitId),
    }),
    route({
      method: 'GET',
      url: '/api/task-books/:id',
      access: 'taskbooks.read',
      params: idParam,
      response: taskBookDetail,
      handler: (r) => books.getBook(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'PUT',
      url: '/api/task-books/:id/targets',
      access: 'taskbooks.edit',
      params: idParam,
      body: saveTargets,
      response: taskBookDetail,
      handler: (r) => books.saveTargets(deps, r.ctx, r.params.id, r.body),
    }),
    // One route for every step; who may take which step is the state machine's rule (taskbook-state.ts).
    route({
      method: 'POST',
      url: '/api/task-books/:id/transitions',
      access: 'taskbooks.read',
      params: idParam,
      body: taskBookTransition,
      response: taskBookDetail,
      handler: (r) => workflow.act(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'GET',
      url: '/api/task-books/:id/revisions',
      access: 'taskbooks.read',
      params: idParam,
      response: taskBookRevisionList,
      handler: (r) => workflow.listRevisions(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'POST',
      url: '/api/task-books/:id/change-requests',
      access: 'taskbooks.edit',
      params: idParam,
      body: changeRequestCreate,
      response: taskBookDetail,
      handler: (r) => workflow.requestChange(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'GET',
      url: '/api/task-change-requests',
      access: 'taskbooks.read',
      query: changeRequestQuery,
      response: changeRequestList,
      handler: (r) => workflow.listChanges(deps, r.ctx, r.query.status),
    }),
    route({
      method: 'POST',
      url: '/api/task-change-requests/:id/decision',
      access: 'taskbooks.issue',
      params: idParam,
      body: changeRequestDecision,
      response: taskBookDetail,
      handler: (r) => workflow.decideChange(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'GET',
      url: '/api/task-books/:id/decomposition/:indicator',
      access: 'taskbooks.read',
      params: decompositionParams,
      response: decompositionTree,
      handler: (r) => decomposition.getTree(deps, r.ctx, r.params.id, r.params.indicator),
    }),
    route({
      method: 'PUT',
      url: '/api/task-books/:id/decomposition/:indicator',
      access: 'taskbooks.edit',
      params: decompositionParams,
      body: decompositionSave,
      response: decompositionTree,
      handler: (r) => decomposition.saveTree(deps, r.ctx, r.params.id, r.params.indicator, r.body),
    }),
  ]);
