import { AppError } from '../../platform/errors.js';

/** A 400 naming the field and the problem as `{ code, params }` (the web says it in the reader's language). */
export const bad = (path: string, code: string, params: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', `${path}: ${code}`, [{ path, code, params }]);

/** A 409: the step does not fit the object's state. */
export const conflict = (code: string, params: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', code, { code, params });
