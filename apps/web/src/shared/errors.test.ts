import { dictKeys } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { en as enAll, zhCN as zhAll } from '../i18n/resources.js';
import { ApiError, attachmentName, toApiError, withQuery } from './api.js';
import { describeError, KNOWN_ERROR_CODES, minutesUntil } from './errors.js';

const en = enAll.common;
const zhCN = zhAll.common;

const now = Date.parse('2025-03-01T08:00:00Z');
const err = (code: string, details?: unknown, message = 'server says') => ({
  code,
  message,
  details,
  status: 400,
});

describe('describeError', () => {
  it('shows remaining attempts for wrong credentials when the server sends them', () => {
    expect(describeError(err('INVALID_CREDENTIALS', { remainingAttempts: 2 }), now)).toEqual({
      key: 'errors.INVALID_CREDENTIALS_remaining',
      params: { n: 2 },
    });
    expect(describeError(err('INVALID_CREDENTIALS'), now)).toEqual({ key: 'errors.INVALID_CREDENTIALS' });
  });

  it('turns lockedUntil into whole minutes, at least one', () => {
    expect(describeError(err('ACCOUNT_LOCKED', { lockedUntil: '2025-03-01T08:14:10Z' }), now)).toEqual({
      key: 'errors.ACCOUNT_LOCKED_minutes',
      params: { minutes: 15 },
    });
    expect(describeError(err('ACCOUNT_LOCKED', { lockedUntil: '2025-03-01T07:00:00Z' }), now).params).toEqual(
      {
        minutes: 1,
      },
    );
    expect(describeError(err('ACCOUNT_LOCKED', { lockedUntil: 'soon' }), now)).toEqual({
      key: 'errors.ACCOUNT_LOCKED',
    });
  });

  it('maps fixed codes to their own message', () => {
    expect(describeError(err('VERSION_CONFLICT'))).toEqual({ key: 'errors.VERSION_CONFLICT' });
    expect(describeError(err('SESSION_EXPIRED'))).toEqual({ key: 'errors.SESSION_EXPIRED' });
  });

  it("keeps the server's explanation for validation and conflicts", () => {
    expect(describeError(err('CONFLICT', undefined, 'code exists'))).toEqual({
      key: 'errors.CONFLICT_detail',
      params: { message: 'code exists' },
    });
  });

  it('falls back to the server message for unknown codes', () => {
    expect(describeError(err('TEAPOT', undefined, 'short and stout'))).toEqual({
      key: 'errors.UNKNOWN',
      params: { message: 'short and stout' },
    });
  });

  it('has a translation for every key it can return, in both languages', () => {
    const keys = new Set<string>([
      'errors.UNKNOWN',
      'errors.INVALID_CREDENTIALS_remaining',
      'errors.ACCOUNT_LOCKED_minutes',
    ]);
    for (const c of KNOWN_ERROR_CODES) keys.add(describeError(err(c)).key);
    for (const k of keys) {
      const name = k.split('.')[1] as keyof typeof zhCN.errors;
      expect(zhCN.errors[name], k).toBeTypeOf('string');
      expect(en.errors[name], k).toBeTypeOf('string');
    }
  });
});

describe('minutesUntil', () => {
  it('ignores non-dates', () => {
    expect(minutesUntil(undefined, now)).toBeUndefined();
    expect(minutesUntil(42, now)).toBeUndefined();
  });
});

describe('toApiError', () => {
  it('parses the error body', () => {
    const e = toApiError(
      409,
      JSON.stringify({ error: { code: 'VERSION_CONFLICT', message: 'stale', details: { v: 3 } } }),
    );
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message, e.details]).toEqual([409, 'VERSION_CONFLICT', 'stale', { v: 3 }]);
  });
  it('survives a non-JSON body', () => {
    const e = toApiError(502, '<html>Bad gateway</html>');
    expect([e.code, e.status]).toEqual(['INTERNAL', 502]);
    expect(toApiError(404, '').code).toBe('HTTP_404');
  });
});

describe('withQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(withQuery('/api/users', { q: '张 三', page: 2, x: '', y: undefined, z: null })).toBe(
      '/api/users?q=%E5%BC%A0+%E4%B8%89&page=2',
    );
    expect(withQuery('/a', {})).toBe('/a');
  });
});

describe('i18n resources', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(dictKeys(en).sort()).toEqual(dictKeys(zhCN).sort());
  });
});

describe('attachmentName', () => {
  it('prefers the UTF-8 name of RFC 5987 over the ASCII fallback', () => {
    const header = `attachment; filename="scorecard-A01-2026-Y.pdf"; filename*=UTF-8''${encodeURIComponent('效能成绩单-市纪委监委机关-2026-Y.pdf')}`;
    expect(attachmentName(header, 'x')).toBe('效能成绩单-市纪委监委机关-2026-Y.pdf');
  });
  it('takes the plain name, else the fallback', () => {
    expect(attachmentName('attachment; filename="results.xlsx"', 'x')).toBe('results.xlsx');
    expect(attachmentName(null, 'scorecard.pdf')).toBe('scorecard.pdf');
    expect(attachmentName("attachment; filename*=UTF-8''%E0%A4%A", 'f.pdf')).toBe('f.pdf');
  });
});
