import type { GrantInput, Role, ScopeType } from '@jixiao/contracts';

/** What the grant editor holds; turned into a contract GrantInput by toGrantInput. */
export interface GrantFormValue {
  role?: Role;
  scopeType?: ScopeType;
  orgNodeId?: number | null;
  systemId?: number | null;
  refs?: string[];
}

/** Keeps only the field the scope needs (GrantInput is a strict object). */
export function toGrantInput(v: GrantFormValue): GrantInput {
  if (!v.role || !v.scopeType) throw new Error('role and scopeType are required');
  const base = { role: v.role, scopeType: v.scopeType };
  switch (v.scopeType) {
    case 'org':
      return { ...base, orgNodeId: v.orgNodeId ?? null };
    case 'system':
      return { ...base, systemId: v.systemId ?? null };
    case 'indicators':
    case 'objects':
      return { ...base, refs: [...new Set((v.refs ?? []).map((r) => r.trim()).filter(Boolean))] };
    default:
      return base;
  }
}

/** A sensible scope for a role: unit roles are scoped to their unit, office roles are global. */
export function defaultScopeFor(role: Role | undefined): ScopeType {
  switch (role) {
    case 'unit_admin':
    case 'unit_filler':
      return 'org';
    case 'provider':
    case 'assessor':
      return 'indicators';
    case 'expert':
      return 'objects';
    default:
      return 'global';
  }
}

/** True when the user's lock is still in force. */
export function isLocked(lockedUntil: string | null, now: number = Date.now()): boolean {
  if (!lockedUntil) return false;
  const t = Date.parse(lockedUntil);
  return !Number.isNaN(t) && t > now;
}
