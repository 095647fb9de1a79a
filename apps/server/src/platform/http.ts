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

export const ctxOf = (req: FastifyRequest): Ctx => ({ actor: req.actor, requestId: req.id, ip: req.ip });
