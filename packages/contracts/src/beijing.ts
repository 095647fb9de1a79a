import { z } from 'zod';

/**
 * Dates as the office means them: calendar days in Beijing time (UTC+8, no daylight saving). A
 * deadline "until 2026-12-20" lasts to the end of that day in Beijing, wherever the server runs.
 */
const OFFSET = 8 * 3600_000;

/** A calendar day, YYYY-MM-DD. */
export const dayCode = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD');

/** The Beijing calendar day of an instant. */
export const beijingDay = (d: Date) => new Date(d.getTime() + OFFSET).toISOString().slice(0, 10);

/** The first instant of a Beijing day. */
export const beijingDayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET);

/** The last millisecond of a Beijing day: a deadline "until `day`". */
export const beijingDayEnd = (day: string) => new Date(beijingDayStart(day).getTime() + 86_400_000 - 1);

/** The instant `days` whole days after `d` (deadlines counted from a step). */
export const daysAfter = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
