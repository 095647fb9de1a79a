import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  type CockpitMap,
  KIOSK_REFRESH_SECONDS,
  type KioskLink,
  type KioskScreen,
  type MapRegion,
  type MapUpload,
  standingOf,
} from '@jixiao/contracts';
import type { Plan } from '@jixiao/engine';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, bad, notFound } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { assemble, openCounts } from '../cockpit/cockpit.service.js';
import { liveEvaluation } from '../live/live.service.js';
import { planInScope } from '../plans/plans.policy.js';
import * as plansRepo from '../plans/plans.repository.js';
import { DEMO_MAP_CODE_PROPERTY, DEMO_MAP_NAME, demoCityMap } from './demo-city-map.js';
import { checkGeoJson, featureCodes, matchFeatures } from './geojson.js';
import * as repo from './kiosk.repository.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Kiosk tokens carry this prefix, so the server knows one when it sees it on any route. */
export const KIOSK_PREFIX = 'jxk_';
/** The only route a kiosk token opens. */
export const KIOSK_SCREEN_URL = '/api/kiosk/screen';

// --- map ---------------------------------------------------------------------------------------------

type Standing = MapRegion;

/** The plan's stored map, or the shipped demo map. */
async function storedMap(deps: Deps, planId: number) {
  const row = await repo.findMap(deps.database.db, planId);
  return row
    ? { source: 'uploaded' as const, name: row.name, codeProperty: row.codeProperty, geojson: row.geojson }
    : {
        source: 'shipped' as const,
        name: DEMO_MAP_NAME,
        codeProperty: DEMO_MAP_CODE_PROPERTY,
        geojson: demoCityMap as unknown as Record<string, unknown>,
      };
}

/** The map with the plan's units matched to its features, in rank order within their groups. */
async function mapWith(
  deps: Deps,
  plan: plansRepo.PlanRow,
  period: string,
  units: Standing[],
): Promise<CockpitMap> {
  const m = await storedMap(deps, plan.id);
  const codes = featureCodes(m.geojson, m.codeProperty);
  const { matched, unmatched } = matchFeatures(codes, new Set(units.map((u) => u.unit)));
  const doc = plan.document as unknown as Plan;
  return {
    planId: plan.id,
    period,
    ...m,
    featureCount: codes.length,
    regions: units.filter((u) => matched.has(u.unit)),
    unmatched,
    grades: (doc.grades?.levels ?? []).map((g) => ({ code: g.code, name: g.name, color: g.color })),
  };
}

/** Every unit's live standing (the live board's evaluation, cached), by group and rank. */
async function standings(deps: Deps, plan: plansRepo.PlanRow, period: string): Promise<Standing[]> {
  const live = await liveEvaluation(deps.database.db, plan, period, deps.now());
  const idOf = new Map(live.rows.map((r) => [r.code, r.id]));
  return live.result.units
    .map((u) => ({ ...standingOf(u), unitId: idOf.get(u.unit) ?? null }))
    .sort((a, b) => a.group.localeCompare(b.group) || a.rank - b.rank || a.unit.localeCompare(b.unit));
}

/** GET /api/cockpit/:planId/map: the map and the value of each region (cockpit.read). */
export async function cockpitMap(deps: Deps, ctx: Ctx, planId: number, period: string) {
  const plan = await planInScope(deps.database.db, ctx.actor!, planId, 'cockpit.read');
  return mapWith(deps, plan, period, await standings(deps, plan, period));
}

const rejectMap = (problems: { path: string; code: string; params: Record<string, unknown> }[]): never => {
  const first = problems[0]!;
  throw new AppError('VALIDATION_FAILED', `${first.path}: ${first.code}`, problems);
};

/**
 * PUT /api/cockpit/:planId/map: the office's own GeoJSON for the plan (cockpit.manage), checked
 * (400 naming each bad feature), stored and audited. Features naming no unit are kept and listed.
 */
export async function uploadMap(deps: Deps, ctx: Ctx, planId: number, body: MapUpload) {
  const db = deps.database.db;
  const plan = await planInScope(db, ctx.actor!, planId, 'cockpit.manage');
  const problems = checkGeoJson(body.geojson, body.codeProperty);
  if (problems.length) rejectMap(problems);
  const geojson = body.geojson as Record<string, unknown>;
  const codes = featureCodes(geojson, body.codeProperty);
  const units = await standings(deps, plan, `${plan.year}-Y`).catch(() => [] as Standing[]);
  const { matched, unmatched } = matchFeatures(codes, new Set(units.map((u) => u.unit)));
  await db.transaction(async (tx) => {
    const before = await repo.findMap(tx, planId);
    await repo.upsertMap(tx, {
      planId,
      name: body.name,
      codeProperty: body.codeProperty,
      geojson,
      uploadedAt: deps.now(),
      uploadedBy: ctx.actor?.displayName ?? null,
    });
    await recordAudit(deps, tx, ctx, {
      action: 'plan_map.upload',
      objectType: 'plan',
      objectId: planId,
      before: before ? { name: before.name, codeProperty: before.codeProperty } : null,
      after: {
        name: body.name,
        codeProperty: body.codeProperty,
        features: codes.length,
        unmatched: unmatched.length,
      },
    });
  });
  return { featureCount: codes.length, matched: matched.size, unmatched };
}

/** DELETE /api/cockpit/:planId/map: back to the shipped map (audited). */
export async function resetMap(deps: Deps, ctx: Ctx, planId: number) {
  const db = deps.database.db;
  await planInScope(db, ctx.actor!, planId, 'cockpit.manage');
  await db.transaction(async (tx) => {
    const before = await repo.findMap(tx, planId);
    if (!before) return;
    await repo.deleteMap(tx, planId);
    await recordAudit(deps, tx, ctx, {
      action: 'plan_map.delete',
      objectType: 'plan',
      objectId: planId,
      before: { name: before.name, codeProperty: before.codeProperty },
    });
  });
}

// --- kiosk links -------------------------------------------------------------------------------------

const presentKiosk = (t: repo.KioskRow): KioskLink => ({
  id: t.id,
  planId: t.planId,
  period: t.period,
  label: t.label,
  refreshSeconds: t.refreshSeconds,
  createdAt: t.createdAt.toISOString(),
  createdBy: t.createdBy,
  expiresAt: iso(t.expiresAt),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
  revokedBy: t.revokedBy,
});

export async function listKiosks(deps: Deps, ctx: Ctx, planId: number) {
  const db = deps.database.db;
  await planInScope(db, ctx.actor!, planId, 'cockpit.manage');
  return (await repo.kiosksOfPlan(db, planId)).map(presentKiosk);
}

/** A new 256-bit kiosk token for the screen of one plan and period; only its SHA-256 is kept. */
export async function createKiosk(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  input: { label: string; period: string; expiresAt?: string | null; refreshSeconds?: number },
) {
  const db = deps.database.db;
  await planInScope(db, ctx.actor!, planId, 'cockpit.manage');
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= deps.now()) throw bad('expiresAt', 'kiosk.expiry_past');
  const token = `${KIOSK_PREFIX}${randomBytes(32).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const row = await repo.insertKiosk(tx, {
      planId,
      period: input.period,
      label: input.label,
      refreshSeconds: input.refreshSeconds ?? KIOSK_REFRESH_SECONDS,
      tokenHash: sha256(token),
      createdAt: deps.now(),
      createdBy: ctx.actor?.displayName ?? null,
      expiresAt,
    });
    await recordAudit(deps, tx, ctx, {
      action: 'kiosk_token.create',
      objectType: 'kiosk_token',
      objectId: row.id,
      after: {
        planId,
        period: row.period,
        label: row.label,
        refreshSeconds: row.refreshSeconds,
        expiresAt: iso(row.expiresAt),
      },
    });
    return { ...presentKiosk(row), token };
  });
}

export async function revokeKiosk(deps: Deps, ctx: Ctx, id: number) {
  const db = deps.database.db;
  const found = await repo.findKiosk(db, id);
  if (!found) throw notFound('Kiosk link');
  await planInScope(db, ctx.actor!, found.planId, 'cockpit.manage');
  return db.transaction(async (tx) => {
    const before = (await repo.findKiosk(tx, id))!;
    if (before.revokedAt) return presentKiosk(before);
    const row = (await repo.revokeKiosk(tx, id, deps.now(), ctx.actor?.displayName ?? null))!;
    await recordAudit(deps, tx, ctx, {
      action: 'kiosk_token.revoke',
      objectType: 'kiosk_token',
      objectId: id,
      before: { revokedAt: null },
      after: { revokedAt: iso(row.revokedAt) },
    });
    return presentKiosk(row);
  });
}

/** A 401 saying why a kiosk token does not open the screen, as `{ code, params }` for the screen. */
export const kioskRefused = (code: 'kiosk.invalid' | 'kiosk.revoked' | 'kiosk.expired' | 'kiosk.scope') =>
  new AppError('UNAUTHENTICATED', code, { code, params: {} });

/** Whether an Authorization header carries a kiosk token (checked on every route, app.ts). */
export const isKioskBearer = (header: string | undefined) =>
  new RegExp(`^Bearer\\s+${KIOSK_PREFIX}`, 'i').test(header ?? '');

/** The kiosk token behind `Authorization: Bearer jxk_…`: 401 when unknown, revoked or expired. */
export async function kioskOf(deps: Deps, header: string | undefined) {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!m?.[1]?.startsWith(KIOSK_PREFIX)) throw kioskRefused('kiosk.invalid');
  const hash = sha256(m[1]);
  const row = await repo.findKioskByHash(deps.database.db, hash);
  const stored = Buffer.from(row?.tokenHash ?? '0'.repeat(64), 'hex');
  if (!row || !timingSafeEqual(Buffer.from(hash, 'hex'), stored)) throw kioskRefused('kiosk.invalid');
  if (row.revokedAt) throw kioskRefused('kiosk.revoked');
  if (row.expiresAt && row.expiresAt <= deps.now()) throw kioskRefused('kiosk.expired');
  return row;
}

/**
 * GET /api/kiosk/screen with a kiosk token: the large screen's data — ranking per group, the map,
 * the open counts and the lagging list of the token's plan and period. Not audited per request;
 * the token's last use is stamped.
 */
export async function screen(deps: Deps, header: string | undefined): Promise<KioskScreen> {
  const token = await kioskOf(deps, header);
  const db = deps.database.db;
  const plan = await plansRepo.findPlan(db, token.planId);
  if (!plan) throw kioskRefused('kiosk.invalid');
  await repo.touchKiosk(db, token.id, deps.now());
  const a = await assemble(deps, null, plan, token.period);
  const units: Standing[] = a.shaped.groups.flatMap((g) =>
    g.units.map((u) => ({
      unitId: u.unitId,
      unit: u.unit,
      name: u.name,
      group: u.group,
      total: u.total,
      rank: u.rank,
      grade: u.grade,
    })),
  );
  return {
    planId: plan.id,
    planName: plan.name,
    period: token.period,
    label: token.label,
    computedAt: a.live.computedAt.toISOString(),
    servedAt: deps.now().toISOString(),
    refreshSeconds: token.refreshSeconds,
    groups: a.shaped.groups.map((g) => ({
      group: g.group,
      name: g.name,
      units: units.filter((u) => u.group === g.group),
    })),
    lagging: a.lagging,
    lagPeriod: a.lagPeriod,
    counts: await openCounts(deps, plan, a),
    map: await mapWith(deps, plan, token.period, units),
  };
}
