import { createHash, randomBytes } from 'node:crypto';
import { type Actor, permissionsOf } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { assertPasswordPolicy, DUMMY_HASH, hashPassword, verifyPassword } from '../../platform/passwords.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './identity.repository.js';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const LOCKOUT_MS = 15 * 60 * 1000;
export const MAX_FAILED_LOGINS = 5;
/** Touch a session at most this often, so that reads do not all become writes. */
const TOUCH_EVERY_MS = 30 * 1000;

const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Whether a user must change the password before doing anything: a stored flag (new account, reset
 * password) that demo mode waives for everyone. The one rule for sessions and the user list.
 */
export const mustChangeNow = (deps: Pick<Deps, 'config'>, user: { mustChangePassword: boolean }) =>
  user.mustChangePassword && !deps.config.demo;

export async function loadActor(deps: Deps, user: repo.UserRow): Promise<Actor> {
  const grants = await repo.grantsOf(deps.database.db, [user.id]);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    orgNodeId: user.orgNodeId,
    mustChangePassword: mustChangeNow(deps, user),
    grants: grants.map(({ userId: _, ...g }) => g),
  };
}

/** The signed-in user as the API shows it: grants without their org path, and the permissions. */
export const presentMe = (a: Actor) => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  mustChangePassword: a.mustChangePassword,
  grants: a.grants.map(({ orgPath: _, ...g }) => g),
  permissions: permissionsOf(a),
});
export type Me = ReturnType<typeof presentMe>;

export async function login(
  deps: Deps,
  ctx: Ctx,
  input: { username: string; password: string },
  userAgent: string | null,
): Promise<{ token: string; user: Me }> {
  const db = deps.database.db;
  const now = deps.now();
  const user = await repo.findUserByUsername(db, input.username);
  if (!user?.active) {
    await verifyPassword(DUMMY_HASH, input.password);
    throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password');
  }
  if (user.lockedUntil && user.lockedUntil > now) throw locked(user.lockedUntil, now);

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    // Counted in the database (failed = failed + 1), so parallel failures each count.
    const state = await db.transaction(async (tx) => {
      const s = await repo.recordFailedLogin(tx, user.id, {
        now,
        max: MAX_FAILED_LOGINS,
        lockUntil: new Date(now.getTime() + LOCKOUT_MS),
      });
      // The failure that reaches the threshold locks the account.
      const lockNow = s.failedLogins === MAX_FAILED_LOGINS;
      await recordAudit(
        deps,
        tx,
        ctx,
        { action: lockNow ? 'auth.locked' : 'auth.login_failed', objectType: 'user', objectId: user.id },
        { id: user.id, username: user.username },
      );
      return s;
    });
    if (state.lockedUntil && state.lockedUntil > now) throw locked(state.lockedUntil, now);
    throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password', {
      remainingAttempts: Math.max(0, MAX_FAILED_LOGINS - state.failedLogins),
    });
  }

  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await repo.setLoginState(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    await repo.insertSession(tx, {
      id: sessionId(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      ip: ctx.ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(deps, tx, ctx, { action: 'auth.login', objectType: 'user', objectId: user.id }, user);
  });
  return { token, user: presentMe(await loadActor(deps, user)) };
}

function locked(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60000));
  return new AppError(
    'ACCOUNT_LOCKED',
    `Account locked after ${MAX_FAILED_LOGINS} failed sign-ins; try again later`,
    {
      lockedUntil: until.toISOString(),
      minutes,
    },
  );
}

/** Resolve a cookie token to its actor; an unknown or idle session is expired. */
export async function resolveSession(
  deps: Deps,
  token: string,
): Promise<{ actor: Actor; sessionId: string }> {
  const db = deps.database.db;
  const id = sessionId(token);
  const session = await repo.findSession(db, id);
  const now = deps.now();
  if (!session) throw new AppError('SESSION_EXPIRED', 'Your session has expired; please sign in again');
  const idle = now.getTime() - session.lastSeenAt.getTime();
  if (idle > IDLE_TIMEOUT_MS) {
    await repo.deleteSession(db, id);
    throw new AppError('SESSION_EXPIRED', 'Your session has expired; please sign in again');
  }
  const user = await repo.findUser(db, session.userId);
  if (!user?.active) {
    await repo.deleteSession(db, id);
    throw new AppError('SESSION_EXPIRED', 'Your session has expired; please sign in again');
  }
  if (idle > TOUCH_EVERY_MS) await repo.touchSession(db, id, now);
  return { actor: await loadActor(deps, user), sessionId: id };
}

/** The session behind a cookie, if any: no session and a dead one are answers, not errors. */
export async function currentSession(
  deps: Deps,
  token: string | undefined,
): Promise<{ user: Me | null; expired: boolean }> {
  if (!token) return { user: null, expired: false };
  try {
    return { user: presentMe((await resolveSession(deps, token)).actor), expired: false };
  } catch (e) {
    if (e instanceof AppError && e.code === 'SESSION_EXPIRED') return { user: null, expired: true };
    throw e;
  }
}

export async function logout(deps: Deps, ctx: Ctx, token: string) {
  await deps.database.db.transaction(async (tx) => {
    await repo.deleteSession(tx, sessionId(token));
    await recordAudit(deps, tx, ctx, { action: 'auth.logout', objectType: 'user', objectId: ctx.actor?.id });
  });
}

export async function logoutEverywhere(deps: Deps, ctx: Ctx) {
  const actor = ctx.actor!;
  await deps.database.db.transaction(async (tx) => {
    await repo.deleteUserSessions(tx, actor.id);
    await recordAudit(deps, tx, ctx, { action: 'auth.logout_all', objectType: 'user', objectId: actor.id });
  });
}

export async function changePassword(
  deps: Deps,
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
) {
  const actor = ctx.actor!;
  const db = deps.database.db;
  const user = await repo.findUser(db, actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', 'currentPassword: the current password is wrong', [
      { path: 'currentPassword', message: 'wrong password' },
    ]);
  }
  assertPasswordPolicy(input.newPassword, 'newPassword');
  if (input.newPassword === input.currentPassword) {
    throw new AppError('WEAK_PASSWORD', 'newPassword: must differ from the current password', [
      { path: 'newPassword', message: 'same as current' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, null, { passwordHash, mustChangePassword: false });
    await recordAudit(deps, tx, ctx, {
      action: 'auth.change_password',
      objectType: 'user',
      objectId: user.id,
    });
  });
}
