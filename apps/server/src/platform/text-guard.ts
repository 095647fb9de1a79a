import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/**
 * PostgreSQL cannot store the NUL character (U+0000) in text or jsonb: a string carrying one fails
 * in the database (a 500). One rule at the edge, for every route and every text field: a request
 * whose body, query string or path parameters hold a NUL anywhere — in a value or a key, however
 * deep — is refused with a 400 naming the field.
 */
export function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}.${i}`);
      if (hit) return hit;
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const key = `${path}.${k.replaceAll('\u0000', '\\u0000')}`;
      if (k.includes('\u0000')) return key;
      const hit = findNul(v, key);
      if (hit) return hit;
    }
  }
  return null;
}

/** A preValidation hook: runs after the body is parsed, before the route's schema and handler. */
export async function rejectNul(req: FastifyRequest): Promise<void> {
  const parts: [string, unknown][] = [
    ['body', req.body],
    ['querystring', req.query],
    ['params', req.params],
  ];
  for (const [where, value] of parts) {
    const path = findNul(value, where);
    if (path) {
      const message = 'must not contain the NUL character (\\u0000)';
      throw new AppError('VALIDATION_FAILED', `${path}: ${message}`, [{ path, message }]);
    }
  }
}
