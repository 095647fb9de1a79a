import {
  category,
  categoryCreate,
  categoryUpdate,
  evaluationSystem,
  group,
  groupCreate,
  groupUpdate,
  idParam,
  orgNode,
  orgNodeCreate,
  orgNodeUpdate,
  staff,
  staffCreate,
  staffQuery,
  staffUpdate,
  systemCreate,
  systemUpdate,
} from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf, noContent } from '../../platform/http.js';
import * as classification from './classification.service.js';
import * as org from './org.service.js';

const read = { access: { permission: 'org.read' as const } };
const write = { access: { permission: 'org.write' as const } };
const tags = ['org'];

export const orgRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/org-nodes',
      { config: read, schema: { tags, response: { 200: z.array(orgNode) } } },
      (req) => org.listNodes(deps, ctxOf(req)),
    );
    app.get(
      '/api/org-nodes/:id',
      { config: read, schema: { tags, params: idParam, response: { 200: orgNode } } },
      (req) => org.getNode(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/org-nodes',
      { config: write, schema: { tags, body: orgNodeCreate, response: { 201: orgNode } } },
      async (req, reply) => reply.code(201).send(await org.createNode(deps, ctxOf(req), req.body)),
    );
    app.patch(
      '/api/org-nodes/:id',
      { config: write, schema: { tags, params: idParam, body: orgNodeUpdate, response: { 200: orgNode } } },
      (req) => org.updateNode(deps, ctxOf(req), req.params.id, req.body),
    );
    app.delete(
      '/api/org-nodes/:id',
      { config: write, schema: { tags, params: idParam } },
      async (req, reply) => {
        await org.deleteNode(deps, ctxOf(req), req.params.id);
        return noContent(reply);
      },
    );

    app.get(
      '/api/systems',
      { config: read, schema: { tags, response: { 200: z.array(evaluationSystem) } } },
      () => classification.listSystems(deps),
    );
    app.post(
      '/api/systems',
      { config: write, schema: { tags, body: systemCreate, response: { 201: evaluationSystem } } },
      async (req, reply) =>
        reply.code(201).send(await classification.createSystem(deps, ctxOf(req), req.body)),
    );
    app.patch(
      '/api/systems/:id',
      {
        config: write,
        schema: { tags, params: idParam, body: systemUpdate, response: { 200: evaluationSystem } },
      },
      (req) => classification.updateSystem(deps, ctxOf(req), req.params.id, req.body),
    );

    app.get('/api/categories', { config: read, schema: { tags, response: { 200: z.array(category) } } }, () =>
      classification.listCategories(deps),
    );
    app.post(
      '/api/categories',
      { config: write, schema: { tags, body: categoryCreate, response: { 201: category } } },
      async (req, reply) =>
        reply.code(201).send(await classification.createCategory(deps, ctxOf(req), req.body)),
    );
    app.patch(
      '/api/categories/:id',
      { config: write, schema: { tags, params: idParam, body: categoryUpdate, response: { 200: category } } },
      (req) => classification.updateCategory(deps, ctxOf(req), req.params.id, req.body),
    );

    app.get('/api/groups', { config: read, schema: { tags, response: { 200: z.array(group) } } }, () =>
      classification.listGroups(deps),
    );
    app.post(
      '/api/groups',
      { config: write, schema: { tags, body: groupCreate, response: { 201: group } } },
      async (req, reply) =>
        reply.code(201).send(await classification.createGroup(deps, ctxOf(req), req.body)),
    );
    app.patch(
      '/api/groups/:id',
      { config: write, schema: { tags, params: idParam, body: groupUpdate, response: { 200: group } } },
      (req) => classification.updateGroup(deps, ctxOf(req), req.params.id, req.body),
    );

    app.get(
      '/api/staff',
      { config: read, schema: { tags, querystring: staffQuery, response: { 200: z.array(staff) } } },
      (req) => org.listStaff(deps, ctxOf(req), req.query.orgNodeId),
    );
    app.post(
      '/api/staff',
      { config: write, schema: { tags, body: staffCreate, response: { 201: staff } } },
      async (req, reply) => reply.code(201).send(await org.createStaff(deps, ctxOf(req), req.body)),
    );
    app.patch(
      '/api/staff/:id',
      { config: write, schema: { tags, params: idParam, body: staffUpdate, response: { 200: staff } } },
      (req) => org.updateStaff(deps, ctxOf(req), req.params.id, req.body),
    );
    app.delete('/api/staff/:id', { config: write, schema: { tags, params: idParam } }, async (req, reply) => {
      await org.deleteStaff(deps, ctxOf(req), req.params.id);
      return noContent(reply);
    });
  };
