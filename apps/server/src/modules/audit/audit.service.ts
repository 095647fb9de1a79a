import type { Executor } from '../../db/client.js';
import { orgScope } from '../../platform/access.js';
import { type ChainProblem, GENESIS, verifyChain } from '../../platform/audit-chain.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type AuditFilter, appendAudit, auditChain, listAudit } from './audit.repository.js';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Append audit rows inside the caller's transaction, so a change and its record commit together.
 * Pass several entries at once for bulk work (imports, seeds): they are chained in one insert.
 */
export function recordAudit(
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  entries: AuditEntry | AuditEntry[],
  actorOverride?: { id: number; username: string },
) {
  const actor = actorOverride ?? (ctx.actor ? { id: ctx.actor.id, username: ctx.actor.username } : null);
  const at = deps.now().toISOString();
  return appendAudit(
    tx,
    deps.config.secret,
    [entries].flat().map((entry) => ({
      at,
      actorId: actor?.id ?? null,
      actorName: actor?.username ?? null,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId == null ? null : String(entry.objectId),
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: ctx.requestId,
      ip: ctx.ip,
    })),
  );
}

/** Audit the creation of an object (action `<objectType>.create`) and answer its state after. */
export async function recordCreated<T>(
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  objectType: string,
  objectId: number,
  after: T,
): Promise<T> {
  await recordAudit(deps, tx, ctx, { action: `${objectType}.create`, objectType, objectId, after });
  return after;
}

/** Audit the deletion of an object (action `<objectType>.delete`) with its state before. */
export async function recordDeleted(
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  objectType: string,
  objectId: number,
  before: unknown,
): Promise<void> {
  await recordAudit(deps, tx, ctx, { action: `${objectType}.delete`, objectType, objectId, before });
}

/** The trail spans every unit: only holders of a global audit grant read it. */
function assertReadsWholeTrail(ctx: Ctx) {
  if (!ctx.actor || !orgScope(ctx.actor, 'audit.read').all)
    throw new AppError('FORBIDDEN', 'The audit log is for the performance office');
}

export async function searchAudit(deps: Deps, ctx: Ctx, filter: AuditFilter) {
  assertReadsWholeTrail(ctx);
  const { items, total } = await listAudit(deps.database.db, filter);
  return {
    // A row as stored, but for the chain's hashes (they stay for `audit verify`).
    items: items.map(({ prevHash: _prev, hash: _hash, ...r }) => ({
      ...r,
      at: new Date(r.at).toISOString(),
      before: r.before ?? null,
      after: r.after ?? null,
    })),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** Check the whole chain, a batch at a time; each batch starts from the last good row of the one before. */
export async function verifyAudit(deps: Deps): Promise<{ checked: number; problem: ChainProblem | null }> {
  let checked = 0;
  let start = { id: 0, hash: GENESIS };
  for await (const batch of auditChain(deps.database.db)) {
    const problem = verifyChain(deps.config.secret, batch, start);
    if (problem) return { checked: checked + batch.findIndex((r) => r.id === problem.id), problem };
    checked += batch.length;
    const last = batch.at(-1)!;
    start = { id: last.id, hash: last.hash };
  }
  return { checked, problem: null };
}

/** The chain check as the office reads it (GET /api/audit-events/verify). */
export async function auditIntegrity(deps: Deps, ctx: Ctx) {
  assertReadsWholeTrail(ctx);
  const { checked, problem } = await verifyAudit(deps);
  return {
    ok: problem === null,
    checked,
    firstBadId: problem?.id ?? null,
    problem: problem?.problem ?? null,
    message: problem?.message ?? `All ${checked} audit rows are intact`,
  };
}
