/** China Standard Time: UTC+8 all year (no daylight saving). */
export const BEIJING_MS = 8 * 3600_000;

/**
 * A timestamp as the UI prints it, in Beijing time whatever the browser's time zone (deadlines
 * and campaign times are meant in Beijing time), the same in both languages (2026-11-10 09:30) —
 * not the browser locale's "11/10/2026, 9:30:00 AM" inside a Chinese page.
 */
export const formatDateTime = (iso: string | null | undefined) => beijing(iso, 16);
/** The same to the second (the audit trail). */
export const formatDateTimeSeconds = (iso: string | null | undefined) => beijing(iso, 19);

function beijing(iso: string | null | undefined, end: 16 | 19): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = new Date(t + BEIJING_MS).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, end)}`;
}

/**
 * A Beijing wall-clock time as the forms show it (`2026-12-01 09:30`, what `formatDateTime` prints)
 * as an ISO instant with +08:00, whatever the browser's time zone; undefined when it is not one.
 */
export function beijingToIso(wall: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(wall.trim());
  return m ? `${m[1]}T${m[2]}:00+08:00` : undefined;
}
