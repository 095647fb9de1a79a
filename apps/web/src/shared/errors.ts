/**
 * Maps an API error to an i18n key and its parameters. Pure: the caller translates with `t`.
 * Keys live under `errors.*` in src/i18n/{zh-CN,en}.ts.
 */
import { errorCodes } from '@jixiao/contracts';

export interface ErrorLike {
  status?: number;
  code: string;
  message: string;
  details?: unknown;
}

export interface ErrorText {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * Every code the server can send (contracts' `errorCodes`, one definition) plus the client's own
 * NETWORK: each has its own message; a code outside the list falls back to the server's message.
 */
export const KNOWN_ERROR_CODES = [...errorCodes, 'NETWORK'] as const;

function record(details: unknown): Record<string, unknown> {
  return details && typeof details === 'object' && !Array.isArray(details)
    ? (details as Record<string, unknown>)
    : {};
}

/** Whole minutes until `iso` (at least 1), or undefined when `iso` is not a date. */
export function minutesUntil(iso: unknown, now: number): number | undefined {
  if (typeof iso !== 'string') return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  return Math.max(1, Math.ceil((t - now) / 60_000));
}

export function describeError(err: ErrorLike, now: number = Date.now()): ErrorText {
  const d = record(err.details);
  switch (err.code) {
    case 'INVALID_CREDENTIALS': {
      const n = d.remainingAttempts;
      return typeof n === 'number'
        ? { key: 'errors.INVALID_CREDENTIALS_remaining', params: { n } }
        : { key: 'errors.INVALID_CREDENTIALS' };
    }
    case 'ACCOUNT_LOCKED': {
      const minutes = minutesUntil(d.lockedUntil, now);
      return minutes !== undefined
        ? { key: 'errors.ACCOUNT_LOCKED_minutes', params: { minutes } }
        : { key: 'errors.ACCOUNT_LOCKED' };
    }
    case 'VALIDATION_FAILED':
    case 'CONFLICT':
    case 'WEAK_PASSWORD':
      // The server's message names the field or the clash; show it after our lead-in.
      return { key: `errors.${err.code}_detail`, params: { message: err.message } };
    default:
      if ((KNOWN_ERROR_CODES as readonly string[]).includes(err.code)) return { key: `errors.${err.code}` };
      return { key: 'errors.UNKNOWN', params: { message: err.message || err.code } };
  }
}
