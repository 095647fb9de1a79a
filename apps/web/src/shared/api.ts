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

export function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method: opts.method ?? 'GET', headers, signal: opts.signal };
  // Only send a JSON content type with a body: Fastify rejects an empty JSON body.
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }
  return send<T>(withQuery(path, opts.query), init, opts.skipAuthRedirect);
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: Omit<RequestOptions, 'method' | 'query'>) =>
    request<T>(path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...opts, method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  del: <T = unknown>(path: string, query?: Query) => request<T>(path, { method: 'DELETE', query }),
  /** Multipart upload (the browser sets the boundary). */
  upload: <T>(path: string, form: FormData) =>
    send<T>(path, { method: 'POST', body: form, headers: { Accept: 'application/json' } }),
};
