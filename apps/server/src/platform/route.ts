import type {
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
  preValidationAsyncHookHandler,
} from 'fastify';
import type { z } from 'zod';
import type { Permission } from './access.js';
import type { Ctx } from './context.js';
import { type Download, sendFile } from './download.js';
import { type Access, ctxOf } from './http.js';

type Schema = z.ZodType;
type AnySchema = Schema | undefined;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Parsed<S> = S extends Schema ? z.output<S> : undefined;

/** What a handler gets: the validated request parts, the caller, and the raw request and reply. */
export interface RouteInput<P, Q, B> {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  ctx: Ctx;
  /** For uploads, headers and cookies. */
  req: FastifyRequest;
  /** For cookies, and for an answer the handler sends itself (sendFile). */
  reply: FastifyReply;
}

type Answer<R> = R extends Schema ? z.input<R> : R extends 'file' ? Download : unknown;

/**
 * A route as data: everything its OpenAPI operation says, and a handler that calls one service
 * function. The schemas type the handler's params, query and body as the zod type provider
 * validates them, and its answer as the response schema takes it.
 */
export interface RouteDef<P = AnySchema, Q = AnySchema, B = AnySchema, R = AnySchema | 'file'> {
  method: Method;
  url: `/api/${string}`;
  /** Who may call it (http.ts): `public`, any signed-in `session`, or a permission. */
  access: 'public' | 'session' | Permission;
  summary?: string;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * The answer's schema, or `file` for a download (the handler returns a Download). A route without
   * one answers 204, or answers itself (sendFile).
   */
  response?: R;
  /** 200 unless given. A 204 route answers nothing, whatever its handler returns. */
  status?: 201 | 204;
  /** The request is multipart/form-data: the handler reads its file (platform/upload.ts). */
  upload?: true;
  /** An OpenAPI security requirement other than the session cookie, with the hook that checks it. */
  security?: { scheme: 'bearer'; check: preValidationAsyncHookHandler };
  rateLimit?: { max: number; timeWindow: string };
  handler(input: RouteInput<P, Q, B>): Answer<R> | Promise<Answer<R>>;
}

/** Declares one route; the identity, there to infer the handler's types from the schemas. */
export const route = <
  P extends AnySchema = undefined,
  Q extends AnySchema = undefined,
  B extends AnySchema = undefined,
  R extends AnySchema | 'file' = undefined,
>(
  def: RouteDef<P, Q, B, R>,
) => def as RouteDef;

const accessRule = (access: RouteDef['access']): Access =>
  access === 'public' ? { public: true } : access === 'session' ? { session: true } : { permission: access };

/** A module's routes as one plugin; `tag` groups them in the API document. */
export const routes =
  (tag: string, defs: RouteDef[]): FastifyPluginAsync =>
  async (app) => {
    for (const def of defs) {
      const status = def.status ?? 200;
      app.route({
        method: def.method,
        url: def.url,
        config: { access: accessRule(def.access), ...(def.rateLimit && { rateLimit: def.rateLimit }) },
        ...(def.security && { preValidation: def.security.check }),
        schema: {
          tags: [tag],
          ...(def.summary && { summary: def.summary }),
          ...(def.security && { security: [{ [def.security.scheme]: [] }] }),
          ...(def.upload && { consumes: ['multipart/form-data'] }),
          ...(def.params && { params: def.params }),
          ...(def.query && { querystring: def.query }),
          ...(def.body && { body: def.body }),
          ...(def.response && def.response !== 'file' && { response: { [status]: def.response } }),
        },
        handler: async (req, reply) => {
          const ctx = ctxOf(req);
          const { params, query, body } = req as unknown as { params: never; query: never; body: never };
          const answer = await def.handler({ params, query, body, ctx, req, reply });
          if (answer === reply) return reply;
          if (def.response === 'file') return sendFile(reply, answer as Download);
          if (status === 204) return reply.code(204).send();
          return reply.code(status).send(answer);
        },
      });
    }
  };

/** For a service that returns nothing: once it is done, the body `{ ok: true }`. */
export const ok = async (done: Promise<unknown>) => {
  await done;
  return { ok: true as const };
};
