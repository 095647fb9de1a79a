import { changePasswordBody, loginBody, loginResponse, me, okBody, sessionResponse } from '@jixiao/contracts';
import type { FastifyReply } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { cookieOptions, SESSION_COOKIE } from '../../platform/http.js';
import { ok, route, routes } from '../../platform/route.js';
import * as auth from './auth.service.js';

export const authRoutes = (deps: Deps) => {
  const cookie = cookieOptions(deps.config, { path: '/', sameSite: 'strict' });
  /** Once the service has ended the session(s), the cookie goes too. */
  const signOut = async (reply: FastifyReply, ended: Promise<unknown>) => {
    await ended;
    reply.clearCookie(SESSION_COOKIE, cookie);
    return { ok: true as const };
  };

  return routes('auth', [
    route({
      method: 'POST',
      url: '/api/auth/login',
      access: 'public',
      rateLimit: { max: 20, timeWindow: '1 minute' },
      body: loginBody,
      response: loginResponse,
      handler: async (r) => {
        const { token, user } = await auth.login(deps, r.ctx, r.body, r.req.headers['user-agent'] ?? null);
        r.reply.setCookie(SESSION_COOKIE, token, cookie);
        return { user };
      },
    }),
    route({
      method: 'GET',
      url: '/api/auth/me',
      access: 'session',
      response: me,
      handler: async (r) => auth.presentMe(r.req.actor!),
    }),
    // The UI's "who am I" probe: public, so that a visitor without a session gets 200 { user: null }.
    route({
      method: 'GET',
      url: '/api/auth/session',
      access: 'public',
      response: sessionResponse,
      handler: (r) => auth.currentSession(deps, r.req.cookies[SESSION_COOKIE]),
    }),
    route({
      method: 'POST',
      url: '/api/auth/logout',
      access: 'session',
      response: okBody,
      handler: (r) => signOut(r.reply, auth.logout(deps, r.ctx, r.req.sessionToken!)),
    }),
    route({
      method: 'POST',
      url: '/api/auth/logout-all',
      access: 'session',
      response: okBody,
      handler: (r) => signOut(r.reply, auth.logoutEverywhere(deps, r.ctx)),
    }),
    route({
      method: 'POST',
      url: '/api/auth/change-password',
      access: 'session',
      body: changePasswordBody,
      response: okBody,
      handler: (r) => ok(auth.changePassword(deps, r.ctx, r.body)),
    }),
  ]);
};
