import type { GrantInput } from '@jixiao/contracts';
import { grantInput } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { assertPasswordPolicy, hashPassword } from '../../platform/passwords.js';
import { recordAudit } from '../audit/audit.service.js';
import * as ids from '../identity/identity.repository.js';

/**
 * Create an account outside any signed-in session: the CLI's create-admin and the demo seed.
 * The audit row has no actor; the action name says where it came from.
 */
export async function createAccount(
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  input: {
    username: string;
    displayName: string;
    password: string;
    orgNodeId?: number | null;
    grants: GrantInput[];
    mustChangePassword: boolean;
    source: 'cli' | 'seed';
  },
) {
  assertPasswordPolicy(input.password);
  if (await ids.findUserByUsername(tx, input.username))
    throw new AppError('CONFLICT', `username: "${input.username}" already exists`);
  const grants = input.grants.map((g) => grantInput.parse(g));
  const user = await ids.insertUser(tx, {
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    orgNodeId: input.orgNodeId ?? null,
    mustChangePassword: input.mustChangePassword,
  });
  for (const g of grants)
    await ids.insertGrant(tx, {
      userId: user.id,
      role: g.role,
      scopeType: g.scopeType,
      orgNodeId: g.orgNodeId ?? null,
      systemId: g.systemId ?? null,
      refs: g.refs ?? [],
    });
  await recordAudit(deps, tx, ctx, {
    action: `user.create_${input.source}`,
    objectType: 'user',
    objectId: user.id,
    after: { username: user.username, displayName: user.displayName, orgNodeId: user.orgNodeId, grants },
  });
  return user;
}
