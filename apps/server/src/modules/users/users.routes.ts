import {
  grantInput,
  grantParams,
  idParam,
  okBody,
  resetPasswordBody,
  user,
  userCreate,
  userList,
  userQuery,
  userUpdate,
} from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import * as users from './users.service.js';

const read = { access: { permission: 'users.read' as const } };
const write = { access: { permission: 'users.write' as const } };
const tags = ['users'];

export const usersRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/users',
      { config: read, schema: { tags, querystring: userQuery, response: { 200: userList } } },
      (req) => users.listUsers(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/users/:id',
      { config: read, schema: { tags, params: idParam, response: { 200: user } } },
      (req) => users.getUser(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/users',
      { config: write, schema: { tags, body: userCreate, response: { 201: user } } },
      async (req, reply) => reply.code(201).send(await users.createUser(deps, ctxOf(req), req.body)),
    );
    app.patch(
      '/api/users/:id',
      { config: write, schema: { tags, params: idParam, body: userUpdate, response: { 200: user } } },
      (req) => users.updateUser(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/users/:id/reset-password',
      {
        config: write,
        schema: { tags, params: idParam, body: resetPasswordBody, response: { 200: okBody } },
      },
      async (req) => {
        await users.resetPassword(deps, ctxOf(req), req.params.id, req.body.password);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/users/:id/unlock',
      { config: write, schema: { tags, params: idParam, response: { 200: okBody } } },
      async (req) => {
        await users.unlockUser(deps, ctxOf(req), req.params.id);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/users/:id/grants',
      { config: write, schema: { tags, params: idParam, body: grantInput, response: { 200: user } } },
      (req) => users.addGrant(deps, ctxOf(req), req.params.id, req.body),
    );
    app.delete(
      '/api/users/:id/grants/:grantId',
      { config: write, schema: { tags, params: grantParams, response: { 200: user } } },
      (req) => users.removeGrant(deps, ctxOf(req), req.params.id, req.params.grantId),
    );
  };
