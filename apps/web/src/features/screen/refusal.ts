import { isApiError } from '../../shared/api.js';

/** The kiosk refusals the screen explains in words of its own (the server's 401 details). */
export const KIOSK_REFUSALS = ['kiosk.revoked', 'kiosk.expired', 'kiosk.invalid'] as const;
export type KioskRefusal = (typeof KIOSK_REFUSALS)[number];

/** Why the screen may not show data any more, or null for a passing failure (it retries). */
export function refusalOf(err: unknown): KioskRefusal | null {
  if (!isApiError(err) || err.status !== 401) return null;
  const code = (err.details as { code?: unknown } | undefined)?.code;
  return (KIOSK_REFUSALS as readonly unknown[]).includes(code) ? (code as KioskRefusal) : 'kiosk.invalid';
}
