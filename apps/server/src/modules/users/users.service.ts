import type { GrantInput, User } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import { type Actor, canGrant, inScope, orgScope } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { assertPasswordPolicy, hashPassword } from '../../platform/passwords.js';
import { recordAudit } from '../audit/audit.service.js';
import { mustChangeNow } from '../identity/auth.service.js';
import * as ids from '../identity/identity.repository.js';
import * as org from '../org/org.repository.js';
import { nodeInScope } from '../org/org.service.js';

/** Users as the API shows them; `mustChangePassword` is what really happens at their next sign-in. */
async function present(deps: Deps, db: Executor, rows: ids.UserRow[]): Promise<User[]> {
  const grants = await ids.grantsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    orgNodeId: u.orgNodeId,
    active: u.active,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    mustChangePassword: mustChangeNow(deps, u),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    grants: grants
      .filter((g) => g.userId === u.id)
      .map((g) => ({
        id: g.id,
        role: g.role,
        scopeType: g.scopeType,
        orgNodeId: g.orgNodeId,
        orgNodeName: g.orgNodeName,
        systemId: g.systemId,
        refs: g.refs,
      })),
    version: u.version,
  }));
}

/** What the audit log keeps of a user: never the password hash. */
const auditView = (u: ids.UserRow) => ({
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  orgNodeId: u.orgNodeId,
  active: u.active,
  mustChangePassword: u.mustChangePassword,
  version: u.version,
});

/**
 * A user is within reach when the actor's users scope covers the user's org node. Accounts without a
 * node (office staff, experts) are reachable only with a global scope.
 */
async function userInScope(db: Executor, actor: Actor, id: number, p: 'users.read' | 'users.write') {
  const user = await ids.findUser(db, id);
  if (!user) throw notFound('User');
  const scope = orgScope(actor, p);
  if (scope.all) return user;
  if (user.orgNodeId) {
    const node = await org.findNode(db, user.orgNodeId);
    if (node && inScope(scope, { path: node.path, systemIds: await org.nodeSystemIds(db, node) }))
      return user;
  }
  throw notFound('User');
}

export async function listUsers(
  deps: Deps,
  ctx: Ctx,
  q: { q?: string; orgNodeId?: number; page: number; pageSize: number },
) {
  const db = deps.database.db;
  const { items, total } = await ids.listUsers(db, { ...q, scope: orgScope(ctx.actor!, 'users.read') });
  return { items: await present(deps, db, items), total, page: q.page, pageSize: q.pageSize };
}

export async function getUser(deps: Deps, ctx: Ctx, id: number) {
  const db = deps.database.db;
  return (await present(deps, db, [await userInScope(db, ctx.actor!, id, 'users.read')]))[0]!;
}

async function checkGrant(tx: Executor, actor: Actor, g: GrantInput) {
  let node = null;
  if (g.scopeType === 'org') {
    const row = await nodeInScope(tx, actor, g.orgNodeId!, 'org.read');
    node = { path: row.path, systemIds: await org.nodeSystemIds(tx, row) };
  }
  if (g.scopeType === 'system' && !(await org.findSystem(tx, g.systemId!)))
    throw new AppError('VALIDATION_FAILED', 'grants.systemId: no such evaluation system', [
      { path: 'systemId', message: 'unknown system' },
    ]);
  if (!canGrant(actor, { role: g.role, scopeType: g.scopeType, node, systemId: g.systemId ?? null }))
    throw new AppError('FORBIDDEN', `You may not grant the role ${g.role} with this scope`);
}

export async function createUser(
  deps: Deps,
  ctx: Ctx,
  input: {
    username: string;
    displayName: string;
    email?: string | null;
    orgNodeId?: number | null;
    password: string;
    grants: GrantInput[];
  },
) {
  const actor = ctx.actor!;
  assertPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  return deps.database.db.transaction(async (tx) => {
    if (input.orgNodeId) await nodeInScope(tx, actor, input.orgNodeId, 'users.write');
    else if (!orgScope(actor, 'users.write').all)
      throw new AppError(
        'VALIDATION_FAILED',
        'orgNodeId: required — a unit account belongs to a node of your unit',
        [{ path: 'orgNodeId', message: 'required' }],
      );
    for (const g of input.grants) await checkGrant(tx, actor, g);
    const user = await ids.insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      orgNodeId: input.orgNodeId ?? null,
      passwordHash,
      mustChangePassword: true,
    });
    for (const g of input.grants) await ids.insertGrant(tx, grantRow(user.id, g));
    await recordAudit(deps, tx, ctx, {
      action: 'user.create',
      objectType: 'user',
      objectId: user.id,
      after: { ...auditView(user), grants: input.grants },
    });
    return (await present(deps, tx, [user]))[0]!;
  });
}

const grantRow = (userId: number, g: GrantInput) => ({
  userId,
  role: g.role,
  scopeType: g.scopeType,
  orgNodeId: g.scopeType === 'org' ? g.orgNodeId! : null,
  systemId: g.scopeType === 'system' ? g.systemId! : null,
  refs: g.scopeType === 'indicators' || g.scopeType === 'objects' ? g.refs! : [],
});

export async function updateUser(
  deps: Deps,
  ctx: Ctx,
  id: number,
  input: {
    displayName?: string;
    email?: string | null;
    orgNodeId?: number | null;
    active?: boolean;
    version: number;
  },
) {
  const actor = ctx.actor!;
  return deps.database.db.transaction(async (tx) => {
    const before = await userInScope(tx, actor, id, 'users.write');
    if (input.orgNodeId) await nodeInScope(tx, actor, input.orgNodeId, 'users.write');
    if (input.active === false && id === actor.id)
      throw new AppError('VALIDATION_FAILED', 'active: you cannot deactivate your own account', [
        { path: 'active', message: 'self' },
      ]);
    const { version, ...patch } = input;
    const after = await ids.updateUser(tx, id, version, patch);
    if (!after) throw versionConflict('This account');
    if (input.active === false) await ids.deleteUserSessions(tx, id);
    await recordAudit(deps, tx, ctx, {
      action: 'user.update',
      objectType: 'user',
      objectId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return (await present(deps, tx, [after]))[0]!;
  });
}

export async function resetPassword(deps: Deps, ctx: Ctx, id: number, password: string) {
  assertPasswordPolicy(password);
  const passwordHash = await hashPassword(password);
  await deps.database.db.transaction(async (tx) => {
    await userInScope(tx, ctx.actor!, id, 'users.write');
    await ids.updateUser(tx, id, null, {
      passwordHash,
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
    });
    await ids.deleteUserSessions(tx, id);
    await recordAudit(deps, tx, ctx, { action: 'user.reset_password', objectType: 'user', objectId: id });
  });
}

export async function unlockUser(deps: Deps, ctx: Ctx, id: number) {
  await deps.database.db.transaction(async (tx) => {
    const before = await userInScope(tx, ctx.actor!, id, 'users.write');
    await ids.setLoginState(tx, id, { failedLogins: 0, lockedUntil: null });
    await recordAudit(deps, tx, ctx, {
      action: 'user.unlock',
      objectType: 'user',
      objectId: id,
      before: { lockedUntil: before.lockedUntil?.toISOString() ?? null },
    });
  });
}

export async function addGrant(deps: Deps, ctx: Ctx, id: number, g: GrantInput) {
  return deps.database.db.transaction(async (tx) => {
    const user = await userInScope(tx, ctx.actor!, id, 'users.write');
    await checkGrant(tx, ctx.actor!, g);
    const row = await ids.insertGrant(tx, grantRow(id, g));
    await recordAudit(deps, tx, ctx, {
      action: 'grant.create',
      objectType: 'user',
      objectId: id,
      after: { grantId: row.id, ...g },
    });
    return (await present(deps, tx, [user]))[0]!;
  });
}

export async function removeGrant(deps: Deps, ctx: Ctx, id: number, grantId: number) {
  return deps.database.db.transaction(async (tx) => {
    const user = await userInScope(tx, ctx.actor!, id, 'users.write');
    const grant = await ids.findGrant(tx, id, grantId);
    if (!grant) throw notFound('Grant');
    const node = grant.orgNodeId ? await org.findNode(tx, grant.orgNodeId) : null;
    const scoped = node ? { path: node.path, systemIds: await org.nodeSystemIds(tx, node) } : null;
    if (
      !canGrant(ctx.actor!, {
        role: grant.role as never,
        scopeType: grant.scopeType as never,
        node: scoped,
        systemId: grant.systemId,
      })
    )
      throw new AppError('FORBIDDEN', `You may not remove the role ${grant.role} with this scope`);
    await ids.deleteGrant(tx, grantId);
    await recordAudit(deps, tx, ctx, {
      action: 'grant.delete',
      objectType: 'user',
      objectId: id,
      before: {
        grantId,
        role: grant.role,
        scopeType: grant.scopeType,
        orgNodeId: grant.orgNodeId,
        systemId: grant.systemId,
        refs: grant.refs,
      },
    });
    return (await present(deps, tx, [user]))[0]!;
  });
}
