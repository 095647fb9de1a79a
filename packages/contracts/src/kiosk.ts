import { z } from 'zod';
import { cockpitCounts, laggingItem } from './cockpit.js';
import { row, scoredUnit, stamp, stampOrNull } from './fields.js';
import { periodCode } from './plans.js';

/**
 * The cockpit map (issue 13 point 2) and the large screen's kiosk links (point 4). A kiosk token is
 * read-only and scoped to the screen of one plan and period; only its SHA-256 is stored.
 */

export const planIdParams = z.strictObject({ planId: z.coerce.number().int().positive() });

// --- map -------------------------------------------------------------------------------------------

/** One region of the map: the feature's code, and the unit's standing when a unit of the plan matches. */
export const mapRegion = z.object({
  ...scoredUnit,
  total: z.number(),
  rank: z.number().int(),
  grade: z.object({ code: z.string(), name: z.string(), color: z.string() }).nullable(),
});
export type MapRegion = z.infer<typeof mapRegion>;

/** A feature whose code names no unit of the plan: listed, not silently dropped. */
export const unmatchedFeature = z.object({ index: z.number().int(), code: z.string() });

export const cockpitMap = z.object({
  planId: z.number().int(),
  period: z.string(),
  /** `shipped`: the demo city's made-up districts and zones; `uploaded`: the office's file. */
  source: z.enum(['shipped', 'uploaded']),
  name: z.string(),
  codeProperty: z.string(),
  /** The GeoJSON FeatureCollection as stored (echarts.registerMap takes it as it is). */
  geojson: z.record(z.string(), z.unknown()),
  featureCount: z.number().int(),
  /** Regions whose code matches a unit of the plan, in rank order. */
  regions: z.array(mapRegion),
  unmatched: z.array(unmatchedFeature),
  /** The plan's grades, best first, for the grade colouring's legend. */
  grades: z.array(z.object({ code: z.string(), name: z.string(), color: z.string() })),
});
export type CockpitMap = z.infer<typeof cockpitMap>;

export const mapUpload = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** The feature property naming the unit code (`code` in the shipped map). */
  codeProperty: z.string().trim().min(1).max(64),
  geojson: z.unknown(),
});
export type MapUpload = z.infer<typeof mapUpload>;

export const mapUploaded = z.object({
  featureCount: z.number().int(),
  matched: z.number().int(),
  unmatched: z.array(unmatchedFeature),
});

// --- kiosk links -------------------------------------------------------------------------------------

export const kioskLink = row({
  planId: z.number().int(),
  period: z.string(),
  label: z.string(),
  refreshSeconds: z.number().int(),
  ...stamp('created'),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  ...stampOrNull('revoked'),
});
export type KioskLink = z.infer<typeof kioskLink>;

export const kioskLinkCreate = z.strictObject({
  label: z.string().trim().min(1).max(100),
  period: periodCode,
  /** ISO time; none: valid until revoked. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** How often the screen asks again (seconds); KIOSK_REFRESH_SECONDS when not given. */
  refreshSeconds: z.number().int().min(5).max(3600).optional(),
});
/** The token is shown once, at creation. */
export const kioskLinkCreated = kioskLink.extend({ token: z.string() });

export const kioskLinkParams = z.strictObject({ id: z.coerce.number().int().positive() });

/** A screen refreshes itself this often (seconds) unless its link says otherwise; each answer says. */
export const KIOSK_REFRESH_SECONDS = 60;

export const kioskScreen = z.object({
  planId: z.number().int(),
  planName: z.string(),
  period: z.string(),
  label: z.string(),
  computedAt: z.string(),
  /** The server's time of this answer: the screen's "updated at". */
  servedAt: z.string(),
  refreshSeconds: z.number().int(),
  groups: z.array(
    z.object({
      group: z.string(),
      name: z.string(),
      units: z.array(mapRegion),
    }),
  ),
  lagging: z.array(laggingItem),
  lagPeriod: z.string(),
  counts: cockpitCounts,
  map: cockpitMap,
});
export type KioskScreen = z.infer<typeof kioskScreen>;

/** 401 details of a kiosk token that no longer opens the screen, or used where it may not be. */
export const kioskErrorCodes = ['kiosk.invalid', 'kiosk.revoked', 'kiosk.expired', 'kiosk.scope'] as const;
