import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, httpStatus } from './errors.js';

type Detail = { path: string; message: string };

function send(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.code(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

/** The one place where failures become HTTP: `{ error: { code, message, details } }`. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return send(reply, httpStatus[err.code], err.code, err.message, err.details);

  if (hasZodFastifySchemaValidationErrors(err)) {
    const details: Detail[] = err.validation.map((v) => {
      const issue = v as unknown as {
        instancePath: string;
        keyword: string;
        message?: string;
        params: { keys?: string[] };
      };
      const parts = issue.instancePath.split('/').filter(Boolean);
      if (issue.keyword === 'unrecognized_keys' && issue.params.keys?.length)
        parts.push(issue.params.keys.join(', '));
      return {
        path: [err.validationContext ?? 'body', ...parts].join('.'),
        message: issue.message ?? 'invalid',
      };
    });
    const first = details[0];
    return send(
      reply,
      400,
      'VALIDATION_FAILED',
      first ? `${first.path}: ${first.message}` : 'Invalid request',
      details,
    );
  }
  if (
    err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    (err.statusCode === 400 && err instanceof SyntaxError)
  ) {
    return send(reply, 400, 'VALIDATION_FAILED', `body: malformed JSON (${err.message})`, [
      { path: 'body', message: 'malformed JSON' },
    ]);
  }
  if (
    err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ||
    err.code === 'FST_REQ_FILE_TOO_LARGE' ||
    err.statusCode === 413
  ) {
    return send(reply, 413, 'PAYLOAD_TOO_LARGE', 'body: the request is larger than the limit', [
      { path: 'body', message: 'too large' },
    ]);
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) {
    return send(reply, 415, 'VALIDATION_FAILED', `content-type: ${err.message}`, [
      { path: 'content-type', message: err.message },
    ]);
  }
  if (err.statusCode === 429) return send(reply, 429, 'RATE_LIMITED', 'Too many requests; slow down');
  if (isMalformedMultipart(err, req))
    return send(reply, 400, 'VALIDATION_FAILED', `body: malformed multipart body (${err.message})`, [
      { path: 'body', message: 'malformed multipart body' },
    ]);

  // Drizzle wraps driver errors; the PostgreSQL error (with its SQLSTATE) is the cause.
  const pgErr = ((err as { cause?: unknown }).cause ?? err) as { code?: string; detail?: string };
  const pgCode = pgErr.code;
  if (pgCode === '23505') {
    const detail = pgErr.detail ?? '';
    const field = /Key \(([^)]+)\)/.exec(detail)?.[1] ?? 'code';
    return send(reply, 409, 'CONFLICT', `${field}: already exists`, [{ path: field, message: 'duplicate' }]);
  }
  if (pgCode === '23503')
    return send(reply, 409, 'CONFLICT', 'The record is still referenced by other records');
  // Text the database cannot store (NUL) that got past the edge rule, e.g. inside an uploaded file.
  if (pgCode === '22021' || pgCode === '22P05')
    return send(
      reply,
      400,
      'VALIDATION_FAILED',
      'text: contains a character that cannot be stored (\\u0000)',
      [{ path: 'text', message: 'contains the NUL character' }],
    );

  if (isResponseSerializationError(err))
    req.log.error({ err, cause: err.cause }, 'response does not match its schema');
  else if (err.statusCode && err.statusCode < 500)
    return send(reply, err.statusCode, 'VALIDATION_FAILED', err.message);
  else req.log.error({ err }, 'unhandled error');
  return send(reply, 500, 'INTERNAL', `Internal error (request ${req.id})`);
}

/**
 * A multipart body the parser could not read: no boundary in the content type, truncated before
 * its closing delimiter, a broken part header. Busboy reports these as plain errors, so they are
 * recognised by message, and only on a multipart request; any other failure stays a 500.
 */
const MULTIPART_ERRORS =
  /^(Multipart: Boundary not found|Boundary required|Unexpected end of (multipart data|form)|Malformed part header|Part terminated early|Missing Content-Type|Unsupported Content-Type)/;

function isMalformedMultipart(err: FastifyError, req: FastifyRequest): boolean {
  if (err.code === 'FST_MP_PREMATURE_CLOSE' || err.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return true;
  const type = req.headers['content-type'] ?? '';
  return !err.statusCode && /^multipart\//i.test(type) && MULTIPART_ERRORS.test(err.message ?? '');
}
