import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { type Access, SESSION_COOKIE } from './http.js';

/** How a route's access rule reads in the API document. */
export function describeAccess(access: Access): string {
  if ('public' in access) return 'Access: public (no session).';
  if ('session' in access) return 'Access: any signed-in user.';
  return `Access: permission \`${access.permission}\` (object scope is checked against the caller's grants).`;
}

type TransformArg = Parameters<typeof jsonSchemaTransform>[0] & { route: RouteOptions };

/**
 * The zod → JSON Schema transform, plus each operation's access rule taken from the route's
 * `config.access`: as the `x-access` extension and a line of the description. A public route
 * without its own `security` needs no session, so it says `security: []`.
 */
export function openapiTransform(doc: TransformArg) {
  const out = jsonSchemaTransform(doc);
  const access = (doc.route.config as { access?: Access } | undefined)?.access;
  const schema = (out.schema ?? {}) as Record<string, unknown>;
  if (!access || schema.hide) return out;
  const line = describeAccess(access);
  const description = typeof schema.description === 'string' ? `${schema.description}\n\n${line}` : line;
  const security = 'public' in access && schema.security === undefined ? { security: [] } : {};
  return { ...out, schema: { ...schema, description, ...security, 'x-access': access } };
}

export const openapiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    info: {
      title: 'Jixiao API',
      version: '0.1.0',
      description:
        '绩效管理信息系统 — government performance management. Every operation states who may call it ' +
        '(`x-access`: `public`, `session` or a `permission`); the error body is `{ error: { code, message, details } }`.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        // Machine-to-machine integrations (supervision items) send `Authorization: Bearer <token>`.
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    security: [{ session: [] }],
  },
  transform: openapiTransform as FastifyDynamicSwaggerOptions['transform'],
};
