import type { z } from 'zod';
import { saveBlob } from './export/saveBlob.js';

/**
 * Fetch wrapper for the Jixiao API: same-origin cookies, JSON bodies, and one error type.
 * Every error body is `{ error: { code, message, details } }` (see @jixiao/contracts errorBody).
 */

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Codes that end the session: the UI goes back to the sign-in page. */
export const SIGN_IN_CODES = ['SESSION_EXPIRED', 'UNAUTHENTICATED'] as const;

type AuthHandler = (code: string) => void;
let onSignInRequired: AuthHandler = (code) => {
  if (typeof window === 'undefined' || window.location.pathname === '/login') return;
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/login?reason=${encodeURIComponent(code)}&next=${encodeURIComponent(next)}`);
};
let onPasswordChangeRequired: () => void = () => {
  if (typeof window !== 'undefined' && window.location.pathname !== '/change-password')
    window.location.assign('/change-password');
};

/** The app replaces the default handlers (full page loads) with router navigation. */
export function setAuthHandlers(h: { signInRequired?: AuthHandler; passwordChangeRequired?: () => void }) {
  if (h.signInRequired) onSignInRequired = h.signInRequired;
  if (h.passwordChangeRequired) onPasswordChangeRequired = h.passwordChangeRequired;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not redirect to /login on 401 (the sign-in call and the "who am I" probe handle it themselves). */
  skipAuthRedirect?: boolean;
  /** A bearer token instead of the session (the large screen's kiosk link). */
  bearer?: string;
}

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.append(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

/** Turns a non-2xx response body into an ApiError (tolerates non-JSON bodies from proxies). */
export function toApiError(status: number, text: string): ApiError {
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  const err = (parsed as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  if (err && typeof err.code === 'string') {
    return new ApiError(
      status,
      err.code,
      typeof err.message === 'string' ? err.message : err.code,
      err.details,
    );
  }
  const code = status === 0 ? 'NETWORK' : status >= 500 ? 'INTERNAL' : `HTTP_${status}`;
  return new ApiError(status, code, text.slice(0, 200) || `HTTP ${status}`);
}

async function send<T>(path: string, init: RequestInit, skipAuthRedirect = false): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', (e as Error).message);
  }
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const error = toApiError(res.status, await res.text());
  if (!skipAuthRedirect) {
    if (res.status === 401 && (SIGN_IN_CODES as readonly string[]).includes(error.code))
      onSignInRequired(error.code);
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired();
  }
  throw error;
}

function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.bearer) headers.Authorization = `Bearer ${opts.bearer}`;
  const init: RequestInit = { method: opts.method ?? 'GET', headers, signal: opts.signal };
  // Only send a JSON content type with a body: Fastify rejects an empty JSON body.
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }
  return send<T>(withQuery(path, opts.query), init, opts.skipAuthRedirect);
}

/**
 * A response schema from @jixiao/contracts. Every call names the schema of its answer, and the
 * answer's type is inferred from it: the web writes no response type of its own. Calls whose
 * answer the UI does not read pass `undefined` and get `unknown`.
 */
export type Answer<S extends z.ZodType | undefined> = S extends z.ZodType ? z.output<S> : unknown;

/**
 * The answer as the contract types it. In development a body that does not match its schema is
 * reported in the console (the contract and the route have drifted); the body is used as sent, so
 * production behaves the same whether or not it matches.
 */
function typed<S extends z.ZodType | undefined>(schema: S, body: unknown): Answer<S> {
  if (import.meta.env?.DEV && schema) {
    const r = schema.safeParse(body);
    if (!r.success) console.warn('API answer does not match its contract', r.error.issues);
  }
  return body as Answer<S>;
}

type CallOptions = Pick<RequestOptions, 'signal' | 'skipAuthRedirect' | 'bearer'>;

/** The file name a download's Content-Disposition gives (RFC 6266: `filename*` first), or `fallback`. */
export function attachmentName(header: string | null, fallback: string): string {
  const star = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {}
  }
  return header?.match(/filename="([^"]*)"/i)?.[1] || fallback;
}

/** A file from the API: its bytes and name; a refusal throws the ApiError the server coded. */
async function fetchFile(path: string): Promise<{ blob: Blob; name: string }> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', (e as Error).message);
  }
  if (!res.ok) throw toApiError(res.status, await res.text());
  const fallback = decodeURIComponent(path.split('?')[0]!.split('/').at(-1) ?? 'download');
  return { blob: await res.blob(), name: attachmentName(res.headers.get('content-disposition'), fallback) };
}

/** The one API client of the web: feature `api.ts` files call it, pages call those. */
export const api = {
  get: <S extends z.ZodType>(path: string, answer: S, query?: Query, opts?: CallOptions) =>
    request<unknown>(path, { ...opts, query }).then((b) => typed(answer, b)),
  post: <S extends z.ZodType | undefined = undefined>(
    path: string,
    answer?: S,
    body?: unknown,
    opts?: CallOptions,
  ) =>
    request<unknown>(path, { ...opts, method: 'POST', body: body ?? {} }).then((b) => typed(answer as S, b)),
  put: <S extends z.ZodType>(path: string, answer: S, body: unknown) =>
    request<unknown>(path, { method: 'PUT', body }).then((b) => typed(answer, b)),
  patch: <S extends z.ZodType | undefined = undefined>(path: string, answer: S, body: unknown) =>
    request<unknown>(path, { method: 'PATCH', body }).then((b) => typed(answer, b)),
  del: <S extends z.ZodType | undefined = undefined>(path: string, answer?: S, query?: Query) =>
    request<unknown>(path, { method: 'DELETE', query }).then((b) => typed(answer as S, b)),
  /** A file saved under the name the server gives it; a refusal throws (not saved as a file). */
  download: async (path: string) => {
    const { blob, name } = await fetchFile(path);
    saveBlob(blob, name);
  },
  /** Multipart upload (the browser sets the boundary). */
  upload: <S extends z.ZodType>(path: string, answer: S, form: FormData) =>
    send<unknown>(path, { method: 'POST', body: form, headers: { Accept: 'application/json' } }).then((b) =>
      typed(answer, b),
    ),
};
