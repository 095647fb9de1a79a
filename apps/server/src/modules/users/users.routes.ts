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
import type { Deps } from '../../platform/context.js';
import { ok, route, routes } from '../../platform/route.js';
import * as users from './users.service.js';

/** Accounts and their role grants. */
export const usersRoutes = (deps: Deps) =>
  routes('users', [
    route({
      method: 'GET',
      url: '/api/users',
      access: 'users.read',
      query: userQuery,
      response: userList,
      handler: (r) => users.listUsers(deps, r.ctx, r.query),
    }),
    route({
      method: 'GET',
      url: '/api/users/:id',
      access: 'users.read',
      params: idParam,
      response: user,
      handler: (r) => users.getUser(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'POST',
      url: '/api/users',
      access: 'users.write',
      body: userCreate,
      response: user,
      status: 201,
      handler: (r) => users.createUser(deps, r.ctx, r.body),
    }),
    route({
      method: 'PATCH',
      url: '/api/users/:id',
      access: 'users.write',
      params: idParam,
      body: userUpdate,
      response: user,
      handler: (r) => users.updateUser(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/users/:id/reset-password',
      access: 'users.write',
      params: idParam,
      body: resetPasswordBody,
      response: okBody,
      handler: (r) => ok(users.resetPassword(deps, r.ctx, r.params.id, r.body.password)),
    }),
    route({
      method: 'POST',
      url: '/api/users/:id/unlock',
      access: 'users.write',
      params: idParam,
      response: okBody,
      handler: (r) => ok(users.unlockUser(deps, r.ctx, r.params.id)),
    }),
    route({
      method: 'POST',
      url: '/api/users/:id/grants',
      access: 'users.write',
      params: idParam,
      body: grantInput,
      response: user,
      handler: (r) => users.addGrant(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'DELETE',
      url: '/api/users/:id/grants/:grantId',
      access: 'users.write',
      params: grantParams,
      response: user,
      handler: (r) => users.removeGrant(deps, r.ctx, r.params.id, r.params.grantId),
    }),
  ]);
