import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Plan, ValueInput } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/upload.js';
import { recordAudit } from '../audit/audit.service.js';
import { planInScope } from '../plans/plans.policy.js';
import * as plans from '../plans/plans.repository.js';
import * as repo from './supervision.repository.js';
import {
  checkItems,
  keyWorkCodes,
  parseItemsCsv,
  type RawItem,
  type RowProblem,
} from './supervision.rows.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

// --- tokens ------------------------------------------------------------------------------------------

const presentToken = (t: repo.TokenRow) => ({
  id: t.id,
  name: t.name,
  purpose: t.purpose,
  createdAt: t.createdAt.toISOString(),
  createdBy: t.createdBy,
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
});

export const listTokens = async (deps: Deps) => (await repo.listTokens(deps.database.db)).map(presentToken);

/** A new 256-bit token; the database keeps only its SHA-256, so it is shown once. */
export async function createToken(deps: Deps, ctx: Ctx, name: string, tx?: Executor) {
  const token = `jxs_${randomBytes(32).toString('base64url')}`;
  const run = async (db: Executor) => {
    const row = await repo.insertToken(db, {
      name,
      purpose: 'supervision',
      tokenHash: sha256(token),
      createdAt: deps.now(),
      createdBy: ctx.actor?.username ?? 'demo',
    });
    await recordAudit(deps, db, ctx, {
      action: 'api_token.create',
      objectType: 'api_token',
      objectId: row.id,
      after: { name, purpose: row.purpose },
    });
    return { ...presentToken(row), token };
  };
  return tx ? run(tx) : deps.database.db.transaction(run);
}

export async function revokeToken(deps: Deps, ctx: Ctx, id: number) {
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findToken(tx, id);
    if (!before) throw notFound('Token');
    if (before.revokedAt) return presentToken(before);
    const row = (await repo.setTokenRevoked(tx, id, deps.now()))!;
    await recordAudit(deps, tx, ctx, {
      action: 'api_token.revoke',
      objectType: 'api_token',
      objectId: id,
      before: { revokedAt: null },
      after: { revokedAt: iso(row.revokedAt) },
    });
    return presentToken(row);
  });
}

const badToken = () => new AppError('UNAUTHENTICATED', 'A valid, unrevoked API token is required');

/** The token behind an `Authorization: Bearer` header; 401 when absent, unknown or revoked. */
async function tokenOf(db: Executor, header: string | undefined) {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!m) throw badToken();
  const hash = sha256(m[1]!);
  const row = await repo.findTokenByHash(db, hash);
  // The lookup is by hash (the index); the compare is constant-time so timing says nothing either way.
  const given = Buffer.from(hash, 'hex');
  const stored = Buffer.from(row?.tokenHash ?? '0'.repeat(64), 'hex');
  if (!row || !timingSafeEqual(given, stored) || row.revokedAt) throw badToken();
  return row;
}

/** Checked before the body is even validated, so callers without a token learn nothing of the API. */
export const requireToken = async (deps: Deps, authorization: string | undefined) => {
  await tokenOf(deps.database.db, authorization);
};

/**
 * The system behind a bearer token, checked and stamped as used, in the caller's transaction: the
 * audit names it "api-token:<name>"; the audit log's actor id stays empty because the sender is no
 * account. Every system that pushes data with a token (supervision, the hotline) goes through here.
 */
export async function tokenSender(deps: Deps, tx: Executor, authorization: string | undefined) {
  const token = await tokenOf(tx, authorization);
  await repo.touchToken(tx, token.id, deps.now());
  return { name: token.name, actor: { id: null as unknown as number, username: `api-token:${token.name}` } };
}

// --- import ------------------------------------------------------------------------------------------

type Counts = { created: number; updated: number; unchanged: number };

const reject = (problems: RowProblem[]): never => {
  throw new AppError(
    'IMPORT_REJECTED',
    `${problems.length} item problem(s); nothing was stored. First: ${problems[0]!.field}: ${problems[0]!.message}`,
    problems,
  );
};

/** Check and upsert a batch in the caller's transaction: all items or none. */
async function upsert(
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  planId: number,
  source: string,
  raw: RawItem[],
  actor?: { id: number; username: string },
): Promise<Counts> {
  const plan = await plans.findPlan(tx, planId);
  if (!plan) reject([{ index: 0, field: 'planId', message: `no plan ${planId}` }]);
  const units = new Map((await plans.systemUnits(tx, plan!.systemId)).map((u) => [u.code, u.id]));
  const { items, problems } = checkItems(raw, units, keyWorkCodes(plan!.document as unknown as Plan));
  if (problems.length) reject(problems);
  const existing = new Map(
    (
      await repo.itemsByExternalIds(
        tx,
        source,
        items.map((i) => i.externalId),
      )
    ).map((r) => [r.externalId, r]),
  );
  const now = deps.now();
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const fresh: repo.NewItem[] = [];
  const audit = [];
  for (const i of items) {
    const v = {
      planId: plan!.id,
      unitId: i.unitId,
      indicator: i.indicator,
      title: i.title,
      progress: i.progress,
      dueDate: i.dueDate,
      status: i.status,
    };
    const old = existing.get(i.externalId);
    if (!old) {
      fresh.push({ ...v, source, externalId: i.externalId, importedAt: now, updatedAt: now });
      counts.created++;
      continue;
    }
    const same = (Object.keys(v) as (keyof typeof v)[]).every((k) => old[k] === v[k]);
    if (same) {
      counts.unchanged++;
      continue;
    }
    await repo.updateItem(tx, old.id, { ...v, updatedAt: now });
    counts.updated++;
    audit.push({
      action: 'supervision_item.update',
      objectType: 'supervision_item',
      objectId: old.id,
      before: { progress: old.progress, status: old.status, dueDate: old.dueDate, title: old.title },
      after: { progress: v.progress, status: v.status, dueDate: v.dueDate, title: v.title },
    });
  }
  const inserted = await repo.insertItems(tx, fresh);
  for (const r of inserted)
    audit.push({
      action: 'supervision_item.create',
      objectType: 'supervision_item',
      objectId: r.id,
      after: {
        source,
        externalId: r.externalId,
        unitId: r.unitId,
        indicator: r.indicator,
        progress: r.progress,
      },
    });
  audit.push({
    action: 'supervision_item.import',
    objectType: 'plan',
    objectId: plan!.id,
    after: { source, items: items.length, ...counts },
  });
  await recordAudit(deps, tx, ctx, audit, actor);
  return counts;
}

/** REST import by a supervision system; there is no user: the audit names the token (tokenSender). */
export async function importWithToken(
  deps: Deps,
  ctx: Ctx,
  authorization: string | undefined,
  body: { planId: number; source: string; items: unknown[] },
) {
  return deps.database.db.transaction(async (tx) => {
    const { actor } = await tokenSender(deps, tx, authorization);
    const raw = body.items.map((value, index) => ({ at: { index }, value }));
    return upsert(deps, tx, ctx, body.planId, body.source, raw, actor);
  });
}

/** CSV upload by the office. */
export async function importCsv(deps: Deps, ctx: Ctx, planId: number, source: string, file: UploadedFile) {
  return deps.database.db.transaction(async (tx) => {
    await planInScope(tx, ctx.actor!, planId, 'supervision.manage');
    const { items, problems } = parseItemsCsv(file.data);
    if (problems.length) reject(problems);
    if (items.length === 0) reject([{ line: 2, field: 'file', message: 'the file has no item rows' }]);
    return upsert(deps, tx, ctx, planId, source, items);
  });
}

/** Seed helper: the same upsert without a token (demo data). */
export const importForSeed = (
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  planId: number,
  source: string,
  items: unknown[],
) =>
  upsert(
    deps,
    tx,
    ctx,
    planId,
    source,
    items.map((value, index) => ({ at: { index }, value })),
  );

export async function listItems(deps: Deps, ctx: Ctx, planId: number) {
  const db = deps.database.db;
  await planInScope(db, ctx.actor!, planId, 'supervision.manage');
  const today = deps.now().toISOString().slice(0, 10);
  return (await repo.listItems(db, planId)).map(({ item, unitCode, unitName }) => ({
    id: item.id,
    source: item.source,
    externalId: item.externalId,
    planId: item.planId,
    unitId: item.unitId,
    unitCode,
    unitName,
    indicator: item.indicator,
    title: item.title,
    progress: item.progress,
    dueDate: item.dueDate,
    status: item.status,
    overdue: item.dueDate < today && item.status !== 'completed' && item.progress < 100,
    updatedAt: item.updatedAt.toISOString(),
  }));
}

/**
 * Supervision items as engine inputs for the key-work indicators (H6): per unit and indicator,
 * value = the average progress of its items, target = 100. For composing live scores.
 */
export async function supervisionValues(tx: Executor, planId: number): Promise<ValueInput[]> {
  const rows = await repo.averageProgress(tx, planId);
  return rows.map((r) => ({
    unit: r.unitCode,
    indicator: r.indicator,
    value: Math.round(Number(r.average) * 100) / 100,
    target: 100,
  }));
}
