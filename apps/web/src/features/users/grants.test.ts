import { grantInput } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { defaultScopeFor, isLocked, toGrantInput } from './grants.js';

describe('toGrantInput', () => {
  it('drops fields the scope does not use, so the strict contract accepts it', () => {
    const g = toGrantInput({ role: 'unit_admin', scopeType: 'org', orgNodeId: 4, systemId: 2, refs: ['x'] });
    expect(g).toEqual({ role: 'unit_admin', scopeType: 'org', orgNodeId: 4 });
    expect(grantInput.safeParse(g).success).toBe(true);
  });

  it('keeps a global grant minimal', () => {
    expect(toGrantInput({ role: 'office_admin', scopeType: 'global', orgNodeId: 3 })).toEqual({
      role: 'office_admin',
      scopeType: 'global',
    });
  });

  it('trims and de-duplicates refs', () => {
    expect(
      toGrantInput({ role: 'provider', scopeType: 'indicators', refs: [' A1 ', 'A1', '', 'B2'] }),
    ).toEqual({
      role: 'provider',
      scopeType: 'indicators',
      refs: ['A1', 'B2'],
    });
  });

  it('passes a missing system through so the contract reports it', () => {
    const g = toGrantInput({ role: 'leader', scopeType: 'system' });
    expect(grantInput.safeParse(g).success).toBe(false);
  });

  it('requires role and scope', () => {
    expect(() => toGrantInput({ scopeType: 'global' })).toThrow();
  });
});

describe('defaultScopeFor / isLocked', () => {
  it('suggests scopes by role', () => {
    expect(defaultScopeFor('unit_filler')).toBe('org');
    expect(defaultScopeFor('expert')).toBe('objects');
    expect(defaultScopeFor('office_admin')).toBe('global');
    expect(defaultScopeFor(undefined)).toBe('global');
  });
  it('compares the lock time with now', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(isLocked(null, now)).toBe(false);
    expect(isLocked('2025-01-01T00:10:00Z', now)).toBe(true);
    expect(isLocked('2024-12-31T23:59:00Z', now)).toBe(false);
    expect(isLocked('garbage', now)).toBe(false);
  });
});
