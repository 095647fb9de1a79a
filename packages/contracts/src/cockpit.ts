import { z } from 'zod';
import { scoredUnit } from './fields.js';
import { periodCode } from './plans.js';

/**
 * The leadership cockpit (领导驾驶舱, issue 13; Z5 grade colours, Z6 live scores, Z8 scorecards):
 * one answer per plan and period, shaped from the live evaluation the live-score board uses.
 */

export const cockpitParams = z.strictObject({ planId: z.coerce.number().int().positive() });
export const cockpitUnitParams = z.strictObject({
  planId: z.coerce.number().int().positive(),
  unitId: z.coerce.number().int().positive(),
});
export const cockpitQuery = z.strictObject({ period: periodCode });

const grade = z.object({ code: z.string(), name: z.string(), color: z.string() }).nullable();

/** One point of a unit's monthly trend (the latest visible stored run of that month). */
export const trendPoint = z.object({ period: z.string(), total: z.number(), rank: z.number().int() });

export const cockpitUnit = z.object({
  ...scoredUnit,
  total: z.number(),
  rank: z.number().int(),
  grade,
  /** Points lost in all (leaves scored below full; left-out leaves lose nothing). */
  lostTotal: z.number(),
  /** Points lost per leaf indicator code (only indicators losing points). */
  lost: z.record(z.string(), z.number()),
  /** Score rate 0–1 per top-level component (aspect) code; null when left out. */
  aspects: z.record(z.string(), z.number().nullable()),
  /** Monthly totals and ranks of the plan's year, oldest first (stored runs only). */
  trend: z.array(trendPoint),
});
export type CockpitUnit = z.infer<typeof cockpitUnit>;

export const cockpitIndicator = z.object({
  code: z.string(),
  name: z.string(),
  /** Points lost by the group's units together. */
  lost: z.number(),
});

export const cockpitGroup = z.object({
  group: z.string(),
  name: z.string(),
  /** Units in rank order. */
  units: z.array(cockpitUnit),
  /** The heat map's columns: the indicators losing most points across the group, most first. */
  indicators: z.array(cockpitIndicator),
});
export type CockpitGroup = z.infer<typeof cockpitGroup>;

export const cockpitAspect = z.object({ code: z.string(), name: z.string() });

export const laggingItem = z.object({
  unitId: z.number().int(),
  unit: z.string(),
  name: z.string(),
  group: z.string(),
  indicator: z.string(),
  indicatorName: z.string(),
  ratio: z.number().nullable(),
  status: z.enum(['lagging', 'serious']),
});
export type LaggingItem = z.infer<typeof laggingItem>;

export const cockpitCounts = z.object({
  /** Objections of the plan filed, answered or escalated (not yet settled). */
  openObjections: z.number().int(),
  /** Notices of the plan waiting on someone (filed, open or acknowledged). */
  openNotices: z.number().int(),
  /** Rectification tasks of the system's units not yet closed. */
  openRectifications: z.number().int(),
});

export const cockpit = z.object({
  planId: z.number().int(),
  period: z.string(),
  computedAt: z.string(),
  aspects: z.array(cockpitAspect),
  groups: z.array(cockpitGroup),
  /** The month the lagging list is measured at (the period's last month). */
  lagPeriod: z.string(),
  lagging: z.array(laggingItem),
  /** The monthly periods the trend has stored runs for. */
  trendPeriods: z.array(z.string()),
  counts: cockpitCounts,
});
export type Cockpit = z.infer<typeof cockpit>;

/** A unit's own view (unit head, phone): its standing, where it loses points, its lagging items. */
export const cockpitUnitView = z.object({
  planId: z.number().int(),
  period: z.string(),
  computedAt: z.string(),
  groupSize: z.number().int(),
  unit: cockpitUnit,
  /** Indicators losing points, most first. */
  losing: z.array(cockpitIndicator),
  aspects: z.array(cockpitAspect),
  lagging: z.array(laggingItem),
});
export type CockpitUnitView = z.infer<typeof cockpitUnitView>;
