import type { OrgKind, OrgNode } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import { type Actor, inScope, orgScope, type Permission } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { recordAudit, recordCreated, recordDeleted } from '../audit/audit.service.js';
import * as repo from './org.repository.js';

const toNode = (n: repo.NodeRow): OrgNode => ({
  id: n.id,
  parentId: n.parentId,
  kind: n.kind as OrgKind,
  code: n.code,
  name: n.name,
  systemId: n.systemId,
  groupId: n.groupId,
  sortOrder: n.sortOrder,
  version: n.version,
});
export const strip = <T extends { createdAt?: unknown; updatedAt?: unknown }>({
  createdAt: _,
  updatedAt: __,
  ...rest
}: T) => rest;

/**
 * Load a node the actor may act on with `p`. A node outside the actor's scope is reported as not
 * found — its existence is not revealed to other units.
 */
export async function nodeInScope(
  db: Executor,
  actor: Actor,
  id: number,
  p: Permission,
): Promise<repo.NodeRow> {
  const node = await repo.findNode(db, id);
  if (!node) throw notFound('Organisation node');
  const scope = orgScope(actor, p);
  if (scope.all) return node;
  if (!inScope(scope, { path: node.path, systemIds: await repo.nodeSystemIds(db, node) })) {
    // Visible but not writable: the actor learns nothing new from a 403 here.
    if (p !== 'org.read' && (await canSee(db, actor, node)))
      throw new AppError('FORBIDDEN', 'You may not change this node');
    throw notFound('Organisation node');
  }
  return node;
}

async function canSee(db: Executor, actor: Actor, node: repo.NodeRow) {
  const scope = orgScope(actor, 'org.read');
  return scope.all || inScope(scope, { path: node.path, systemIds: await repo.nodeSystemIds(db, node) });
}

export async function listNodes(deps: Deps, ctx: Ctx): Promise<OrgNode[]> {
  const rows = await repo.listNodes(deps.database.db, orgScope(ctx.actor!, 'org.read'));
  const ids = new Set(rows.map((r) => r.id));
  // A unit user sees its own subtree with its top node as a root.
  return rows.map((r) => toNode(r.parentId && !ids.has(r.parentId) ? { ...r, parentId: null } : r));
}

export async function getNode(deps: Deps, ctx: Ctx, id: number): Promise<OrgNode> {
  return toNode(await nodeInScope(deps.database.db, ctx.actor!, id, 'org.read'));
}

async function checkGroup(
  db: Executor,
  systemId: number | null | undefined,
  groupId: number | null | undefined,
) {
  if (!groupId) return;
  const g = await repo.groupSystem(db, groupId);
  if (!g)
    throw new AppError('VALIDATION_FAILED', 'groupId: no such group', [
      { path: 'groupId', message: 'unknown group' },
    ]);
  if (systemId && g.systemId !== systemId)
    throw new AppError('VALIDATION_FAILED', 'groupId: the group belongs to another evaluation system', [
      { path: 'groupId', message: 'group of another system' },
    ]);
}

async function checkSystem(db: Executor, systemId: number | null | undefined) {
  if (systemId && !(await repo.findSystem(db, systemId)))
    throw new AppError('VALIDATION_FAILED', 'systemId: no such evaluation system', [
      { path: 'systemId', message: 'unknown system' },
    ]);
}

export function requireGlobalWrite(actor: Actor, what: string) {
  if (!orgScope(actor, 'org.write').all)
    throw new AppError('FORBIDDEN', `Only the performance office may ${what}`);
}

export interface NodeInput {
  parentId: number | null;
  kind: OrgKind;
  code: string;
  name: string;
  systemId?: number | null;
  groupId?: number | null;
  sortOrder?: number;
}

export async function createNode(deps: Deps, ctx: Ctx, input: NodeInput): Promise<OrgNode> {
  return deps.database.db.transaction(async (tx) => {
    let parentPath = '';
    if (input.parentId) parentPath = (await nodeInScope(tx, ctx.actor!, input.parentId, 'org.write')).path;
    else requireGlobalWrite(ctx.actor!, 'create a top-level node');
    await checkSystem(tx, input.systemId);
    await checkGroup(tx, input.systemId, input.groupId);
    const row = await repo.insertNode(
      tx,
      {
        parentId: input.parentId,
        kind: input.kind,
        code: input.code,
        name: input.name,
        systemId: input.systemId ?? null,
        groupId: input.groupId ?? null,
        sortOrder: input.sortOrder ?? 0,
      },
      parentPath,
    );
    await recordCreated(deps, tx, ctx, 'org_node', row.id, strip(row));
    return toNode(row);
  });
}

export async function updateNode(
  deps: Deps,
  ctx: Ctx,
  id: number,
  input: Partial<Omit<NodeInput, 'code' | 'kind'>> & { version: number },
): Promise<OrgNode> {
  return deps.database.db.transaction(async (tx) => {
    const before = await nodeInScope(tx, ctx.actor!, id, 'org.write');
    const { version, ...patch } = input;
    let newPath: string | null = null;
    if (patch.parentId !== undefined && patch.parentId !== before.parentId) {
      if (patch.parentId === null) {
        requireGlobalWrite(ctx.actor!, 'make a node top-level');
        newPath = `/${id}/`;
      } else {
        const parent = await nodeInScope(tx, ctx.actor!, patch.parentId, 'org.write');
        if (parent.path.startsWith(before.path))
          throw new AppError('VALIDATION_FAILED', 'parentId: a node cannot move under itself', [
            { path: 'parentId', message: 'cycle' },
          ]);
        newPath = `${parent.path}${id}/`;
      }
    }
    const systemId = patch.systemId === undefined ? before.systemId : patch.systemId;
    await checkSystem(tx, patch.systemId);
    await checkGroup(tx, systemId, patch.groupId === undefined ? before.groupId : patch.groupId);
    const after = await repo.updateNode(tx, id, version, patch);
    if (!after) throw versionConflict('This organisation node');
    if (newPath) await repo.rewritePaths(tx, before.path, newPath);
    const final = newPath ? (await repo.findNode(tx, id))! : after;
    await recordAudit(deps, tx, ctx, {
      action: 'org_node.update',
      objectType: 'org_node',
      objectId: id,
      before: strip(before),
      after: strip(final),
    });
    return toNode(final);
  });
}

export async function deleteNode(deps: Deps, ctx: Ctx, id: number): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const before = await nodeInScope(tx, ctx.actor!, id, 'org.write');
    const dep = await repo.nodeDependents(tx, id);
    if (dep.children || dep.staff || dep.users)
      throw new AppError(
        'CONFLICT',
        `This node still has ${dep.children} sub-node(s), ${dep.staff} staff and ${dep.users} account(s); move or remove them first`,
        dep,
      );
    await repo.deleteNode(tx, id);
    await recordDeleted(deps, tx, ctx, 'org_node', id, strip(before));
  });
}

// --- staff ------------------------------------------------------------------------------------------

export async function listStaff(deps: Deps, ctx: Ctx, orgNodeId: number) {
  await nodeInScope(deps.database.db, ctx.actor!, orgNodeId, 'org.read');
  return (await repo.listStaff(deps.database.db, orgNodeId)).map(strip);
}

async function staffInScope(db: Executor, actor: Actor, id: number, p: Permission) {
  const row = await repo.findStaff(db, id);
  if (!row) throw notFound('Staff member');
  try {
    await nodeInScope(db, actor, row.orgNodeId, p);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') throw notFound('Staff member');
    throw e;
  }
  return row;
}

export async function createStaff(
  deps: Deps,
  ctx: Ctx,
  input: { orgNodeId: number; employeeNo: string; name: string; title?: string | null },
) {
  return deps.database.db.transaction(async (tx) => {
    await nodeInScope(tx, ctx.actor!, input.orgNodeId, 'org.write');
    const row = await repo.insertStaff(tx, { ...input, title: input.title ?? null });
    return recordCreated(deps, tx, ctx, 'staff', row.id, strip(row));
  });
}

export async function updateStaff(
  deps: Deps,
  ctx: Ctx,
  id: number,
  input: { orgNodeId?: number; name?: string; title?: string | null; version: number },
) {
  return deps.database.db.transaction(async (tx) => {
    const before = await staffInScope(tx, ctx.actor!, id, 'org.write');
    if (input.orgNodeId && input.orgNodeId !== before.orgNodeId)
      await nodeInScope(tx, ctx.actor!, input.orgNodeId, 'org.write');
    const { version, ...patch } = input;
    const after = await repo.updateStaff(tx, id, version, patch);
    if (!after) throw versionConflict('This staff record');
    await recordAudit(deps, tx, ctx, {
      action: 'staff.update',
      objectType: 'staff',
      objectId: id,
      before: strip(before),
      after: strip(after),
    });
    return strip(after);
  });
}

export async function deleteStaff(deps: Deps, ctx: Ctx, id: number) {
  await deps.database.db.transaction(async (tx) => {
    const before = await staffInScope(tx, ctx.actor!, id, 'org.write');
    await repo.deleteStaff(tx, id);
    await recordDeleted(deps, tx, ctx, 'staff', id, strip(before));
  });
}
