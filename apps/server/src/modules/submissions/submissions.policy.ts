import { type Actor, inScope, orgScope, type Permission, rolePermissions } from '../../platform/access.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type Leaf, refsCover } from '../plans/plan-leaves.js';

/**
 * Who may read, enter and verify which values. Unit roles act on their org subtree; providers and
 * assessors on the indicators their grant lists (Z4, S3); the office everywhere. Objects outside
 * every scope are "not found", so nobody can probe another unit's data.
 */
export interface UnitNode {
  id: number;
  path: string;
}

/** Indicator codes listed by the actor's 'indicators' grants whose role has `p`. */
export const indicatorRefs = (actor: Actor, p: Permission) =>
  actor.grants.flatMap((g) =>
    g.scopeType === 'indicators' && rolePermissions[g.role].includes(p) ? g.refs : [],
  );

const unitInScope = (actor: Actor, p: Permission, unit: UnitNode, systemId: number) =>
  inScope(orgScope(actor, p), { path: unit.path, systemIds: [systemId] });

/** May see the value of `unit` for `code` (read, download its evidence). */
export const canRead = (actor: Actor, unit: UnitNode, code: string, systemId: number) =>
  unitInScope(actor, 'submissions.read', unit, systemId) ||
  refsCover(indicatorRefs(actor, 'submissions.read'), code);

/** May record a conformity verification of `code` for `unit`. */
export const canVerify = (actor: Actor, unit: UnitNode, code: string, systemId: number) =>
  unitInScope(actor, 'submissions.verify', unit, systemId) ||
  refsCover(indicatorRefs(actor, 'submissions.verify'), code);

/** Whether the actor may enter the value, without throwing: for the form's read-only cells. */
export function mayWrite(
  actor: Actor,
  unit: UnitNode,
  leaf: Leaf,
  systemId: number,
  providerOwned: boolean,
): boolean {
  if (providerOwned) return refsCover(indicatorRefs(actor, 'submissions.write'), leaf.code);
  return unitInScope(actor, 'submissions.write', unit, systemId);
}

/**
 * Refuse an entry the actor may not make: 404 when the value is not even visible to it; 403 naming
 * the data owner when the unit tries to enter a provider-owned indicator (Z4).
 */
export function assertCanWrite(
  actor: Actor,
  unit: UnitNode,
  leaf: Leaf,
  systemId: number,
  providerOwned: boolean,
): 'unit' | 'provider' {
  if (mayWrite(actor, unit, leaf, systemId, providerOwned)) return providerOwned ? 'provider' : 'unit';
  if (!canRead(actor, unit, leaf.code, systemId)) throw notFound('Unit');
  if (providerOwned)
    throw new AppError(
      'FORBIDDEN',
      `indicator: the data of ${leaf.code} ${leaf.name} is supplied by its data provider ${leaf.owner ?? ''} (Z4); the unit cannot enter it`,
      [{ path: 'indicator', message: `provided by ${leaf.owner ?? 'the data provider'}` }],
    );
  throw new AppError('FORBIDDEN', `You may not enter values of this unit for ${leaf.code}`);
}
