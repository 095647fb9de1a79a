import { describe, expect, it } from 'vitest';
import { ballotCodeHash, CODE_BITS, newBallotCodes, normaliseBallotCode } from './ballot-codes.js';

describe('ballot codes', () => {
  it('carry at least 64 random bits and are distinct', () => {
    expect(CODE_BITS).toBeGreaterThanOrEqual(64);
    const codes = newBallotCodes(2000);
    expect(new Set(codes).size).toBe(2000);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    // Every symbol of the alphabet turns up at every position over 2,000 codes (no stuck bits).
    for (let pos = 0; pos < 19; pos++) {
      if (pos % 5 === 4) continue;
      expect(new Set(codes.map((c) => c[pos])).size).toBe(32);
    }
  });

  it('read what a voter types: case, spaces, dashes and O/I/L do not matter', () => {
    const [code] = newBallotCodes(1);
    const n = normaliseBallotCode(code!)!;
    expect(n).toHaveLength(16);
    expect(normaliseBallotCode(` ${code!.toLowerCase().replace(/-/g, ' ')} `)).toBe(n);
    expect(normaliseBallotCode('O1IL-0000-0000-0000')).toBe('0111000000000000');
    expect(normaliseBallotCode('ABCD-EFGH')).toBeNull();
    expect(normaliseBallotCode('ABCD-EFGH-JKMN-PQR!')).toBeNull();
  });

  it('are stored as a SHA-256 that does not contain the code', () => {
    // sha256("0123456789ABCDEF"), computed with `sha256sum` outside the program.
    const h = ballotCodeHash('0123456789ABCDEF');
    expect(h).toBe('2125b2c332b1113aae9bfc5e9f7e3b4c91d828cb942c2df1eeb02502eccae9e9');
    expect(ballotCodeHash('0123456789ABCDEG')).not.toBe(h);
  });
});
