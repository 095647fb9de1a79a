import type { ErrorCode } from '@jixiao/contracts';

/** The one error type services throw; the HTTP layer maps `code` to a status in one place. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const httpStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  PASSWORD_CHANGE_REQUIRED: 403,
  WEAK_PASSWORD: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  PERIOD_OPEN: 409,
  RUN_NOT_LATEST: 409,
  IMPORT_REJECTED: 422,
  PLAN_INVALID: 422,
  INPUT_INVALID: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const versionConflict = (what: string) =>
  new AppError('VERSION_CONFLICT', `${what} was changed by someone else; reload and try again`);

/** A 400 naming the field and the problem as `{ code, params }` (the web says it in the reader's language). */
export const bad = (path: string, code: string, params: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', `${path}: ${code}`, [{ path, code, params }]);

/** A 503: this server cannot do it here (a missing font), as `{ code, params }` for the web. */
export const unavailable = (code: string, params: Record<string, unknown> = {}) =>
  new AppError('UNAVAILABLE', code, { code, params });

/** A 409: the step does not fit the object's state (`{ code, params }` as for `bad`). */
export const conflict = (code: string, params: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', code, { code, params });
