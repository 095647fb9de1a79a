import dayjs from 'dayjs';

/**
 * A timestamp as the UI prints it, the same in both languages (2026-11-10 09:30) — not the
 * browser locale's "11/10/2026, 9:30:00 AM" inside a Chinese page.
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso;
}
