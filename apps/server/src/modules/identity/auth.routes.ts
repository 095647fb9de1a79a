import { changePasswordBody, loginBody, loginResponse, me, okBody, sessionResponse } from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf, SESSION_COOKIE } from '../../platform/http.js';
import * as auth from './auth.service.js';

export const authRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'strict' as const,
      secure: deps.config.secureCookie,
    };

    app.post(
      '/api/auth/login',
      {
        config: { access: { public: true }, rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], body: loginBody, response: { 200: loginResponse } },
      },
      async (req, reply) => {
        const { token, user } = await auth.login(
          deps,
          ctxOf(req),
          req.body,
          req.headers['user-agent'] ?? null,
        );
        reply.setCookie(SESSION_COOKIE, token, cookieOptions);
        return { user };
      },
    );

    app.get(
      '/api/auth/me',
      { config: { access: { session: true } }, schema: { tags: ['auth'], response: { 200: me } } },
      async (req) => auth.presentMe(req.actor!),
    );

    // The UI's "who am I" probe: public, so that a visitor without a session gets 200 { user: null }.
    app.get(
      '/api/auth/session',
      {
        config: { access: { public: true } },
        schema: { tags: ['auth'], response: { 200: sessionResponse } },
      },
      async (req) => {
        return auth.currentSession(deps, req.cookies[SESSION_COOKIE]);
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { access: { session: true } }, schema: { tags: ['auth'], response: { 200: okBody } } },
      async (req, reply) => {
        await auth.logout(deps, ctxOf(req), req.sessionToken!);
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/logout-all',
      { config: { access: { session: true } }, schema: { tags: ['auth'], response: { 200: okBody } } },
      async (req, reply) => {
        await auth.logoutEverywhere(deps, ctxOf(req));
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/change-password',
      {
        config: { access: { session: true } },
        schema: { tags: ['auth'], body: changePasswordBody, response: { 200: okBody } },
      },
      async (req) => {
        await auth.changePassword(deps, ctxOf(req), req.body);
        return { ok: true as const };
      },
    );
  };
