import { isApiError } from '../../shared/api.js';

/**
 * An error as one sentence; a refusal (403) says why — the unit outside the grant, or the
 * indicators a lead department may charge — else the server's own reason.
 */
export function eventErrorText(
  e: unknown,
  format: (e: unknown) => string,
  refusal?: (details: unknown) => string | null,
): string {
  const base = format(e);
  if (!isApiError(e) || e.status !== 403) return base;
  const why = refusal?.(e.details) ?? (e.message && e.message !== e.code ? e.message : null);
  return why && !base.includes(why) ? `${base}：${why}` : base;
}
