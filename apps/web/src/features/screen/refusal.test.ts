import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.js';
import { refusalOf } from './refusal.js';

describe('the screen’s refusals', () => {
  it('names a revoked, expired or unknown link; a passing failure is none', () => {
    const e = (status: number, code?: string) =>
      new ApiError(status, 'UNAUTHENTICATED', 'x', code && { code, params: {} });
    expect(refusalOf(e(401, 'kiosk.revoked'))).toBe('kiosk.revoked');
    expect(refusalOf(e(401, 'kiosk.expired'))).toBe('kiosk.expired');
    expect(refusalOf(e(401))).toBe('kiosk.invalid');
    expect(refusalOf(e(500))).toBeNull();
    expect(refusalOf(new Error('network'))).toBeNull();
  });
});
