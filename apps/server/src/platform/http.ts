import type { FastifyRequest } from 'fastify';
import type { Actor, Permission } from './access.js';
import type { Ctx } from './context.js';

/**
 * Every /api route declares who may call it. `public` needs no session; `session` any signed-in
 * user (even one who must first change the password); a permission is a function of the role.
 */
export type Access = { public: true } | { session: true } | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'jixiao_session';

/**
 * The options of every cookie the server sets: out of reach of scripts (HttpOnly), and Secure when
 * the configuration says the server is reached over TLS.
 */
export const cookieOptions = (
  config: { secureCookie: boolean },
  o: { path: string; sameSite: 'strict' | 'lax'; maxAge?: number },
) => ({ ...o, httpOnly: true, secure: config.secureCookie });

export const ctxOf = (req: FastifyRequest): Ctx => ({ actor: req.actor, requestId: req.id, ip: req.ip });
